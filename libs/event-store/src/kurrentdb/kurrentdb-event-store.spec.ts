import { AccessDeniedError, UnavailableError } from '@kurrent/kurrentdb-client';
import { RecordedEvent } from '@toc/domain';
import { describeEventStoreContract } from '../event-store.contract';
import { EXTERNAL } from './kurrentdb-mapping';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { SimulatedKurrentDb } from './kurrentdb-simulated-client.fixture';
import { event, ids } from '../sqlite/sqlite-event-store.fixture';

/*
 * The adapter's own logic on a simulated client: batching, resubscription, idempotent replays,
 * reading results back, position handling. The real server is exercised only by
 * kurrentdb-event-store.int-spec.ts when KURRENTDB_URL is set.
 */

const reconnect = { initialDelayMs: 5, maxDelayMs: 20 };

describeEventStoreContract('KurrentDbEventStore on a simulated client (adapter logic only, no KurrentDB server)', async () => {
  const server = new SimulatedKurrentDb();
  server.writeSystemEvent();
  return new KurrentDbEventStore(server.client, { reconnect });
});

describe('KurrentDbEventStore on a simulated client', () => {
  let server: SimulatedKurrentDb;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    server = new SimulatedKurrentDb();
    store = new KurrentDbEventStore(server.client, { reconnect });
  });

  afterEach(() => store.close());

  /** Collects what a subscription delivers until `done` says it has enough. */
  const subscribe = (after: number, done: (received: RecordedEvent[]) => boolean) => {
    const received: RecordedEvent[] = [];
    const batches: number[] = [];
    let settle!: () => void;
    let fail!: (error: unknown) => void;
    const arrived = new Promise<void>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    const subscription = store.subscribeToAll({
      after,
      batchSize: 3,
      onEvents: async (events) => {
        batches.push(events.length);
        received.push(...events);
        if (done(received)) settle();
      },
      onError: fail,
    });
    return { subscription, received, batches, arrived };
  };

  describe('positions', () => {
    it('are sparse byte offsets, increasing, with system events left out of reads, the head and subscriptions', async () => {
      const first = await store.append('course-1', [event(0), event(1)], 'no-stream');
      server.writeSystemEvent();
      const second = await store.append('course-2', [event(2)], 'no-stream');
      server.writeSystemEvent();

      const all = await store.readAll();
      expect(all.map((e) => e.streamId)).toEqual(['course-1', 'course-1', 'course-2']);
      expect(all[1].position - all[0].position).toBeGreaterThan(1);
      expect(await store.headPosition()).toBe(second.position);
      expect(first.position).toBe(all[1].position);
    });

    it('refuses to read $all from an offset that is no event position, and says why', async () => {
      const { position } = await store.append('course-1', [event(0)], 'no-stream');
      await expect(store.readAll({ after: position - 1 })).rejects.toThrow(/position ± 1 is not one/);
    });

    it('reads after a position with a limit, leaving out the event at the position', async () => {
      await store.append('course-1', [event(0), event(1), event(2)], 'no-stream');
      const all = await store.readAll();
      expect(ids(await store.readAll({ after: all[0].position, limit: 1 }))).toEqual(ids([all[1]]));
      expect(await store.readAll({ after: all[2].position })).toEqual([]);
      expect(await store.readAll({ limit: 0 })).toEqual([]);
    });
  });

  describe('idempotent appends', () => {
    it("recognises a replay with 'any', which KurrentDB does not reliably deduplicate, and writes nothing", async () => {
      const batch = [event(0), event(1)];
      const first = await store.append('course-1', batch, 'any');
      const calls = server.appendCalls;

      expect(await store.append('course-1', batch, 'any')).toEqual(first);
      expect(server.appendCalls).toBe(calls);
      expect(await store.readStream('course-1')).toHaveLength(2);
    });

    it('recognises a replay at a later expected revision without writing, as the embedded store does', async () => {
      const batch = [event(0)];
      const first = await store.append('course-1', batch, 'no-stream');
      const extended = await store.append('course-1', [event(1)], 0);

      expect(await store.append('course-1', batch, 1)).toEqual({ nextExpectedRevision: 1, position: first.position });
      expect(await store.readStream('course-1')).toHaveLength(2);
      expect(extended.nextExpectedRevision).toBe(1);
    });

    it('gives a server-side idempotent acknowledgement (which carries no position) the stored position', async () => {
      const batch = [event(0), event(1)];
      const first = await store.append('course-1', batch, 'no-stream');
      expect(await store.append('course-1', batch, 'no-stream')).toEqual(first);
    });

    it('refuses a batch only part of which is stored', async () => {
      const stored = event(0);
      await store.append('course-1', [stored], 'no-stream');
      await expect(store.append('course-1', [stored, event(1)], 'any')).rejects.toThrow('1 of 2 event ids are already stored');
    });

    it('stores an event id that is no UUID under a UUID derived from it, and keeps the id in the metadata', async () => {
      const batch = [event(0, { eventId: 'seed:course-1:0' })];
      const first = await store.append('course-1', batch, 'no-stream');
      expect(await store.append('course-1', batch, 'no-stream')).toEqual(first);
      const [stored] = await store.readStream('course-1');
      expect(stored.metadata.eventId).toBe('seed:course-1:0');
      expect(server.log[server.log.length - 1].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5/);
    });

    it('refuses an empty batch, a missing id and a repeated id before writing', async () => {
      const repeated = event(0);
      await expect(store.append('course-1', [], 'any')).rejects.toThrow('no events given');
      await expect(store.append('course-1', [{ ...event(0), metadata: { ...event(0).metadata, eventId: '' } }], 'any')).rejects.toThrow('needs metadata.eventId');
      await expect(store.append('course-1', [repeated, repeated], 'any')).rejects.toThrow('repeats an event id');
      expect(server.appendCalls).toBe(0);
    });
  });

  describe('subscriptions', () => {
    it.each([
      ['exclusive', false],
      ['inclusive', true],
    ])('resubscribes after a dropped connection from the last event received: nothing twice, nothing skipped (%s subscriptions)', async (_, inclusive) => {
      await store.close();
      server = new SimulatedKurrentDb({ inclusiveSubscriptions: inclusive });
      store = new KurrentDbEventStore(server.client, { reconnect });
      const history = [event(0), event(1), event(2), event(3)];
      await store.append('course-1', history, 'no-stream');
      const sub = subscribe(0, (received) => received.length >= 7);
      while (sub.received.length < 4) await new Promise((resolve) => setTimeout(resolve, 2));

      server.dropSubscriptions(new UnavailableError());
      const live = [event(4), event(5), event(6)];
      await store.append('course-1', live, 3);
      await sub.arrived;

      expect(ids(sub.received)).toEqual(ids([...history, ...live]));
      expect(Math.max(...sub.batches)).toBeLessThanOrEqual(3);
    });

    it('keeps resubscribing while the server stays away, then catches up', async () => {
      await store.append('course-1', [event(0)], 'no-stream');
      const sub = subscribe(0, (received) => received.length >= 3);
      while (sub.received.length < 1) await new Promise((resolve) => setTimeout(resolve, 2));
      server.refuseSubscriptions(...Array.from({ length: 5 }, () => new UnavailableError()));

      server.dropSubscriptions(new UnavailableError());
      await store.append('course-1', [event(1), event(2)], 0);
      await sub.arrived;

      expect(sub.received.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(server.subscribeCalls).toBe(7);
    });

    it('stops through onError, after delivering what came before, at an event it cannot place by one position', async () => {
      await store.append('course-1', [event(0)], 'no-stream');
      server.writeTransactionEvent('legacy-1');
      const sub = subscribe(0, () => false);
      await expect(sub.arrived).rejects.toThrow(/explicit transaction/);
      expect(sub.received.map((e) => e.streamId)).toEqual(['course-1']);
    });

    it('stops through onError when the server refuses the subscription for good', async () => {
      await store.append('course-1', [event(0)], 'no-stream');
      const sub = subscribe(0, () => false);
      while (sub.received.length < 1) await new Promise((resolve) => setTimeout(resolve, 2));
      const refusal = new AccessDeniedError();

      server.dropSubscriptions(refusal);

      await expect(sub.arrived).rejects.toBe(refusal);
    });

    it('delivers a long history in batches of at most batchSize, each awaited', async () => {
      const history = Array.from({ length: 20 }, (_, i) => event(i));
      await store.append('course-1', history, 'no-stream');
      const sub = subscribe(0, (received) => received.length >= 20);
      await sub.arrived;
      expect(ids(sub.received)).toEqual(ids(history));
      expect(sub.batches.every((size) => size >= 1 && size <= 3)).toBe(true);
    });

    it('delivers events another client wrote, with its metadata filled in and marked external', async () => {
      server.writeForeignEvent('legacy-1', 'legacy-imported', { a: 1 }, { $correlationId: 'their-corr' });
      const sub = subscribe(0, (received) => received.length >= 1);
      await sub.arrived;
      expect(sub.received[0]).toMatchObject({ streamId: 'legacy-1', data: { a: 1 }, metadata: { correlationId: 'their-corr', actor: { userId: EXTERNAL } } });
    });
  });
});
