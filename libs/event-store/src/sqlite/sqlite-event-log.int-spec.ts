import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { EventToAppend, RecordedEvent } from '@toc/domain';
import { EventLogFilter } from '../event-log.port';
import { SqliteEventStore } from './sqlite-event-store';
import { event, useStoreFile } from './sqlite-event-store.fixture';

describe('SqliteEventStore', () => {
  const storeFile = useStoreFile();
  const { open, tamper } = storeFile;

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
        const raw = new Database(storeFile.file, { readonly: true });
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
