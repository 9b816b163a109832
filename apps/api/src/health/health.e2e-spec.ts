import { TestApp, startTestApp } from '../../../../test/api.harness';
import { associationRegistered, given } from '../../../../test/given';

describe('liveness and readiness (/health/live, /health/ready)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ env: { MAX_PROJECTION_LAG_EVENTS: '0' } })));
  afterAll(() => t.close());

  it('stays live but is not ready while the projection lags beyond the limit, naming the cause, and is ready again once it caught up', async () => {
    await t.runtime.projector.stop();
    await given(t, [associationRegistered('a-1')]);

    const notReady = await t.http.get('/health/ready');
    expect({ status: notReady.status, type: notReady.headers['content-type'] }).toEqual({ status: 503, type: expect.stringMatching(/^application\/problem\+json/) });
    expect(notReady.body.message).toEqual(['projection: projection programme is 1 events behind (limit 0)']);
    expect(notReady.body.details).toEqual({
      eventStore: { status: 'up', headPosition: 1 },
      projection: { status: 'down', message: 'projection programme is 1 events behind (limit 0)' },
    });
    expect((await t.http.get('/health')).status).toBe(503);
    expect((await t.http.get('/health/live')).status).toBe(200);

    await t.runtime.projector.start();
    await t.runtime.projector.waitFor(1);
    expect((await t.http.get('/health/ready')).status).toBe(200);
  });

  it('is not ready while the projection retries after a store error', async () => {
    const view = await t.runtime.projector.statusView();
    const status = jest.spyOn(t.runtime.projector, 'statusView').mockResolvedValue({ ...view, state: 'retrying', lastError: { ...view.lastError!, message: 'connection refused' } } as never);
    try {
      const response = await t.http.get('/health/ready');
      expect({ status: response.status, message: response.body.message }).toEqual({ status: 503, message: ['projection: projection programme is retrying after: connection refused'] });
    } finally {
      status.mockRestore();
    }
  });

  it('is not ready, and does not hang, when the event store cannot answer', async () => {
    const headPosition = jest.spyOn(t.runtime.events, 'headPosition').mockImplementation(() => new Promise(() => undefined));
    try {
      const response = await t.http.get('/health/ready');
      expect({ status: response.status, eventStore: response.body.details.eventStore }).toEqual({ status: 503, eventStore: { status: 'down', message: 'no answer within 2000 ms' } });
    } finally {
      headPosition.mockRestore();
    }
  });
});

describe('readiness of an instance on a damaged event store', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('is not ready, naming the damage the store found, while it stays live', async () => {
    const damage = jest.spyOn(t.runtime.events, 'damage').mockReturnValue({ check: 'hash-chain', detail: 'position 7 does not chain to position 6', detectedAt: '2011-06-30T12:00:00.000Z' });
    try {
      const response = await t.http.get('/health/ready');
      expect({ status: response.status, message: response.body.message }).toEqual({
        status: 503,
        message: ['eventStore: the event store is damaged (hash-chain): position 7 does not chain to position 6'],
      });
      expect((await t.http.get('/health/live')).status).toBe(200);
    } finally {
      damage.mockRestore();
    }
  });
});
