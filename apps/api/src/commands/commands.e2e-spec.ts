import { TestApp, authHeaders, post, readStream, startTestApp } from '../../../../test/api.harness';
import { AT, emptyStream, postAccepted, refuse, staffMember } from '../../../../test/command-assertions';
import { associationRegistered, given } from '../../../../test/given';

describe('request headers and business time', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it.each(['X-Actor-Id', 'X-Actor-Role'])('refuses a command that names its actor in %s, which only authentication sets, and writes nothing', async (name) => {
    const response = await post(t, '/v1/staff-members', staffMember('s-1'), { [name]: 'someone-else' });
    expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 400, errors: [expect.objectContaining({ field: `header:${name}`, rule: 'notAccepted' })] });
    expect(await readStream(t, 'staff-s-1')).toEqual(emptyStream('staff-s-1'));
  });

  it('refuses X-On-Behalf-Of from credentials that may not act on behalf of others, and writes nothing', async () => {
    const response = await t.http.post('/v1/staff-members').set({ ...authHeaders(t, 'recorder'), 'X-On-Behalf-Of': 'cw-17' }).send(staffMember('s-1'));
    expect(response.status).toBe(403);
    expect(await readStream(t, 'staff-s-1')).toEqual(emptyStream('staff-s-1'));
  });

  it('refuses a malformed If-Match', async () => {
    await refuse(t, '/v1/staff-members', staffMember('s-1'), { status: 400, field: 'header:If-Match', rule: 'isEtag' }, 'staff-s-1', { 'If-Match': 'latest' });
  });

  it('refuses business time in the future with 422 occurred-in-future', async () => {
    const tomorrow = '2011-07-01T12:00:00Z';
    await refuse(t, '/v1/staff-members', staffMember('s-1', { occurredAt: tomorrow }), { status: 422, field: 'occurredAt', rule: 'occurred-in-future' }, 'staff-s-1');
  });

  it('refuses business time without a time zone, whose instant would depend on the server zone', async () => {
    const response = await post(t, '/v1/staff-members', staffMember('s-1', { occurredAt: '2010-03-15T10:00:00' }));
    expect({ status: response.status, fields: response.body.errors?.map((error: { field: string }) => error.field) }).toEqual({ status: 400, fields: ['occurredAt'] });
    expect(await readStream(t, 'staff-s-1')).toEqual(emptyStream('staff-s-1'));
  });

  it('records the authenticated principal as the actor, generates a correlation id when none is sent and keeps on-behalf-of and causation', async () => {
    const headers = { 'X-On-Behalf-Of': 'association-a-1', 'X-Causation-Id': 'form-submission-7' };
    const response = await post(t, '/v1/staff-members', staffMember('s-2'), headers);
    expect(response.status).toBe(201);
    const [event] = (await readStream(t, 'staff-s-2')).events;
    expect(event.metadata).toMatchObject({
      correlationId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      causationId: 'form-submission-7',
      actor: { ...t.actor, onBehalfOf: 'association-a-1' },
    });
  });
});

describe('optimistic concurrency (If-Match)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, [
      { stream: 'network-n-1', occurredAt: AT, type: 'NetworkEstablished', data: { networkId: 'n-1', name: 'Network', housingArea: 'urbanplanen' } },
      associationRegistered('a-1'),
      { stream: 'network-n-1', occurredAt: AT, type: 'NetworkMemberJoined', data: { networkId: 'n-1', member: { kind: 'association', id: 'a-1' } } },
    ]);
  });
  afterAll(() => t.close());

  const meeting = (meetingId: string) => ({ occurredAt: AT, meetingId, convenedBy: { kind: 'association', id: 'a-1' }, attendees: [{ kind: 'association', id: 'a-1' }] });

  it('refuses a stale If-Match with 412 and the current ETag, appending nothing', async () => {
    const before = await readStream(t, 'network-n-1');
    expect(before.revision).toBe(1);
    const response = await post(t, '/v1/networks/n-1/meetings', meeting('m-1'), { 'If-Match': '"0"' });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 412, body: { error: 'version-conflict', currentRevision: 1 } });
    expect(response.headers.etag).toBe('"1"');
    expect(await readStream(t, 'network-n-1')).toEqual(before);
  });

  it('accepts the current If-Match and returns the next ETag', async () => {
    const response = await post(t, '/v1/networks/n-1/meetings', meeting('m-1'), { 'If-Match': '"1"' });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201, body: { revision: 2 } });
    expect(response.headers.etag).toBe('"2"');
  });

  it('treats If-Match "-1" as "the stream must be new"', async () => {
    const created = await post(t, '/v1/networks', { occurredAt: AT, networkId: 'n-2', name: 'Second', housingArea: 'urbanplanen' }, { 'If-Match': '"-1"' });
    expect({ status: created.status, etag: created.headers.etag }).toEqual({ status: 201, etag: '"0"' });
    const stale = await post(t, '/v1/networks/n-1/meetings', meeting('m-2'), { 'If-Match': '"-1"' });
    expect({ status: stale.status, etag: stale.headers.etag }).toEqual({ status: 412, etag: '"2"' });
  });

  it('lets only one of two concurrent registrations of the same id through, never overwriting', async () => {
    const body = { occurredAt: AT, networkId: 'n-3', name: 'Raced', housingArea: 'urbanplanen' };
    const responses = await Promise.all([post(t, '/v1/networks', body), post(t, '/v1/networks', { ...body, name: 'Raced too' })]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    const stream = await readStream(t, 'network-n-3');
    expect(stream.events).toHaveLength(1);
    const winner = responses.find((response) => response.status === 201)!;
    expect(stream.events[0].metadata.eventId).toBe(winner.body.events[0].eventId);
  });
});

