import { randomUUID } from 'node:crypto';
import { EventMetadata, EventToAppend, RecordedEvent } from '@toc/domain';
import { EventStore, Subscription, WrongExpectedVersionError } from './event-store.port';

/*
 * Behaviour every EventStore adapter must show. Stream ids are unique per test and reads of the
 * global log only look at the test's own streams, so the suite can run against a shared server
 * that holds other data. Positions are only compared and used as checkpoints, never computed
 * with (see "Positions" in event-store.port.ts): "just before this append" is the head read
 * before it.
 */

const newStreamId = (label: string): string => `contract${label}-${randomUUID()}`;

const newEvent = (seq: number, metadata: Partial<EventMetadata> = {}): EventToAppend => ({
  type: 'contract-event-recorded',
  data: { seq, note: `event ${seq}` },
  metadata: {
    eventId: randomUUID(),
    schemaVersion: 1,
    correlationId: randomUUID(),
    causationId: null,
    actor: { userId: 'contract-user', role: 'tester' },
    sourceApp: 'contract-suite',
    occurredAt: '2024-03-01T09:00:00.000Z',
    recordedAt: new Date().toISOString(),
    ...metadata,
  },
});

const newEvents = (count: number, from = 0): EventToAppend[] => Array.from({ length: count }, (_, i) => newEvent(from + i));

const ids = (events: readonly { metadata: EventMetadata }[]): string[] => events.map((event) => event.metadata.eventId);

