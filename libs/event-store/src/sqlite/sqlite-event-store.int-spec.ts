import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventMetadata, EventToAppend, RecordedEvent } from '@toc/domain';
import { describeEventStoreContract } from '../event-store.contract';
import { EventStore, WrongExpectedVersionError } from '../event-store.port';
import { EventLogFilter } from '../event-log.port';
import { SqliteEventStore } from './sqlite-event-store';

const tempFile = (): string => join(tmpdir(), `toc-event-store-${randomUUID()}.sqlite`);

const removeDatabase = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
};

const filesByStore = new Map<EventStore, string>();

describeEventStoreContract(
  'SqliteEventStore',
  async () => {
    const file = tempFile();
    const store = SqliteEventStore.open(file, { pollIntervalMs: 20 });
    filesByStore.set(store, file);
    return store;
  },
  async (store) => {
    await store.close();
    removeDatabase(filesByStore.get(store)!);
    filesByStore.delete(store);
  },
);

const event = (seq: number, metadata: Partial<EventMetadata> = {}, type = 'thing-recorded'): EventToAppend => ({
  type,
  data: { seq, text: 'x'.repeat(20) },
  metadata: {
    eventId: randomUUID(),
    schemaVersion: 1,
    correlationId: randomUUID(),
    causationId: null,
    actor: { userId: 'user-1', role: 'case-worker' },
    sourceApp: 'api',
    occurredAt: '2024-02-01T10:00:00.000Z',
    recordedAt: '2024-02-01T10:00:05.000Z',
    ...metadata,
  },
});

const ids = (events: readonly { metadata: EventMetadata }[]): string[] => events.map((e) => e.metadata.eventId);

