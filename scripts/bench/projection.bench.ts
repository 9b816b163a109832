import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { INDICATOR_CELLS, ReadModelDefinition, cellId, domainUpcasters, programmeReadModel } from '@toc/domain';
import { SqliteEventStore } from '@toc/event-store';
import {
  CHECKPOINTS,
  EvolvingDocument,
  MongoReadModelStore,
  PROJECTION_STATUS,
  ProjectionRunner,
  ReadModelStore,
  SqliteReadModelStore,
  StoredProjectionStatus,
  collectionIn,
  documentKey,
  evolveDocument,
  namespaceOf,
  replayIndexPosition,
} from '@toc/read-models';
import { BenchResult } from './bench-result';
import { GeneratedHistory, cohortsFor, liveEvent } from './generate-events';

const SUITE = 'projections (programme read model)';
const CALENDAR = { start: '2010-01-01', end: '2011-12-31' } as const;
const LIVE_SAMPLES = 400;
const LIVE_RATE_PER_SECOND = 50;
const RSS_SAMPLE_MS = 50;
const TARGETS = {
  sqlite: { value: 50_000, better: 'higher' },
  mongodb: { value: 20_000, better: 'higher' },
  replayIndex: { value: 50_000, better: 'higher' },
  rss: { value: 400, better: 'lower' },
  ofLimit: { value: 25, better: 'higher' },
  flatness: { value: 25, better: 'lower' },
  lagP99: { value: 200, better: 'lower' },
} as const;

type Kind = 'sqlite' | 'mongodb';

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const MB = 2 ** 20;

