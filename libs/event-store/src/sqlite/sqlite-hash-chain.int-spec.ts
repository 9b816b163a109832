import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { SqliteEventStore } from './sqlite-event-store';
import { event, useStoreFile } from './sqlite-event-store.fixture';

describe('SqliteEventStore', () => {
  const storeFile = useStoreFile();
  const { open, tamper } = storeFile;

  describe('verifyIntegrity', () => {
    // What verify finds is also logged, as damage the store now refuses writes for.
    beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
    afterEach(() => jest.restoreAllMocks());

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
      const raw = new Database(storeFile.file);
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

    it('reports the newest events removed, from the highest position SQLite remembers giving out', async () => {
      const store = open();
      await seed(store, 6);
      tamper('DELETE FROM events WHERE position > 4');

      expect(await store.verifyIntegrity()).toMatchObject({ ok: false, eventsChecked: 4, head: { position: 4 }, removedNewest: { after: 4, upTo: 6 } });
    });

    it('reports events removed at the end even once later events were appended after them', async () => {
      const store = open();
      await seed(store, 6);
      tamper('DELETE FROM events WHERE position > 4');
      await store.append('course-9', [event(7)], 'any');
      const [appended] = await store.readAll({ after: 4 });

      expect(await store.verifyIntegrity()).toMatchObject({
        ok: false,
        head: { position: 4 },
        firstBrokenLink: { position: 7, eventId: appended.metadata.eventId, reason: 'positions 5 to 6 are missing: events were removed' },
      });
    });

    it('needs an anchor kept elsewhere to catch the newest events removed together with the count SQLite keeps of them', async () => {
      const store = open();
      await seed(store, 6);
      const anchor = (await store.chainHead())!;
      tamper('DELETE FROM events WHERE position > 4');
      tamper("UPDATE sqlite_sequence SET seq = 4 WHERE name = 'events'");

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
});
