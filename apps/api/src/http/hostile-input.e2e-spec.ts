import { Agent } from 'node:http';
import { TestApp, authHeaders, startTestApp } from '../../../../test/api.harness';
import { HostileRequest, Operation, Schema, hostileRequest, rawRequests } from './hostile-requests.fixture';
import { listen, send, sendBytes } from './raw-http.fixture';

const SEED = 20_100_101;
/** Requests per operation and set of credentials: 58 operations × 4 × 44 is over 10,000. */
const PER_OPERATION = 44;
const CONCURRENCY = 8;

interface Document {
  readonly paths: Record<string, Record<string, { operationId: string; parameters?: Operation['parameters']; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  readonly components: { schemas: Record<string, Schema> };
}

const operationsOf = (document: Document): Operation[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method,
      path,
      operationId: operation.operationId,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema,
    })),
  );

/** What went wrong with one answer, or nothing. */
const failureOf = (request: HostileRequest, status: number) =>
  status >= 500 || status === 0 || (request.malformed && (status < 400 || status >= 500)) ? `${request.label} -> ${status || 'no answer'}` : undefined;

describe('hostile input against every operation of the OpenAPI document', () => {
  let t: TestApp;
  let port: number;
  let agent: Agent;
  let document: Document;
  let credentials: Record<string, Record<string, string>>;
  beforeAll(async () => {
    t = await startTestApp();
    port = await listen(t);
    agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    document = (await t.http.get('/openapi.json')).body;
    credentials = { none: {}, recorder: authHeaders(t, 'recorder'), evaluator: authHeaders(t, 'evaluator'), admin: authHeaders(t, 'admin') };
  });
  afterAll(async () => {
    agent.destroy();
    await t.close();
  });

  const head = async () => ({ position: await t.runtime.events.headPosition(), projections: (await t.http.get('/v1/admin/projections')).body[0].headPosition });

  it(
    'answers over 10,000 generated requests, without and with the credentials of each role, below 500 and malformed ones with a 4xx; stays up and writes nothing',
    async () => {
      const before = await head();
      const operations = operationsOf(document);
      const plan = Object.entries(credentials).flatMap(([who, headers], c) =>
        operations.flatMap((operation, o) => Array.from({ length: PER_OPERATION }, (_, i) => ({ who, operation, headers, seed: SEED + (c * operations.length + o) * PER_OPERATION + i }))),
      );
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      let next = 0;
      const worker = async () => {
        while (next < plan.length) {
          const { who, operation, headers, seed } = plan[next++];
          const request = hostileRequest(operation, document.components.schemas, headers, seed);
          const status = await send(port, request, agent).then(
            (response) => response.status,
            () => 0,
          );
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const failure = failureOf(request, status);
          if (failure) failures.push(`${who}: ${failure}`);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));

      const raw = await Promise.all(
        Object.values(credentials).flatMap((headers) => rawRequests(headers['X-Api-Key'] ?? 'none').map(async (bytes) => ({ bytes, status: (await sendBytes(port, bytes)).status }))),
      );
      failures.push(...raw.filter(({ status }) => status < 400 || status >= 500).map(({ bytes, status }) => `raw ${JSON.stringify(bytes.slice(0, 120))} -> ${status || 'no answer'}`));

      expect({ requests: plan.length >= 10_000, failures: failures.slice(0, 20), statuses: Object.fromEntries(statuses) }).toEqual({
        requests: true,
        failures: [],
        statuses: expect.not.objectContaining({ 0: expect.anything(), 500: expect.anything() }),
      });
      expect((await t.http.get('/health')).status).toBe(200);
      expect(await head()).toEqual(before);
    },
    120_000,
  );
});
