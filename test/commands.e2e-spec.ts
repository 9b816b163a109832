import { FIXED_NOW, StreamBody, TestApp, actor, post, readStream, startTestApp } from './api.harness';

/** Business time of most commands: well before the fixed clock, inside the programme. */
const AT = '2010-03-15T10:00:00+01:00';
const RECORDED_AT = FIXED_NOW.toISOString();

let correlations = 0;
const nextCorrelationId = () => `corr-${++correlations}`;

interface Accepted {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly schemaVersion?: number;
}

/**
 * Sends a command that must be accepted, then checks the response (201, body, ETag) and the
 * stored event: type, data and full metadata, with the correlation id echoed from the request.
 */
const accept = async (t: TestApp, path: string, body: { occurredAt: string; [field: string]: unknown }, expected: Accepted, headers: Record<string, string> = {}) => {
  const correlationId = nextCorrelationId();
  const response = await post(t, path, body, { 'X-Correlation-Id': correlationId, ...headers });
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201, body: { streamId: expected.streamId } });
  const { revision, position, events } = response.body;
  expect(events).toEqual([{ eventId: expect.any(String), type: expected.type }]);
  expect(response.headers.etag).toBe(`"${revision}"`);
  expect(response.headers.location).toBe(`/v1/streams/${expected.streamId}`);
  const stream = await readStream(t, expected.streamId);
  expect(stream.revision).toBe(revision);
  expect(stream.events[stream.events.length - 1]).toEqual({
    streamId: expected.streamId,
    revision,
    position,
    type: expected.type,
    data: expected.data,
    metadata: {
      eventId: events[0].eventId,
      schemaVersion: expected.schemaVersion ?? 1,
      correlationId,
      causationId: null,
      actor: { userId: actor['X-Actor-Id'], role: actor['X-Actor-Role'] },
      sourceApp: actor['X-Source-App'],
      occurredAt: body.occurredAt,
      recordedAt: RECORDED_AT,
    },
  });
  return response;
};

interface Refused {
  readonly status: number;
  readonly field: string | null;
  readonly rule: string;
}

/**
 * Sends a command that must be refused naming the field and rule, and checks that the stream
 * it targets is exactly as before. Domain refusals carry one error; validation may list several.
 */
const refuse = async (t: TestApp, path: string, body: object, expected: Refused, streamId: string, headers: Record<string, string> = {}) => {
  const before = await readStream(t, streamId);
  const response = await post(t, path, body, headers);
  const { status, ...error } = expected;
  expect({ status: response.status, errors: response.body.errors }).toEqual({ status, errors: expect.arrayContaining([expect.objectContaining(error)]) });
  if (status !== 400) expect(response.body.errors).toHaveLength(1);
  expect(await readStream(t, streamId)).toEqual(before);
  return response;
};

const association = (associationId: string, overrides: object = {}) => ({
  occurredAt: AT,
  associationId,
  name: `Association ${associationId}`,
  housingArea: 'tingbjerg-husum',
  associationType: 'women',
  sizeBand: '11-50',
  ...overrides,
});

const staffMember = (staffId: string, overrides: object = {}) => ({
  occurredAt: AT,
  staffId,
  role: 'frontline',
  employer: 'municipality',
  housingArea: 'tingbjerg-husum',
  ...overrides,
});

/** Registers prerequisites through the API; their own checks live in their features' tests. */
const given = async (t: TestApp, path: string, body: object) => {
  const response = await post(t, path, body);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
  return response;
};

const emptyStream = (streamId: string): StreamBody => ({ streamId, revision: -1, events: [] });

describe('staff members (v1/staff-members)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('registers a staff member', async () => {
    await accept(t, '/v1/staff-members', staffMember('s-1'), {
      streamId: 'staff-s-1',
      type: 'StaffMemberRegistered',
      data: { staffId: 's-1', role: 'frontline', employer: 'municipality', housingArea: 'tingbjerg-husum' },
    });
  });

  it('corrects registered details, keeping only the fields that change', async () => {
    const body = { occurredAt: '2010-04-01T09:00:00+02:00', role: 'manager', employer: 'municipality', reason: 'promoted before registration' };
    await accept(t, '/v1/staff-members/s-1/corrections', body, {
      streamId: 'staff-s-1',
      type: 'StaffMemberDetailsCorrected',
      data: { staffId: 's-1', role: 'manager', reason: 'promoted before registration' },
    });
  });

  it('refuses registering the same staff member twice with 409', async () => {
    await refuse(t, '/v1/staff-members', staffMember('s-1'), { status: 409, field: null, rule: 'already-exists' }, 'staff-s-1');
  });

  it('refuses correcting a staff member that does not exist with 404', async () => {
    const body = { occurredAt: AT, role: 'manager', reason: 'wrong role' };
    await refuse(t, '/v1/staff-members/s-404/corrections', body, { status: 404, field: null, rule: 'not-found' }, 'staff-s-404');
    expect(await readStream(t, 'staff-s-404')).toEqual(emptyStream('staff-s-404'));
  });

  it('refuses a correction that changes nothing with 422 no-change', async () => {
    const body = { occurredAt: AT, role: 'manager', reason: 'just checking' };
    await refuse(t, '/v1/staff-members/s-1/corrections', body, { status: 422, field: null, rule: 'no-change' }, 'staff-s-1');
  });

  it('refuses a personal name as an unknown field', async () => {
    const response = await refuse(t, '/v1/staff-members', staffMember('s-2', { name: 'Jens Hansen' }), { status: 400, field: 'name', rule: 'unknownField' }, 'staff-s-2');
    expect(response.body.message).toContain('name is not an accepted field');
  });

  it('refuses an unknown role in a correction', async () => {
    const body = { occurredAt: AT, role: 'janitor', reason: 'wrong role' };
    await refuse(t, '/v1/staff-members/s-1/corrections', body, { status: 400, field: 'role', rule: 'isIn' }, 'staff-s-1');
  });

  it('refuses a correction without a reason', async () => {
    await refuse(t, '/v1/staff-members/s-1/corrections', { occurredAt: AT, role: 'teacher' }, { status: 400, field: 'reason', rule: 'isNotEmpty' }, 'staff-s-1');
  });

  it('refuses an invalid id in the path', async () => {
    const body = { occurredAt: AT, role: 'teacher', reason: 'wrong role' };
    await refuse(t, '/v1/staff-members/-bad/corrections', body, { status: 400, field: 'path:id', rule: 'matches' }, 'staff-s-1');
  });
});

