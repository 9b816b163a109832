import { describeEventStoreContract } from '../event-store.contract';
import { EventStore } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { event, ids, removeDatabase, tempFile, useStoreFile } from './sqlite-event-store.fixture';

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

describe('SqliteEventStore', () => {
  const { open } = useStoreFile();

  describe('durability', () => {
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

    it('accepts the NORMAL durability opt-in', async () => {
      const store = open({ synchronous: 'NORMAL' });
      await store.append('course-1', [event(0)], 'no-stream');
      expect(await store.readStream('course-1')).toHaveLength(1);
    });
  });
});
