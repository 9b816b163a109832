import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime, loadConfig } from '@toc/runtime';
import { TestApp, startTestApp } from './api.harness';
import { given, staffMemberRegistered } from './given';

describe('starting on the files an earlier run left', () => {
  it('moves a read-models file that is no database aside and rebuilds the read models from the events', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'toc-e2e-'));
    const query = { periodType: 'year', period: '2010' };
    let t: TestApp = await startTestApp({ dataDir });
    await given(t, ['s-1', 's-2', 's-3'].map(staffMemberRegistered));
    const head = await t.runtime.events.headPosition();
    const before = await t.http.get('/v1/indicators').query({ ...query, minPosition: head });
    await t.app.close();
    await t.runtime.close();
    writeFileSync(join(dataDir, 'read-models.sqlite'), 'overwritten by a careless copy');
    const warned = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    t = await startTestApp({ dataDir });
    try {
      const after = await t.http.get('/v1/indicators').query({ ...query, minPosition: head });
      expect({ status: after.status, indicators: after.body.indicators }).toEqual({ status: 200, indicators: before.body.indicators });
      expect(readdirSync(dataDir).filter((name) => name.startsWith('read-models.sqlite.damaged-'))).toHaveLength(1);
      expect(warned).toHaveBeenCalledWith(expect.stringContaining(`${join(dataDir, 'read-models.sqlite')} is unusable (file is not a database)`));
    } finally {
      warned.mockRestore();
      await t.close();
    }
  });

  describe('stops, naming the file and the cause, on a store that cannot be rebuilt', () => {
    let dataDir: string;

    beforeEach(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'toc-start-up-'));
    });

    afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

    it('an events file that is no database, left as it was', async () => {
      writeFileSync(join(dataDir, 'events.sqlite'), 'not the events');

      await expect(Runtime.open(loadConfig({ DATA_DIR: dataDir }))).rejects.toThrow(`cannot open ${join(dataDir, 'events.sqlite')}: file is not a database`);
      expect(readdirSync(dataDir)).toEqual(['events.sqlite']);
    });

    it('a directory where the API keys file should be', async () => {
      const keys = join(dataDir, 'access.sqlite');
      mkdirSync(keys);

      await expect(Runtime.open(loadConfig({ DATA_DIR: dataDir }))).rejects.toThrow(`cannot open ${keys}: unable to open database file`);
    });
  });
});