describe('resource allocations (v1/resource-allocations)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const allocation = (allocationId: string, overrides: object = {}) => ({
    occurredAt: '2010-01-04T09:00:00+01:00',
    allocationId,
    resourceLine: 'R1',
    kind: 'staff-time',
    unit: 'fte',
    amount: 1,
    periodStart: '2010-01-01',
    periodEnd: '2010-12-31',
    ...overrides,
  });

  it('allocates a resource', async () => {
    await accept(t, '/v1/resource-allocations', allocation('r-1'), {
      streamId: 'resource-r-1',
      type: 'ResourceAllocated',
      data: { allocationId: 'r-1', resourceLine: 'R1', kind: 'staff-time', unit: 'fte', amount: 1, periodStart: '2010-01-01', periodEnd: '2010-12-31' },
    });
  });

  it('records use of an allocation, with and without a note', async () => {
    await accept(t, '/v1/resource-allocations/r-1/uses', { occurredAt: AT, amount: 0.5, note: 'course preparation' }, {
      streamId: 'resource-r-1',
      type: 'ResourceUsed',
      data: { allocationId: 'r-1', amount: 0.5, note: 'course preparation' },
    });
    await accept(t, '/v1/resource-allocations/r-1/uses', { occurredAt: AT, amount: 0.25 }, {
      streamId: 'resource-r-1',
      type: 'ResourceUsed',
      data: { allocationId: 'r-1', amount: 0.25 },
    });
  });

  it('refuses a unit that cannot measure the kind with 422 unit-not-allowed', async () => {
    await refuse(t, '/v1/resource-allocations', allocation('r-2', { kind: 'budget' }), { status: 422, field: 'unit', rule: 'unit-not-allowed' }, 'resource-r-2');
  });

  it('refuses use outside the allocation period with 422 outside-period', async () => {
    const body = { occurredAt: '2011-02-01T10:00:00+01:00', amount: 0.5 };
    await refuse(t, '/v1/resource-allocations/r-1/uses', body, { status: 422, field: 'occurredAt', rule: 'outside-period' }, 'resource-r-1');
  });

  it('refuses use of an allocation that does not exist with 404', async () => {
    await refuse(t, '/v1/resource-allocations/r-404/uses', { occurredAt: AT, amount: 1 }, { status: 404, field: null, rule: 'not-found' }, 'resource-r-404');
  });

  it('refuses a date that is not on the calendar', async () => {
    await refuse(t, '/v1/resource-allocations', allocation('r-2', { periodStart: '2010-02-30' }), { status: 400, field: 'periodStart', rule: 'isIso8601' }, 'resource-r-2');
  });

  it('refuses an unknown resource kind', async () => {
    await refuse(t, '/v1/resource-allocations', allocation('r-2', { kind: 'volunteers' }), { status: 400, field: 'kind', rule: 'isIn' }, 'resource-r-2');
  });

  it('refuses a negative amount of use', async () => {
    await refuse(t, '/v1/resource-allocations/r-1/uses', { occurredAt: AT, amount: -1 }, { status: 400, field: 'amount', rule: 'isPositive' }, 'resource-r-1');
  });
});

describe('good-practice analyses and evaluation milestones', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const analysis = (analysisId: string, overrides: object = {}) => ({
    occurredAt: AT,
    analysisId,
    housingArea: 'mjolnerparken',
    practicesIdentified: 3,
    summary: 'Three practices of involving parents',
    ...overrides,
  });

  it('records a completed good-practice analysis', async () => {
    await accept(t, '/v1/good-practice-analyses', analysis('gp-1'), {
      streamId: 'analysis-gp-1',
      type: 'GoodPracticeAnalysisCompleted',
      data: { analysisId: 'gp-1', housingArea: 'mjolnerparken', practicesIdentified: 3, summary: 'Three practices of involving parents' },
    });
  });

  it('refuses completing the same analysis twice with 409', async () => {
    await refuse(t, '/v1/good-practice-analyses', analysis('gp-1'), { status: 409, field: null, rule: 'already-exists' }, 'analysis-gp-1');
  });

  it('refuses a fractional number of practices', async () => {
    await refuse(t, '/v1/good-practice-analyses', analysis('gp-2', { practicesIdentified: 2.5 }), { status: 400, field: 'practicesIdentified', rule: 'isInt' }, 'analysis-gp-2');
  });

  it('records an evaluation milestone, with an empty note when none is given', async () => {
    const body = { occurredAt: AT, milestoneId: 'ev-1', milestone: 'baseline-report', title: 'Baseline report delivered' };
    await accept(t, '/v1/evaluation-milestones', body, {
      streamId: 'evaluation-ev-1',
      type: 'EvaluationMilestoneReached',
      data: { milestoneId: 'ev-1', milestone: 'baseline-report', title: 'Baseline report delivered', note: '' },
    });
  });

  it('refuses an unknown milestone', async () => {
    const body = { occurredAt: AT, milestoneId: 'ev-2', milestone: 'kick-off', title: 'Kick-off' };
    await refuse(t, '/v1/evaluation-milestones', body, { status: 400, field: 'milestone', rule: 'isIn' }, 'evaluation-ev-2');
  });
});