describe('SqliteEventStore', () => {
  let file: string;
  const opened: SqliteEventStore[] = [];
  const open = (options?: Parameters<typeof SqliteEventStore.open>[1]) => {
    const store = SqliteEventStore.open(file, { pollIntervalMs: 20, ...options });
    opened.push(store);
    return store;
  };
  /** Writes straight to the file, the way someone bypassing the service would. */
  const tamper = (sql: string, ...params: unknown[]) => {
    const raw = new Database(file);
    try {
      raw.prepare(sql).run(...params);
    } finally {
      raw.close();
    }
  };

  beforeEach(() => {
    file = tempFile();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    removeDatabase(file);
  });

  describe('durability and sharing', () => {
    it('keeps events across close and reopen, and continues the sequence', async () => {
      const first = open();
      const batch = [event(0), event(1)];
      const written = await first.append('course-1', batch, 'no-stream');
      await first.close();

      const reopened = open();
      const read = await reopened.readStream('course-1');
      expect(ids(read)).toEqual(ids(batch));
      expect(read[1].position).toBe(written.position);
      expect(await reopened.headPosition()).toBe(written.position);
      const next = await reopened.append('course-1', [event(2)], 1);
      expect(next).toEqual({ nextExpectedRevision: 2, position: written.position + 1 });
    });

    it('delivers appends made through another instance on the same file, by polling', async () => {
      const writer = open();
      const reader = open({ pollIntervalMs: 10 });
      const received: RecordedEvent[] = [];
      let resolveArrived!: () => void;
      const arrived = new Promise<void>((resolve) => (resolveArrived = resolve));
      const subscription = reader.subscribeToAll({
        after: 0,
        onEvents: async (events) => {
          received.push(...events);
          if (received.length === 3) resolveArrived();
        },
      });

      await writer.append('course-1', [event(0)], 'no-stream');
      await writer.append('course-2', [event(0), event(1)], 'no-stream');
      await arrived;
      await subscription.close();

      expect(received.map((e) => e.position)).toEqual([1, 2, 3]);
      expect(received.map((e) => e.streamId)).toEqual(['course-1', 'course-2', 'course-2']);
    });

    it('wakes its own subscriptions on append without waiting for the poll', async () => {
      // A poll interval far beyond the test timeout: only the in-process notification can deliver.
      const store = open({ pollIntervalMs: 600_000 });
      let resolveArrived!: (events: readonly RecordedEvent[]) => void;
      const arrived = new Promise<readonly RecordedEvent[]>((resolve) => (resolveArrived = resolve));
      let caughtUp!: () => void;
      const idle = new Promise<void>((resolve) => (caughtUp = resolve));
      const subscription = store.subscribeToAll({ after: 0, onEvents: async (events) => resolveArrived(events) });
      // The first (empty) read happens on a later turn; wait for it so the append below is live.
      setImmediate(() => setImmediate(caughtUp));
      await idle;

      const { position } = await store.append('course-1', [event(0)], 'no-stream');

      expect((await arrived).map((e) => e.position)).toEqual([position]);
      await subscription.close();
    });

    it('serialises appends from two instances on the same file', async () => {
      const a = open();
      const b = open();
      await a.append('course-1', [event(0)], 'no-stream');

      await expect(b.append('course-1', [event(1)], 'no-stream')).rejects.toBeInstanceOf(WrongExpectedVersionError);
      const fromB = await b.append('course-1', [event(1)], 0);
      const fromA = await a.append('workshop-1', [event(0)], 'no-stream');

      expect(fromB).toEqual({ nextExpectedRevision: 1, position: 2 });
      expect(fromA.position).toBe(3);
      expect((await a.verifyIntegrity()).ok).toBe(true);
    });

    it('accepts the NORMAL durability opt-in', async () => {
      const store = open({ synchronous: 'NORMAL' });
      await store.append('course-1', [event(0)], 'no-stream');
      expect(await store.readStream('course-1')).toHaveLength(1);
    });
  });

  describe('idempotency', () => {
    it('returns the stored result for a replay even when the expected revision has moved on', async () => {
      const store = open();
      const batch = [event(0), event(1)];
      const first = await store.append('course-1', batch, 'no-stream');
      await store.append('course-1', [event(2)], 1);

      const replay = await store.append('course-1', batch, 'no-stream');

      expect(replay).toEqual({ nextExpectedRevision: 2, position: first.position });
      expect(await store.readStream('course-1')).toHaveLength(3);
    });

    it('refuses a batch of which only some events are stored, writing nothing', async () => {
      const store = open();
      const stored = event(0);
      await store.append('course-1', [stored], 'no-stream');

      await expect(store.append('course-1', [stored, event(1)], 'any')).rejects.toThrow('1 of 2 event ids are already stored');
      expect(await store.readStream('course-1')).toHaveLength(1);
    });

    it('refuses an event id that is stored in another stream', async () => {
      const store = open();
      const stored = event(0);
      await store.append('course-1', [stored], 'no-stream');

      await expect(store.append('course-2', [stored], 'no-stream')).rejects.toThrow('already stored in stream course-1');
      expect(await store.readStream('course-2')).toEqual([]);
    });

    it('refuses an empty batch and a batch that repeats an event id', async () => {
      const store = open();
      const repeated = event(0);

      await expect(store.append('course-1', [], 'any')).rejects.toThrow('no events given');
      await expect(store.append('course-1', [repeated, repeated], 'any')).rejects.toThrow('repeats an event id');
      expect(await store.headPosition()).toBe(0);
    });
  });

  describe('subscriptions and close', () => {
    it('close() waits for a running handler', async () => {
      const store = open();
      await store.append('course-1', [event(0)], 'no-stream');
      const order: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let entered!: () => void;
      const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
      store.subscribeToAll({
        after: 0,
        onEvents: async () => {
          entered();
          await gate;
          order.push('handler finished');
        },
      });
      await handlerEntered;

      const closing = store.close().then(() => order.push('store closed'));
      release();
      await closing;

      expect(order).toEqual(['handler finished', 'store closed']);
    });

    it('lets a handler close its own subscription without waiting on itself', async () => {
      const store = open();
      await store.append('course-1', [event(0), event(1)], 'no-stream');
      let calls = 0;
      let closedFromHandler!: () => void;
      const done = new Promise<void>((resolve) => (closedFromHandler = resolve));
      const subscription = store.subscribeToAll({
        after: 0,
        batchSize: 1,
        onEvents: async () => {
          calls += 1;
          await subscription.close();
          closedFromHandler();
        },
      });

      await done;
      await subscription.close();

      expect(calls).toBe(1);
    });
  });

  describe('verifyIntegrity', () => {
    const seed = async (store: SqliteEventStore, count: number) => {
      for (let start = 0; start < count; start += 1_000) {
        const size = Math.min(1_000, count - start);
        await store.append(`course-${start % 3}`, Array.from({ length: size }, (_, i) => event(start + i)), 'any');
      }
    };

    it('reports ok for an empty store and for an untouched one', async () => {
      const store = open();
      expect(await store.verifyIntegrity()).toEqual({ ok: true, eventsChecked: 0, head: null });
      expect(await store.chainHead()).toBeNull();

      await store.append('course-1', [event(0), event(1)], 'no-stream');
      await store.append('workshop-1', [event(0)], 'no-stream');

      const head = await store.chainHead();
      expect(head).toEqual({ position: 3, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(await store.verifyIntegrity()).toEqual({ ok: true, eventsChecked: 3, head });
      expect(await store.verifyIntegrity(head!)).toEqual({ ok: true, eventsChecked: 3, head, anchor: { ...head!, found: head!.hash, ok: true } });
    });

    it('with an anchor kept elsewhere, catches a history rewritten together with its whole chain', async () => {
      const store = open();
      await seed(store, 6);
      const anchor = (await store.chainHead())!;
      // Someone with write access edits event 2 and recomputes every hash after it, as the store would.
      const raw = new Database(file);
      try {
        raw.prepare(`UPDATE events SET data = '{"seq":-1}' WHERE position = 2`).run();
        let previous = '0'.repeat(64);
        for (const row of raw.prepare('SELECT * FROM events ORDER BY position').all() as Record<string, string | number>[]) {
          const hash = createHash('sha256')
            .update(previous)
            .update(JSON.stringify([row.position, row.stream_id, row.revision, row.event_id, row.type, row.data, row.metadata]))
            .digest('hex');
          raw.prepare('UPDATE events SET hash = ? WHERE position = ?').run(hash, row.position);
          previous = hash;
        }
      } finally {
        raw.close();
      }

      expect((await store.verifyIntegrity()).ok).toBe(true);
      const report = await store.verifyIntegrity(anchor);
      expect(report.ok).toBe(false);
      expect(report.anchor).toEqual({ ...anchor, found: expect.stringMatching(/^[0-9a-f]{64}$/), ok: false });
      expect(report.anchor!.found).not.toBe(anchor.hash);
    });

    it('with an anchor kept elsewhere, catches the newest events removed', async () => {
      const store = open();
      await seed(store, 6);
      const anchor = (await store.chainHead())!;
      tamper('DELETE FROM events WHERE position > 4');

      expect((await store.verifyIntegrity()).ok).toBe(true);
      expect(await store.verifyIntegrity(anchor)).toMatchObject({ ok: false, head: { position: 4 }, anchor: { position: 6, found: null, ok: false } });
    });

    it('names the row whose data was rewritten behind its back', async () => {
      const store = open({ synchronous: 'NORMAL' });
      await seed(store, 25_000);
      const [target] = await store.readAll({ after: 21_233, limit: 1 });
      tamper(`UPDATE events SET data = '{"seq":-1}' WHERE position = ?`, target.position);

      const report = await store.verifyIntegrity();

      expect(report).toEqual({
        ok: false,
        eventsChecked: 21_233,
        head: { position: 21_233, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
        firstBrokenLink: {
          position: 21_234,
          streamId: target.streamId,
          eventId: target.metadata.eventId,
          reason: expect.stringContaining('hash does not match'),
        },
      });
    });

    it('notices a removed row at its successor', async () => {
      const store = open();
      await seed(store, 5);
      const [successor] = await store.readAll({ after: 3, limit: 1 });
      tamper('DELETE FROM events WHERE position = 3');

      const report = await store.verifyIntegrity();

      expect(report.firstBrokenLink).toMatchObject({ position: 4, eventId: successor.metadata.eventId });
    });

    it('notices a filter column that no longer matches the metadata', async () => {
      const store = open();
      await seed(store, 5);
      tamper(`UPDATE events SET actor_user = 'someone-else' WHERE position = 2`);

      const report = await store.verifyIntegrity();

      expect(report.firstBrokenLink).toMatchObject({ position: 2, reason: 'column actor_user does not match the event metadata' });
    });
  });

  describe('queryLog', () => {
    interface Seed {
      stream: string;
      type: string;
      user: string;
      role: string;
      app: string;
      occurredAt: string;
      recordedAt: string;
      correlation: string;
      causation: string | null;
    }
    const seeds: Seed[] = [
      { stream: 'course-1', type: 'course-planned', user: 'u1', role: 'staff', app: 'api', occurredAt: '2024-01-01T08:00:00.000Z', recordedAt: '2024-01-01T08:00:01.000Z', correlation: 'c1', causation: null },
      { stream: 'course-1', type: 'session-held', user: 'u1', role: 'staff', app: 'api', occurredAt: '2024-01-02T08:00:00.000Z', recordedAt: '2024-01-02T08:00:01.000Z', correlation: 'c1', causation: 'cmd-1' },
      { stream: 'course-2', type: 'course-planned', user: 'u2', role: 'facilitator', app: 'field-app', occurredAt: '2024-01-03T10:00:00+02:00', recordedAt: '2024-01-03T08:30:00.000Z', correlation: 'c2', causation: null },
      { stream: 'workshop-1', type: 'workshop-held', user: 'u2', role: 'facilitator', app: 'field-app', occurredAt: '2024-01-04T08:00:00.000Z', recordedAt: '2024-01-04T08:00:01.000Z', correlation: 'c3', causation: 'cmd-2' },
      { stream: 'courses-9', type: 'session-held', user: 'u3', role: 'admin', app: 'cli', occurredAt: '2024-01-05T08:00:00.000Z', recordedAt: '2024-01-05T08:00:01.000Z', correlation: 'c4', causation: null },
      { stream: 'course-2', type: 'session-held', user: 'u1', role: 'staff', app: 'api', occurredAt: '2024-01-06T08:00:00.000Z', recordedAt: '2024-01-06T08:00:01.000Z', correlation: 'c2', causation: 'cmd-1' },
      { stream: 'workshop-1', type: 'participant-registered', user: 'u3', role: 'admin', app: 'cli', occurredAt: '2024-01-07T08:00:00.000Z', recordedAt: '2024-01-07T08:00:01.000Z', correlation: 'c5', causation: null },
      { stream: 'course-1', type: 'course-closed', user: 'u2', role: 'facilitator', app: 'api', occurredAt: '2024-01-08T08:00:00.000Z', recordedAt: '2024-01-08T08:00:01.000Z', correlation: 'c1', causation: 'cmd-3' },
    ];
    let store: SqliteEventStore;
    let stored: RecordedEvent[];

    beforeEach(async () => {
      store = open();
      for (const [i, s] of seeds.entries()) {
        const toAppend: EventToAppend = {
          type: s.type,
          data: { seq: i },
          metadata: {
            ...event(i).metadata,
            actor: { userId: s.user, role: s.role },
            sourceApp: s.app,
            occurredAt: s.occurredAt,
            recordedAt: s.recordedAt,
            correlationId: s.correlation,
            causationId: s.causation,
          },
        };
        await store.append(s.stream, [toAppend], 'any');
      }
      stored = await store.readAll();
    });

    const positionsWhere = (predicate: (s: Seed) => boolean) => seeds.flatMap((s, i) => (predicate(s) ? [i + 1] : []));
    const query = async (filter: Omit<EventLogFilter, 'limit'> & { limit?: number }) =>
      (await store.queryLog({ limit: 100, ...filter })).map((e) => e.position);

    it.each<[string, Omit<EventLogFilter, 'limit'>, (s: Seed) => boolean]>([
      ['actorUserId', { actorUserId: 'u1' }, (s) => s.user === 'u1'],
      ['actorRole', { actorRole: 'facilitator' }, (s) => s.role === 'facilitator'],
      ['sourceApp', { sourceApp: 'cli' }, (s) => s.app === 'cli'],
      ['types', { types: ['session-held', 'course-closed'] }, (s) => s.type === 'session-held' || s.type === 'course-closed'],
      ['streamId', { streamId: 'workshop-1' }, (s) => s.stream === 'workshop-1'],
      ['streamPrefix', { streamPrefix: 'course-' }, (s) => s.stream.startsWith('course-')],
      ['occurredFrom (offsets compared as instants)', { occurredFrom: '2024-01-03T09:00:00.000Z' }, (s) => Date.parse(s.occurredAt) >= Date.parse('2024-01-03T09:00:00.000Z')],
      ['occurredTo (exclusive)', { occurredTo: '2024-01-04T08:00:00.000Z' }, (s) => Date.parse(s.occurredAt) < Date.parse('2024-01-04T08:00:00.000Z')],
      ['recordedFrom and recordedTo', { recordedFrom: '2024-01-02T08:00:01.000Z', recordedTo: '2024-01-06T08:00:01.000Z' }, (s) => s.recordedAt >= '2024-01-02T08:00:01.000Z' && s.recordedAt < '2024-01-06T08:00:01.000Z'],
      ['correlationId', { correlationId: 'c1' }, (s) => s.correlation === 'c1'],
      ['causationId', { causationId: 'cmd-1' }, (s) => s.causation === 'cmd-1'],
      ['several filters together', { actorRole: 'staff', types: ['session-held'], streamPrefix: 'course-' }, (s) => s.role === 'staff' && s.type === 'session-held' && s.stream.startsWith('course-')],
    ])('filters by %s', async (_name, filter, predicate) => {
      const expected = positionsWhere(predicate);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(seeds.length);

      expect(await query(filter)).toEqual(expected);
      expect(await query({ ...filter, direction: 'backwards' })).toEqual([...expected].reverse());
    });

    it('finds events by id, in position order, ignoring unknown ids', async () => {
      const wanted = [stored[5], stored[1]].map((e) => e.metadata.eventId);

      const found = await store.queryLog({ eventIds: [...wanted, randomUUID()], limit: wanted.length + 1 });

      expect(found.map((e) => e.position)).toEqual([2, 6]);
      expect(found[0]).toEqual(stored[1]);
      expect(await query({ eventIds: wanted })).toEqual([2, 6]);
      expect(await store.queryLog({ eventIds: [], limit: 1 })).toEqual([]);
    });

    it('pages forwards with after and backwards with before', async () => {
      const pages = async (direction: 'forwards' | 'backwards') => {
        const all: number[][] = [];
        let cursor: number | undefined;
        for (;;) {
          const page = await query({ limit: 3, direction, ...(direction === 'forwards' ? { after: cursor } : { before: cursor }) });
          if (page.length === 0) return all;
          all.push(page);
          cursor = page[page.length - 1];
        }
      };

      expect(await pages('forwards')).toEqual([[1, 2, 3], [4, 5, 6], [7, 8]]);
      expect(await pages('backwards')).toEqual([[8, 7, 6], [5, 4, 3], [2, 1]]);
      expect(await query({ after: 2, before: 6, direction: 'backwards' })).toEqual([5, 4, 3]);
      expect(await query({ actorUserId: 'u1', after: 1, limit: 1 })).toEqual([2]);
    });

    it('gathers planner statistics once the log is large enough, and again on open when they are missing', async () => {
      const big = open({ synchronous: 'NORMAL' });
      const statisticsRows = (): number => {
        const raw = new Database(file, { readonly: true });
        try {
          const tables = raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('sqlite_stat1', 'sqlite_stat4')").get() as { n: number };
          if (tables.n < 2) return 0;
          return (raw.prepare("SELECT count(*) AS n FROM sqlite_stat4 WHERE tbl = 'events'").get() as { n: number }).n;
        } finally {
          raw.close();
        }
      };
      expect(statisticsRows()).toBe(0);
      for (let i = 0; i < 10; i += 1) await big.append('course-big', Array.from({ length: 1_000 }, (_, j) => event(i * 1_000 + j)), 'any');
      // The refresh is queued with setImmediate after the append; this callback runs after it.
      await new Promise((resolve) => setImmediate(resolve));
      expect(statisticsRows()).toBeGreaterThan(0);

      await big.close();
      tamper("DELETE FROM sqlite_stat1 WHERE tbl = 'events'");
      tamper("DELETE FROM sqlite_stat4 WHERE tbl = 'events'");
      expect(statisticsRows()).toBe(0);
      open();
      expect(statisticsRows()).toBeGreaterThan(0);
    });

    it('returns events in full and rejects bad arguments', async () => {
      const [first] = await store.queryLog({ limit: 1 });
      expect(first).toEqual(stored[0]);
      expect(await query({ types: [] })).toEqual([]);
      await expect(store.queryLog({ limit: 0 })).rejects.toThrow(RangeError);
      await expect(store.queryLog({ limit: 10, occurredFrom: 'yesterday' })).rejects.toThrow('occurredFrom');
    });
  });
});
