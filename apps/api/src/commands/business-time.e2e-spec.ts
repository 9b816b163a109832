import { TestApp, readStream, startTestApp } from '../../../../test/api.harness';
import { postAccepted, refuse } from '../../../../test/command-assertions';
import { associationRegistered, given, staffMemberRegistered } from '../../../../test/given';

/**
 * Every record is judged by what had happened by its own business time, whichever order the
 * records arrive in: each case sends the late record after the one it contradicts was recorded.
 */
describe('rules judged in business time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, [associationRegistered('a-1'), staffMemberRegistered('s-1')]);
  });
  afterAll(() => t.close());

  const at = (day: string) => `2010-${day}T10:00:00+01:00`;

  describe('given a course started on 15 March with a session on 20 March', () => {
    beforeAll(async () => {
      const design = { occurredAt: at('02-01'), courseId: 'c-1', title: 'Rights and duties', housingArea: 'tingbjerg-husum', modules: ['rights'], plannedSessions: 4 };
      await postAccepted(t, '/v1/courses', design);
      await postAccepted(t, '/v1/courses/c-1/enrolments', { occurredAt: at('03-01'), associationId: 'a-1', representativeIds: ['rep-1'] });
      await postAccepted(t, '/v1/courses/c-1/start', { occurredAt: at('03-15') });
      await postAccepted(t, '/v1/courses/c-1/sessions', { occurredAt: at('03-20'), sessionNumber: 1, module: 'rights', attendeeIds: ['rep-1'] });
    });

    it('refuses a session dated before the start with 422 course-not-started', async () => {
      const body = { occurredAt: at('03-10'), sessionNumber: 2, module: 'rights', attendeeIds: ['rep-1'] };
      await refuse(t, '/v1/courses/c-1/sessions', body, { status: 422, field: null, rule: 'course-not-started' }, 'course-c-1');
    });

    it('refuses a start corrected to after the session with 422 invalidates-record, naming the session', async () => {
      const start = (await readStream(t, 'course-c-1')).events.find((event) => event.type === 'CourseStarted')!;
      const body = { occurredAt: at('03-25'), correction: { eventId: start.metadata.eventId, reason: 'started later' } };
      const response = await refuse(t, '/v1/courses/c-1/start', body, { status: 422, field: null, rule: 'invalidates-record' }, 'course-c-1');
      expect(response.body.errors[0].message).toContain('CourseSessionHeld');
    });

    it('accepts a session recorded late but dated between the start and today', async () => {
      await postAccepted(t, '/v1/courses/c-1/sessions', { occurredAt: at('03-18'), sessionNumber: 2, module: 'rights', attendeeIds: ['rep-1'] });
    });
  });

  it('refuses leaving a network dated before joining it with 422 not-a-member', async () => {
    await postAccepted(t, '/v1/networks', { occurredAt: at('02-01'), networkId: 'n-1', name: 'Tingbjerg network', housingArea: 'tingbjerg-husum' });
    await postAccepted(t, '/v1/networks/n-1/members', { occurredAt: at('03-01'), member: { kind: 'staff', id: 's-1' } });
    const body = { occurredAt: at('02-15'), member: { kind: 'staff', id: 's-1' }, reason: 'moved away' };
    await refuse(t, '/v1/networks/n-1/departures', body, { status: 422, field: 'member', rule: 'not-a-member' }, 'network-n-1');
  });

  it('refuses a follow-up assessment dated before the baseline with 422 baseline-missing', async () => {
    const assessment = (assessmentId: string, wave: string, occurredAt: string) => ({
      occurredAt,
      assessmentId,
      wave,
      instrumentVersion: 'cap-2010-v1',
      mode: 'facilitated',
      items: [{ domain: 'governance', score: 2, evidence: 'board minutes' }],
    });
    await postAccepted(t, '/v1/associations/a-1/capacity-assessments', assessment('as-1', 'baseline', at('03-01')));
    await refuse(t, '/v1/associations/a-1/capacity-assessments', assessment('as-2', 'follow-up', at('02-20')), { status: 422, field: 'wave', rule: 'baseline-missing' }, 'association-a-1');
  });

  it('refuses an enrolment dated before the association was registered with 422 reference-not-yet-recorded', async () => {
    await postAccepted(t, '/v1/associations', { occurredAt: at('04-01'), associationId: 'a-late', name: 'Late association', housingArea: 'tingbjerg-husum', associationType: 'women', sizeBand: '11-50' });
    await postAccepted(t, '/v1/courses', { occurredAt: at('02-01'), courseId: 'c-2', title: 'Rights', housingArea: 'tingbjerg-husum', modules: ['rights'], plannedSessions: 2 });
    const body = { occurredAt: at('03-01'), associationId: 'a-late', representativeIds: ['rep-9'] };
    await refuse(t, '/v1/courses/c-2/enrolments', body, { status: 422, field: 'associationId', rule: 'reference-not-yet-recorded' }, 'course-c-2');
  });

  describe('given an association registered on 1 February and enrolled in a course on 1 March', () => {
    const registration = () => readStream(t, 'association-a-ref').then((stream) => stream.events[0].metadata.eventId);
    const registerBody = (occurredAt: string, eventId?: string) => ({
      occurredAt,
      associationId: 'a-ref',
      name: 'Referenced association',
      housingArea: 'tingbjerg-husum',
      associationType: 'women',
      sizeBand: '11-50',
      ...(eventId && { correction: { eventId, reason: 'registered on another day' } }),
    });
    beforeAll(async () => {
      await postAccepted(t, '/v1/associations', registerBody(at('02-01')));
      await postAccepted(t, '/v1/courses', { occurredAt: at('02-01'), courseId: 'c-ref', title: 'Rights', housingArea: 'tingbjerg-husum', modules: ['rights'], plannedSessions: 2 });
      await postAccepted(t, '/v1/courses/c-ref/enrolments', { occurredAt: at('03-01'), associationId: 'a-ref', representativeIds: ['rep-ref'] });
    });

    it('refuses withdrawing the registration while the enrolment stands, with 422 invalidates-record naming the enrolment', async () => {
      const path = `/v1/streams/association-a-ref/events/${await registration()}/retraction`;
      const response = await refuse(t, path, { occurredAt: at('04-01'), reason: 'never existed' }, { status: 422, field: null, rule: 'invalidates-record' }, 'association-a-ref');
      expect(response.body.errors[0].message).toContain('AssociationEnrolled');
    });

    it('refuses correcting the registration to after the enrolment with 422 invalidates-record', async () => {
      await refuse(t, '/v1/associations', registerBody(at('03-10'), await registration()), { status: 422, field: null, rule: 'invalidates-record' }, 'association-a-ref');
    });

    it('accepts correcting the registration to a day before the enrolment', async () => {
      await postAccepted(t, '/v1/associations', registerBody(at('02-20'), await registration()));
    });
  });

  it('refuses a record dated before the first record of its entity with 422 before-first-record on occurredAt', async () => {
    await postAccepted(t, '/v1/courses', { occurredAt: at('05-01'), courseId: 'c-3', title: 'Duties', housingArea: 'tingbjerg-husum', modules: ['duties'], plannedSessions: 2 });
    await refuse(t, '/v1/courses/c-3/start', { occurredAt: at('04-01') }, { status: 422, field: 'occurredAt', rule: 'before-first-record' }, 'course-c-3');
  });
});
