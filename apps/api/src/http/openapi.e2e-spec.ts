import { TestApp, startTestApp } from '../../../../test/api.harness';
import { commandControllers } from '../app.module';
import { operationId } from './openapi';

interface Operation {
  readonly operationId: string;
  readonly parameters?: { name: string; in: string }[];
  readonly requestBody?: unknown;
  readonly security?: Record<string, unknown>[];
  readonly responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: { $ref: string } }> }>;
}

const COMMAND_HEADERS = ['Idempotency-Key', 'If-Match', 'X-Source-App', 'X-Correlation-Id', 'X-Causation-Id', 'X-On-Behalf-Of'];

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: { components: { securitySchemes: object; schemas: Record<string, { required: string[] }> }; paths: Record<string, Record<string, Operation>> };
  let operations: (Operation & { method: string; path: string })[];
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http.get('/openapi.json')).body;
    operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ ...operation, method, path })));
  });
  afterAll(() => t.close());

  const headersOf = (operation: Operation) => (operation.parameters ?? []).filter((parameter) => parameter.in === 'header').map((parameter) => parameter.name);
  const commands = () => operations.filter((operation) => commandControllers.some((controller) => operation.operationId.startsWith(operationId(controller.name, ''))));

  it('declares the api-key and jwt security schemes that the routes refer to', () => {
    expect(document.components.securitySchemes).toEqual({
      'api-key': { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
    const isHealth = (operation: { path: string }) => /^\/health(\/live|\/ready)?$/.test(operation.path);
    expect(operations.filter((operation) => !isHealth(operation)).every((operation) => JSON.stringify(operation.security) === '[{"api-key":[]},{"jwt":[]}]')).toBe(true);
  });

  it('names every operation ControllerName_method, once', () => {
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[A-Z][A-Za-z]*_[a-z][A-Za-z]*$/.test(id))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['Associations_register', 'Streams_read', 'Audit_export', 'Health_live', 'Health_ready']));
  });

  it('answers every error of every operation with the problem schema', () => {
    expect(document.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail', 'instance', 'statusCode', 'error', 'message', 'errors']);
    const missing = operations.flatMap((operation) =>
      ['400', '429', '500', 'default', ...(operation.requestBody ? ['413', '415'] : []), ...(operation.security ? ['401', '403'] : [])]
        .filter((status) => operation.responses[status]?.content?.['application/problem+json']?.schema.$ref !== '#/components/schemas/Problem')
        .map((status) => `${operation.operationId} ${status}`),
    );
    expect(missing).toEqual([]);
  });

  it('declares the headers every command reads and its answer carries, and not the actor headers authentication replaced', () => {
    expect(commands().length).toBeGreaterThan(20);
    for (const command of commands()) {
      expect({ id: command.operationId, headers: headersOf(command) }).toEqual({ id: command.operationId, headers: expect.arrayContaining(COMMAND_HEADERS) });
      expect(Object.keys(command.responses['201'].headers ?? {})).toEqual(expect.arrayContaining(['ETag', 'Location']));
      expect(Object.keys(command.responses)).toEqual(expect.arrayContaining(['404', '409', '412', '422']));
    }
    expect(operations.flatMap(headersOf).filter((name) => /^X-Actor-/.test(name))).toEqual([]);
  });

  it('declares the ETag of a stream read and the 503 with Retry-After of a read that waits for minPosition', () => {
    expect(Object.keys(document.paths['/v1/streams/{streamId}'].get.responses['200'].headers ?? {})).toEqual(['ETag']);
    const waiting = operations.filter((operation) => operation.responses['503'] && !operation.path.startsWith('/health'));
    expect(waiting.map((operation) => operation.operationId).sort()).toEqual(['Indicators_all', 'Indicators_modelWithValues', 'Indicators_one']);
    expect(waiting.every((operation) => operation.responses['503'].headers?.['Retry-After'])).toBe(true);
  });
});