describe('courses (v1/courses)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, '/v1/associations', association('a-1'));
    await given(t, '/v1/associations', association('a-2'));
  });
  afterAll(() => t.close());

  const design = (courseId: string, overrides: object = {}) => ({
    occurredAt: '2010-02-01T10:00:00+01:00',
    courseId,
    title: 'Running an association',
    housingArea: 'tingbjerg-husum',
    modules: ['citizenship', 'association-management'],
    plannedSessions: 6,
    ...overrides,
  });
  const session = (sessionNumber: number, overrides: object = {}) => ({
    occurredAt: AT,
    sessionNumber,
    module: 'citizenship',
    attendeeIds: ['rep-1'],
    ...overrides,
  });

  it('designs a course', async () => {
    await accept(t, '/v1/courses', design('c-1'), {
      streamId: 'course-c-1',
      type: 'CourseDesigned',
      data: { courseId: 'c-1', title: 'Running an association', housingArea: 'tingbjerg-husum', modules: ['citizenship', 'association-management'], plannedSessions: 6 },
    });
  });

  it('refuses attendance before the course started with 422 course-not-started', async () => {
    await refuse(t, '/v1/courses/c-1/sessions', session(1), { status: 422, field: null, rule: 'course-not-started' }, 'course-c-1');
  });

  it('enrols a registered association', async () => {
    const body = { occurredAt: '2010-02-15T10:00:00+01:00', associationId: 'a-1', representativeIds: ['rep-1', 'rep-2'] };
    await accept(t, '/v1/courses/c-1/enrolments', body, {
      streamId: 'course-c-1',
      type: 'AssociationEnrolled',
      data: { courseId: 'c-1', associationId: 'a-1', representativeIds: ['rep-1', 'rep-2'] },
    });
  });

  it('refuses enrolling an association that does not exist with 422 unknown-reference', async () => {
    const body = { occurredAt: AT, associationId: 'a-404', representativeIds: ['rep-9'] };
    await refuse(t, '/v1/courses/c-1/enrolments', body, { status: 422, field: 'associationId', rule: 'unknown-reference' }, 'course-c-1');
  });

  it('starts the course', async () => {
    await accept(t, '/v1/courses/c-1/start', { occurredAt: '2010-03-01T10:00:00+01:00' }, { streamId: 'course-c-1', type: 'CourseStarted', data: { courseId: 'c-1' } });
  });

  it('records a held session', async () => {
    await accept(t, '/v1/courses/c-1/sessions', session(1, { attendeeIds: ['rep-1', 'rep-2'] }), {
      streamId: 'course-c-1',
      type: 'CourseSessionHeld',
      data: { courseId: 'c-1', sessionNumber: 1, module: 'citizenship', attendeeIds: ['rep-1', 'rep-2'] },
    });
  });

  it('refuses an attendee who is not enrolled with 422 not-enrolled', async () => {
    await refuse(t, '/v1/courses/c-1/sessions', session(2, { attendeeIds: ['rep-1', 'rep-9'] }), { status: 422, field: 'attendeeIds[1]', rule: 'not-enrolled' }, 'course-c-1');
  });

  it('completes the course', async () => {
    await accept(t, '/v1/courses/c-1/completion', { occurredAt: '2010-06-01T10:00:00+02:00', completedAssociationIds: ['a-1'] }, {
      streamId: 'course-c-1',
      type: 'CourseCompleted',
      data: { courseId: 'c-1', completedAssociationIds: ['a-1'] },
    });
  });

  it('refuses designing the same course twice with 409', async () => {
    await refuse(t, '/v1/courses', design('c-1'), { status: 409, field: null, rule: 'already-exists' }, 'course-c-1');
  });

  it('refuses starting a course that does not exist with 404', async () => {
    await refuse(t, '/v1/courses/c-404/start', { occurredAt: AT }, { status: 404, field: null, rule: 'not-found' }, 'course-c-404');
  });

  it('refuses an unknown module', async () => {
    await refuse(t, '/v1/courses', design('c-2', { modules: ['citizenship', 'cooking'] }), { status: 400, field: 'modules', rule: 'isIn' }, 'course-c-2');
  });

  it('refuses a course without modules and one listing a module twice', async () => {
    await refuse(t, '/v1/courses', design('c-2', { modules: [] }), { status: 400, field: 'modules', rule: 'arrayMinSize' }, 'course-c-2');
    await refuse(t, '/v1/courses', design('c-2', { modules: ['rights', 'rights'] }), { status: 400, field: 'modules', rule: 'arrayUnique' }, 'course-c-2');
  });

  it('refuses a business time that is not ISO-8601 when starting', async () => {
    await refuse(t, '/v1/courses/c-1/start', { occurredAt: 'yesterday' }, { status: 400, field: 'occurredAt', rule: 'isIso8601' }, 'course-c-1');
  });

  it('refuses a malformed representative id', async () => {
    const body = { occurredAt: AT, associationId: 'a-2', representativeIds: ['rep-3', 'rep 4'] };
    await refuse(t, '/v1/courses/c-1/enrolments', body, { status: 400, field: 'representativeIds', rule: 'matches' }, 'course-c-1');
  });

  it('refuses session number 0', async () => {
    await refuse(t, '/v1/courses/c-1/sessions', session(0), { status: 400, field: 'sessionNumber', rule: 'min' }, 'course-c-1');
  });

  it('refuses completed associations that are not a list', async () => {
    await refuse(t, '/v1/courses/c-1/completion', { occurredAt: AT, completedAssociationIds: 'a-1' }, { status: 400, field: 'completedAssociationIds', rule: 'isArray' }, 'course-c-1');
  });
});

