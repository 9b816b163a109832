import { STATUS_CODES } from 'node:http';
import request from 'supertest';
import { TestApp, authHeaders, startTestApp } from '../../../../test/api.harness';
import { staffMember } from '../../../../test/command-assertions';
import { listen, sendBytes } from './raw-http.fixture';

describe('every error is an RFC 9457 problem document that keeps statusCode, error, message and errors', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp();
    port = await listen(t);
    expect((await t.http.post('/v1/staff-members').send(staffMember('s-1'))).status).toBe(201);
  });
  afterAll(() => t.close());

  const cases: [string, (t: TestApp) => PromiseLike<{ status: number; headers: Record<string, string>; body: unknown; text: string }>, number, string, { field: string | null; rule: string }][] = [
    ['an unknown route', (t) => t.http.get('/v1/nothing-here'), 404, '/v1/nothing-here', { field: null, rule: 'not-found' }],
    ['JSON that does not parse', (t) => t.http.post('/v1/staff-members').set('Content-Type', 'application/json').send('{"staffId"'), 400, '/v1/staff-members', { field: 'body', rule: 'isJson' }],
    ['a body over MAX_BODY_BYTES', (t) => t.http.post('/v1/staff-members').send({ name: 'x'.repeat(1_100_000) }), 413, '/v1/staff-members', { field: 'body', rule: 'maxBytes' }],
    ['a body that is not JSON', (t) => t.http.post('/v1/staff-members').set('Content-Type', 'text/csv').send('staffId\ns-2'), 415, '/v1/staff-members', { field: 'header:Content-Type', rule: 'isJson' }],
    ['a field that breaks a rule', (t) => t.http.post('/v1/staff-members').send(staffMember('s-2', { role: 'chief' })), 400, '/v1/staff-members', { field: 'role', rule: 'isIn' }],
    ['a query that breaks a rule', (t) => t.http.get('/v1/audit/events?limit=0&x=1'), 400, '/v1/audit/events', { field: 'limit', rule: 'min' }],
    ['no credentials', (t) => request(t.app.getHttpServer()).get('/v1/indicators'), 401, '/v1/indicators', { field: null, rule: 'unauthorized' }],
    ['credentials that are not valid', (t) => t.http.get('/v1/indicators').set('X-Api-Key', 'not-a-key'), 401, '/v1/indicators', { field: null, rule: 'unauthorized' }],
    ['credentials without the role', (t) => t.http.post('/v1/staff-members').set(authHeaders(t, 'evaluator')).send(staffMember('s-2')), 403, '/v1/staff-members', { field: null, rule: 'forbidden' }],
    ['a broken rule of the domain', (t) => t.http.post('/v1/staff-members').send(staffMember('s-2', { occurredAt: '2012-01-01T00:00:00Z' })), 422, '/v1/staff-members', { field: 'occurredAt', rule: 'occurred-in-future' }],
    ['a duplicate', (t) => t.http.post('/v1/staff-members').send(staffMember('s-1')), 409, '/v1/staff-members', { field: null, rule: 'already-exists' }],
    ['a stale If-Match', (t) => t.http.post('/v1/staff-members').set('If-Match', '"4"').send(staffMember('s-3')), 412, '/v1/staff-members', { field: 'header:If-Match', rule: 'version-conflict' }],
  ];

  it.each(cases)('answers %s as application/problem+json with the field and the rule, and no stack', async (_case, request, status, instance, error) => {
    const response = await request(t);
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status, type: 'application/problem+json; charset=utf-8' });
    expect(response.body).toEqual(
      expect.objectContaining({
        type: 'about:blank',
        title: STATUS_CODES[status],
        status,
        detail: expect.any(String),
        instance,
        statusCode: status,
        error: expect.any(String),
        message: expect.arrayContaining([expect.any(String)]),
        errors: expect.arrayContaining([expect.objectContaining(error)]),
      }),
    );
    expect(response.text).not.toMatch(/\.(ts|js):\d+|node_modules|\n\s+at /);
  });

  it.each([
    ['a line break in a header value', 'X-Correlation-Id: a\rX-Actor-Id: admin\r\n', 400],
    ['header lines larger than the server accepts', `X-Big: ${'x'.repeat(20_000)}\r\n`, 431],
  ])("answers %s, which Node's HTTP parser refuses, as a problem document too", async (_case, line, status) => {
    const { text } = await sendBytes(port, `GET /health HTTP/1.1\r\nHost: localhost\r\n${line}\r\n`);
    const [head, body] = text.split('\r\n\r\n');
    expect({ head, body: JSON.parse(body) }).toEqual({
      head: expect.stringMatching(new RegExp(`^HTTP/1.1 ${status} .*\r\nContent-Type: application/problem\\+json; charset=utf-8\r\n`)),
      body: expect.objectContaining({ status, statusCode: status, errors: [expect.objectContaining({ field: null, rule: 'isHttp' })] }),
    });
  });

  it('keeps the challenge of a 401 in WWW-Authenticate', async () => {
    const response = await t.http.get('/v1/indicators').set('X-Api-Key', 'not-a-key');
    expect(response.headers['www-authenticate']).toMatch(/ApiKey/);
  });

  it('answers an unexpected failure with a 500 that tells nothing of its cause', async () => {
    const failure = jest.spyOn(t.runtime.indicators, 'live').mockRejectedValueOnce(new Error('cannot open /var/lib/secret/read-models.sqlite'));
    try {
      const response = await t.http.get('/v1/indicators');
      expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status: 500, type: 'application/problem+json; charset=utf-8' });
      expect(response.body).toMatchObject({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'internal error', message: ['internal error'] });
      expect(response.text).not.toMatch(/secret|sqlite|\.ts:\d+/);
    } finally {
      failure.mockRestore();
    }
  });
});
