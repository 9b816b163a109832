import { AccessEntry, AccessLog, AccessLogFilter, LoggedAccess } from './access-log';

export const accessEntry = (at: string, overrides: Partial<AccessEntry> = {}): AccessEntry => ({
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

const EXPORT = { principalSubject: 'jwt-42', principalName: 'Evaluator E', role: 'evaluator', action: 'export', route: '/v1/audit/export', target: null, query: { format: 'csv' } } as const;

/** What every access log does; each adapter runs it against a real, empty store. */
export const describeAccessLogContract = (name: string, open: () => Promise<AccessLog>) =>
  describe(`${name} (access-log contract)`, () => {
    let log: AccessLog;
    beforeAll(async () => {
      log = await open();
      await log.append(accessEntry('2011-06-01T10:00:00.000Z'));
      await log.append(accessEntry('2011-06-01T11:00:00.000Z', EXPORT));
      await log.append(accessEntry('2011-06-02T09:00:00.000Z', { action: 'erase-person', method: 'DELETE', status: 204 }));
      await log.append(accessEntry('2011-06-03T09:00:00.000Z', { target: 'rep-2', route: '/v1/people/rep-2', status: 404 }));
    });
    afterAll(() => log.close());

    it('gives back what was written, in order, with ids counting from 1', async () => {
      const { entries, nextCursor } = await log.page({ limit: 10 });
      expect(entries.map(({ id, at }) => [id, at])).toEqual([
        [1, '2011-06-01T10:00:00.000Z'],
        [2, '2011-06-01T11:00:00.000Z'],
        [3, '2011-06-02T09:00:00.000Z'],
        [4, '2011-06-03T09:00:00.000Z'],
      ]);
      expect(entries[1]).toEqual({ id: 2, ...accessEntry('2011-06-01T11:00:00.000Z', EXPORT) });
      expect(nextCursor).toBeNull();
    });

    it('filters by principal, action, target and a time range (from inclusive, to exclusive), every criterion at once', async () => {
      const ids = async (filter: AccessLogFilter) => (await log.page(filter)).entries.map((found) => found.id);
      expect(await ids({ subject: 'jwt-42', limit: 10 })).toEqual([2]);
      expect(await ids({ action: 'read-person', limit: 10 })).toEqual([1, 4]);
      expect(await ids({ target: 'rep-1', limit: 10 })).toEqual([1, 3]);
      expect(await ids({ from: '2011-06-01T11:00:00.000Z', to: '2011-06-03T09:00:00.000Z', limit: 10 })).toEqual([2, 3]);
      expect(await ids({ subject: 'key:a1', action: 'read-person', target: 'rep-1', limit: 10 })).toEqual([1]);
    });

    it('pages with a cursor', async () => {
      const first = await log.page({ limit: 3 });
      expect(first.nextCursor).toBe(3);
      expect(await log.page({ limit: 3, after: first.nextCursor! })).toMatchObject({ entries: [{ id: 4 }], nextCursor: null });
    });

    it('reads every entry the filter admits, a page at a time', async () => {
      const ids = async (pages: AsyncIterable<readonly LoggedAccess[]>) => {
        const found: number[][] = [];
        for await (const page of pages) found.push(page.map((entry) => entry.id));
        return found;
      };
      expect(await ids(log.pages({ action: 'read-person' }, 1))).toEqual([[1], [4]]);
      expect(await ids(log.pages({}, 3))).toEqual([[1, 2, 3], [4]]);
      expect(await ids(log.pages({ subject: 'nobody' }))).toEqual([]);
    });

    it('keeps a query whose keys a document store would refuse', async () => {
      const query = { '\u0000': '1', $where: 'x', 'a.b': 'c' };
      await log.append(accessEntry('2011-08-01T00:00:00.000Z', { query }));
      expect((await log.page({ from: '2011-08-01T00:00:00.000Z', limit: 10 })).entries).toMatchObject([{ query }]);
    });

    it('keeps ids in order when entries are written at once', async () => {
      await Promise.all(['2011-07-01T00:00:00.000Z', '2011-07-02T00:00:00.000Z', '2011-07-03T00:00:00.000Z'].map((at) => log.append(accessEntry(at))));
      const ids = (await log.page({ from: '2011-07-01T00:00:00.000Z', to: '2011-07-04T00:00:00.000Z', limit: 10 })).entries.map((entry) => entry.id);
      expect(ids).toHaveLength(3);
      expect(ids).toEqual([ids[0], ids[0] + 1, ids[0] + 2]);
    });
  });