describe('workshops (v1/workshops)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, '/v1/staff-members', staffMember('s-1'));
    await given(t, '/v1/staff-members', staffMember('s-2'));
  });
  afterAll(() => t.close());

  const workshop = (workshopId: string, overrides: object = {}) => ({
    occurredAt: AT,
    workshopId,
    topic: 'parent-involvement',
    housingArea: 'tingbjerg-husum',
    participantStaffIds: ['s-1', 's-2'],
    ...overrides,
  });

  it('records a held workshop', async () => {
    await accept(t, '/v1/workshops', workshop('w-1'), {
      streamId: 'workshop-w-1',
      type: 'WorkshopHeld',
      data: { workshopId: 'w-1', topic: 'parent-involvement', housingArea: 'tingbjerg-husum', participantStaffIds: ['s-1', 's-2'] },
    });
  });

  it('refuses a participant who is not a registered staff member with 422 unknown-reference naming the entry', async () => {
    await refuse(t, '/v1/workshops', workshop('w-2', { participantStaffIds: ['s-1', 's-404'] }), { status: 422, field: 'participantStaffIds[1]', rule: 'unknown-reference' }, 'workshop-w-2');
  });

  it("records a participant's feedback", async () => {
    await accept(t, '/v1/workshops/w-1/feedback', { occurredAt: AT, staffId: 's-1', reactionScore: 4, learningScore: 5 }, {
      streamId: 'workshop-w-1',
      type: 'WorkshopFeedbackRecorded',
      data: { workshopId: 'w-1', staffId: 's-1', reactionScore: 4, learningScore: 5 },
    });
  });

  it('refuses feedback from someone who did not take part with 422 not-a-participant', async () => {
    const body = { occurredAt: AT, staffId: 's-3', reactionScore: 4, learningScore: 4 };
    await refuse(t, '/v1/workshops/w-1/feedback', body, { status: 422, field: 'staffId', rule: 'not-a-participant' }, 'workshop-w-1');
  });

  it('refuses an unknown topic', async () => {
    await refuse(t, '/v1/workshops', workshop('w-2', { topic: 'knitting' }), { status: 400, field: 'topic', rule: 'isIn' }, 'workshop-w-2');
  });

  it('refuses a score above the scale', async () => {
    const body = { occurredAt: AT, staffId: 's-2', reactionScore: 6, learningScore: 4 };
    await refuse(t, '/v1/workshops/w-1/feedback', body, { status: 400, field: 'reactionScore', rule: 'max' }, 'workshop-w-1');
  });
});

describe('seminars (v1/seminars)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, '/v1/associations', association('a-1'));
    await given(t, '/v1/staff-members', staffMember('s-1'));
  });
  afterAll(() => t.close());

  const seminar = (seminarId: string, overrides: object = {}) => ({
    occurredAt: AT,
    seminarId,
    format: 'seminar',
    title: 'Citizen involvement in Tingbjerg',
    housingArea: 'tingbjerg-husum',
    participantsByTargetGroup: { staff: 4, associations: 3, citizens: 20 },
    associationIds: ['a-1'],
    staffIds: ['s-1'],
    ...overrides,
  });

  it('records a held seminar', async () => {
    await accept(t, '/v1/seminars', seminar('sem-1'), {
      streamId: 'seminar-sem-1',
      type: 'SeminarHeld',
      data: {
        seminarId: 'sem-1',
        format: 'seminar',
        title: 'Citizen involvement in Tingbjerg',
        housingArea: 'tingbjerg-husum',
        participantsByTargetGroup: { staff: 4, associations: 3, citizens: 20 },
        associationIds: ['a-1'],
        staffIds: ['s-1'],
      },
    });
  });

  it('refuses a staff member who is not registered with 422 unknown-reference', async () => {
    await refuse(t, '/v1/seminars', seminar('sem-2', { staffIds: ['s-404'] }), { status: 422, field: 'staffIds[0]', rule: 'unknown-reference' }, 'seminar-sem-2');
  });

  it('refuses an association that is not registered with 422 unknown-reference', async () => {
    await refuse(t, '/v1/seminars', seminar('sem-2', { associationIds: ['a-1', 'a-404'] }), { status: 422, field: 'associationIds[1]', rule: 'unknown-reference' }, 'seminar-sem-2');
  });

  it('refuses more identified staff than the staff head count with 422', async () => {
    const body = seminar('sem-2', { participantsByTargetGroup: { staff: 0, associations: 3, citizens: 20 } });
    await refuse(t, '/v1/seminars', body, { status: 422, field: 'staffIds', rule: 'more-ids-than-head-count' }, 'seminar-sem-2');
  });

  it('refuses a negative head count inside the nested counts', async () => {
    const body = seminar('sem-2', { participantsByTargetGroup: { staff: 4, associations: 3, citizens: -1 } });
    await refuse(t, '/v1/seminars', body, { status: 400, field: 'participantsByTargetGroup.citizens', rule: 'min' }, 'seminar-sem-2');
  });

  it('refuses an unknown field inside the nested counts', async () => {
    const body = seminar('sem-2', { participantsByTargetGroup: { staff: 4, associations: 3, citizens: 2, volunteers: 1 } });
    await refuse(t, '/v1/seminars', body, { status: 400, field: 'participantsByTargetGroup.volunteers', rule: 'unknownField' }, 'seminar-sem-2');
  });
});

