import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeApiKeyStoreContract } from './api-key-store.contract';
import { SqliteApiKeyStore } from './sqlite-api-key-store';

const dir = mkdtempSync(join(tmpdir(), 'toc-keys-'));
let files = 0;
const newFile = () => join(dir, `access-${++files}.sqlite`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeApiKeyStoreContract('SqliteApiKeyStore', newFile, async (file) => SqliteApiKeyStore.open(file));

describe('SqliteApiKeyStore file', () => {
  it('keeps only a hash of each key, nowhere the key itself', async () => {
    const file = newFile();
    const store = SqliteApiKeyStore.open(file);
    const created = await store.create({ name: 'registration-form', roles: ['recorder'] });
    await store.close();
    const stored = new Database(file, { readonly: true });
    const everything = JSON.stringify(stored.prepare('SELECT * FROM api_keys').all());
    stored.close();
    expect(everything).toContain(created.id);
    expect(everything).not.toContain(created.key.slice(4));
    expect(readFileSync(file).includes(created.key.slice(4))).toBe(false);
  });
});
