import { randomUUID } from 'node:crypto';
import { Server, ServerResponse } from 'node:http';
import { Socket, connect } from 'node:net';
import { EventToAppend } from '@toc/domain';
import { TestApp, authHeaders, startTestApp } from '../../../../test/api.harness';
import { listen } from './raw-http.fixture';

const STREAMS = 30;
const EVENTS_PER_STREAM = 1000;

/** 30,000 events, far more than the socket buffers of a client that stops reading can hold as NDJSON. */
const seed = async (t: TestApp) => {
  for (let s = 0; s < STREAMS; s++) {
    const events = Array.from({ length: EVENTS_PER_STREAM }, (_, i): EventToAppend => ({
      type: 'StaffMemberRegistered',
      data: { staffId: `s-${s}-${i}`, role: 'frontline', employer: 'municipality', housingArea: 'tingbjerg-husum' },
      metadata: {
        eventId: randomUUID(),
        schemaVersion: 1,
        correlationId: randomUUID(),
        causationId: null,
        actor: { userId: 'seed', role: 'recorder' },
        sourceApp: 'test',
        occurredAt: '2010-01-04T09:00:00+01:00',
        recordedAt: '2010-01-04T08:00:00.000Z',
      },
    }));
    await t.runtime.events.append(`staff-bulk-${s}`, events, 'any');
  }
};

describe('a streamed export goes at the pace of its client', () => {
  let t: TestApp;
  let port: number;
  let apiKey: string;
  let fullSize: number;
  beforeAll(async () => {
    // The projector is stopped so that only the export competes with /health; its lag must not fail /health.
    t = await startTestApp({ env: { SQLITE_SYNCHRONOUS: 'NORMAL', MAX_PROJECTION_LAG_EVENTS: '1000000' } });
    await t.runtime.projector.stop();
    await seed(t);
    port = await listen(t);
    apiKey = authHeaders(t, 'evaluator')['X-Api-Key'];
  });
  afterAll(() => t.close());

  const health = async () => expect((await t.http.get('/health')).status).toBe(200);

  /** The export's response on the server, caught as it starts, and a client that asks for it and never reads. */
  const exportToIdleClient = () =>
    new Promise<{ response: ServerResponse; client: Socket }>((resolve) => {
      const server = t.app.getHttpServer() as Server;
      const catchExport = (request: { url?: string }, response: ServerResponse) => {
        if (!request.url?.startsWith('/v1/audit/export')) return;
        server.off('request', catchExport);
        resolve({ response, client });
      };
      server.prependListener('request', catchExport);
      const client = connect(port, '127.0.0.1', () => {
        client.pause();
        client.write(`GET /v1/audit/export HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: ${apiKey}\r\n\r\n`);
      });
    });

  /** Bytes the export has handed to the socket, sent or still buffered (writableLength of them in this process). */
  const handed = (response: ServerResponse) => response.socket?.bytesWritten ?? 0;

  /** Serves /health until the export has handed nothing more for 10 requests in a row. */
  const untilStalled = async (response: ServerResponse) => {
    for (let unchanged = 0, last = -1; unchanged < 10; ) {
      await health();
      const now = handed(response);
      unchanged = now === last ? unchanged + 1 : 0;
      last = now;
    }
  };

  it('sends the whole log to a client that reads, and answers other requests while it does', async () => {
    const finished: string[] = [];
    const exported = t.http
      .get('/v1/audit/export')
      .set('X-Api-Key', apiKey)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      })
      .then((response) => (finished.push('export'), response));
    await health();
    finished.push('health');
    const response = await exported;
    expect({ status: response.status, finished }).toEqual({ status: 200, finished: ['health', 'export'] });
    const text = response.body as string;
    expect(text.trim().split('\n')).toHaveLength(STREAMS * EVENTS_PER_STREAM);
    fullSize = Buffer.byteLength(text);
  });

  it('holds a bounded part of it for a client that stops reading, serves /health meanwhile, and stops when the client goes', async () => {
    const reads = jest.spyOn(t.runtime.events, 'queryLog');
    const { response, client } = await exportToIdleClient();
    await untilStalled(response);

    const stalled = { handed: handed(response), reads: reads.mock.calls.length };
    // Far from the whole log: the export waits for the client instead of buffering the rest.
    expect({ ended: response.writableEnded, mostlyHeldBack: stalled.handed < fullSize / 3, buffered: response.writableLength < 2 * 1024 * 1024 }).toEqual({
      ended: false,
      mostlyHeldBack: true,
      buffered: true,
    });
    for (let i = 0; i < 20; i++) await health();
    expect({ handed: handed(response), reads: reads.mock.calls.length }).toEqual(stalled);

    const closed = new Promise((resolve) => response.once('close', resolve));
    client.destroy();
    await closed;
    for (let i = 0; i < 20; i++) await health();
    // Nothing more read, and nothing left waiting for a drain that cannot come.
    expect({ finished: response.writableFinished, reads: reads.mock.calls.length, waiting: response.listenerCount('drain') }).toEqual({ finished: false, reads: stalled.reads, waiting: 0 });
    reads.mockRestore();
  });
});