describe('networks (v1/networks)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, '/v1/associations', association('a-1'));
    await given(t, '/v1/associations', association('a-2'));
    await given(t, '/v1/staff-members', staffMember('s-1'));
  });
  afterAll(() => t.close());

  const A1 = { kind: 'association', id: 'a-1' };
  const S1 = { kind: 'staff', id: 's-1' };

  it('establishes a network', async () => {
    await accept(t, '/v1/networks', { occurredAt: '2010-02-01T10:00:00+01:00', networkId: 'n-1', name: 'Tingbjerg network', housingArea: 'tingbjerg-husum' }, {
      streamId: 'network-n-1',
      type: 'NetworkEstablished',
      data: { networkId: 'n-1', name: 'Tingbjerg network', housingArea: 'tingbjerg-husum' },
    });
  });

  it('lets a registered association and a staff member join', async () => {
    for (const member of [A1, S1]) {
      await accept(t, '/v1/networks/n-1/members', { occurredAt: '2010-02-10T10:00:00+01:00', member }, { streamId: 'network-n-1', type: 'NetworkMemberJoined', data: { networkId: 'n-1', member } });
    }
  });

  it('refuses a member whose record does not exist with 422 unknown-reference on member.id', async () => {
    await refuse(t, '/v1/networks/n-1/members', { occurredAt: AT, member: { kind: 'staff', id: 's-404' } }, { status: 422, field: 'member.id', rule: 'unknown-reference' }, 'network-n-1');
  });

  it('refuses a member who is already in the network with 422 already-member', async () => {
    await refuse(t, '/v1/networks/n-1/members', { occurredAt: AT, member: A1 }, { status: 422, field: 'member', rule: 'already-member' }, 'network-n-1');
  });

  it('refuses joining a network that does not exist with 404', async () => {
    await refuse(t, '/v1/networks/n-404/members', { occurredAt: AT, member: A1 }, { status: 404, field: null, rule: 'not-found' }, 'network-n-404');
  });

  it('records a meeting convened by a member', async () => {
    const body = { occurredAt: AT, meetingId: 'm-1', convenedBy: A1, attendees: [A1, S1] };
    await accept(t, '/v1/networks/n-1/meetings', body, {
      streamId: 'network-n-1',
      type: 'NetworkMeetingHeld',
      data: { networkId: 'n-1', meetingId: 'm-1', convenedBy: A1, attendees: [A1, S1] },
    });
  });

  it('records a joint activity of a member association and a member staff member', async () => {
    const body = { occurredAt: AT, activityId: 'act-1', associationId: 'a-1', staffId: 's-1', title: 'Homework café' };
    await accept(t, '/v1/networks/n-1/joint-activities', body, {
      streamId: 'network-n-1',
      type: 'JointActivityOrganised',
      data: { networkId: 'n-1', activityId: 'act-1', associationId: 'a-1', staffId: 's-1', title: 'Homework café' },
    });
  });

  it('refuses a joint activity with an association that does not exist with 422 unknown-reference', async () => {
    const body = { occurredAt: AT, activityId: 'act-2', associationId: 'a-404', staffId: 's-1', title: 'Football' };
    await refuse(t, '/v1/networks/n-1/joint-activities', body, { status: 422, field: 'associationId', rule: 'unknown-reference' }, 'network-n-1');
  });

  it('records a member leaving', async () => {
    const body = { occurredAt: '2010-05-01T10:00:00+02:00', member: S1, reason: 'changed job' };
    await accept(t, '/v1/networks/n-1/departures', body, { streamId: 'network-n-1', type: 'NetworkMemberLeft', data: { networkId: 'n-1', member: S1, reason: 'changed job' } });
  });

  it('refuses leaving a network never joined with 422 not-a-member', async () => {
    await refuse(t, '/v1/networks/n-1/departures', { occurredAt: AT, member: { kind: 'association', id: 'a-2' } }, { status: 422, field: 'member', rule: 'not-a-member' }, 'network-n-1');
  });

  it('refuses a network without a name', async () => {
    await refuse(t, '/v1/networks', { occurredAt: AT, networkId: 'n-2', housingArea: 'tingbjerg-husum' }, { status: 400, field: 'name', rule: 'isString' }, 'network-n-2');
  });

  it('refuses a member kind that is neither association nor staff', async () => {
    await refuse(t, '/v1/networks/n-1/members', { occurredAt: AT, member: { kind: 'citizen', id: 'c-1' } }, { status: 400, field: 'member.kind', rule: 'isIn' }, 'network-n-1');
  });

  it('refuses a departure without a member', async () => {
    await refuse(t, '/v1/networks/n-1/departures', { occurredAt: AT }, { status: 400, field: 'member', rule: 'isObject' }, 'network-n-1');
  });

  it('refuses a meeting listing an attendee twice or with a malformed attendee id', async () => {
    const twice = { occurredAt: AT, meetingId: 'm-2', convenedBy: A1, attendees: [A1, { ...A1 }] };
    await refuse(t, '/v1/networks/n-1/meetings', twice, { status: 400, field: 'attendees', rule: 'arrayUnique' }, 'network-n-1');
    const malformed = { occurredAt: AT, meetingId: 'm-2', convenedBy: A1, attendees: [{ kind: 'staff', id: 's 1' }] };
    await refuse(t, '/v1/networks/n-1/meetings', malformed, { status: 400, field: 'attendees[0].id', rule: 'matches' }, 'network-n-1');
  });

  it('refuses a joint activity with an empty title', async () => {
    const body = { occurredAt: AT, activityId: 'act-2', associationId: 'a-1', staffId: 's-1', title: '' };
    await refuse(t, '/v1/networks/n-1/joint-activities', body, { status: 400, field: 'title', rule: 'isNotEmpty' }, 'network-n-1');
  });
});

