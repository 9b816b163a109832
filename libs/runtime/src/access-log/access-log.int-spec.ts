import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessEntry, AccessLog } from './access-log';

const dir = mkdtempSync(join(tmpdir(), 'toc-access-log-'));
const file = join(dir, 'access-log.sqlite');
let log: AccessLog;

const entry = (at: string, overrides: Partial<AccessEntry> = {}): AccessEntry => ({
  at,
  principalSubject: 'key:a1',
  principalName: 'case tool',
  role: 'admin',
  action: 'read-person',
  method: 'GET',
  route: '/v1/people/rep-1',
  target: 'rep-1',
  query: {},
  status: 200,
  correlationId: `c-${at}`,
  ...overrides,
});

beforeAll(() => {
  log = AccessLog.open(file);
  log.append(entry('2011-06-01T10:00:00.000Z'));
  log.append(entry('2011-06-01T11:00:00.000Z', { principalSubject: 'jwt-42', principalName: 'Evaluator E', role: 'evaluator', action: 'export', route: '/v1/audit/export', target: null, query: { format: 'csv' } }));
  log.append(entry('2011-06-02T09:00:00.000Z', { action: 'erase-person', method: 'DELETE', status: 204 }));
  log.append(entry('2011-06-03T09:00:00.000Z', { target: 'rep-2', route: '/v1/people/rep-2', status: 404 }));
});

afterAll(() => {
  log.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the access log', () => {
  it('gives back what was written, in order, with ids', () => {
    const { entries, nextCursor } = log.page({ limit: 10 });
    expect(entries.map(({ id, at }) => [id, at])).toEqual([
      [1, '2011-06-01T10:00:00.000Z'],
      [2, '2011-06-01T11:00:00.000Z'],
      [3, '2011-06-02T09:00:00.000Z'],
      [4, '2011-06-03T09:00:00.000Z'],
    ]);
    expect(entries[1]).toEqual({ id: 2, ...entry('2011-06-01T11:00:00.000Z', { principalSubject: 'jwt-42', principalName: 'Evaluator E', role: 'evaluator', action: 'export', route: '/v1/audit/export', target: null, query: { format: 'csv' } }) });
    expect(nextCursor).toBeNull();
  });

  it('filters by principal, action, target and a time range (from inclusive, to exclusive), every criterion at once', () => {
    const ids = (filter: Parameters<AccessLog['page']>[0]) => log.page(filter).entries.map((found) => found.id);
    expect(ids({ subject: 'jwt-42', limit: 10 })).toEqual([2]);
    expect(ids({ action: 'read-person', limit: 10 })).toEqual([1, 4]);
    expect(ids({ target: 'rep-1', limit: 10 })).toEqual([1, 3]);
    expect(ids({ from: '2011-06-01T11:00:00.000Z', to: '2011-06-03T09:00:00.000Z', limit: 10 })).toEqual([2, 3]);
    expect(ids({ subject: 'key:a1', action: 'read-person', target: 'rep-1', limit: 10 })).toEqual([1]);
  });

  it('pages with a cursor', () => {
    const first = log.page({ limit: 3 });
    expect(first.nextCursor).toBe(3);
    const rest = log.page({ limit: 3, after: first.nextCursor! });
    expect(rest).toMatchObject({ entries: [{ id: 4 }], nextCursor: null });
  });

  it('refuses to change or delete an entry, whoever opens the file', () => {
    const raw = new Database(file);
    expect(() => raw.prepare("UPDATE access_log SET principal_subject = 'someone-else'").run()).toThrow('append-only');
    expect(() => raw.prepare('DELETE FROM access_log').run()).toThrow('append-only');
    raw.close();
    expect(log.page({ limit: 10 }).entries).toHaveLength(4);
  });
});

describe('reading the whole access log', () => {
  it('reads every entry the filter admits, a page at a time', () => {
    const ids = (pages: Iterable<readonly { id: number }[]>) => [...pages].map((page) => page.map((found) => found.id));
    expect(ids(log.pages({ action: 'read-person' }, 1))).toEqual([[1], [4]]);
    expect(ids(log.pages({}, 3))).toEqual([[1, 2, 3], [4]]);
    expect(ids(log.pages({ subject: 'nobody' }))).toEqual([]);
  });
});
