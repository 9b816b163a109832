import request from 'supertest';
import { TestApp, authHeaders, startTestApp } from '../../../../test/api.harness';

const ORIGIN = 'https://dashboard.example.org';

describe('security headers and CORS', () => {
  let t: TestApp;
  let withCors: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    withCors = await startTestApp({ env: { CORS_ORIGINS: `${ORIGIN}, https://forms.example.org` } });
  });
  afterAll(async () => {
    await t.close();
    await withCors.close();
  });

  it('sends the headers helmet sets, on answers and errors alike, and does not name the framework', async () => {
    for (const response of [await t.http.get('/health'), await t.http.get('/v1/nothing-here')]) {
      expect(response.headers).toMatchObject({
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'strict-transport-security': expect.stringContaining('max-age='),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
      });
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('allows no origin by default', async () => {
    const response = await t.http.get('/health').set('Origin', ORIGIN);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows the configured origins, with the headers the api reads and sends, and no other origin', async () => {
    const preflight = await request(withCors.app.getHttpServer())
      .options('/v1/staff-members')
      .set({ Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, x-api-key, idempotency-key' });
    expect({ status: preflight.status, origin: preflight.headers['access-control-allow-origin'], headers: preflight.headers['access-control-allow-headers'] }).toEqual({
      status: 204,
      origin: ORIGIN,
      headers: expect.stringContaining('Idempotency-Key'),
    });
    const allowed = await withCors.http.get('/health').set('Origin', ORIGIN);
    expect({ origin: allowed.headers['access-control-allow-origin'], exposed: allowed.headers['access-control-expose-headers'] }).toEqual({ origin: ORIGIN, exposed: expect.stringContaining('ETag') });
    const other = await withCors.http.get('/health').set('Origin', 'https://elsewhere.example.org');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limit per client (RATE_LIMIT=3 per RATE_LIMIT_WINDOW_MS)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { RATE_LIMIT: '3', RATE_LIMIT_WINDOW_MS: '60000' } })));
  afterAll(() => t.close());

  it('answers the request over the limit with a 429 problem and Retry-After, counting each credential apart from the others and from the address', async () => {
    const evaluator = authHeaders(t, 'evaluator');
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.http.get('/v1/indicators').set(evaluator)).status);
    const over = await t.http.get('/v1/periods').set(evaluator);
    expect({ statuses, status: over.status, retryAfter: over.headers['retry-after'], type: over.headers['content-type'], rule: over.body.errors?.[0]?.rule }).toEqual({
      statuses: [200, 200, 200],
      status: 429,
      retryAfter: expect.stringMatching(/^\d+$/),
      type: 'application/problem+json; charset=utf-8',
      rule: 'too-many-requests',
    });
    // The harness's own key, another credential.
    expect((await t.http.get('/v1/indicators')).status).toBe(200);
    expect((await request(t.app.getHttpServer()).get('/health')).status).toBe(200);
  });
});
