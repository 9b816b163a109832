import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventToAppend } from '@toc/domain';
import { ExpectedRevision, SqliteEventStore } from '@toc/event-store';
import { AppendContender, EMMETT_SQLITE, openEmmettSqlite, openRawSqlite } from './append-peers';
import { BenchResult } from './bench-result';

const SUITE = 'event-store append (SQLite)';
const SINGLE_APPENDS = 5_000;
const BATCHED_EVENTS = 200_000;
const STREAMS = 100;
const ROUNDS = 2;
const BATCH_TARGET = { value: 20_000, better: 'higher' } as const;
// The product's goals for the store relative to raw better-sqlite3 on the same schema.
const SINGLE_SHARE_OF_RAW_TARGET = { value: 60, better: 'higher' } as const;
const BATCH_SHARE_OF_RAW_TARGET = { value: 80, better: 'higher' } as const;
const RAW_SQLITE = 'raw better-sqlite3';

type Durability = 'FULL' | 'NORMAL';

interface Contender {
  /** Empty for the project's store, whose rows keep their historical names. */
  readonly label: string;
  readonly open: (file: string) => AppendContender;
}

interface Measurement {
  readonly perSecond: number;
  readonly retriedAppends: number;
}

interface LatencyMeasurement extends Measurement {
  readonly p50Ms: number;
  readonly p99Ms: number;
}

interface Ranked<M extends Measurement> {
  readonly contender: Contender;
  readonly best: M;
  /** Every round's rate, in the order the rounds ran. */
  readonly rates: readonly number[];
  readonly retriedAppends: number;
}

interface Command {
  readonly correlationId: string;
  readonly causationId: string;
}

const newCommand = (): Command => ({ correlationId: randomUUID(), causationId: randomUUID() });

/**
 * A session record of about 300 bytes of data, with the metadata the API attaches. Events of one
 * append come from one command, so they share its correlation and causation ids, as in CommandRunner.
 */
const sessionEvent = (seq: number, command: Command): EventToAppend => ({
  type: 'workshop-session-held',
  data: {
    workshopId: `workshop-${seq % STREAMS}`,
    sessionNumber: seq,
    heldOn: '2024-04-18',
    facilitatorId: 'staff-0042',
    participantIds: ['resp-001', 'resp-017', 'resp-023', 'resp-031', 'resp-044', 'resp-058'],
    durationMinutes: 90,
    location: 'Community centre, room 2',
    notes: 'Covered budgeting basics; two participants asked for follow-up on savings groups.',
  },
  metadata: {
    eventId: randomUUID(),
    schemaVersion: 2,
    correlationId: command.correlationId,
    causationId: command.causationId,
    actor: { userId: 'user-7f3a9c', role: 'facilitator', onBehalfOf: 'association-12' },
    sourceApp: 'field-app',
    occurredAt: '2024-04-18T14:00:00.000Z',
    recordedAt: new Date().toISOString(),
  },
});

/** The project's store, with optimistic revisions as command handlers pass them. */
const openProjectStore = (file: string, durability: Durability): AppendContender => {
  const store = SqliteEventStore.open(file, { synchronous: durability });
  const revisions = new Map<string, ExpectedRevision>();
  return {
    async append(streamId, events) {
      const result = await store.append(streamId, events, revisions.get(streamId) ?? 'no-stream');
      revisions.set(streamId, result.nextExpectedRevision);
    },
    close: () => store.close(),
  };
};

/** Emmett's store fixes its own durability (see openEmmettSqlite), so it is measured only where that is ours. */
const contenders = (durability: Durability): Contender[] => [
  { label: '', open: (file) => openProjectStore(file, durability) },
  { label: RAW_SQLITE, open: (file) => openRawSqlite(file, durability) },
  ...(durability === 'FULL' ? [{ label: EMMETT_SQLITE, open: openEmmettSqlite }] : []),
];

