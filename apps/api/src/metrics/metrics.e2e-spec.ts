import { TestApp, authHeaders, post, startTestApp } from '../../../../test/api.harness';
import { AT, staffMember } from '../../../../test/command-assertions';

describe('Prometheus metrics (/metrics)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  /** The value of one series in the exposition text, or undefined when it is absent. */
  const series = (text: string, name: string) => {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.slice(name.length + 1));
  };

  it('counts commands by type and result and requests by route template and status, refused ones included', async () => {
    expect((await post(t, '/v1/staff-members', staffMember('s-1', { occurredAt: AT }))).status).toBe(201);
    expect((await post(t, '/v1/staff-members', staffMember('s-1', { occurredAt: AT }))).status).toBe(409);
    expect((await t.http.get('/v1/indicators').set('X-Api-Key', 'not-a-key')).status).toBe(401);
    await t.runtime.projector.waitFor(await t.runtime.events.headPosition());

    const response = await t.http.get('/metrics').set(authHeaders(t, 'monitor'));
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status: 200, type: expect.stringMatching(/^text\/plain.*version=0\.0\.4/) });
    const text = response.text;
    expect(series(text, 'toc_command_duration_seconds_count{type="RegisterStaffMember",result="accepted"}')).toBe(1);
    expect(series(text, 'toc_command_duration_seconds_count{type="RegisterStaffMember",result="already-exists"}')).toBe(1);
    expect(series(text, 'toc_events_appended_total')).toBe(1);
    expect(series(text, 'toc_http_request_duration_seconds_count{method="POST",route="/v1/staff-members",status="201"}')).toBe(1);
    expect(series(text, 'toc_http_request_duration_seconds_count{method="GET",route="/v1/indicators",status="401"}')).toBe(1);
    expect(series(text, 'toc_event_store_head_position')).toBe(1);
    expect(series(text, 'toc_projection_lag_events{projection="programme"}')).toBe(0);
    expect(series(text, 'toc_projection_state{projection="programme",state="live"}')).toBe(1);
    expect(series(text, 'toc_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('is open to monitors and admins only', async () => {
    expect((await t.http.get('/metrics').set(authHeaders(t, 'evaluator'))).status).toBe(403);
    expect((await t.http.get('/metrics').set(authHeaders(t, 'admin'))).status).toBe(200);
  });
});
