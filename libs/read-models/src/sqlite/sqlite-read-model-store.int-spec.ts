import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { damageLeafPage } from '@toc/event-store/sqlite/sqlite-event-store.fixture';
import { describeReadModelStoreContract } from '../read-model-store.contract';
import { SqliteReadModelStore } from './sqlite-read-model-store';

const dir = mkdtempSync(join(tmpdir(), 'toc-read-models-'));
let files = 0;
const newFile = (): string => join(dir, `store-${++files}.sqlite`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeReadModelStoreContract('SqliteReadModelStore', async () => SqliteReadModelStore.open(newFile()));

describe('SqliteReadModelStore on a file', () => {
  it('opens in WAL mode with synchronous FULL by default', async () => {
    const file = newFile();
    const store = SqliteReadModelStore.open(file);
    await store.commit([{ collection: 'items', id: 'a', doc: { id: 'a' }, position: 1 }]);
    const probe = new Database(file, { readonly: true });
    try {
      expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      probe.close();
    }
    // synchronous is per connection, so read it through the store's own handle.
    expect((store as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
  });

  it('keeps what was committed across reopening the file', async () => {
    const file = newFile();
    const writer = SqliteReadModelStore.open(file);
    await writer.commit([{ collection: 'items', id: 'a', doc: { id: 'a', v: 1 }, position: 4 }]);
    await writer.close();

    const reopened = SqliteReadModelStore.open(file);
    await expect(reopened.get('items', 'a')).resolves.toEqual({ doc: { id: 'a', v: 1 }, position: 4 });
    await expect(reopened.listCollections()).resolves.toEqual(['items']);
    await reopened.close();
  });

  it('sees collections that another connection creates and drops', async () => {
    const file = newFile();
    const writer = SqliteReadModelStore.open(file);
    const reader = SqliteReadModelStore.open(file);
    await expect(reader.get('items', 'a')).resolves.toBeNull();

    await writer.commit([{ collection: 'items', id: 'a', doc: { id: 'a' }, position: 1 }]);
    await expect(reader.get('items', 'a')).resolves.toEqual({ doc: { id: 'a' }, position: 1 });

    await writer.dropCollection('items');
    await expect(reader.get('items', 'a')).resolves.toBeNull();
    await expect(reader.find('items')).resolves.toEqual([]);
    await writer.close();
    await reader.close();
  });

  it('serves where queries from the index that ensureIndex declares', async () => {
    const file = newFile();
    const store = SqliteReadModelStore.open(file);
    await store.ensureIndex('items', ['kind', 'seats']);
    await store.ensureIndex('items', ['kind', 'seats']);
    await store.commit([
      { collection: 'items', id: 'a', doc: { id: 'a', kind: 'x', seats: 2 }, position: 1 },
      { collection: 'items', id: 'b', doc: { id: 'b', kind: 'y', seats: 2 }, position: 2 },
    ]);
    await expect(store.find('items', { where: { kind: 'x', seats: 2 } })).resolves.toEqual([
      { doc: { id: 'a', kind: 'x', seats: 2 }, position: 1 },
    ]);

    const probe = new Database(file, { readonly: true });
    try {
      // The same SQL the store prepares for this where clause.
      const plan = probe
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id, position, doc FROM "items" WHERE json_extract(doc, '$."kind"') = ? AND json_extract(doc, '$."seats"') = ? ORDER BY id LIMIT ?`,
        )
        .all('x', 2, -1) as { detail: string }[];
      expect(plan.map((row) => row.detail).join('\n')).toMatch(/USING INDEX ix:items:kind,seats/);
    } finally {
      probe.close();
    }
    await expect(store.ensureIndex('items', ['bad field'])).rejects.toThrow();
    await store.close();
  });

  it('rejects sqlite_ collection names, which SQLite reserves', async () => {
    const store = SqliteReadModelStore.open(newFile());
    await expect(store.commit([{ collection: 'sqlite_master', id: 'a', doc: { id: 'a' }, position: 1 }])).rejects.toThrow();
    await store.close();
  });
});

describe('SqliteReadModelStore opening an unusable file', () => {
  let warned: jest.SpyInstance;

  beforeEach(() => {
    warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => warned.mockRestore());

  /** The names the unusable file was moved to. */
  const movedAside = (file: string): string[] => readdirSync(dir).filter((name) => name.startsWith(`${basename(file)}.damaged-`));

  it('moves a file that is no database aside, says so naming both paths, and starts an empty store', async () => {
    const file = newFile();
    writeFileSync(file, 'not a database, just text that happens to be here');

    const store = SqliteReadModelStore.open(file);

    await expect(store.listCollections()).resolves.toEqual([]);
    await store.commit([{ collection: 'items', id: 'a', doc: { id: 'a' }, position: 1 }]);
    await expect(store.get('items', 'a')).resolves.toEqual({ doc: { id: 'a' }, position: 1 });
    await store.close();
    const [aside] = movedAside(file);
    expect(readFileSync(join(dir, aside), 'utf8')).toMatch(/^not a database/);
    expect(warned).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^${file} is unusable \\(file is not a database\\): moved it to ${join(dir, aside)} and started an empty one`)));
  });

  it("moves aside a database that fails SQLite's quick_check, so that the projections rebuild", async () => {
    const file = newFile();
    const writer = SqliteReadModelStore.open(file);
    await writer.commit(Array.from({ length: 500 }, (_, n) => ({ collection: 'items', id: `item-${n}`, doc: { id: `item-${n}`, text: 'x'.repeat(100) }, position: n + 1 })));
    await writer.close();
    damageLeafPage(file, 'items');

    const store = SqliteReadModelStore.open(file);

    await expect(store.listCollections()).resolves.toEqual([]);
    await store.close();
    expect(movedAside(file)).toHaveLength(1);
    expect(warned).toHaveBeenCalledWith(expect.stringContaining(`${file} is unusable (`));
  });

  it('leaves in place what is not damage, such as a directory where the file should be, and says why it cannot open', () => {
    const file = newFile();
    mkdirSync(file);

    expect(() => SqliteReadModelStore.open(file)).toThrow('unable to open database file');
    expect(movedAside(file)).toEqual([]);
    expect(warned).not.toHaveBeenCalled();
  });
});
