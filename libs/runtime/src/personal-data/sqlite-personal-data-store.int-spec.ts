import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { amina, describePersonalDataStoreContract } from './personal-data-store.contract';
import { SqlitePersonalDataStore } from './sqlite-personal-data-store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A store in a directory of its own: `data` and `keys` are its two files. */
const openFresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'toc-people-'));
  dirs.push(dir);
  const [data, keys] = [join(dir, 'people.sqlite'), join(dir, 'people-keys.sqlite')];
  return { dir, data, keys, store: SqlitePersonalDataStore.open(data, keys) };
};

describePersonalDataStoreContract('SqlitePersonalDataStore', async () => openFresh().store);

/** Every byte of the store's files (databases and write-ahead logs) as one buffer. */
const filesIn = (dir: string) => Buffer.concat(readdirSync(dir).map((file) => readFileSync(join(dir, file))));

describe('SqlitePersonalDataStore on disk', () => {
  it('keeps the key in its own file and no plaintext in either file', async () => {
    const { dir, data, keys, store } = openFresh();
    await store.record('rep-1', amina, new Date('2011-06-01T10:00:00Z'));
    const onDisk = filesIn(dir).toString('latin1');
    for (const plain of [amina.name, amina.email!, amina.phone!, amina.note!]) expect(onDisk).not.toContain(plain);
    const tablesOf = (file: string) => {
      const db = new Database(file, { readonly: true });
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
      db.close();
      return tables;
    };
    expect(tablesOf(keys)).toEqual([{ name: 'subject_keys' }]);
    expect(tablesOf(data)).toEqual([{ name: 'erasures' }, { name: 'people' }]);
    await store.close();
  });

  it('leaves neither the key nor the ciphertext anywhere in its files after an erasure', async () => {
    const { dir, data, keys, store } = openFresh();
    await store.record('rep-1', amina, new Date('2011-06-01T10:00:00Z'));
    await store.record('rep-1', { ...amina, phone: '+45 98 76 54 32' }, new Date('2011-06-01T11:00:00Z'));
    const raw = new Database(data, { readonly: true });
    raw.prepare('ATTACH DATABASE ? AS keyring').run(keys);
    const { key, sealed } = raw.prepare('SELECT k.key, p.sealed FROM people p JOIN keyring.subject_keys k USING (subject_id)').get() as { key: Buffer; sealed: Buffer };
    raw.close();
    expect(filesIn(dir).includes(key)).toBe(true);

    await store.erase('rep-1', 'key:admin', new Date('2011-06-02T10:00:00Z'));
    const after = filesIn(dir);
    expect(after.includes(key)).toBe(false);
    expect(after.includes(sealed.subarray(28))).toBe(false);
    await store.close();
  });

  it('finishes at the next start an erasure whose shredding a crash cut short', async () => {
    const { data, keys, store } = openFresh();
    await store.record('rep-1', amina, new Date('2011-06-01T10:00:00Z'));
    await store.close();
    // The tombstone committed, then the process died before the key and ciphertext were deleted.
    const crashed = new Database(data);
    crashed.prepare("INSERT INTO erasures VALUES ('rep-1', '2011-06-02T10:00:00.000Z', 'key:admin')").run();
    crashed.close();

    const reopened = SqlitePersonalDataStore.open(data, keys);
    const keyFile = new Database(keys, { readonly: true });
    expect(keyFile.prepare('SELECT count(*) AS n FROM subject_keys').get()).toEqual({ n: 0 });
    keyFile.close();
    await expect(reopened.find('rep-1')).resolves.toMatchObject({ status: 'erased' });
    await reopened.close();
  });
});
