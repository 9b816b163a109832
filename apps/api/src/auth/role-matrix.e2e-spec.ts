import request from 'supertest';
import { Role } from '@toc/runtime';
import { TestApp, authHeaders, startTestApp } from '../../../../test/api.harness';

/**
 * Who may call what: the rule of every operation, by method and path prefix (the first match
 * counts). The test walks the OpenAPI document, so a route that is missing here, or whose
 * decorator says something else, fails the suite.
 */
const MATRIX: readonly [pattern: RegExp, roles: readonly Role[] | 'public'][] = [
  [/^GET \/health(\/live|\/ready)?$/, 'public'],
  [/^POST \/v1\/streams\/\{streamId\}\/events\/\{eventId\}\/retraction$/, ['recorder']],
  [/^GET \/v1\/streams\//, ['recorder', 'evaluator']],
  [/^GET \/v1\/(theory-of-change|indicator-definitions|instruments)$/, ['recorder', 'evaluator', 'admin']],
  [/^GET \/v1\/(indicators|periods|theory-of-change\/values)/, ['evaluator']],
  [/^GET \/v1\/(audit|replay|exports|reports)\//, ['evaluator']],
  [/^(GET|POST|DELETE) \/v1\/admin\//, ['admin']],
  [/^GET \/metrics$/, ['monitor', 'admin']],
  [/^PUT \/v1\/people\//, ['recorder']],
  [/^(GET|DELETE) \/v1\/people\//, ['admin']],
  [/^POST \/v1\/(associations|staff-members|resource-allocations|good-practice-analyses|evaluation-milestones|courses|workshops|seminars|networks|survey-responses|forums)(\/|$)/, ['recorder']],
];

const ROLES: readonly Role[] = ['recorder', 'evaluator', 'admin', 'monitor'];

/** Path parameters that pass validation but name nothing, so an admitted call changes nothing. */
const concrete = (path: string) => path.replace(/\{name\}/g, 'no-such-projection').replace(/\{[^}]+\}/g, 'x-1');

describe('who may call what: every operation of the OpenAPI document, for every role and for no credentials', () => {
  let t: TestApp;
  let operations: string[];
  beforeAll(async () => {
    t = await startTestApp();
    const paths = (await t.http.get('/openapi.json')).body.paths as Record<string, Record<string, unknown>>;
    operations = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
  });
  afterAll(() => t.close());

  const send = (operation: string, headers: Record<string, string>) => {
    const [method, path] = operation.split(' ');
    const call = request(t.app.getHttpServer())[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](concrete(path)).set(headers);
    return method === 'POST' || method === 'PUT' ? call.send({}) : call;
  };

  it('has a rule for every operation', () => {
    expect(operations.length).toBeGreaterThan(50);
    const unruled = operations.filter((operation) => !MATRIX.some(([pattern]) => pattern.test(operation)));
    expect(unruled).toEqual([]);
  });

  it('answers 401 to every operation but health without credentials, or with a wrong or revoked key', async () => {
    const revoked = await t.runtime.keys.create({ name: 'revoked', roles: ['recorder', 'evaluator', 'admin', 'monitor'] });
    await t.runtime.keys.revoke(revoked.id);
    const answers: string[] = [];
    const attempts: Record<string, string>[] = [{}, { 'X-Api-Key': 'toc_not-a-key' }, { Authorization: `Bearer ${revoked.key}` }, { Authorization: 'Basic YWRtaW46YWRtaW4=' }];
    for (const operation of operations) {
      const rule = MATRIX.find(([pattern]) => pattern.test(operation))![1];
      for (const headers of attempts) {
        const { status } = await send(operation, headers);
        answers.push(`${operation} ${rule === 'public' ? (status === 401 ? 'refused' : 'open') : status === 401 ? 'refused' : status}`);
      }
    }
    expect(answers.filter((answer) => (/^GET \/health(\/live|\/ready)? /.test(answer) ? !answer.endsWith(' open') : !answer.endsWith(' refused')))).toEqual([]);
  });

  it('answers 503 to retry, not 500, while the key store cannot be read', async () => {
    const verify = jest.spyOn(t.runtime.keys, 'verify').mockRejectedValue(new Error('server selection timed out'));
    try {
      const response = await request(t.app.getHttpServer()).get('/v1/indicators').set(authHeaders(t, 'evaluator'));
      expect({ status: response.status, message: response.body.message }).toEqual({ status: 503, message: [expect.stringContaining('the key store cannot be reached')] });
    } finally {
      verify.mockRestore();
    }
  });

  it.each(ROLES)('admits the %s role exactly where the matrix says and answers 403 elsewhere', async (role) => {
    const headers = authHeaders(t, role);
    const wrong: string[] = [];
    for (const operation of operations) {
      const rule = MATRIX.find(([pattern]) => pattern.test(operation))![1];
      const admitted = rule === 'public' || rule.includes(role);
      const { status } = await send(operation, headers);
      if (admitted ? status === 401 || status === 403 : status !== 403) wrong.push(`${operation}: ${status}, ${admitted ? 'admitted' : 'not admitted'} by the matrix`);
    }
    expect(wrong).toEqual([]);
  });
});