describe('survey responses (v1/survey-responses)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, '/v1/associations', association('a-1'));
    await given(t, '/v1/staff-members', staffMember('s-1'));
  });
  afterAll(() => t.close());

  const answers = (respondentId: string, overrides: object = {}) => ({
    occurredAt: AT,
    respondentId,
    respondentKind: 'association-representative',
    associationId: 'a-1',
    wave: 'baseline',
    answers: [
      { statement: 'assoc-better-communication', score: 3 },
      { statement: 'assoc-more-influence', score: 2 },
    ],
    ...overrides,
  });

  it("records a respondent's answers on the respondent stream", async () => {
    await accept(t, '/v1/survey-responses', answers('resp-1'), {
      streamId: 'respondent-resp-1',
      type: 'SurveyAnswered',
      data: {
        respondentId: 'resp-1',
        respondentKind: 'association-representative',
        associationId: 'a-1',
        wave: 'baseline',
        answers: [
          { statement: 'assoc-better-communication', score: 3 },
          { statement: 'assoc-more-influence', score: 2 },
        ],
      },
    });
  });

  it('records a staff respondent linked to a staff record', async () => {
    const body = answers('resp-2', { respondentKind: 'staff', associationId: undefined, staffId: 's-1', answers: [{ statement: 'staff-better-dialogue', score: 4 }] });
    await accept(t, '/v1/survey-responses', body, {
      streamId: 'respondent-resp-2',
      type: 'SurveyAnswered',
      data: { respondentId: 'resp-2', respondentKind: 'staff', staffId: 's-1', wave: 'baseline', answers: [{ statement: 'staff-better-dialogue', score: 4 }] },
    });
  });

  it('refuses answering the same wave twice with 422 wave-already-answered', async () => {
    await refuse(t, '/v1/survey-responses', answers('resp-1'), { status: 422, field: 'wave', rule: 'wave-already-answered' }, 'respondent-resp-1');
  });

  it('refuses an association that does not exist with 422 unknown-reference', async () => {
    await refuse(t, '/v1/survey-responses', answers('resp-3', { associationId: 'a-404' }), { status: 422, field: 'associationId', rule: 'unknown-reference' }, 'respondent-resp-3');
  });

  it('refuses a score off the scale, naming the answer', async () => {
    const body = answers('resp-3', { answers: [{ statement: 'assoc-more-influence', score: 7 }] });
    await refuse(t, '/v1/survey-responses', body, { status: 400, field: 'answers[0].score', rule: 'max' }, 'respondent-resp-3');
  });

  it('refuses a statement that is not in the survey', async () => {
    const body = answers('resp-3', { answers: [{ statement: 'assoc-more-influence', score: 4 }, { statement: 'likes-coffee', score: 5 }] });
    await refuse(t, '/v1/survey-responses', body, { status: 400, field: 'answers[1].statement', rule: 'isIn' }, 'respondent-resp-3');
  });
});

describe('forums (v1/forums)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, '/v1/associations', association('a-1'));
  });
  afterAll(() => t.close());

  const forum = (forumId: string, overrides: object = {}) => ({
    occurredAt: '2010-01-10T10:00:00+01:00',
    forumId,
    name: 'Tingbjerg resident board',
    forumType: 'resident-board',
    housingArea: 'tingbjerg-husum',
    seats: 2,
    ...overrides,
  });

  it('registers a forum', async () => {
    await accept(t, '/v1/forums', forum('f-1'), {
      streamId: 'forum-f-1',
      type: 'ForumRegistered',
      data: { forumId: 'f-1', name: 'Tingbjerg resident board', forumType: 'resident-board', housingArea: 'tingbjerg-husum', seats: 2 },
    });
  });

  it('records seats taken, with and without a nominating association', async () => {
    await accept(t, '/v1/forums/f-1/seats', { occurredAt: AT, seatHolderId: 'sh-1', background: 'ethnic-minority', nominatedByAssociationId: 'a-1' }, {
      streamId: 'forum-f-1',
      type: 'ForumSeatTaken',
      data: { forumId: 'f-1', seatHolderId: 'sh-1', background: 'ethnic-minority', nominatedByAssociationId: 'a-1' },
    });
    await accept(t, '/v1/forums/f-1/seats', { occurredAt: AT, seatHolderId: 'sh-2', background: 'not-disclosed' }, {
      streamId: 'forum-f-1',
      type: 'ForumSeatTaken',
      data: { forumId: 'f-1', seatHolderId: 'sh-2', background: 'not-disclosed' },
    });
  });

  it('refuses a seat in a full forum with 422 forum-full', async () => {
    await refuse(t, '/v1/forums/f-1/seats', { occurredAt: AT, seatHolderId: 'sh-3', background: 'other' }, { status: 422, field: null, rule: 'forum-full' }, 'forum-f-1');
  });

  it('refuses a nominating association that does not exist with 422 unknown-reference', async () => {
    const body = { occurredAt: AT, seatHolderId: 'sh-3', background: 'other', nominatedByAssociationId: 'a-404' };
    await refuse(t, '/v1/forums/f-1/seats', body, { status: 422, field: 'nominatedByAssociationId', rule: 'unknown-reference' }, 'forum-f-1');
  });

  it('records a seat holder leaving', async () => {
    await accept(t, '/v1/forums/f-1/seat-departures', { occurredAt: '2010-04-01T10:00:00+02:00', seatHolderId: 'sh-2' }, {
      streamId: 'forum-f-1',
      type: 'ForumSeatLeft',
      data: { forumId: 'f-1', seatHolderId: 'sh-2' },
    });
  });

  it('refuses a departure of someone without a seat with 422 not-seated', async () => {
    await refuse(t, '/v1/forums/f-1/seat-departures', { occurredAt: AT, seatHolderId: 'sh-9' }, { status: 422, field: 'seatHolderId', rule: 'not-seated' }, 'forum-f-1');
  });

  it('records an input given by an association', async () => {
    const body = { occurredAt: AT, inputId: 'in-1', kind: 'hearing-response', associationId: 'a-1', summary: 'Response on the new playground' };
    await accept(t, '/v1/forums/f-1/inputs', body, {
      streamId: 'forum-f-1',
      type: 'ForumInputGiven',
      data: { forumId: 'f-1', inputId: 'in-1', kind: 'hearing-response', associationId: 'a-1', summary: 'Response on the new playground' },
    });
  });

  it('refuses an input from an association that does not exist with 422 unknown-reference', async () => {
    const body = { occurredAt: AT, inputId: 'in-2', kind: 'proposal', associationId: 'a-404', summary: 'More benches' };
    await refuse(t, '/v1/forums/f-1/inputs', body, { status: 422, field: 'associationId', rule: 'unknown-reference' }, 'forum-f-1');
  });

  it('refuses registering the same forum twice with 409', async () => {
    await refuse(t, '/v1/forums', forum('f-1'), { status: 409, field: null, rule: 'already-exists' }, 'forum-f-1');
  });

  it('refuses a forum without seats', async () => {
    await refuse(t, '/v1/forums', forum('f-2', { seats: 0 }), { status: 400, field: 'seats', rule: 'min' }, 'forum-f-2');
  });

  it('refuses an unknown background', async () => {
    await refuse(t, '/v1/forums/f-1/seats', { occurredAt: AT, seatHolderId: 'sh-3', background: 'danish' }, { status: 400, field: 'background', rule: 'isIn' }, 'forum-f-1');
  });

  it('refuses a departure without a seat holder', async () => {
    await refuse(t, '/v1/forums/f-1/seat-departures', { occurredAt: AT }, { status: 400, field: 'seatHolderId', rule: 'matches' }, 'forum-f-1');
  });

  it('refuses an unknown kind of input', async () => {
    const body = { occurredAt: AT, inputId: 'in-2', kind: 'letter', summary: 'More benches' };
    await refuse(t, '/v1/forums/f-1/inputs', body, { status: 400, field: 'kind', rule: 'isIn' }, 'forum-f-1');
  });
});

