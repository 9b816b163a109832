import Database from 'better-sqlite3';
import { WrongExpectedVersionError } from '../event-store.port';
import { event, useStoreFile } from './sqlite-event-store.fixture';

describe('SqliteEventStore', () => {
  const { open } = useStoreFile();

  describe('sharing the file', () => {
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
  });

  describe('rolling back', () => {
    // No source app leaves a NOT NULL column empty, so the insert itself fails after the rows before it.
    const unwritable = (seq: number) => event(seq, { sourceApp: undefined });
    // Matched by message: under Jest, better-sqlite3's error can come from another test file's realm.
    const notNullFailure = expect.objectContaining({ message: expect.stringContaining('NOT NULL constraint failed') });

    it('writes nothing of an append whose insert fails partway through the batch', async () => {
      const store = open();

      await expect(store.append('course-1', [event(0), unwritable(1)], 'no-stream')).rejects.toEqual(notNullFailure);

      expect(await store.headPosition()).toBe(0);
      expect(await store.append('course-1', [event(0)], 'no-stream')).toEqual({ nextExpectedRevision: 0, position: 1 });
    });

    it('in one group commit, rolls back each refused or failed append alone', async () => {
      const store = open();

      const [first, failed, refused, second] = await Promise.allSettled([
        store.append('course-1', [event(0)], 'no-stream'),
        store.append('course-2', [event(0), unwritable(1)], 'no-stream'),
        store.append('course-3', [event(0)], 5),
        store.append('course-1', [event(1)], 0),
      ]);

      expect(first).toEqual({ status: 'fulfilled', value: { nextExpectedRevision: 0, position: 1 } });
      expect(failed).toMatchObject({ status: 'rejected', reason: notNullFailure });
      expect(refused).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedVersionError) });
      expect(second).toEqual({ status: 'fulfilled', value: { nextExpectedRevision: 1, position: 2 } });
      expect(await store.readStream('course-2')).toEqual([]);
      expect(await store.verifyIntegrity()).toMatchObject({ ok: true, eventsChecked: 2 });
    });

    it('keeps no append of a group whose transaction SQLite ended part-way on a full disk (simulated by max_page_count on the store connection)', async () => {
      const store = open();
      // No page may be added: a single small event fits the empty tables' root pages, a large batch does not.
      const db = (store as unknown as { db: Database.Database }).db;
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
      const large = Array.from({ length: 100 }, (_, seq) => ({ ...event(seq), data: { text: 'x'.repeat(2_000) } }));

      const outcomes = await Promise.allSettled([
        store.append('course-1', [event(0)], 'no-stream'),
        store.append('course-2', large, 'no-stream'),
        store.append('course-3', [event(0)], 'no-stream'),
      ]);

      expect(outcomes.map((outcome) => outcome.status === 'rejected' && (outcome.reason as { reason?: string }).reason)).toEqual(['disk-full', 'disk-full', 'disk-full']);
      expect(await store.headPosition()).toBe(0);
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
});
