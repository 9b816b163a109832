import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Runtime, loadConfig } from '@toc/runtime';
import { createApp } from '../apps/api/src/app';
import { TestApp, post, startTestApp } from './api.harness';

const AT = '2010-03-15T10:00:00+01:00';

/** Posts a command that must be accepted and returns its global position, for read-your-writes queries. */
const accepted = async (t: TestApp, path: string, body: object): Promise<number> => {
  const response = await post(t, path, body);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
  return response.body.position;
};

const registerAssociation = (t: TestApp, associationId: string, housingArea = 'tingbjerg-husum') =>
  accepted(t, '/v1/associations', { occurredAt: AT, associationId, name: `Association ${associationId}`, housingArea, associationType: 'cultural', sizeBand: '11-50' });

const assess = (t: TestApp, associationId: string, wave: 'baseline' | 'follow-up', score: number, occurredAt = '2010-03-20T10:00:00+01:00', assessmentId = `${associationId}-${wave}`) =>
  accepted(t, `/v1/associations/${associationId}/capacity-assessments`, {
    occurredAt,
    assessmentId,
    wave,
    instrumentVersion: 'cap-2010-v1',
    mode: 'facilitated',
    items: [{ domain: 'governance', score, evidence: 'board minutes' }],
  });

const indicator = async (t: TestApp, code: string, query: Record<string, string | number>) => {
  const response = await t.http.get(`/v1/indicators/${code}`).query(query);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
  return response.body.indicator;
};

describe('service, model and documentation', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('reports readiness with the event store readable and the projection live, at /health and /health/ready, and liveness at /health/live', async () => {
    for (const path of ['/health', '/health/ready']) {
      const response = await t.http.get(path);
      expect({ status: response.status, body: response.body }).toMatchObject({
        status: 200,
        body: { status: 'ok', info: { eventStore: { status: 'up' }, projection: { status: 'up', name: 'programme', state: 'live', lagEvents: 0 } } },
      });
    }
    expect(await t.http.get('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('publishes an OpenAPI document with every command route and its code lists', async () => {
    const response = await t.http.get('/openapi.json');
    expect(response.status).toBe(200);
    const commandRoutes = [
      '/v1/associations',
      '/v1/associations/{id}/corrections',
      '/v1/associations/{id}/capacity-assessments',
      '/v1/staff-members',
      '/v1/staff-members/{id}/corrections',
      '/v1/resource-allocations',
      '/v1/resource-allocations/{id}/uses',
      '/v1/good-practice-analyses',
      '/v1/evaluation-milestones',
      '/v1/courses',
      '/v1/courses/{id}/start',
      '/v1/courses/{id}/enrolments',
      '/v1/courses/{id}/sessions',
      '/v1/courses/{id}/completion',
      '/v1/workshops',
      '/v1/workshops/{id}/feedback',
      '/v1/seminars',
      '/v1/networks',
      '/v1/networks/{id}/members',
      '/v1/networks/{id}/departures',
      '/v1/networks/{id}/meetings',
      '/v1/networks/{id}/joint-activities',
      '/v1/survey-responses',
      '/v1/forums',
      '/v1/forums/{id}/seats',
      '/v1/forums/{id}/seat-departures',
      '/v1/forums/{id}/inputs',
      '/v1/streams/{streamId}/events/{eventId}/retraction',
    ];
    const paths = response.body.paths as Record<string, { post?: { requestBody?: unknown; parameters?: { name: string; in: string }[]; security?: unknown[] } }>;
    for (const route of commandRoutes) {
      expect({ route, post: paths[route]?.post !== undefined, body: paths[route]?.post?.requestBody !== undefined }).toEqual({ route, post: true, body: true });
      expect(paths[route].post!.security).toEqual(expect.arrayContaining([{ 'api-key': [] }, { jwt: [] }]));
    }
    const schemas = response.body.components.schemas;
    expect(schemas.RegisterStaffMemberDto.properties.role.enum).toEqual(['frontline', 'manager', 'social-worker', 'teacher', 'housing-officer', 'other']);
    expect(schemas.JoinNetworkDto.properties.member.$ref ?? schemas.JoinNetworkDto.properties.member.allOf?.[0]?.$ref).toBe('#/components/schemas/NetworkMemberDto');
  });

  it('serves the interactive documentation as HTML', async () => {
    const response = await t.http.get('/docs').redirects(1);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('swagger-ui');
  });

  it('serves the theory of change: six levels and nodes R1 to L2', async () => {
    const response = await t.http.get('/v1/theory-of-change');
    expect(response.status).toBe(200);
    const { levels, nodes } = response.body;
    expect(levels.map((level: { code: string }) => level.code)).toEqual(['resources', 'activities', 'products', 'results', 'medium-term-effects', 'long-term-effects']);
    const codes = nodes.map((node: { code: string }) => node.code);
    expect(codes).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'A1', 'A2', 'A3', 'A4', 'A5', 'P1', 'P2', 'P3', 'S1', 'M1', 'M2', 'L1', 'L2']);
  });

  it('serves the indicator definitions, each attached to a node of the model', async () => {
    const [definitions, model] = await Promise.all([t.http.get('/v1/indicator-definitions'), t.http.get('/v1/theory-of-change')]);
    expect(definitions.status).toBe(200);
    const nodeCodes = new Set(model.body.nodes.map((node: { code: string }) => node.code));
    expect(definitions.body.length).toBeGreaterThan(0);
    expect(definitions.body.map((definition: { code: string }) => definition.code)).toContain('ACT-ASSESSMENT-COVERAGE');
    for (const definition of definitions.body) expect({ code: definition.code, known: nodeCodes.has(definition.node) }).toEqual({ code: definition.code, known: true });
  });

  it('refuses an unknown period type naming periodType', async () => {
    const response = await t.http.get('/v1/indicators').query({ periodType: 'month' });
    expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 400, errors: [expect.objectContaining({ field: 'periodType', rule: 'isIn' })] });
  });

  it('refuses a period that does not belong to its period type', async () => {
    const response = await t.http.get('/v1/indicators').query({ periodType: 'quarter', period: '2010' });
    expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 400, errors: [expect.objectContaining({ field: 'period', rule: 'matchesPeriodType' })] });
  });
});

