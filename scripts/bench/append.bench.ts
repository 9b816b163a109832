import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventToAppend } from '@toc/domain';
import { ExpectedRevision, SqliteEventStore } from '@toc/event-store';
import { BenchResult } from './bench-result';

const SUITE = 'event-store append (SQLite)';
const SINGLE_APPENDS = 5_000;
const BATCHED_EVENTS = 200_000;
const STREAMS = 100;
const BATCH_TARGET = { value: 20_000, better: 'higher' } as const;

type Durability = 'FULL' | 'NORMAL';

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

const withTempStore = async <T>(durability: Durability, run: (store: SqliteEventStore) => Promise<T>): Promise<T> => {
  const file = join(tmpdir(), `toc-append-bench-${randomUUID()}.sqlite`);
  const store = SqliteEventStore.open(file, { synchronous: durability });
  try {
    return await run(store);
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
};

/** Appends rotate over streams with optimistic revisions, as command handlers do. */
const rotatingStreams = () => {
  const revisions = new Map<string, ExpectedRevision>();
  let next = 0;
  return {
    async append(store: SqliteEventStore, events: readonly EventToAppend[]) {
      const streamId = `workshop-bench-${next++ % STREAMS}`;
      const result = await store.append(streamId, events, revisions.get(streamId) ?? 'no-stream');
      revisions.set(streamId, result.nextExpectedRevision);
    },
  };
};

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const singleAppends = (durability: Durability): Promise<BenchResult[]> =>
  withTempStore(durability, async (store) => {
    const events = Array.from({ length: SINGLE_APPENDS }, (_, i) => sessionEvent(i, newCommand()));
    const streams = rotatingStreams();
    const latencies: number[] = [];
    const started = process.hrtime.bigint();
    for (const event of events) {
      const t0 = process.hrtime.bigint();
      await streams.append(store, [event]);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    const notes = `${SINGLE_APPENDS} appends of one event over ${STREAMS} streams, synchronous=${durability}`;
    return [
      { suite: SUITE, name: `single-event appends, ${durability}`, value: Math.round(SINGLE_APPENDS / seconds), unit: 'appends/s', notes },
      { suite: SUITE, name: `single-event append p50 latency, ${durability}`, value: round2(percentile(latencies, 50)), unit: 'ms', notes },
      { suite: SUITE, name: `single-event append p99 latency, ${durability}`, value: round2(percentile(latencies, 99)), unit: 'ms', notes },
    ];
  });

const batchedAppends = (durability: Durability, batchSize: number): Promise<BenchResult> =>
  withTempStore(durability, async (store) => {
    // Events are built up front so the figure is the store's cost, not the payload factory's.
    const batches = Array.from({ length: BATCHED_EVENTS / batchSize }, (_, b) => {
      const command = newCommand();
      return Array.from({ length: batchSize }, (_, i) => sessionEvent(b * batchSize + i, command));
    });
    const streams = rotatingStreams();
    const started = process.hrtime.bigint();
    for (const batch of batches) await streams.append(store, batch);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      suite: SUITE,
      name: `batches of ${batchSize}, ${durability}`,
      value: Math.round(BATCHED_EVENTS / seconds),
      unit: 'events/s',
      target: BATCH_TARGET,
      notes: `${BATCHED_EVENTS} events in batches of ${batchSize} over ${STREAMS} streams, one command per batch, synchronous=${durability}`,
    };
  });

const round2 = (value: number): number => Math.round(value * 100) / 100;

export async function benchAppend(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const durability of ['FULL', 'NORMAL'] as const) {
    results.push(...(await singleAppends(durability)));
    for (const batchSize of [100, 1_000]) results.push(await batchedAppends(durability, batchSize));
  }
  return results;
}

if (require.main === module) benchAppend().then((results) => console.table(results));