describe('idempotency (Idempotency-Key)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers a retried command with the first result and stores it once', async () => {
    const headers = { 'Idempotency-Key': 'register-s-1-attempt' };
    const first = await post(t, '/v1/staff-members', staffMember('s-1'), headers);
    const retry = await post(t, '/v1/staff-members', staffMember('s-1'), headers);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.events).toEqual(first.body.events);
    expect(retry.body).toMatchObject({ streamId: 'staff-s-1', revision: first.body.revision, position: first.body.position });
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.etag).toBe(first.headers.etag);
    const stream = await readStream(t, 'staff-s-1');
    expect(stream.events.map((event) => event.metadata.eventId)).toEqual([first.body.events[0].eventId]);
  });

  it('answers a retry that arrives after later changes with the revision of the first result, so its ETag never covers unseen changes', async () => {
    const headers = { 'Idempotency-Key': 'register-s-2-attempt' };
    const first = await post(t, '/v1/staff-members', staffMember('s-2'), headers);
    expect({ status: first.status, etag: first.headers.etag }).toEqual({ status: 201, etag: '"0"' });
    await postAccepted(t, '/v1/staff-members/s-2/corrections', { occurredAt: AT, role: 'teacher', reason: 'wrong role' });
    const retry = await post(t, '/v1/staff-members', staffMember('s-2'), headers);
    expect(retry.body.events).toEqual(first.body.events);
    expect({ status: retry.status, revision: retry.body.revision, etag: retry.headers.etag }).toEqual({ status: 201, revision: 0, etag: '"0"' });
  });

  it('answers a retried correction with both of its events and appends nothing', async () => {
    await given(t, [associationRegistered('a-1')]);
    const assessment = (assessmentId: string, score: number) => ({
      occurredAt: AT,
      assessmentId,
      wave: 'baseline',
      instrumentVersion: 'cap-2010-v1',
      mode: 'facilitated',
      items: [{ domain: 'governance', score, evidence: 'board minutes' }],
    });
    const wrong = await postAccepted(t, '/v1/associations/a-1/capacity-assessments', assessment('as-1', 2));
    const headers = { 'Idempotency-Key': 'fix-as-1' };
    const body = { ...assessment('as-1', 3), correction: { eventId: wrong.body.events[0].eventId, reason: 'score misread' } };
    const first = await post(t, '/v1/associations/a-1/capacity-assessments', body, headers);
    const retry = await post(t, '/v1/associations/a-1/capacity-assessments', body, headers);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(first.body.events.map((event: { type: string }) => event.type)).toEqual(['RecordRetracted', 'CapacityAssessmentRecorded']);
    expect(retry.body.events).toEqual(first.body.events);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await readStream(t, 'association-a-1')).events.map((event) => event.type)).toEqual([
      'AssociationRegistered',
      'CapacityAssessmentRecorded',
      'RecordRetracted',
      'CapacityAssessmentRecorded',
    ]);
  });

  it('refuses the same key with another body with 422 idempotency-key-reused, also when both arrive together', async () => {
    const headers = { 'Idempotency-Key': 'register-s-3-attempt' };
    const [one, other] = await Promise.all([
      post(t, '/v1/staff-members', staffMember('s-3', { role: 'frontline' }), headers),
      post(t, '/v1/staff-members', staffMember('s-3', { role: 'manager' }), headers),
    ]);
    const [accepted, refused] = one.status === 201 ? [one, other] : [other, one];
    expect({ status: accepted.status, refused: refused.status, errors: refused.body.errors }).toEqual({
      status: 201,
      refused: 422,
      errors: [expect.objectContaining({ field: 'header:Idempotency-Key', rule: 'idempotency-key-reused' })],
    });
    await refuse(t, '/v1/staff-members', staffMember('s-3', { employer: 'housing-association' }), { status: 422, field: 'header:Idempotency-Key', rule: 'idempotency-key-reused' }, 'staff-s-3', headers);
    expect((await readStream(t, 'staff-s-3')).events.map((event) => event.metadata.eventId)).toEqual([accepted.body.events[0].eventId]);
  });

  it('runs a command with a new key as a new command', async () => {
    const response = await post(t, '/v1/staff-members', staffMember('s-1'), { 'Idempotency-Key': 'register-s-1-again' });
    expect({ status: response.status, rule: response.body.errors?.[0]?.rule }).toEqual({ status: 409, rule: 'already-exists' });
  });
});
