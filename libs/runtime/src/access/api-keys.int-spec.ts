import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyStore } from './api-keys';
import { ensureFirstAdminKey } from './first-admin-key';

describe('ApiKeyStore on a SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'toc-keys-'));
  let files = 0;
  const newFile = () => join(dir, `access-${++files}.sqlite`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies a created key as its principal and keeps only a hash of it', () => {
    const file = newFile();
    const store = ApiKeyStore.open(file);
    const created = store.create({ name: 'registration-form', roles: ['recorder'], mayActOnBehalf: true });
    expect(created.key).toMatch(/^toc_[\w-]{43}$/);
    expect(store.verify(created.key)).toEqual({ subject: `key:${created.id}`, kind: 'api-key', name: 'registration-form', roles: ['recorder'], mayActOnBehalf: true });
    expect(store.verify(`${created.key}x`)).toBeNull();
    store.close();
    const stored = new Database(file, { readonly: true });
    const everything = JSON.stringify(stored.prepare('SELECT * FROM api_keys').all());
    stored.close();
    expect(everything).not.toContain(created.key.slice(4));
    expect(readFileSync(file).includes(created.key.slice(4))).toBe(false);
  });

  it('stops verifying a revoked key at once, also for another connection to the file, and keeps it listed', () => {
    const file = newFile();
    const service = ApiKeyStore.open(file);
    const operator = ApiKeyStore.open(file);
    const created = service.create({ name: 'survey-tool', roles: ['recorder'] });
    expect(operator.verify(created.key)).not.toBeNull();
    expect(operator.revoke(created.id, new Date('2011-06-30T12:00:00Z'))).toBe(true);
    expect(service.verify(created.key)).toBeNull();
    expect(service.revoke(created.id)).toBe(false);
    expect(service.list()).toEqual([expect.objectContaining({ id: created.id, name: 'survey-tool', revokedAt: '2011-06-30T12:00:00.000Z' })]);
    expect(JSON.stringify(service.list())).not.toContain(created.key);
    service.close();
    operator.close();
  });

  it('gives a new installation one generated admin key to show once, and none once any key exists', () => {
    const store = ApiKeyStore.open(newFile());
    const first = ensureFirstAdminKey(store);
    expect(store.verify(first!.key)).toMatchObject({ roles: ['admin'] });
    expect(ensureFirstAdminKey(store)).toBeUndefined();
    expect(store.list()).toHaveLength(1);
    store.close();
  });

  it("seeds the operator's own admin key instead, showing nothing", () => {
    const store = ApiKeyStore.open(newFile());
    const seeded = 'k'.repeat(40);
    expect(ensureFirstAdminKey(store, seeded)).toBeUndefined();
    expect(store.verify(seeded)).toMatchObject({ name: 'seeded admin', roles: ['admin'] });
    store.close();
  });
});
