import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessEntry, describeAccessLogContract } from './access-log.contract';
import { SqliteAccessLog } from './sqlite-access-log';

const dir = mkdtempSync(join(tmpdir(), 'toc-access-log-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeAccessLogContract('SqliteAccessLog', async () => SqliteAccessLog.open(join(dir, `access-log-${++files}.sqlite`)));

describe('SqliteAccessLog file', () => {
  it('refuses to change or delete an entry, whoever opens the file', async () => {
    const file = join(dir, 'append-only.sqlite');
    const log = SqliteAccessLog.open(file);
    await log.append(accessEntry('2011-06-01T10:00:00.000Z'));
    const raw = new Database(file);
    expect(() => raw.prepare("UPDATE access_log SET principal_subject = 'someone-else'").run()).toThrow('append-only');
    expect(() => raw.prepare('DELETE FROM access_log').run()).toThrow('append-only');
    raw.close();
    expect((await log.page({ limit: 10 })).entries).toMatchObject([{ id: 1, principalSubject: 'key:a1' }]);
    await log.close();
  });
});