/** A file of the repository, looked for upward from the working directory and from where this file runs. */
const repositoryFile = (relative: string): string => {
  for (let dir of [process.cwd(), __dirname]) {
    for (;;) {
      const candidate = join(dir, relative);
      if (existsSync(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`cannot find ${relative} above ${process.cwd()} or ${__dirname}`);
};

/**
 * The generated history of `events` events, generated once per generator version (in a child
 * process, so that its memory does not count in this one) and cached in the temp directory.
 */
export const generatedHistory = async (events: number): Promise<{ file: string; history: GeneratedHistory }> => {
  const generator = join(__dirname, 'generate-events.js');
  const version = createHash('sha256').update(readFileSync(generator)).digest('hex').slice(0, 12);
  const file = join(tmpdir(), `toc-bench-history-${events}-${version}.sqlite`);
  const summary = `${file}.json`;
  if (existsSync(file) && existsSync(summary)) return { file, history: JSON.parse(readFileSync(summary, 'utf8')) as GeneratedHistory };
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  console.error(`generating ${events.toLocaleString('en-US')} events into ${file} ...`);
  const history = await new Promise<GeneratedHistory>((resolvePromise, reject) => {
    const child = fork(generator, [file, String(events)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: GeneratedHistory | undefined;
    child.on('message', (message) => (result = message as GeneratedHistory));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && result ? resolvePromise(result) : reject(new Error(`the generator exited with ${code}`))));
  });
  writeFileSync(summary, JSON.stringify(history));
  return { file, history };
};

const startMongo = async (): Promise<{ url: string; stop: () => Promise<void> }> => {
  if (process.env.MONGODB_URL) return { url: process.env.MONGODB_URL, stop: async () => undefined };
  const { startReplSet } = require(repositoryFile('scripts/mongo-replset.js')) as {
    startReplSet: () => Promise<{ uri: string; stop: () => Promise<void> }>;
  };
  const replSet = await startReplSet();
  return { url: replSet.uri, stop: () => replSet.stop() };
};

/**
 * Tracks the resident set size of this process: on a timer, and on every commit, since a SQLite
 * subscription that is catching up applies batch after batch without ever yielding to timers.
 */
class RssWatch {
  private peak = 0;
  private readonly timer = setInterval(() => this.sample(), RSS_SAMPLE_MS);

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }

  /** Stops sampling; the peak in MB. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak / MB;
  }
}

/** The store as the runner sees it, sampling memory before each commit and noting the rebuild's progress. */
const sampledOnCommit = (store: ReadModelStore, watch: () => RssWatch | undefined, progress: { position: number; ms: number }[]): ReadModelStore => ({
  get: (collection, id) => store.get(collection, id),
  getMany: (collection, ids) => store.getMany(collection, ids),
  find: (collection, options) => store.find(collection, options),
  commit: (changes) => {
    watch()?.sample();
    for (const change of changes) {
      const rebuild = change.collection === PROJECTION_STATUS ? (change.doc as StoredProjectionStatus | null)?.rebuild : undefined;
      if (rebuild) progress.push({ position: rebuild.position, ms: performance.now() });
    }
    return store.commit(changes);
  },
  ensureIndex: (collection, fields) => store.ensureIndex(collection, fields),
  dropCollection: (collection) => store.dropCollection(collection),
  listCollections: () => store.listCollections(),
  close: () => store.close(),
});

/**
 * Makes the store look as if version 1 of the read model were live and caught up, with no
 * documents, so that starting version 2 rebuilds it blue/green from position 0, as after a
 * changed indicator definition.
 */
const seedLiveVersion = async (store: ReadModelStore, definition: ReadModelDefinition, head: number) => {
  const namespace = namespaceOf(definition, 1);
  const status: StoredProjectionStatus = { id: definition.name, version: definition.version, build: 1, namespace, rebuild: null, lastError: null, revision: 1 };
  await store.commit([
    { collection: PROJECTION_STATUS, id: definition.name, doc: { ...status }, position: 1 },
    { collection: CHECKPOINTS, id: namespace, doc: { id: namespace, position: head }, position: head },
  ]);
};

interface Measured {
  readonly events: number;
  readonly eventsPerSecond: number;
  /** Events per second of the rebuild's folding pass in each tenth of the history. */
  readonly tenths: readonly number[];
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly lagP50: number;
  readonly lagP99: number;
  readonly lagMax: number;
  readonly cells: number;
  /** The position the replay index covered when readers switched to the build. */
  readonly indexedAtSwitch: number | null;
}

/**
 * The machine's limit for a rebuild of this file: read every event, upcast it, route it and fold
 * it into its documents in memory, with nothing written and no indicator computed.
 */
const readAndFold = async (events: SqliteEventStore, definition: ReadModelDefinition): Promise<number> => {
  const documents = new Map<string, EvolvingDocument>();
  const started = process.hrtime.bigint();
  let count = 0;
  for (let after = 0; ; ) {
    const page = await events.readAll({ after, limit: 5_000 });
    if (page.length === 0) break;
    after = page[page.length - 1].position;
    for (const stored of page) {
      const event = domainUpcasters.upcast(stored);
      count++;
      for (const projection of definition.projections) {
        if (!projection.handles.has(event.type)) continue;
        for (const id of projection.documentIds(event)) {
          const key = documentKey(projection.collection, id);
          let entry = documents.get(key);
          if (!entry) documents.set(key, (entry = { current: null, position: 0 }));
          evolveDocument(projection, entry, event, id, true);
        }
      }
    }
  }
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
};

/** Events per second in each tenth of a rebuild, from the progress it writes to its status. */
const perTenth = (progress: readonly { position: number; ms: number }[], head: number): number[] => {
  const rates: number[] = [];
  for (let tenth = 1; tenth <= 10; tenth++) {
    const from = progress.find((entry) => entry.position >= ((tenth - 1) * head) / 10);
    const to = progress.find((entry) => entry.position >= (tenth * head) / 10);
    if (from && to && to.ms > from.ms) rates.push((to.position - from.position) / ((to.ms - from.ms) / 1000));
  }
  return rates;
};

/** `liveFrom` numbers the live events, so that each measurement appends new ones. */
const measure = async (events: SqliteEventStore, store: ReadModelStore, cohorts: number, liveFrom: number): Promise<Measured> => {
  const current = programmeReadModel(CALENDAR);
  const next: ReadModelDefinition = { ...current, version: current.version + 1 };
  const head = await events.headPosition();
  await seedLiveVersion(store, current, head);

  // Rebuild from position 0 beside the (empty) live build, until readers switch to it.
  let watch: RssWatch | undefined;
  const progress: { position: number; ms: number }[] = [];
  const runner = new ProjectionRunner(events, sampledOnCommit(store, () => watch, progress), next, domainUpcasters, { progressIntervalMs: 0 });
  watch = new RssWatch();
  const started = process.hrtime.bigint();
  await runner.start();
  await runner.waitFor(head);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakRssMb = watch.stop();
  watch = undefined;
  const namespace = runner.activeNamespace;
  if (namespace !== namespaceOf(next, 2)) throw new Error(`expected the rebuilt build to be live, found ${namespace}`);
  const indexedAtSwitch = await replayIndexPosition(store, namespace);
  const cells = (await store.find(collectionIn(namespace, INDICATOR_CELLS))).length;

  // Live: single appends at a steady rate, each timed until the runner has applied it.
  const eventsHeld = cellId({ indicator: 'ACT-EVENTS-HELD', periodType: 'programme', period: 'programme', dimension: 'total', value: '*' });
  const heldBefore = ((await store.get(collectionIn(namespace, INDICATOR_CELLS), eventsHeld))?.doc.sums as { numerator: number }).numerator;
  const latencies: number[] = [];
  const samples: Promise<void>[] = [];
  const firstAt = performance.now();
  for (let n = 0; n < LIVE_SAMPLES; n++) {
    const due = firstAt + (n * 1000) / LIVE_RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolveWait) => setTimeout(resolveWait, wait));
    const { streamId, event } = liveEvent(liveFrom + n, cohorts, new Date());
    const appendedAt = performance.now();
    samples.push(
      events.append(streamId, [event], 'no-stream').then(async ({ position }) => {
        await runner.waitFor(position);
        latencies.push(performance.now() - appendedAt);
      }),
    );
  }
  await Promise.all(samples);
  const heldAfter = ((await store.get(collectionIn(namespace, INDICATOR_CELLS), eventsHeld))?.doc.sums as { numerator: number }).numerator;
  if (heldAfter !== heldBefore + LIVE_SAMPLES) throw new Error(`ACT-EVENTS-HELD went from ${heldBefore} to ${heldAfter}, expected +${LIVE_SAMPLES}`);
  await runner.stop();

  latencies.sort((a, b) => a - b);
  return {
    events: head,
    eventsPerSecond: head / seconds,
    tenths: perTenth(progress, head),
    seconds,
    peakRssMb,
    lagP50: percentile(latencies, 50),
    lagP99: percentile(latencies, 99),
    lagMax: latencies[latencies.length - 1],
    cells,
    indexedAtSwitch,
  };
};

const results = (kind: Kind, measured: Measured, limitPerSecond: number, notes: string): BenchResult[] => {
  const label = kind === 'sqlite' ? 'SQLite' : 'MongoDB';
  return [
    {
      suite: SUITE,
      name: `rebuild from position 0, ${label} read models`,
      value: Math.round(measured.eventsPerSecond),
      unit: 'events/s',
      target: TARGETS[kind],
      notes: `${measured.events.toLocaleString('en-US')} events in ${round(measured.seconds)} s; ${notes}`,
    },
    {
      suite: SUITE,
      name: `rebuild as a share of the read-and-fold limit, ${label}`,
      value: round((100 * measured.eventsPerSecond) / limitPerSecond),
      unit: '%',
      target: TARGETS.ofLimit,
      notes: `limit: ${Math.round(limitPerSecond).toLocaleString('en-US')} events/s reading, upcasting, routing and folding the same file in memory (a process of its own, same run)`,
    },
    {
      suite: SUITE,
      name: `folding pass per tenth of the history, spread, ${label}`,
      value: measured.tenths.length ? round((100 * (Math.max(...measured.tenths) - Math.min(...measured.tenths))) / Math.max(...measured.tenths)) : 0,
      unit: '%',
      target: TARGETS.flatness,
      notes: `(fastest − slowest) / fastest; events/s by tenth: ${measured.tenths.map((rate) => Math.round(rate).toLocaleString('en-US')).join(', ')}; the routing pass before it reads the whole history once more`,
    },
    {
      suite: SUITE,
      name: `replay index, built in the rebuild's pass, ${label}`,
      value: Math.round(measured.eventsPerSecond),
      unit: 'events/s',
      target: TARGETS.replayIndex,
      notes: `the same figure as the rebuild, whose pass builds the index too; index position when readers switched: ${measured.indexedAtSwitch === measured.events ? 'the head, so the build was replay-ready when it went live' : String(measured.indexedAtSwitch)}`,
    },
    { suite: SUITE, name: `peak RSS during the rebuild, ${label}`, value: round(measured.peakRssMb), unit: 'MB', target: TARGETS.rss, notes: `the measuring process (one per store), sampled on every commit and every ${RSS_SAMPLE_MS} ms` },
    {
      suite: SUITE,
      name: `live lag p50, append to indicator visible, ${label}`,
      value: round(measured.lagP50, 2),
      unit: 'ms',
      notes: `${LIVE_SAMPLES} single appends at ${LIVE_RATE_PER_SECOND}/s on top of the history`,
    },
    {
      suite: SUITE,
      name: `live lag p99, append to indicator visible, ${label}`,
      value: round(measured.lagP99, 2),
      unit: 'ms',
      target: TARGETS.lagP99,
      notes: `max ${round(measured.lagMax, 2)} ms`,
    },
  ];
};

/** Runs one measurement in a child process of its own, so that its peak RSS is its own. */
const measureApart = (kind: Kind, eventsFile: string, cohorts: number, liveFrom: number, mongoUrl?: string): Promise<Measured> =>
  new Promise((resolvePromise, reject) => {
    const child = fork(__filename, [MEASURE_FLAG, kind, eventsFile, String(cohorts), String(liveFrom), mongoUrl ?? ''], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let measured: Measured | undefined;
    child.on('message', (message) => (measured = message as Measured));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && measured ? resolvePromise(measured) : reject(new Error(`the ${kind} measurement exited with ${code}`))));
  });