describe('indicator values after commands', () => {
  let t: TestApp;
  let last: number;
  beforeAll(async () => {
    t = await startTestApp();
    // Six associations, five of them with a baseline; one lives in another housing area.
    for (const id of ['a-1', 'a-2', 'a-3', 'a-4', 'a-5']) await registerAssociation(t, id);
    await registerAssociation(t, 'a-6', 'urbanplanen');
    for (const id of ['a-1', 'a-2', 'a-3', 'a-4']) await assess(t, id, 'baseline', 2);
    last = await assess(t, 'a-6', 'baseline', 3);
  });
  afterAll(() => t.close());

  it('computes assessment coverage from numerator and denominator: 5 of 6 registered have a baseline', async () => {
    const view = await indicator(t, 'ACT-ASSESSMENT-COVERAGE', { minPosition: last });
    expect(view).toMatchObject({ code: 'ACT-ASSESSMENT-COVERAGE', periodType: 'programme', period: 'programme' });
    expect(view.total).toEqual({ dimension: expect.any(String), value: '*', numerator: 5, denominator: 6, subjects: 6, result: 5 / 6, suppressed: null });
  });

  it('withholds the one-association housing area and, so it cannot be recovered from the total, its complement', async () => {
    const view = await indicator(t, 'ACT-ASSESSMENT-COVERAGE', { minPosition: last });
    const cells = Object.fromEntries(view.breakdowns.housingArea.map((cell: { value: string; suppressed: string | null }) => [cell.value, cell]));
    expect(cells.urbanplanen).toMatchObject({ suppressed: 'small-cell', result: null, numerator: null, denominator: null, subjects: null });
    expect(cells['tingbjerg-husum']).toMatchObject({ suppressed: 'complementary', result: null });
  });

  it('reports the quarter the facts fall in', async () => {
    const view = await indicator(t, 'ACT-ASSESSMENT-COVERAGE', { periodType: 'quarter', period: '2010-Q1', minPosition: last });
    expect(view.total).toMatchObject({ numerator: 5, denominator: 6, result: 5 / 6 });
  });

  it('shows the projection checkpoint at the head of the event store', async () => {
    await indicator(t, 'ACT-ASSESSMENT-COVERAGE', { minPosition: last });
    const response = await t.http.get('/v1/admin/projections');
    expect(response.status).toBe(200);
    const [status] = response.body;
    expect(status).toMatchObject({ state: 'live', checkpoint: last, headPosition: last, lagEvents: 0, lastError: null });
  });
});

describe('small groups', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('withholds the total when fewer than five associations are counted', async () => {
    for (const id of ['a-1', 'a-2', 'a-3', 'a-4']) await registerAssociation(t, id);
    let last = 0;
    for (const id of ['a-1', 'a-2', 'a-3']) last = await assess(t, id, 'baseline', 2);
    const view = await indicator(t, 'ACT-ASSESSMENT-COVERAGE', { minPosition: last });
    expect(view.total).toMatchObject({ suppressed: 'small-cell', result: null, numerator: null, denominator: null, subjects: null });
    expect(view.progress.achieved).toBeNull();
  });
});

