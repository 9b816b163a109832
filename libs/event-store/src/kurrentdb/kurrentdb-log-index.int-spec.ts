import Database from 'better-sqlite3';
import { event, ids, removeDatabase, tempFile } from '../sqlite/sqlite-event-store.fixture';
import { IndexedKurrentDbEventStore } from './kurrentdb-event-store';
import { SimulatedKurrentDb } from './kurrentdb-simulated-client.fixture';

/*
 * The local log index (audit-log queries and hash chain) on a real SQLite file, fed by a
 * simulated KurrentDB client; kurrentdb-event-store.int-spec.ts runs it against a server when
 * KURRENTDB_URL is set.
 */
describe('IndexedKurrentDbEventStore: the local log index', () => {
  let server: SimulatedKurrentDb;
  let file: string;
  const opened: IndexedKurrentDbEventStore[] = [];
  const open = (logIndexFile = file) => {
    const store = new IndexedKurrentDbEventStore(server.client, { logIndexFile });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    server = new SimulatedKurrentDb();
    file = tempFile();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    removeDatabase(file);
  });

  describe('queryLog', () => {
    it('sees every event appended before the query, filtered and paged as the embedded store does', async () => {
      const store = open();
      await store.append('course-1', [event(0, { actor: { userId: 'anna', role: 'facilitator' } }), event(1)], 'no-stream');
      expect(ids(await store.queryLog({ limit: 10 }))).toHaveLength(2);

      server.writeSystemEvent();
      const late = event(2, { actor: { userId: 'anna', role: 'facilitator' } }, 'course-ended');
      await store.append('workshop-1', [late], 'no-stream');

      const byAnna = await store.queryLog({ actorUserId: 'anna', limit: 10 });
      expect(byAnna.map((e) => e.streamId)).toEqual(['course-1', 'workshop-1']);
      expect(ids(await store.queryLog({ types: ['course-ended'], limit: 10 }))).toEqual(ids([late]));
      expect(ids(await store.queryLog({ streamPrefix: 'workshop-', limit: 10 }))).toEqual(ids([late]));
      const [newest] = await store.queryLog({ direction: 'backwards', limit: 1 });
      expect(newest.metadata.eventId).toBe(late.metadata.eventId);
      const page = await store.queryLog({ direction: 'backwards', before: newest.position, limit: 5 });
      expect(page.map((e) => e.revision)).toEqual([1, 0]);
      expect(await store.queryLog({ after: newest.position, limit: 5 })).toEqual([]);
    });

    it('answers queries asked while a copy is running with one that starts after it', async () => {
      const store = open();
      await store.append('course-1', [event(0)], 'no-stream');
      const first = store.queryLog({ limit: 10 });
      await store.append('course-1', [event(1)], 0);
      const second = store.queryLog({ limit: 10 });
      const third = store.queryLog({ limit: 10 });
      // The first may or may not have read the second append; those asked after it must have.
      expect((await first).length).toBeGreaterThanOrEqual(1);
      expect(await second).toHaveLength(2);
      expect(await third).toHaveLength(2);
    });

    it('shares its file between processes without copying an event twice', async () => {
      const one = open();
      const other = open();
      await one.append('course-1', [event(0), event(1)], 'no-stream');
      await Promise.all([one.queryLog({ limit: 10 }), other.queryLog({ limit: 10 })]);
      await other.append('course-2', [event(2)], 'no-stream');

      expect(await other.queryLog({ limit: 10 })).toHaveLength(3);
      expect(await one.queryLog({ limit: 10 })).toHaveLength(3);
      expect((await one.verifyIntegrity()).ok).toBe(true);
    });
  });

  describe('verifyIntegrity', () => {
    const seed = async (store: IndexedKurrentDbEventStore) => {
      await store.append('course-1', [event(0), event(1)], 'no-stream');
      server.writeSystemEvent();
      await store.append('course-2', [event(2), event(3)], 'no-stream');
      await store.append('course-1', [event(4)], 1);
      return store.readAll();
    };

    it('reports ok for an empty log and for an untouched one, with the same chain from any copy', async () => {
      const store = open();
      expect(await store.verifyIntegrity()).toEqual({ ok: true, eventsChecked: 0, head: null });
      const events = await seed(store);

      const head = await store.chainHead();
      expect(head).toEqual({ position: events[4].position, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(await store.verifyIntegrity(head!)).toEqual({ ok: true, eventsChecked: 5, head, anchor: { ...head!, found: head!.hash, ok: true } });
      const elsewhere = tempFile();
      try {
        expect(await open(elsewhere).chainHead()).toEqual(head);
      } finally {
        removeDatabase(elsewhere);
      }
    });

    it('names an event removed from the server after it was indexed', async () => {
      const store = open();
      const events = await seed(store);
      await store.chainHead();
      server.remove(events[2].position);

      expect(await store.verifyIntegrity()).toMatchObject({
        ok: false,
        eventsChecked: 2,
        firstBrokenLink: { position: events[2].position, streamId: 'course-2', eventId: events[2].metadata.eventId, reason: expect.stringMatching(/no longer on the server/) },
      });
    });

    it('names an event changed on the server after it was indexed', async () => {
      const store = open();
      const events = await seed(store);
      await store.chainHead();
      server.rewrite(events[3].position, { seq: -1 });

      expect(await store.verifyIntegrity()).toMatchObject({ ok: false, eventsChecked: 3, firstBrokenLink: { position: events[3].position, reason: expect.stringMatching(/differs/) } });
    });

    it('names a row of the local copy edited behind its back, data or a filter column', async () => {
      const store = open();
      const events = await seed(store);
      await store.chainHead();
      const raw = new Database(file);
      try {
        raw.prepare(`UPDATE events SET data = '{"seq":-1}' WHERE position = ?`).run(events[1].position);
        expect(await store.verifyIntegrity()).toMatchObject({ ok: false, firstBrokenLink: { position: events[1].position, reason: expect.stringMatching(/local index row/) } });
        raw.prepare(`UPDATE events SET data = ? WHERE position = ?`).run(JSON.stringify(events[1].data), events[1].position);
        raw.prepare(`UPDATE events SET actor_user = 'someone-else' WHERE position = ?`).run(events[0].position);
        expect(await store.verifyIntegrity()).toMatchObject({ ok: false, firstBrokenLink: { position: events[0].position, reason: expect.stringMatching(/column actor_user/) } });
      } finally {
        raw.close();
      }
    });

    it('with an anchor kept elsewhere, catches a copy rebuilt from a server whose history changed before', async () => {
      const store = open();
      const events = await seed(store);
      const anchor = (await store.chainHead())!;
      server.rewrite(events[1].position, { seq: -1 });
      const rebuilt = tempFile();
      try {
        const fresh = open(rebuilt);
        expect((await fresh.verifyIntegrity()).ok).toBe(true);
        const report = await fresh.verifyIntegrity(anchor);
        expect(report.ok).toBe(false);
        expect(report.anchor).toEqual({ ...anchor, found: expect.stringMatching(/^[0-9a-f]{64}$/), ok: false });
        expect(report.anchor!.found).not.toBe(anchor.hash);
      } finally {
        removeDatabase(rebuilt);
      }
    });
  });
});
