import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { SqliteApiKeyStore } from '@toc/runtime';
import { TestApp, startTestApp } from '../../../test/api.harness';
import { UsageError } from './args';
import { rebuild } from './commands';
import { keys } from './keys';

describe('keys create, list and revoke on the host', () => {
  const dir = mkdtempSync(join(tmpdir(), 'toc-cli-keys-'));
  let store: SqliteApiKeyStore;
  let printed: string[];
  beforeEach(() => {
    printed = [];
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(format(...args)));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  beforeAll(() => (store = SqliteApiKeyStore.open(join(dir, 'access.sqlite'))));
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a key in the given roles and prints it once; list shows it without the key; revoke ends it', async () => {
    await keys(store, 'create', undefined, { name: 'survey-tool', role: 'recorder,evaluator', 'on-behalf': 'true' });
    const [key] = printed;
    expect(await store.verify(key)).toMatchObject({ name: 'survey-tool', roles: ['recorder', 'evaluator'], mayActOnBehalf: true });

    printed = [];
    await keys(store, 'list', undefined, {});
    expect(printed).toEqual([expect.stringMatching(/^[0-9a-f]{12}\tsurvey-tool\trecorder,evaluator\ton-behalf\t\S+\tactive$/)]);
    const id = printed[0].split('\t')[0];

    await keys(store, 'revoke', id, {});
    expect(await store.verify(key)).toBeNull();
    await expect(keys(store, 'revoke', id, {})).rejects.toThrow(new UsageError(`no active key ${id}`));
  });

  it('refuses a key without a name or with an unknown role', async () => {
    await expect(keys(store, 'create', undefined, { role: 'admin' })).rejects.toThrow(UsageError);
    await expect(keys(store, 'create', undefined, { name: 'x', role: 'admin,root' })).rejects.toThrow(new UsageError('--role must be one or more of recorder, evaluator, admin, monitor, got "root"'));
    await expect(keys(store, 'rotate', undefined, {})).rejects.toThrow(UsageError);
  });
});

describe('rebuild --api asks the running service, authenticated with an admin key', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  it('needs a key, is refused with a key that is not an admin, and rebuilds with one that is', async () => {
    const runtime = t.runtime;
    await expect(rebuild(runtime, 'programme', { api: url })).rejects.toThrow(new UsageError('rebuild --api needs an admin key: --api-key KEY or TOC_API_KEY'));
    const recorder = (await runtime.keys.create({ name: 'form', roles: ['recorder'] })).key;
    await expect(rebuild(runtime, 'programme', { api: url, 'api-key': recorder })).rejects.toThrow(/refused the rebuild: 403/);
    const admin = (await runtime.keys.create({ name: 'operator', roles: ['admin'] })).key;
    await rebuild(runtime, 'programme', { api: url, 'api-key': admin });
    expect((await runtime.projector.statusView()).build).toBe(2);
  });
});
