import { TestApp, authHeaders, startTestApp } from '../../../../test/api.harness';

describe('API keys (v1/admin/keys)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const admin = () => authHeaders(t, 'admin');

  it('creates a key that works at once in its role, shows it only in that answer, and revokes it', async () => {
    const created = await t.http.post('/v1/admin/keys').set(admin()).send({ name: 'survey-tool', roles: ['evaluator'] });
    expect(created.status).toBe(201);
    const { id, key } = created.body;
    expect((await t.http.get('/v1/indicators').set({ 'X-Api-Key': key })).status).toBe(200);
    expect((await t.http.get('/v1/admin/projections').set({ 'X-Api-Key': key })).status).toBe(403);

    const listed = await t.http.get('/v1/admin/keys').set(admin());
    expect(listed.body).toEqual(expect.arrayContaining([expect.objectContaining({ id, name: 'survey-tool', roles: ['evaluator'], revokedAt: null })]));
    expect(JSON.stringify(listed.body)).not.toContain(key);

    expect((await t.http.delete(`/v1/admin/keys/${id}`).set(admin())).status).toBe(204);
    expect((await t.http.get('/v1/indicators').set({ 'X-Api-Key': key })).status).toBe(401);
    expect((await t.http.delete(`/v1/admin/keys/${id}`).set(admin())).status).toBe(404);

    const log = await t.http.get('/v1/admin/access-log').set(admin()).query({ action: 'revoke-api-key' });
    expect(log.body.entries.map((entry: { target: string; status: number }) => [entry.target, entry.status])).toEqual([
      [id, 204],
      [id, 404],
    ]);
  });

  it('refuses a key without a valid name or with an unknown role, naming the field', async () => {
    const response = await t.http.post('/v1/admin/keys').set(admin()).send({ name: '', roles: ['superuser'] });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['name', 'roles']);
  });
});