export const describeEventStoreContract = (
  name: string,
  createStore: () => Promise<EventStore>,
  disposeStore?: (store: EventStore) => Promise<void>,
) =>
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    /** The store to dispose after the test: none when opening it failed, whose own error is the one to see. */
    let opened: EventStore | undefined;
    let subscriptions: Subscription[] = [];

    beforeEach(async () => {
      store = opened = await createStore();
      subscriptions = [];
    });

    afterEach(async () => {
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      if (opened) await (disposeStore ? disposeStore(opened) : opened.close());
      opened = undefined;
    });

    /**
     * Subscribes after `after` and resolves once `count` events of the given streams have arrived.
     * Other streams' events are ignored so the test tolerates a shared store.
     */
    const collect = (after: number, streams: readonly string[], count: number, batchSize?: number) => {
      const received: RecordedEvent[] = [];
      let settle!: (events: RecordedEvent[]) => void;
      let fail!: (error: unknown) => void;
      const arrived = new Promise<RecordedEvent[]>((resolve, reject) => {
        settle = resolve;
        fail = reject;
      });
      const subscription = store.subscribeToAll({
        after,
        batchSize,
        onEvents: async (events) => {
          received.push(...events.filter((event) => streams.includes(event.streamId)));
          if (received.length >= count) settle(received);
        },
        onError: fail,
      });
      subscriptions.push(subscription);
      return { subscription, arrived, received };
    };

    const expectWrongVersion = async (promise: Promise<unknown>, streamId: string, expected: unknown, actual: unknown) => {
      const error = await promise.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamId, expected, actual });
    };

    describe('append', () => {
      it("appends to a new stream with 'no-stream'", async () => {
        const streamId = newStreamId('New');
        const event = newEvent(0);

        const result = await store.append(streamId, [event], 'no-stream');

        expect(result.nextExpectedRevision).toBe(0);
        expect(result.position).toBeGreaterThan(0);
        const stored = await store.readStream(streamId);
        expect(stored).toHaveLength(1);
        expect(stored[0]).toMatchObject({ streamId, revision: 0, position: result.position, type: event.type, data: event.data });
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
      });

      it('appends when the expected revision is the revision of the last event', async () => {
        const streamId = newStreamId('Right');
        await store.append(streamId, newEvents(2), 'no-stream');

        const result = await store.append(streamId, [newEvent(2)], 1);

        expect(result.nextExpectedRevision).toBe(2);
        expect((await store.readStream(streamId)).map((event) => event.revision)).toEqual([0, 1, 2]);
      });

      it('rejects a wrong expected revision and writes nothing', async () => {
        const streamId = newStreamId('Wrong');
        const first = newEvents(2);
        await store.append(streamId, first, 'no-stream');

        await expectWrongVersion(store.append(streamId, [newEvent(2)], 0), streamId, 0, 1);
        await expectWrongVersion(store.append(streamId, [newEvent(2)], 5), streamId, 5, 1);

        expect(ids(await store.readStream(streamId))).toEqual(ids(first));
      });

      it('rejects a numeric expected revision on a stream that does not exist', async () => {
        const streamId = newStreamId('Missing');

        await expectWrongVersion(store.append(streamId, [newEvent(0)], 0), streamId, 0, 'no-stream');

        expect(await store.readStream(streamId)).toEqual([]);
      });

      it("rejects 'no-stream' when the stream exists and writes nothing", async () => {
        const streamId = newStreamId('Exists');
        const first = [newEvent(0)];
        await store.append(streamId, first, 'no-stream');

        await expectWrongVersion(store.append(streamId, [newEvent(1)], 'no-stream'), streamId, 'no-stream', 0);

        expect(ids(await store.readStream(streamId))).toEqual(ids(first));
      });

      it("appends with 'any' whether or not the stream exists", async () => {
        const streamId = newStreamId('Any');

        const created = await store.append(streamId, [newEvent(0)], 'any');
        const extended = await store.append(streamId, newEvents(2, 1), 'any');

        expect(created.nextExpectedRevision).toBe(0);
        expect(extended.nextExpectedRevision).toBe(2);
        expect(extended.position).toBeGreaterThan(created.position);
        expect((await store.readStream(streamId)).map((event) => event.revision)).toEqual([0, 1, 2]);
      });

      it('writes a batch as one unit: consecutive revisions and increasing positions', async () => {
        const streamId = newStreamId('Batch');
        const batch = newEvents(3);

        const result = await store.append(streamId, batch, 'no-stream');

        const stored = await store.readStream(streamId);
        expect(ids(stored)).toEqual(ids(batch));
        expect(stored.map((event) => event.revision)).toEqual([0, 1, 2]);
        expect(stored[1].position).toBeGreaterThan(stored[0].position);
        expect(stored[2].position).toBeGreaterThan(stored[1].position);
        expect(result).toEqual({ nextExpectedRevision: 2, position: stored[2].position });
      });

      it('never interleaves concurrent batches on the same stream', async () => {
        const streamId = newStreamId('Concurrent');
        const batches = [newEvents(4, 0), newEvents(4, 10), newEvents(4, 20)];

        await Promise.all(batches.map((batch) => store.append(streamId, batch, 'any')));

        const stored = ids(await store.readStream(streamId));
        expect(stored).toHaveLength(12);
        const order = [0, 4, 8].map((start) => batches.findIndex((batch) => batch[0].metadata.eventId === stored[start]));
        expect([...order].sort((x, y) => x - y)).toEqual([0, 1, 2]);
        expect(stored).toEqual(order.flatMap((index) => ids(batches[index])));
      });

      it('writes nothing when a failing batch has several events', async () => {
        const streamId = newStreamId('AtomicFail');
        await store.append(streamId, [newEvent(0)], 'no-stream');

        await expect(store.append(streamId, newEvents(3, 1), 'no-stream')).rejects.toBeInstanceOf(WrongExpectedVersionError);

        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('treats a re-append of the same event ids as a replay: nothing written, same result', async () => {
        const streamId = newStreamId('Replay');
        const batch = newEvents(2);
        const first = await store.append(streamId, batch, 'no-stream');
        const head = await store.headPosition();

        const again = await store.append(streamId, batch, 'no-stream');

        expect(again).toEqual(first);
        expect(ids(await store.readStream(streamId))).toEqual(ids(batch));
        const sinceFirst = (await store.readAll({ after: first.position })).filter((event) => event.streamId === streamId);
        expect(sinceFirst).toEqual([]);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(head);
      });
    });

    describe('reading', () => {
      it('reads a stream forwards and backwards from a revision with a limit', async () => {
        const streamId = newStreamId('Read');
        await store.append(streamId, newEvents(5), 'no-stream');
        const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
          (await store.readStream(streamId, options)).map((event) => event.revision);

        expect(await revisions(undefined)).toEqual([0, 1, 2, 3, 4]);
        expect(await revisions({ limit: 3 })).toEqual([0, 1, 2]);
        expect(await revisions({ fromRevision: 2, limit: 2 })).toEqual([2, 3]);
        expect(await revisions({ fromRevision: 3 })).toEqual([3, 4]);
        expect(await revisions({ fromRevision: 9 })).toEqual([]);
        expect(await revisions({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
        expect(await revisions({ direction: 'backwards', limit: 2 })).toEqual([4, 3]);
        expect(await revisions({ direction: 'backwards', fromRevision: 3, limit: 2 })).toEqual([3, 2]);
        expect(await revisions({ direction: 'backwards', fromRevision: 1 })).toEqual([1, 0]);
      });

      it('returns an empty list for a stream that does not exist', async () => {
        expect(await store.readStream(newStreamId('Nothing'))).toEqual([]);
        expect(await store.readStream(newStreamId('Nothing'), { direction: 'backwards' })).toEqual([]);
      });

      it('reads the global log in position order, after a given position', async () => {
        const streamA = newStreamId('AllA');
        const streamB = newStreamId('AllB');
        const before = await store.headPosition();
        const a = newEvents(2);
        const b = newEvents(2);
        await store.append(streamA, a, 'no-stream');
        await store.append(streamB, b, 'no-stream');
        const ours = (events: RecordedEvent[]) => events.filter((event) => event.streamId === streamA || event.streamId === streamB);

        const all = ours(await store.readAll({ after: before }));

        expect(ids(all)).toEqual([...ids(a), ...ids(b)]);
        const afterSecond = ours(await store.readAll({ after: all[1].position }));
        expect(ids(afterSecond)).toEqual(ids(b));
        const limited = await store.readAll({ after: before, limit: 1 });
        expect(limited).toHaveLength(1);
        expect(limited[0].position).toBeGreaterThan(before);
      });

      it('gives strictly increasing positions across streams', async () => {
        const streamA = newStreamId('PosA');
        const streamB = newStreamId('PosB');
        const positions: number[] = [];
        const before = await store.headPosition();
        let revisionA: number | 'no-stream' = 'no-stream';
        let revisionB: number | 'no-stream' = 'no-stream';
        for (let i = 0; i < 3; i += 1) {
          const resultA = await store.append(streamA, [newEvent(i)], revisionA);
          const resultB = await store.append(streamB, [newEvent(i)], revisionB);
          revisionA = resultA.nextExpectedRevision;
          revisionB = resultB.nextExpectedRevision;
          positions.push(resultA.position, resultB.position);
        }

        positions.slice(1).forEach((position, i) => expect(position).toBeGreaterThan(positions[i]));
        const read = (await store.readAll({ after: before })).filter((event) => event.streamId === streamA || event.streamId === streamB);
        expect(read.map((event) => event.position)).toEqual(positions);
      });

      it('round-trips data and metadata exactly', async () => {
        const streamId = newStreamId('RoundTrip');
        const event: EventToAppend = {
          type: 'contract-event-corrected',
          data: { text: 'Zürich – 東京 "quoted" \\ backslash', nested: { list: [1, 2.5, -3, null, true], empty: {} }, zero: 0 },
          metadata: {
            eventId: randomUUID(),
            schemaVersion: 3,
            correlationId: randomUUID(),
            causationId: randomUUID(),
            actor: { userId: 'facilitator-7', role: 'facilitator', onBehalfOf: 'association-12' },
            sourceApp: 'field-app',
            occurredAt: '2023-11-05T08:15:30.123+02:00',
            recordedAt: '2023-11-05T06:16:00.000Z',
            correctionOf: randomUUID(),
          },
        };

        const before = await store.headPosition();
        await store.append(streamId, [event], 'no-stream');

        const [fromStream] = await store.readStream(streamId);
        const [fromAll] = (await store.readAll({ after: before })).filter((e) => e.streamId === streamId);
        for (const read of [fromStream, fromAll]) {
          expect(read.type).toBe(event.type);
          expect(read.data).toStrictEqual(event.data);
          expect(read.metadata).toStrictEqual(event.metadata);
        }
      });
    });

    describe('subscribeToAll', () => {
      it('catches up from a checkpoint, then delivers live appends in order', async () => {
        const streamId = newStreamId('Sub');
        const history = newEvents(3);
        await store.append(streamId, history, 'no-stream');
        const [first] = await store.readStream(streamId, { limit: 1 });
        const live = newEvents(2, 3);
        let inFlight = 0;
        let maxInFlight = 0;
        const received: RecordedEvent[] = [];
        let caughtUp!: () => void;
        let allArrived!: () => void;
        const caughtUpPromise = new Promise<void>((resolve) => (caughtUp = resolve));
        const allPromise = new Promise<void>((resolve) => (allArrived = resolve));
        subscriptions.push(
          store.subscribeToAll({
            after: first.position,
            batchSize: 1,
            onEvents: async (events) => {
              inFlight += 1;
              maxInFlight = Math.max(maxInFlight, inFlight);
              await new Promise((resolve) => setImmediate(resolve));
              received.push(...events.filter((event) => event.streamId === streamId));
              inFlight -= 1;
              if (received.length === 2) caughtUp();
              if (received.length === 4) allArrived();
            },
          }),
        );

        await caughtUpPromise;
        await store.append(streamId, live, 2);
        await allPromise;

        expect(ids(received.slice(0, 4))).toEqual([...ids(history.slice(1)), ...ids(live)]);
        expect(received.slice(0, 4).map((event) => event.revision)).toEqual([1, 2, 3, 4]);
        received.slice(1).forEach((event, i) => expect(event.position).toBeGreaterThan(received[i].position));
        expect(maxInFlight).toBe(1);
      });

      it('stops and reports through onError when the handler throws', async () => {
        const streamId = newStreamId('SubError');
        const before = await store.headPosition();
        await store.append(streamId, [newEvent(0)], 'no-stream');
        const failure = new Error('projection failed');
        let calls = 0;
        const reported = new Promise<unknown>((resolve) => {
          subscriptions.push(
            store.subscribeToAll({
              after: before,
              onEvents: async (events) => {
                if (events.some((event) => event.streamId === streamId)) {
                  calls += 1;
                  throw failure;
                }
              },
              onError: resolve,
            }),
          );
        });

        expect(await reported).toBe(failure);

        // Events the stopped subscription would have seen reach a fresh one, yet not the failed handler.
        await store.append(streamId, [newEvent(1)], 0);
        const witness = collect(before, [streamId], 2);
        await witness.arrived;
        expect(calls).toBe(1);
      });

      it('delivers nothing after close() has resolved', async () => {
        const streamId = newStreamId('SubClose');
        const before = await store.headPosition();
        await store.append(streamId, [newEvent(0)], 'no-stream');
        const closing = collect(before, [streamId], 1);
        await closing.arrived;

        await closing.subscription.close();
        await store.append(streamId, newEvents(2, 1), 0);

        const witness = collect(before, [streamId], 3);
        await witness.arrived;
        expect(closing.received).toHaveLength(1);
      });
    });
  });
