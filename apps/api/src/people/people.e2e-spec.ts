import { TestApp, authHeaders, startTestApp } from '../../../../test/api.harness';

const amina = { kind: 'representative', name: 'Amina Hassan', email: 'amina.hassan@example.dk', phone: '+45 23 45 67 89', note: 'prefers Arabic' };

describe('the personal-data register (v1/people)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const as = (role: 'recorder' | 'evaluator' | 'admin') => authHeaders(t, role);

  it('lets a recorder record and replace a person, and only an admin read them', async () => {
    expect((await t.http.put('/v1/people/rep-1').set(as('recorder')).send(amina)).status).toBe(201);
    expect((await t.http.put('/v1/people/rep-1').set(as('recorder')).send({ ...amina, phone: '+45 98 76 54 32' })).status).toBe(204);

    const read = await t.http.get('/v1/people/rep-1').set(as('admin'));
    expect({ status: read.status, body: read.body }).toEqual({
      status: 200,
      body: { subjectId: 'rep-1', ...amina, phone: '+45 98 76 54 32', recordedAt: '2011-06-30T12:00:00.000Z' },
    });
    for (const role of ['recorder', 'evaluator'] as const) expect((await t.http.get('/v1/people/rep-1').set(as(role))).status).toBe(403);
    expect((await t.http.put('/v1/people/rep-1').set(as('evaluator')).send(amina)).status).toBe(403);
  });

  it.each([
    ['an unknown kind', { ...amina, kind: 'citizen' }, 'kind', 'isIn'],
    ['a malformed e-mail', { ...amina, email: 'amina(at)example.dk' }, 'email', 'isEmail'],
    ['a phone number with letters', { ...amina, phone: '23 45 CALL' }, 'phone', 'matches'],
    ['a blank name', { ...amina, name: '' }, 'name', 'isNotEmpty'],
    ['a field the register does not keep', { ...amina, cpr: '010170-1234' }, 'cpr', 'unknownField'],
  ])('refuses %s with a 400 naming the field, and records nothing', async (_, body, field, rule) => {
    const response = await t.http.put('/v1/people/rep-bad').set(as('recorder')).send(body);
    expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 400, errors: [expect.objectContaining({ field, rule })] });
    expect((await t.http.get('/v1/people/rep-bad').set(as('admin'))).status).toBe(404);
  });

  it('refuses a subject id the events could not carry', async () => {
    const response = await t.http.put('/v1/people/-rep').set(as('recorder')).send(amina);
    expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 400, errors: [expect.objectContaining({ field: 'path:subjectId', rule: 'matches' })] });
  });

  it('erases a person for admins only: afterwards a read answers 410 "erased" without the details, and the id cannot be recorded again', async () => {
    await t.http.put('/v1/people/rep-2').set(as('recorder')).send(amina).expect(201);
    for (const role of ['recorder', 'evaluator'] as const) expect((await t.http.delete('/v1/people/rep-2').set(as(role))).status).toBe(403);

    expect((await t.http.delete('/v1/people/rep-2').set(as('admin'))).status).toBe(204);
    const read = await t.http.get('/v1/people/rep-2').set(as('admin'));
    expect({ status: read.status, errors: read.body.errors }).toEqual({ status: 410, errors: [expect.objectContaining({ field: 'path:subjectId', rule: 'erased' })] });
    expect(read.body.message[0]).toMatch(/^rep-2 was erased on 2011-06-30T12:00:00.000Z by key:/);
    expect(JSON.stringify(read.body)).not.toMatch(/Amina|amina|23 45 67 89|Arabic/);

    const again = await t.http.put('/v1/people/rep-2').set(as('recorder')).send(amina);
    expect({ status: again.status, rule: again.body.errors?.[0]?.rule }).toEqual({ status: 410, rule: 'erased' });
    expect((await t.http.delete('/v1/people/rep-2').set(as('admin'))).status).toBe(204);
  });

  it('answers 404 for an id nothing is recorded under', async () => {
    expect((await t.http.get('/v1/people/rep-none').set(as('admin'))).status).toBe(404);
    expect((await t.http.delete('/v1/people/rep-none').set(as('admin'))).status).toBe(404);
  });
});