describe('request headers and business time', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('refuses a command without X-Actor-Id and writes nothing', async () => {
    const response = await t.http.post('/v1/staff-members').set({ 'X-Actor-Role': 'case-worker' }).send(staffMember('s-1'));
    expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 400, errors: [expect.objectContaining({ field: 'header:X-Actor-Id', rule: 'isNotEmpty' })] });
    expect(await readStream(t, 'staff-s-1')).toEqual(emptyStream('staff-s-1'));
  });

  it('refuses a command without X-Actor-Role and writes nothing', async () => {
    const response = await t.http.post('/v1/staff-members').set({ 'X-Actor-Id': 'evaluator-1' }).send(staffMember('s-1'));
    expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 400, errors: [expect.objectContaining({ field: 'header:X-Actor-Role', rule: 'isNotEmpty' })] });
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

  it('generates a correlation id when none is sent and keeps on-behalf-of and causation', async () => {
    const headers = { 'X-On-Behalf-Of': 'association-a-1', 'X-Causation-Id': 'form-submission-7' };
    const response = await post(t, '/v1/staff-members', staffMember('s-2'), headers);
    expect(response.status).toBe(201);
    const [event] = (await readStream(t, 'staff-s-2')).events;
    expect(event.metadata).toMatchObject({
      correlationId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      causationId: 'form-submission-7',
      actor: { userId: 'evaluator-1', role: 'case-worker', onBehalfOf: 'association-a-1' },
    });
  });
});

describe('optimistic concurrency (If-Match)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, '/v1/networks', { occurredAt: AT, networkId: 'n-1', name: 'Network', housingArea: 'urbanplanen' });
    await given(t, '/v1/associations', association('a-1'));
    await given(t, '/v1/networks/n-1/members', { occurredAt: AT, member: { kind: 'association', id: 'a-1' } });
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
    await given(t, '/v1/staff-members/s-2/corrections', { occurredAt: AT, role: 'teacher', reason: 'wrong role' });
    const retry = await post(t, '/v1/staff-members', staffMember('s-2'), headers);
    expect(retry.body.events).toEqual(first.body.events);
    expect({ status: retry.status, revision: retry.body.revision, etag: retry.headers.etag }).toEqual({ status: 201, revision: 0, etag: '"0"' });
  });

  it('answers a retried correction with both of its events and appends nothing', async () => {
    await given(t, '/v1/associations', association('a-1'));
    const assessment = (assessmentId: string, score: number) => ({
      occurredAt: AT,
      assessmentId,
      wave: 'baseline',
      instrumentVersion: 'cap-2010-v1',
      mode: 'facilitated',
      items: [{ domain: 'governance', score, evidence: 'board minutes' }],
    });
    const wrong = await given(t, '/v1/associations/a-1/capacity-assessments', assessment('as-1', 2));
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

  it('runs a command with a new key as a new command', async () => {
    const response = await post(t, '/v1/staff-members', staffMember('s-1'), { 'Idempotency-Key': 'register-s-1-again' });
    expect({ status: response.status, rule: response.body.errors?.[0]?.rule }).toEqual({ status: 409, rule: 'already-exists' });
  });
});

