import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { randomUUID } from 'node:crypto';
import { Runtime, loadConfig } from '@toc/runtime';
import { UsageError } from './args';
import { backupCommand, restoreCommand } from './backup';

describe('backup while the service writes, and restore verified', () => {
  const root = mkdtempSync(join(tmpdir(), 'toc-backup-'));
  const live = join(root, 'live');
  let runtime: Runtime;
  let printed: string[];
  beforeAll(async () => (runtime = await Runtime.open(loadConfig({ DATA_DIR: live }))));
  beforeEach(() => {
    printed = [];
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(format(...args)));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(root, { recursive: true, force: true });
  });

  const append = (i: number) =>
    runtime.events.append(`staff-s-${i}`, [
      {
        type: 'StaffMemberRegistered',
        data: { staffId: `s-${i}`, role: 'frontline', employer: 'municipality', housingArea: 'tingbjerg-husum' },
        metadata: { eventId: randomUUID(), schemaVersion: 1, correlationId: randomUUID(), causationId: null, actor: { userId: 'key:test', role: 'recorder' }, sourceApp: 'test', occurredAt: '2010-03-01T09:00:00.000Z', recordedAt: '2010-03-01T09:00:00.000Z' },
      },
    ], 'no-stream');

  it('copies a consistent snapshot, with what is still in the write-ahead log, while appends go on', async () => {
    for (let i = 0; i < 200; i++) await append(i);
    let writing = true;
    let next = 200;
    const writer = (async () => {
      while (writing) await append(next++);
    })();
    await backupCommand(live, { to: join(root, 'backup-1') });
    writing = false;
    await writer;

    const copy = new Database(join(root, 'backup-1', 'events.sqlite'), { readonly: true });
    const { count } = copy.prepare('SELECT count(*) AS count FROM events').get() as { count: number };
    copy.close();
    expect(count).toBeGreaterThanOrEqual(200);
    expect(count).toBeLessThanOrEqual(next);
    expect(existsSync(join(root, 'backup-1', 'read-models.sqlite'))).toBe(false);
    expect(existsSync(join(root, 'backup-1', 'access.sqlite'))).toBe(true);

    // A data directory whose store was found damaged: the restore replaces it, marker and all.
    mkdirSync(join(root, 'restored'));
    writeFileSync(join(root, 'restored', 'events.sqlite.damaged'), '{}');
    await restoreCommand({ from: join(root, 'backup-1') }, { DATA_DIR: join(root, 'restored') });
    expect(printed).toEqual(expect.arrayContaining([`ok: ${count} events, hash chain intact`]));
    expect(process.exitCode).toBeUndefined();
    expect(existsSync(join(root, 'restored', 'events.sqlite.damaged'))).toBe(false);
  });

  it('refuses to back up into a directory that is not empty, and to restore what is not a backup', async () => {
    await expect(backupCommand(live, { to: join(root, 'backup-1') })).rejects.toThrow(/is not empty/);
    await expect(backupCommand(live, {})).rejects.toThrow(new UsageError('backup needs --to DIR'));
    await expect(restoreCommand({ from: root }, { DATA_DIR: join(root, 'elsewhere') })).rejects.toThrow(/holds no events.sqlite/);
  });

  it('reports a backup whose events were changed afterwards as broken, with exit code 2', async () => {
    await backupCommand(live, { to: join(root, 'backup-2') });
    const tampered = new Database(join(root, 'backup-2', 'events.sqlite'));
    tampered.prepare("UPDATE events SET data = replace(data, 'frontline', 'manager') WHERE position = 7").run();
    tampered.close();
    await restoreCommand({ from: join(root, 'backup-2') }, { DATA_DIR: join(root, 'restored-2') });
    expect(printed.some((line) => line.startsWith('BROKEN at position 7'))).toBe(true);
    expect(process.exitCode).toBe(2);
  });
});