const withTempFile = async <T>(contender: Contender, run: (target: AppendContender) => Promise<T>): Promise<T> => {
  const file = join(tmpdir(), `toc-append-bench-${randomUUID()}.sqlite`);
  const target = contender.open(file);
  try {
    return await run(target);
  } finally {
    await target.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
};

/** Appends rotate over streams, as commands for many workshops do. */
const streamOf = (appendIndex: number): string => `workshop-bench-${appendIndex % STREAMS}`;

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const measureSingleAppends = (events: readonly EventToAppend[]) => async (target: AppendContender): Promise<LatencyMeasurement> => {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  for (const [index, event] of events.entries()) {
    const t0 = process.hrtime.bigint();
    await target.append(streamOf(index), [event]);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: events.length / seconds,
    retriedAppends: target.retriedAppends?.() ?? 0,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
};

const measureBatchedAppends = (batches: readonly (readonly EventToAppend[])[]) => async (target: AppendContender): Promise<Measurement> => {
  const started = process.hrtime.bigint();
  for (const [index, batch] of batches.entries()) await target.append(streamOf(index), batch);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: BATCHED_EVENTS / seconds, retriedAppends: target.retriedAppends?.() ?? 0 };
};

/**
 * Each round measures every contender on a fresh file; the order is reversed every other round so
 * no contender always runs first or last. Keeps the best round of each, and every round's rate.
 */
const bestOfRounds = async <M extends Measurement>(all: readonly Contender[], measure: (target: AppendContender) => Promise<M>): Promise<Ranked<M>[]> => {
  const rounds = new Map<Contender, M[]>(all.map((contender) => [contender, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? all : [...all].reverse();
    for (const contender of order) rounds.get(contender)!.push(await withTempFile(contender, measure));
  }
  return all.map((contender) => {
    const measured = rounds.get(contender)!;
    const best = measured.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const retriedAppends = measured.reduce((sum, m) => sum + m.retriedAppends, 0);
    return { contender, best, rates: measured.map((m) => m.perSecond), retriedAppends };
  });
};

const withLabel = (name: string, contender: Contender) => (contender.label ? `${name}, ${contender.label}` : name);

const shareOfRaw = (ranked: readonly Ranked<Measurement>[], name: string, unit: string, target: BenchResult['target'], notes: string): BenchResult => {
  const store = ranked.find((entry) => entry.contender.label === '')!;
  const raw = ranked.find((entry) => entry.contender.label === RAW_SQLITE)!;
  return {
    suite: SUITE,
    name: `${name}, store as % of ${RAW_SQLITE}`,
    value: round1((100 * store.best.perSecond) / raw.best.perSecond),
    unit: '%',
    target,
    notes: `${unit}, best round of each; ${notes}`,
  };
};

const roundsNote = (entry: Ranked<Measurement>, unit: string): string => {
  const rates = entry.rates.map((rate) => Math.round(rate).toLocaleString('en-US')).join(' / ');
  const retried = entry.retriedAppends > 0 ? `; ${entry.retriedAppends} appends retried after SQLITE_BUSY` : '';
  return `best of ${ROUNDS} rounds, order reversed each round: ${rates} ${unit}${retried}`;
};

const singleAppends = async (durability: Durability): Promise<BenchResult[]> => {
  const events = Array.from({ length: SINGLE_APPENDS }, (_, i) => sessionEvent(i, newCommand()));
  const ranked = await bestOfRounds(contenders(durability), measureSingleAppends(events));
  const name = `single-event appends, ${durability}`;
  const workload = `${SINGLE_APPENDS} appends of one event over ${STREAMS} streams, synchronous=${durability}`;
  return [
    ...ranked.flatMap((entry): BenchResult[] => {
      const notes = `${workload}; ${roundsNote(entry, 'appends/s')}; latencies from the best round`;
      return [
        { suite: SUITE, name: withLabel(name, entry.contender), value: Math.round(entry.best.perSecond), unit: 'appends/s', notes },
        { suite: SUITE, name: withLabel(`single-event append p50 latency, ${durability}`, entry.contender), value: round2(entry.best.p50Ms), unit: 'ms', notes },
        { suite: SUITE, name: withLabel(`single-event append p99 latency, ${durability}`, entry.contender), value: round2(entry.best.p99Ms), unit: 'ms', notes },
      ];
    }),
    shareOfRaw(ranked, name, 'appends/s', SINGLE_SHARE_OF_RAW_TARGET, workload),
  ];
};

const batchedAppends = async (durability: Durability, batchSize: number): Promise<BenchResult[]> => {
  // Events are built up front, once for all contenders, so the figure is the store's cost, not the payload factory's.
  const batches = Array.from({ length: BATCHED_EVENTS / batchSize }, (_, b) => {
    const command = newCommand();
    return Array.from({ length: batchSize }, (_, i) => sessionEvent(b * batchSize + i, command));
  });
  const ranked = await bestOfRounds(contenders(durability), measureBatchedAppends(batches));
  const name = `batches of ${batchSize}, ${durability}`;
  const workload = `${BATCHED_EVENTS} events in batches of ${batchSize} over ${STREAMS} streams, one command per batch, synchronous=${durability}`;
  return [
    ...ranked.map(
      (entry): BenchResult => ({
        suite: SUITE,
        name: withLabel(name, entry.contender),
        value: Math.round(entry.best.perSecond),
        unit: 'events/s',
        // The absolute goal is the project's store's; peers are there for comparison.
        ...(entry.contender.label ? {} : { target: BATCH_TARGET }),
        notes: `${workload}; ${roundsNote(entry, 'events/s')}`,
      }),
    ),
    shareOfRaw(ranked, name, 'events/s', BATCH_SHARE_OF_RAW_TARGET, workload),
  ];
};

const round1 = (value: number): number => Math.round(value * 10) / 10;
const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * The disk's single-commit ceiling: appends per second when each one waits for its own fsync'd
 * commit (raw better-sqlite3 on the store's schema, synchronous=FULL, one event per append).
 */
export const singleCommitCeiling = async (appends = 2_000): Promise<number> => {
  const events = Array.from({ length: appends }, (_, i) => sessionEvent(i, newCommand()));
  const raw = contenders('FULL').find((contender) => contender.label === RAW_SQLITE)!;
  return (await withTempFile(raw, measureSingleAppends(events))).perSecond;
};

export async function benchAppend(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const durability of ['FULL', 'NORMAL'] as const) {
    results.push(...(await singleAppends(durability)));
    for (const batchSize of [100, 1_000]) results.push(...(await batchedAppends(durability, batchSize)));
  }
  return results;
}

if (require.main === module) benchAppend().then((results) => console.table(results));
