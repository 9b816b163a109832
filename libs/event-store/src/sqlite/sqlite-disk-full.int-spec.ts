import { join } from 'node:path';
import { mountSmallDisk } from '../../../../test/small-disk';
import { SqliteEventStore } from './sqlite-event-store';
import { event, removeDatabase } from './sqlite-event-store.fixture';

const disk = mountSmallDisk(2);

if (!disk) {
  console.warn('sqlite-disk-full.int-spec.ts did not run: mounting a tmpfs needs root');
  it.todo('SqliteEventStore on a full disk (needs root to mount a tmpfs)');
} else {
  describe('SqliteEventStore on a full disk (a real 2 MiB tmpfs filled to its last block)', () => {
    const file = join(disk.dir, 'events.sqlite');
    let store: SqliteEventStore;

    beforeEach(() => {
      store = SqliteEventStore.open(file, { pollIntervalMs: 20 });
    });

    afterEach(async () => {
      await store.close();
      disk.free();
      removeDatabase(file);
    });

    afterAll(() => disk.unmount());

    it('refuses appends with the disk-full error naming the file, keeps nothing of them, and takes them once space is freed', async () => {
      await store.append('course-1', [event(0), event(1)], 'no-stream');
      disk.fill();

      await expect(store.append('course-1', [event(2)], 1)).rejects.toMatchObject({ name: 'StoreUnavailableError', reason: 'disk-full', message: expect.stringContaining(file) });
      const together = await Promise.allSettled([store.append('course-2', [event(0)], 'no-stream'), store.append('course-3', [event(0)], 'no-stream')]);
      expect(together.map((outcome) => outcome.status === 'rejected' && (outcome.reason as { reason?: string }).reason)).toEqual(['disk-full', 'disk-full']);
      expect(await store.headPosition()).toBe(2);
      expect(store.damage()).toBeNull();

      disk.free();
      await expect(store.append('course-1', [event(2)], 1)).resolves.toEqual({ nextExpectedRevision: 2, position: 3 });
      expect(await store.verifyIntegrity()).toMatchObject({ ok: true, eventsChecked: 3 });
    });
  });
}