const MEASURE_FLAG = '--measure';
const LIMIT_FLAG = '--limit';

/** The read-and-fold limit of the file, in a child process so that its memory counts nowhere else. */
const limitApart = (eventsFile: string): Promise<number> =>
  new Promise((resolvePromise, reject) => {
    const child = fork(__filename, [LIMIT_FLAG, eventsFile], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let limit: number | undefined;
    child.on('message', (message) => (limit = message as number));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && limit ? resolvePromise(limit) : reject(new Error(`the limit measurement exited with ${code}`))));
  });

/** The child side of measureApart. */
const measureHere = async ([kind, eventsFile, cohorts, liveFrom, mongoUrl]: string[]): Promise<Measured> => {
  const events = SqliteEventStore.open(eventsFile, { synchronous: 'FULL' });
  const sqliteFile = `${eventsFile}.read-models.sqlite`;
  const store = kind === 'sqlite' ? SqliteReadModelStore.open(sqliteFile) : await MongoReadModelStore.connect(mongoUrl, `toc_bench_${process.pid}`);
  try {
    return await measure(events, store, Number(cohorts), Number(liveFrom));
  } finally {
    if (kind === 'mongodb') for (const collection of await store.listCollections()) await store.dropCollection(collection);
    await store.close();
    await events.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
  }
};