describe('business time written with different UTC offsets', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('puts an analysis in the quarter of its Copenhagen date, whatever offset the same wall-clock hour was written with', async () => {
    const analysis = (analysisId: string, occurredAt: string) =>
      accepted(t, '/v1/good-practice-analyses', { occurredAt, analysisId, housingArea: 'sydhavnen', practicesIdentified: 1, summary: 'One practice' });
    // 18:30 UTC on 31 March: 20:30 in Copenhagen, still the first quarter.
    await analysis('gp-q1', '2010-03-31T23:30:00+05:00');
    // 23:30 UTC on 31 March: 01:30 on 1 April in Copenhagen (summer time), the second quarter.
    const last = await analysis('gp-q2', '2010-03-31T23:30:00Z');
    const q1 = await indicator(t, 'ACT-GOOD-PRACTICE-ANALYSES', { periodType: 'quarter', period: '2010-Q1', minPosition: last });
    const q2 = await indicator(t, 'ACT-GOOD-PRACTICE-ANALYSES', { periodType: 'quarter', period: '2010-Q2', minPosition: last });
    expect({ q1: q1.total.result, q2: q2.total.result }).toEqual({ q1: 1, q2: 1 });
  });

  it("compares capacity with the latest follow-up by instant, not by the text of each record's offset", async () => {
    const ids = ['a-1', 'a-2', 'a-3', 'a-4', 'a-5'];
    let last = 0;
    for (const id of ids) {
      await registerAssociation(t, id);
      await assess(t, id, 'baseline', 2);
      // 08:00 UTC, then 09:00 UTC: the second follow-up is the later one although its text sorts first.
      await assess(t, id, 'follow-up', 3, '2010-09-01T10:00:00+02:00', `${id}-follow-up-1`);
      last = await assess(t, id, 'follow-up', 5, '2010-09-01T09:00:00Z', `${id}-follow-up-2`);
    }
    const view = await indicator(t, 'MED-CAPACITY-CHANGE', { minPosition: last });
    expect(view.total).toMatchObject({ subjects: 5, result: 3 });
  });
});

