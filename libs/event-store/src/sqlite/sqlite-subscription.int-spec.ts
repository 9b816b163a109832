import { RecordedEvent } from '@toc/domain';
import { event, useStoreFile } from './sqlite-event-store.fixture';

describe('SqliteEventStore', () => {
  const { open } = useStoreFile();

  describe('subscriptions and close', () => {
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
});
