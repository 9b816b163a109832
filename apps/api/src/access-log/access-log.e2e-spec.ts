import { TestApp, startTestApp } from '../../../../test/api.harness';

describe('the access log (v1/admin/access-log)', () => {
  let t: TestApp;
  let admin: { 'X-Api-Key': string };
  let evaluator: { 'X-Api-Key': string };
  let adminSubject: string;
  let evaluatorSubject: string;
  beforeAll(async () => {
    t = await startTestApp();
    const [adminKey, evaluatorKey] = await Promise.all([t.runtime.keys.create({ name: 'data protection officer', roles: ['admin'] }), t.runtime.keys.create({ name: 'evaluation team', roles: ['evaluator'] })]);
    [admin, evaluator] = [{ 'X-Api-Key': adminKey.key }, { 'X-Api-Key': evaluatorKey.key }];
    [adminSubject, evaluatorSubject] = [`key:${adminKey.id}`, `key:${evaluatorKey.id}`];

    await t.http.get('/v1/audit/export?format=csv&types=WorkshopHeld').set({ ...evaluator, 'X-Correlation-Id': 'dpo-case-7' }).expect(200);
    await t.http.get('/v1/exports/indicators.csv?periodType=year&period=2010').set(evaluator).expect(200);
    await t.http.get('/v1/replay/indicators?asOf=2010-12-31').set(evaluator).expect(200);
    await t.http.get('/v1/replay/indicators?asOf=yesterday').set(evaluator).expect(400);
    await t.http.get('/v1/replay/diff?fromAsOf=2010-06-30&toAsOf=2010-12-31').set(evaluator).expect(200);
    await t.http.get('/v1/reports/data-quality').set(evaluator).expect(200);
    await t.http.get('/v1/reports/evaluation').set(evaluator).expect(200);
    await t.http.get('/v1/indicators').set(evaluator).expect(200);
    await t.http.get('/v1/people/rep-1').set(evaluator).expect(403);
    await t.http.post('/v1/admin/projections/programme/rebuild').set(admin).expect(202);
    await t.http.delete('/v1/admin/projections/programme/rebuild').set(admin).expect(200);
    await t.http.post('/v1/admin/projections/programme/restart').set(admin).expect(202);
  });
  afterAll(() => t.close());

  const entries = async (query = '') => {
    const response = await t.http.get(`/v1/admin/access-log${query}`).set(admin);
    expect(response.status).toBe(200);
    return response.body.entries as Record<string, unknown>[];
  };

  it('records who exported, replayed, reported and changed projections, with the route, query, status and correlation id', async () => {
    const evaluation = { principalSubject: evaluatorSubject, principalName: 'evaluation team', role: 'evaluator', method: 'GET', target: null, at: '2011-06-30T12:00:00.000Z' };
    const projection = { principalSubject: adminSubject, principalName: 'data protection officer', role: 'admin', target: 'programme' };
    expect(await entries()).toEqual([
      { ...evaluation, id: 1, action: 'export', route: '/v1/audit/export', query: { format: 'csv', types: 'WorkshopHeld' }, status: 200, correlationId: 'dpo-case-7' },
      { ...evaluation, id: 2, action: 'export', route: '/v1/exports/indicators.csv', query: { periodType: 'year', period: '2010' }, status: 200, correlationId: expect.any(String) },
      { ...evaluation, id: 3, action: 'replay', route: '/v1/replay/indicators', query: { asOf: '2010-12-31' }, status: 200, correlationId: expect.any(String) },
      { ...evaluation, id: 4, action: 'replay', route: '/v1/replay/indicators', query: { asOf: 'yesterday' }, status: 400, correlationId: expect.any(String) },
      { ...evaluation, id: 5, action: 'replay', route: '/v1/replay/diff', query: { fromAsOf: '2010-06-30', toAsOf: '2010-12-31' }, status: 200, correlationId: expect.any(String) },
      { ...evaluation, id: 6, action: 'report', route: '/v1/reports/data-quality', query: {}, status: 200, correlationId: expect.any(String) },
      { ...evaluation, id: 7, action: 'report', route: '/v1/reports/evaluation', query: {}, status: 200, correlationId: expect.any(String) },
      expect.objectContaining({ ...projection, id: 8, action: 'rebuild-projection', method: 'POST', route: '/v1/admin/projections/programme/rebuild', status: 202 }),
      expect.objectContaining({ ...projection, id: 9, action: 'cancel-rebuild', method: 'DELETE', route: '/v1/admin/projections/programme/rebuild', status: 200 }),
      expect.objectContaining({ ...projection, id: 10, action: 'restart-projection', method: 'POST', route: '/v1/admin/projections/programme/restart', status: 202 }),
    ]);
  });

  it('logs reading the access log itself', async () => {
    await entries('?action=read-person');
    const reads = await entries('?action=read-access-log');
    expect(reads).toContainEqual(expect.objectContaining({ principalSubject: adminSubject, route: '/v1/admin/access-log', query: { action: 'read-person' }, status: 200 }));
  });

  it('filters by principal, action, target and time, and pages with a cursor', async () => {
    expect((await entries(`?subject=${evaluatorSubject}&action=replay`)).map((entry) => entry.id)).toEqual([3, 4, 5]);
    expect((await entries('?target=programme')).map((entry) => entry.action)).toEqual(['rebuild-projection', 'cancel-rebuild', 'restart-projection']);
    expect(await entries('?from=2011-07-01')).toEqual([]);
    expect((await entries('?from=2011-06-30&to=2011-06-30&action=report')).map((entry) => entry.id)).toEqual([6, 7]);

    const first = await t.http.get('/v1/admin/access-log?limit=2').set(admin);
    expect(first.body).toMatchObject({ entries: [{ id: 1 }, { id: 2 }], nextCursor: 2 });
    const next = await t.http.get(`/v1/admin/access-log?limit=2&after=${first.body.nextCursor}`).set(admin);
    expect(next.body.entries.map((entry: { id: number }) => entry.id)).toEqual([3, 4]);
  });

  it('refuses bad filters naming the field', async () => {
    const response = await t.http.get('/v1/admin/access-log?action=peek&from=soon').set(admin);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string; rule: string }) => `${error.field}:${error.rule}`).sort()).toEqual(['action:isIn', 'from:isIso8601']);
  });

  it('exports the filtered log as CSV or NDJSON', async () => {
    const csv = await t.http.get(`/v1/admin/access-log/export?format=csv&subject=${evaluatorSubject}&action=report`).set(admin);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id;at;principalSubject;principalName;role;action;method;route;target;query;status;correlationId');
    expect(lines.slice(1).map((line) => line.split(';').slice(0, 8))).toEqual([
      ['6', '2011-06-30T12:00:00.000Z', evaluatorSubject, 'evaluation team', 'evaluator', 'report', 'GET', '/v1/reports/data-quality'],
      ['7', '2011-06-30T12:00:00.000Z', evaluatorSubject, 'evaluation team', 'evaluator', 'report', 'GET', '/v1/reports/evaluation'],
    ]);

    const ndjson = await t.http.get('/v1/admin/access-log/export?target=programme').set(admin);
    expect(ndjson.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(ndjson.text.trimEnd().split('\n').map((line) => JSON.parse(line).action)).toEqual(['rebuild-projection', 'cancel-rebuild', 'restart-projection']);
  });

  it('is for admins only, and has no way to change or remove an entry', async () => {
    for (const headers of [evaluator, { 'X-Api-Key': (await t.runtime.keys.create({ name: 'recorder', roles: ['recorder'] })).key }]) {
      expect((await t.http.get('/v1/admin/access-log').set(headers)).status).toBe(403);
      expect((await t.http.get('/v1/admin/access-log/export').set(headers)).status).toBe(403);
    }
    expect((await t.http.delete('/v1/admin/access-log').set(admin)).status).toBe(404);
    expect((await t.http.put('/v1/admin/access-log/1').set(admin).send({})).status).toBe(404);
  });
});
