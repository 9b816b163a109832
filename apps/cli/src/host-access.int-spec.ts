import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { SqliteAccessLog } from '@toc/runtime';
import { loggedOnHost } from './host-access';

describe('commands run on the host', () => {
  const dir = mkdtempSync(join(tmpdir(), 'toc-cli-log-'));
  const log = SqliteAccessLog.open(join(dir, 'access-log.sqlite'));
  afterAll(async () => {
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are logged as the operating-system user did them, with their flags but never a secret, and whether they failed', async () => {
    await expect(loggedOnHost(log, 'export', ['export', 'events'], { format: 'csv', 'api-key': 'toc_secret' }, async () => 'written')).resolves.toBe('written');
    await expect(loggedOnHost(log, 'replay', ['replay', undefined], {}, async () => Promise.reject(new Error('no such period')))).rejects.toThrow('no such period');
    const user = userInfo().username;
    expect((await log.page({ limit: 10 })).entries).toEqual([
      expect.objectContaining({ principalSubject: `host:${user}`, principalName: user, role: 'operator', action: 'export', method: 'CLI', route: 'export events', query: { format: 'csv' }, status: 0 }),
      expect.objectContaining({ action: 'replay', route: 'replay', query: {}, status: 1 }),
    ]);
  });
});