describe('an api beside a separate projector (EMBEDDED_PROJECTOR=false)', () => {
  it('reports the stored projection status and refuses to rebuild in the wrong process', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'toc-e2e-apart-'));
    const runtime = await Runtime.open(loadConfig({ DATA_DIR: dataDir, EMBEDDED_PROJECTOR: 'false' }));
    const app = await createApp(runtime, { logger: false });
    await app.init();
    const admin = { 'X-Api-Key': (await runtime.keys.create({ name: 'admin', roles: ['admin'] })).key };
    try {
      const [status] = (await request(app.getHttpServer()).get('/v1/admin/projections').set(admin)).body;
      expect(status).toMatchObject({ name: 'programme', runningHere: false, checkpoint: 0, headPosition: 0 });
      const refused = await request(app.getHttpServer()).post('/v1/admin/projections/programme/rebuild').set(admin);
      expect(refused.status).toBe(409);
      expect(refused.body.message[0]).toMatch(/runs in the projector process/);
    } finally {
      await app.close();
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('makes a read with minPosition wait for the separate projector, and answers 503 while nothing has applied the write', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'toc-e2e-apart-'));
    const env = { DATA_DIR: dataDir, EMBEDDED_PROJECTOR: 'false', MAX_READ_WAIT_MS: '3000' };
    const runtime = await Runtime.open(loadConfig(env));
    const app = await createApp(runtime, { logger: false });
    await app.init();
    const recorder = { 'X-Api-Key': (await runtime.keys.create({ name: 'recorder', roles: ['recorder'] })).key };
    const evaluator = { 'X-Api-Key': (await runtime.keys.create({ name: 'evaluator', roles: ['evaluator'] })).key };
    let projector: Runtime | undefined;
    try {
      const written = await request(app.getHttpServer())
        .post('/v1/good-practice-analyses')
        .set(recorder)
        .send({ occurredAt: AT, analysisId: 'gp-apart', housingArea: 'sydhavnen', practicesIdentified: 2, summary: 'Two practices' });
      expect(written.status).toBe(201);
      const read = () => request(app.getHttpServer()).get('/v1/indicators/ACT-GOOD-PRACTICE-ANALYSES').query({ minPosition: written.body.position }).set(evaluator);

      // No projector runs yet: the read waits out MAX_READ_WAIT_MS and says to retry, rather than answer without the write.
      const stale = await read();
      expect(stale.status).toBe(503);
      expect(stale.headers['retry-after']).toBe('1');
      expect(stale.body.message[0]).toMatch(/has not applied position/);

      // A projector in another runtime on the same files: the next read waits for it and sees the write.
      projector = await Runtime.open(loadConfig({ ...env, EMBEDDED_PROJECTOR: 'true' }));
      const pending = read();
      await projector.startProjector();
      const fresh = await pending;
      expect(fresh.status).toBe(200);
      expect(fresh.body.indicator.total.result).toBe(1);
    } finally {
      await app.close();
      await projector?.close();
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('times in queries: a time with its offset, or a date that is a whole day in Copenhagen', () => {
  let t: TestApp;
  let last: number;
  beforeAll(async () => {
    t = await startTestApp();
    // 20:00 on New Year's Eve in Copenhagen is 19:00 UTC: a bare date read as UTC midnight would miss it.
    last = await accepted(t, '/v1/good-practice-analyses', {
      occurredAt: '2010-12-31T20:00:00+01:00', analysisId: 'gp-new-years-eve', housingArea: 'sydhavnen', practicesIdentified: 1, summary: 'One practice',
    });
  });
  afterAll(() => t.close());

  const replay = async (query: Record<string, string>) => {
    const response = await t.http.get('/v1/replay/indicators').query({ ...query, minPosition: last });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
    return response.body as { asOf: string | null; knownAt: string | null; indicators: { code: string; total: { result: number } }[] };
  };
  const analyses = (body: Awaited<ReturnType<typeof replay>>) => body.indicators.find((view) => view.code === 'ACT-GOOD-PRACTICE-ANALYSES')!.total.result;

  it('asOf=2010-12-31 takes in the whole of 31 December, up to its last millisecond in Copenhagen', async () => {
    const newYearsEve = await replay({ asOf: '2010-12-31' });
    expect(newYearsEve.asOf).toBe('2010-12-31T22:59:59.999Z');
    expect(analyses(newYearsEve)).toBe(1);
    expect(analyses(await replay({ asOf: '2010-12-30' }))).toBe(0);
  });

  it('passes a time with its offset on as its UTC instant', async () => {
    const justBefore = await replay({ asOf: '2010-12-31T19:59:59.999+01:00' });
    expect(justBefore.asOf).toBe('2010-12-31T18:59:59.999Z');
    expect(analyses(justBefore)).toBe(0);
    expect(analyses(await replay({ asOf: '2010-12-31T19:00:00Z' }))).toBe(1);
  });

  it('reads a date as the start of its day for a from bound and up to the next midnight for a to bound', async () => {
    const entries = async (query: Record<string, string>) => {
      const response = await t.http.get('/v1/audit/events').query(query);
      expect(response.status).toBe(200);
      return response.body.entries.map((entry: { occurredAt: string }) => entry.occurredAt);
    };
    expect(await entries({ occurredFrom: '2010-12-31', occurredTo: '2010-12-31' })).toEqual(['2010-12-31T20:00:00+01:00']);
    expect(await entries({ occurredFrom: '2011-01-01' })).toEqual([]);
    expect(await entries({ occurredTo: '2010-12-30' })).toEqual([]);
  });

  it.each([
    ['words Date.parse would guess at', 'June 30, 2010'],
    ['a time without an offset', '2010-12-31T10:00'],
    ['a date that does not exist', '2010-13-45'],
  ])('refuses %s ("%s") with a 400 that names the field and the rule', async (_, value) => {
    const refusals: [string, Record<string, string>, string][] = [
      ['/v1/replay/indicators', { asOf: value }, 'asOf'],
      ['/v1/replay/indicators', { knownAt: value }, 'knownAt'],
      ['/v1/replay/diff', { fromAsOf: value }, 'fromAsOf'],
      ['/v1/exports/indicators.csv', { knownAt: value }, 'knownAt'],
      ['/v1/audit/events', { occurredFrom: value }, 'occurredFrom'],
      ['/v1/audit/export', { recordedTo: value }, 'recordedTo'],
    ];
    for (const [path, query, field] of refusals) {
      const response = await t.http.get(path).query(query);
      expect({ path, status: response.status, errors: response.body.errors }).toEqual({
        path,
        status: 400,
        errors: [{ field, rule: 'isIso8601', message: expect.stringMatching(new RegExp(`^${field} must be an ISO-8601 date or time: a time with its offset .* or a date \\(2010-12-31\\)`)) }],
      });
    }
  });
});
