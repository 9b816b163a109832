import { TestApp, post, readStream, startTestApp } from '../../../../../test/api.harness';
import { AT, RECORDED_AT, emptyStream, postAccepted, refuse } from '../../../../../test/command-assertions';
import { associationRegistered, given } from '../../../../../test/given';

describe('corrections and retractions', () => {
  let t: TestApp;
  let courseCreation: string;
  beforeAll(async () => {
    t = await startTestApp();
    const [, designed] = await given(t, [
      associationRegistered('a-1'),
      {
        stream: 'course-c-1',
        occurredAt: '2010-02-01T10:00:00+01:00',
        type: 'CourseDesigned',
        data: { courseId: 'c-1', title: 'Rights and duties', housingArea: 'tingbjerg-husum', modules: ['rights', 'duties'], plannedSessions: 4 },
      },
      { stream: 'course-c-1', occurredAt: AT, type: 'AssociationEnrolled', data: { courseId: 'c-1', associationId: 'a-1', representativeIds: ['rep-1', 'rep-2'] } },
      { stream: 'course-c-1', occurredAt: AT, type: 'CourseStarted', data: { courseId: 'c-1' } },
    ]);
    courseCreation = designed.metadata.eventId;
  });
  afterAll(() => t.close());

  const sessionBody = (sessionNumber: number, attendeeIds: string[]) => ({ occurredAt: '2010-03-20T10:00:00+01:00', sessionNumber, module: 'rights', attendeeIds });

  it('replaces a session record: the retraction naming the old record with what it is routed by, then the new event pointing at it', async () => {
    const original = await postAccepted(t, '/v1/courses/c-1/sessions', sessionBody(1, ['rep-1', 'rep-2']));
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
    const held = await postAccepted(t, '/v1/courses/c-1/sessions', sessionBody(2, ['rep-1']));
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
        schemaVersion: 2,
        correlationId: 'retract-1',
        causationId: null,
        actor: t.actor,
        sourceApp: 'test',
        occurredAt: '2010-03-25T09:00:00+01:00',
        recordedAt: RECORDED_AT,
      },
    });
    const again = await post(t, '/v1/courses/c-1/sessions', sessionBody(2, ['rep-2']));
    expect(again.status).toBe(201);
  });

  it('withdraws the first record of a stream with every record about it, then refuses later commands with 422 record-withdrawn', async () => {
    const design = { courseId: 'c-2', title: 'Rights and duties', housingArea: 'tingbjerg-husum', modules: ['rights'], plannedSessions: 4 } as const;
    const [designed, enrolled] = await given(t, [
      { stream: 'course-c-2', occurredAt: '2010-02-01T10:00:00+01:00', type: 'CourseDesigned', data: design },
      { stream: 'course-c-2', occurredAt: AT, type: 'AssociationEnrolled', data: { courseId: 'c-2', associationId: 'a-1', representativeIds: ['rep-1'] } },
    ]);
    const response = await post(t, `/v1/streams/course-c-2/events/${designed.metadata.eventId}/retraction`, { occurredAt: AT, reason: 'wrong course' });
    expect({ status: response.status, events: response.body.events }).toMatchObject({ status: 201, events: [{ type: 'RecordRetracted' }, { type: 'RecordRetracted' }] });
    const withdrawn = (await readStream(t, 'course-c-2')).events.slice(-2);
    expect(withdrawn.map((event) => event.data)).toMatchObject([
      { retractedEventId: enrolled.metadata.eventId, reason: 'wrong course' },
      { retractedEventId: designed.metadata.eventId, reason: 'wrong course' },
    ]);

    const refused = await refuse(t, '/v1/courses/c-2/start', { occurredAt: AT }, { status: 422, field: null, rule: 'record-withdrawn' }, 'course-c-2');
    expect(refused.body.errors[0].message).toMatch(/^course-c-2 was withdrawn .*\("wrong course"\).*Record it again/);
    await postAccepted(t, '/v1/courses', { occurredAt: '2010-02-01T10:00:00+01:00', ...design });
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
