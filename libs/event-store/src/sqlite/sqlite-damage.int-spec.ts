import { copyFileSync, rmSync } from 'node:fs';
import { SqliteEventStore } from './sqlite-event-store';
import { damageLeafPage, event, removeDatabase, tempFile, useStoreFile } from './sqlite-event-store.fixture';

describe('SqliteEventStore on a damaged file', () => {
  const storeFile = useStoreFile();
  const { open, tamper } = storeFile;
  const damaged = { name: 'StoreUnavailableError', reason: 'damaged' };
  let logged: jest.SpyInstance;

  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => logged.mockRestore());

  /** A closed store of `count` events, 100 to a stream. */
  const seed = async (count: number) => {
    const store = open();
    for (let start = 0; start < count; start += 100) {
      await store.append(`course-${start}`, Array.from({ length: 100 }, (_, seq) => event(seq)), 'no-stream');
    }
    await store.close();
  };

  const write = (store: SqliteEventStore) => store.append('workshop-1', [event(0)], 'no-stream');

  it("refuses writes from opening a file SQLite's quick_check finds damaged, and verify reports the damage rather than failing", async () => {
    await seed(500);
    damageLeafPage(storeFile.file, 'events');
    const store = open();

    expect(store.damage()).toMatchObject({ check: 'file', detail: expect.stringContaining('quick_check') });
    await expect(write(store)).rejects.toMatchObject({ ...damaged, message: expect.stringContaining(`${storeFile.file} is damaged`) });
    expect(await store.verifyIntegrity()).toMatchObject({ ok: false, eventsChecked: 0, head: null, fileDamage: expect.arrayContaining([expect.stringMatching(/page \d+/)]) });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`${storeFile.file} is damaged`));
  });

  it('turns damage a read runs into into the refusal, and refuses writes from then on', async () => {
    await seed(500);
    const store = open();
    damageLeafPage(storeFile.file, 'events');
    // A write by another connection makes this one drop its cached pages and read the file again.
    tamper('UPDATE events SET type = type WHERE position = 500');

    await expect(store.readAll({ limit: 500 })).rejects.toMatchObject(damaged);
    expect(store.damage()).toMatchObject({ check: 'file', detail: expect.stringContaining('malformed') });
    await expect(write(store)).rejects.toMatchObject(damaged);
  });

  it('refuses writes once verify finds a broken link, after a restart too, until the file is restored from a backup and the marker removed', async () => {
    await seed(200);
    const backup = tempFile();
    copyFileSync(storeFile.file, backup);
    try {
      tamper(`UPDATE events SET data = '{"seq":-1}' WHERE position = 150`);
      const store = open();
      expect(store.damage()).toBeNull();

      expect(await store.verifyIntegrity()).toMatchObject({ ok: false, firstBrokenLink: { position: 150 } });
      expect(store.damage()).toMatchObject({ check: 'hash-chain', detail: expect.stringContaining('position 150') });
      await expect(write(store)).rejects.toMatchObject(damaged);
      await store.close();
      await expect(write(open())).rejects.toMatchObject({ ...damaged, message: expect.stringContaining(`${storeFile.file}.damaged is removed`) });

      copyFileSync(backup, storeFile.file);
      rmSync(`${storeFile.file}.damaged`);
      const restored = open();
      expect(restored.damage()).toBeNull();
      expect(await restored.verifyIntegrity()).toMatchObject({ ok: true, eventsChecked: 200 });
      expect(await write(restored)).toEqual({ nextExpectedRevision: 0, position: 201 });
    } finally {
      removeDatabase(backup);
    }
  });

  it('refuses writes once asked about damage that another process on the file found (the CLI verifying, say)', async () => {
    await seed(200);
    const service = open();
    const cli = open();
    tamper('DELETE FROM events WHERE position > 190');

    expect(await cli.verifyIntegrity()).toMatchObject({ ok: false, removedNewest: { after: 190, upTo: 200 } });

    expect(service.damage()).toMatchObject({ check: 'removed-newest', detail: 'events after position 190 up to 200 were removed' });
    await expect(write(service)).rejects.toMatchObject(damaged);
  });
});
