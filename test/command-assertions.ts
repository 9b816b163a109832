import { FIXED_NOW, StreamBody, TestApp, actor, post, readStream } from './api.harness';

/** Business time of most commands: well before the fixed clock, inside the programme. */
export const AT = '2010-03-15T10:00:00+01:00';
export const RECORDED_AT = FIXED_NOW.toISOString();

let correlations = 0;
const nextCorrelationId = () => `corr-${++correlations}`;

export interface Accepted {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly schemaVersion?: number;
}

/**
 * Sends a command that must be accepted, then checks the response (201, body, ETag) and the
 * stored event: type, data and full metadata, with the correlation id echoed from the request.
 */
export const accept = async (
  t: TestApp,
  path: string,
  body: { occurredAt: string; [field: string]: unknown },
  expected: Accepted,
  headers: Record<string, string> = {},
) => {
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
      actor: t.actor,
      sourceApp: actor['X-Source-App'],
      occurredAt: body.occurredAt,
      recordedAt: RECORDED_AT,
    },
  });
  return response;
};

export interface Refused {
  readonly status: number;
  readonly field: string | null;
  readonly rule: string;
}

/**
 * Sends a command that must be refused naming the field and rule, and checks that the stream
 * it targets is exactly as before. Domain refusals carry one error; validation may list several.
 */
export const refuse = async (t: TestApp, path: string, body: object, expected: Refused, streamId: string, headers: Record<string, string> = {}) => {
  const before = await readStream(t, streamId);
  const response = await post(t, path, body, headers);
  const { status, ...error } = expected;
  expect({ status: response.status, errors: response.body.errors }).toEqual({ status, errors: expect.arrayContaining([expect.objectContaining(error)]) });
  if (status !== 400) expect(response.body.errors).toHaveLength(1);
  expect(await readStream(t, streamId)).toEqual(before);
  return response;
};

/** Sends a command a test builds on; its own checks live in its feature's spec. */
export const postAccepted = async (t: TestApp, path: string, body: object) => {
  const response = await post(t, path, body);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
  return response;
};

export const emptyStream = (streamId: string): StreamBody => ({ streamId, revision: -1, events: [] });

/** The body of RegisterStaffMember, the simplest command, which the cross-cutting specs send too. */
export const staffMember = (staffId: string, overrides: object = {}) => ({
  occurredAt: AT,
  staffId,
  role: 'frontline',
  employer: 'municipality',
  housingArea: 'tingbjerg-husum',
  ...overrides,
});

/** The command that creates an entity, as recorded and as it should have been, and a command that needs the entity. */
export interface CreatingRecord {
  readonly path: string;
  readonly streamId: string;
  readonly body: { readonly occurredAt: string; readonly [field: string]: unknown };
  readonly corrected: { readonly occurredAt: string; readonly [field: string]: unknown };
  /** Refused while the entity is withdrawn; left out where every command of the aggregate creates. */
  readonly later?: { readonly path: string; readonly body: object };
}

/**
 * Records an entity (and the later command), corrects its creating record, then withdraws the
 * replacement: every record of the stream is retracted with it, the later command is refused
 * with 422 record-withdrawn, and the creating command and then the later one are accepted again.
 */
export const correctAndWithdrawCreation = async (t: TestApp, record: CreatingRecord) => {
  const [original] = (await postAccepted(t, record.path, record.body)).body.events;
  if (record.later) await postAccepted(t, record.later.path, record.later.body);

  const correction = { eventId: original.eventId, reason: 'recorded with a mistake' };
  const corrected = await postAccepted(t, record.path, { ...record.corrected, correction });
  expect(corrected.body.events.map((event: { type: string }) => event.type)).toEqual(['RecordRetracted', original.type]);
  const replacement = (await readStream(t, record.streamId)).events.find((event) => event.metadata.eventId === corrected.body.events[1].eventId);
  expect(replacement).toMatchObject({ metadata: { correctionOf: original.eventId, occurredAt: record.corrected.occurredAt } });

  const retraction = { occurredAt: record.corrected.occurredAt, reason: 'it never took place' };
  const withdrawn = await postAccepted(t, `/v1/streams/${record.streamId}/events/${corrected.body.events[1].eventId}/retraction`, retraction);
  expect(withdrawn.body.events.map((event: { type: string }) => event.type)).toEqual(record.later ? ['RecordRetracted', 'RecordRetracted'] : ['RecordRetracted']);
  if (record.later) await refuse(t, record.later.path, record.later.body, { status: 422, field: null, rule: 'record-withdrawn' }, record.streamId);

  await postAccepted(t, record.path, record.body);
  // Recorded again from scratch: the later command is accepted, which a surviving copy of it could have refused.
  if (record.later) await postAccepted(t, record.later.path, record.later.body);
};