describe('corrections and retractions', () => {
  let t: TestApp;
  let courseCreation: string;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, '/v1/associations', association('a-1'));
    courseCreation = (
      await given(t, '/v1/courses', {
        occurredAt: '2010-02-01T10:00:00+01:00',
        courseId: 'c-1',
        title: 'Rights and duties',
        housingArea: 'tingbjerg-husum',
        modules: ['rights', 'duties'],
        plannedSessions: 4,
      })
    ).body.events[0].eventId;
    await given(t, '/v1/courses/c-1/enrolments', { occurredAt: AT, associationId: 'a-1', representativeIds: ['rep-1', 'rep-2'] });
    await given(t, '/v1/courses/c-1/start', { occurredAt: AT });
  });
  afterAll(() => t.close());

  const sessionBody = (sessionNumber: number, attendeeIds: string[]) => ({ occurredAt: '2010-03-20T10:00:00+01:00', sessionNumber, module: 'rights', attendeeIds });

  it('replaces a session record: the retraction with a copy of the old record, then the new event pointing at it', async () => {
    const original = await given(t, '/v1/courses/c-1/sessions', sessionBody(1, ['rep-1', 'rep-2']));
    const wrongId = original.body.events[0].eventId;
    const correction = { eventId: wrongId, reason: 'rep-2 was ill that day' };
    const response = await post(t, '/v1/courses/c-1/sessions', { ...sessionBody(1, ['rep-1']), correction }, { 'X-Correlation-Id': 'fix-1' });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201, body: { revision: original.body.revision + 2 } });
    expect(response.body.events.map((event: { type: string }) => event.type)).toEqual(['RecordRetracted', 'CourseSessionHeld']);
    expect(response.headers.etag).toBe(`"${original.body.revision + 2}"`);

    const events = (await readStream(t, 'course-c-1')).events;
    const [retraction, replacement] = events.slice(-2);
    expect(retraction).toMatchObject({
      type: 'RecordRetracted',
      data: {
        retractedEventId: wrongId,
        reason: 'rep-2 was ill that day',
        retracted: { eventId: wrongId, type: 'CourseSessionHeld', data: { courseId: 'c-1', sessionNumber: 1, module: 'rights', attendeeIds: ['rep-1', 'rep-2'] }, occurredAt: '2010-03-20T10:00:00+01:00' },
      },
      metadata: { correlationId: 'fix-1', recordedAt: RECORDED_AT },
    });
    expect(retraction.metadata.correctionOf).toBeUndefined();
    expect(replacement).toMatchObject({
      type: 'CourseSessionHeld',
      data: { courseId: 'c-1', sessionNumber: 1, module: 'rights', attendeeIds: ['rep-1'] },
      metadata: { correctionOf: wrongId, correlationId: 'fix-1', occurredAt: '2010-03-20T10:00:00+01:00', recordedAt: RECORDED_AT },
    });
    // The original stays in the stream: history is appended to, never edited.
    expect(events.find((event) => event.metadata.eventId === wrongId)?.data).toMatchObject({ attendeeIds: ['rep-1', 'rep-2'] });
  });

  it('refuses correcting a record that was already replaced with 422 unknown-event', async () => {
    const [first] = (await readStream(t, 'course-c-1')).events.filter((event) => event.type === 'CourseSessionHeld');
    const body = { ...sessionBody(1, ['rep-2']), correction: { eventId: first.metadata.eventId, reason: 'again' } };
    await refuse(t, '/v1/courses/c-1/sessions', body, { status: 422, field: 'correctionOf', rule: 'unknown-event' }, 'course-c-1');
  });

  it('refuses a correction without an event id', async () => {
    const body = { ...sessionBody(3, ['rep-1']), correction: { eventId: '', reason: 'typo' } };
    await refuse(t, '/v1/courses/c-1/sessions', body, { status: 400, field: 'correction.eventId', rule: 'isNotEmpty' }, 'course-c-1');
  });

  it('retracts a record through the retraction endpoint, after which the session can be recorded again', async () => {
    const held = await given(t, '/v1/courses/c-1/sessions', sessionBody(2, ['rep-1']));
    const eventId = held.body.events[0].eventId;
    const response = await post(t, `/v1/streams/course-c-1/events/${eventId}/retraction`, { occurredAt: '2010-03-25T09:00:00+01:00', reason: 'session 2 was cancelled' }, { 'X-Correlation-Id': 'retract-1' });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201, body: { streamId: 'course-c-1', revision: held.body.revision + 1, events: [{ type: 'RecordRetracted' }] } });
    expect(response.headers.etag).toBe(`"${held.body.revision + 1}"`);

    const stream = await readStream(t, 'course-c-1');
    expect(stream.events[stream.events.length - 1]).toEqual({
      streamId: 'course-c-1',
      revision: held.body.revision + 1,
      position: response.body.position,
      type: 'RecordRetracted',
      data: {
        retractedEventId: eventId,
        reason: 'session 2 was cancelled',
        retracted: { eventId, type: 'CourseSessionHeld', data: { courseId: 'c-1', sessionNumber: 2, module: 'rights', attendeeIds: ['rep-1'] }, occurredAt: '2010-03-20T10:00:00+01:00' },
      },
      metadata: {
        eventId: response.body.events[0].eventId,
        schemaVersion: 1,
        correlationId: 'retract-1',
        causationId: null,
        actor: { userId: 'evaluator-1', role: 'case-worker' },
        sourceApp: 'test',
        occurredAt: '2010-03-25T09:00:00+01:00',
        recordedAt: RECORDED_AT,
      },
    });
    const again = await post(t, '/v1/courses/c-1/sessions', sessionBody(2, ['rep-2']));
    expect(again.status).toBe(201);
  });

  it('refuses retracting the first record of a stream with 422 cannot-correct-creation', async () => {
    const before = await readStream(t, 'course-c-1');
    const response = await post(t, `/v1/streams/course-c-1/events/${courseCreation}/retraction`, { occurredAt: AT, reason: 'wrong course' });
    expect({ status: response.status, rule: response.body.errors[0].rule }).toEqual({ status: 422, rule: 'cannot-correct-creation' });
    expect(await readStream(t, 'course-c-1')).toEqual(before);
  });

  it('refuses retracting an event that is not in the stream with 422 unknown-event', async () => {
    const response = await post(t, '/v1/streams/course-c-1/events/not-an-event/retraction', { occurredAt: AT, reason: 'typo' });
    expect({ status: response.status, rule: response.body.errors[0].rule }).toEqual({ status: 422, rule: 'unknown-event' });
  });

  it('refuses retracting in a stream that does not exist with 404', async () => {
    const response = await post(t, `/v1/streams/course-c-404/events/${courseCreation}/retraction`, { occurredAt: AT, reason: 'typo' });
    expect(response.status).toBe(404);
    expect(await readStream(t, 'course-c-404')).toEqual(emptyStream('course-c-404'));
  });

  it('refuses a malformed stream name naming path:streamId', async () => {
    const response = await post(t, `/v1/streams/meeting-1/events/${courseCreation}/retraction`, { occurredAt: AT, reason: 'typo' });
    expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 400, errors: [expect.objectContaining({ field: 'path:streamId', rule: 'isStreamName' })] });
  });

  it('refuses a retraction without a reason, or with a replacement, and writes nothing', async () => {
    const [, enrolment] = (await readStream(t, 'course-c-1')).events;
    const path = `/v1/streams/course-c-1/events/${enrolment.metadata.eventId}/retraction`;
    await refuse(t, path, { occurredAt: AT }, { status: 400, field: 'reason', rule: 'isString' }, 'course-c-1');
    await refuse(t, path, { occurredAt: AT, reason: 'typo', correction: { eventId: 'x', reason: 'y' } }, { status: 400, field: 'correction', rule: 'unknownField' }, 'course-c-1');
  });
});
