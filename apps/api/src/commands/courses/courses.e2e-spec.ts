import { TestApp, startTestApp } from '../../../../../test/api.harness';
import { AT, accept, correctAndWithdrawCreation, refuse } from '../../../../../test/command-assertions';
import { associationRegistered, given } from '../../../../../test/given';

describe('courses (v1/courses)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, [associationRegistered('a-1'), associationRegistered('a-2')]);
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

  it('corrects the course design and withdraws it, refusing enrolments until it is designed again', async () => {
    await correctAndWithdrawCreation(t, {
      path: '/v1/courses',
      streamId: 'course-c-fix',
      body: design('c-fix'),
      corrected: design('c-fix', { plannedSessions: 4 }),
      later: { path: '/v1/courses/c-fix/enrolments', body: { occurredAt: '2010-02-10T10:00:00+01:00', associationId: 'a-1', representativeIds: ['rep-1'] } },
    });
  });
});
