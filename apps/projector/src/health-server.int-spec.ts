import { mkdtempSync, rmSync } from 'node:fs';
import { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime, loadConfig } from '@toc/runtime';
import { generateEvents } from '../../../scripts/bench/generate-events';
import { portOf, startHealthServer } from './health-server';

/** The projector process's health port, on a real runtime over SQLite files: what a platform's probes and scraper see. */
describe('the projector health port (/health/live, /health/ready, /metrics)', () => {
  let dataDir: string;
  let runtime: Runtime;
  let server: Server;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`http://127.0.0.1:${portOf(server)}${path}`, { headers });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), text, body: response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'toc-projector-health-'));
    runtime = await Runtime.open(loadConfig({ DATA_DIR: dataDir, PROJECTOR_PORT: '0' }));
    await generateEvents(runtime.events, { events: 200 });
    await runtime.startProjector();
    await runtime.projector.waitFor(await runtime.events.headPosition());
    server = await startHealthServer(runtime);
  });

  afterAll(async () => {
    server.close();
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is live, and ready with the projection it runs and the event store head', async () => {
    expect(await get('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await get('/health/ready');
    expect(ready).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(ready.body.details).toEqual({
      eventStore: { status: 'up', headPosition: 200 },
      projection: { status: 'up', name: 'programme', state: 'live', runningHere: true, lagEvents: 0, lagSeconds: 0 },
    });
  });

  it('is not ready, naming the damage, while the event store is damaged, and stays live', async () => {
    const damage = jest.spyOn(runtime.events, 'damage').mockReturnValue({ check: 'hash-chain', detail: 'position 7 does not chain to position 6', detectedAt: '2011-06-30T12:00:00.000Z' });
    try {
      const ready = await get('/health/ready');
      expect({ status: ready.status, message: ready.body.message }).toEqual({
        status: 503,
        message: ['eventStore: the event store is damaged (hash-chain): position 7 does not chain to position 6'],
      });
      expect((await get('/health/live')).status).toBe(200);
    } finally {
      damage.mockRestore();
    }
  });

  it('is not ready, and does not hang, when the event store cannot answer', async () => {
    const headPosition = jest.spyOn(runtime.events, 'headPosition').mockImplementation(() => new Promise(() => undefined));
    try {
      const ready = await get('/health/ready');
      expect({ status: ready.status, eventStore: ready.body.details.eventStore }).toEqual({ status: 503, eventStore: { status: 'down', message: 'no answer within 2000 ms' } });
    } finally {
      headPosition.mockRestore();
    }
  });

  it('is ready as a standby that does not hold the lease: catching up or waiting is its work, not a fault', async () => {
    const standby = await Runtime.open(loadConfig({ DATA_DIR: dataDir, PROJECTOR_PORT: '0' }));
    await standby.startProjector();
    const standbyServer = await startHealthServer(standby);
    try {
      const response = await fetch(`http://127.0.0.1:${portOf(standbyServer)}/health/ready`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { details: { projection: unknown } }).details.projection).toMatchObject({ state: 'live', runningHere: false });
    } finally {
      standbyServer.close();
      await standby.close();
    }
  });

  it('serves the Prometheus metrics to a monitor key only', async () => {
    expect(await get('/metrics')).toMatchObject({ status: 401 });
    const recorder = (await runtime.keys.create({ name: 'recorder', roles: ['recorder'] })).key;
    expect(await get('/metrics', { 'X-Api-Key': recorder })).toMatchObject({ status: 403, body: { message: ['this needs the role monitor or admin'] } });
    const monitor = (await runtime.keys.create({ name: 'scraper', roles: ['monitor'] })).key;
    const scraped = await get('/metrics', { Authorization: `Bearer ${monitor}` });
    expect({ status: scraped.status, type: scraped.type }).toEqual({ status: 200, type: expect.stringMatching(/^text\/plain/) });
    expect(scraped.text).toMatch(/^toc_event_store_head_position 200$/m);
    expect(scraped.text).toMatch(/^toc_projection_lag_events\{projection="programme"\} 0$/m);
    expect(scraped.text).toMatch(/^toc_projection_state\{projection="programme",state="live"\} 1$/m);
  });

  it('answers a scrape 500 while the event store cannot be read, and goes on answering', async () => {
    const monitor = (await runtime.keys.create({ name: 'scraper during an outage', roles: ['monitor'] })).key;
    const headPosition = jest.spyOn(runtime.events, 'headPosition').mockRejectedValue(new Error('connection refused'));
    try {
      expect(await get('/metrics', { 'X-Api-Key': monitor })).toMatchObject({ status: 500, body: { message: ['connection refused'] } });
    } finally {
      headPosition.mockRestore();
    }
    expect((await get('/health/live')).status).toBe(200);
    expect((await get('/metrics', { 'X-Api-Key': monitor })).status).toBe(200);
  });

  it('answers other paths and methods 404, naming what it serves', async () => {
    expect(await get('/v1/indicators')).toMatchObject({ status: 404, body: { message: ['the projector answers GET /health/live, /health/ready and /metrics'] } });
    const posted = await fetch(`http://127.0.0.1:${portOf(server)}/health/live`, { method: 'POST' });
    expect(posted.status).toBe(404);
  });
});