/**
 * Rebuild throughput of the programme read model from position 0 on SQLite and on MongoDB read
 * models, peak RSS during each rebuild, and the live lag from a single append to its indicator
 * change being visible. The history comes from generate-events (city-wide mix over 2010-2011);
 * each store is measured in a process of its own.
 */
export async function benchProjections(options: { events: number }): Promise<BenchResult[]> {
  const events = options.events;
  const { file: cached, history } = await generatedHistory(events);
  const output: BenchResult[] = [
    {
      suite: SUITE,
      name: 'history generated',
      value: history.events,
      unit: 'events',
      notes: `${history.cohorts} neighbourhood cohorts: ${history.associations.toLocaleString('en-US')} associations, ${history.staff.toLocaleString('en-US')} staff, ${history.streams.toLocaleString('en-US')} streams; written at ${Math.round(history.events / history.seconds)} events/s in ${history.appends.toLocaleString('en-US')} appends`,
    },
  ];
  // The live measurement appends, so each run works on a copy of the cached history.
  const work = join(tmpdir(), `toc-bench-projections-${process.pid}-events.sqlite`);
  copyFileSync(cached, work);
  const cohorts = cohortsFor(events);
  try {
    const limit = await limitApart(work);
    const sqlite = await measureApart('sqlite', work, cohorts, 0);
    output.push(...results('sqlite', sqlite, limit, `bulk build then batches of 500, synchronous=FULL, ${sqlite.cells.toLocaleString('en-US')} indicator cells`));
    const mongo = await startMongo();
    try {
      const measured = await measureApart('mongodb', work, cohorts, LIVE_SAMPLES, mongo.url);
      output.push(...results('mongodb', measured, limit, `bulk build then batches of 500, one-node replica set, majority writes, ${measured.cells.toLocaleString('en-US')} indicator cells`));
    } finally {
      await mongo.stop();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
  }
  return output;
}

if (require.main === module) {
  if (process.argv[2] === LIMIT_FLAG) {
    const events = SqliteEventStore.open(process.argv[3]);
    readAndFold(events, programmeReadModel(CALENDAR))
      .then((limit) => process.send!(limit, () => process.exit(0)))
      .catch((error) => {
        console.error(error);
        process.exit(1);
      });
  } else if (process.argv[2] === MEASURE_FLAG) {
    measureHere(process.argv.slice(3))
      .then((measured) => process.send!(measured, () => process.exit(0)))
      .catch((error) => {
        console.error(error);
        process.exit(1);
      });
  } else {
    benchProjections({ events: Number(process.argv[2] ?? 1_000_000) })
      .then((r) => console.table(r))
      .catch((error) => {
        console.error(error);
        process.exit(1);
      });
  }
}
