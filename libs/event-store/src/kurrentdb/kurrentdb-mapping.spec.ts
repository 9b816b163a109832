import {
  ANY,
  AccessDeniedError,
  CancelledError,
  InvalidArgumentError,
  NO_STREAM,
  START,
  UnavailableError,
  UnknownError,
  DeadlineExceededError,
} from '@kurrent/kurrentdb-client';
import { EventMetadata } from '@toc/domain';
import {
  EXTERNAL,
  KurrentDbMappingError,
  fromKurrentMetadata,
  isTransient,
  toKurrentEvent,
  toKurrentEventId,
  toKurrentMetadata,
  toPortPosition,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
} from './kurrentdb-mapping';
import { connectionStringProblem, redactConnectionString } from './kurrentdb-url';
import { replayResult } from './kurrentdb-event-store';

const metadata: EventMetadata = {
  eventId: '3f1c2b8e-9d4a-4c1e-8f00-0123456789ab',
  schemaVersion: 2,
  correlationId: 'corr-1',
  causationId: 'cause-1',
  actor: { userId: 'facilitator-7', role: 'facilitator', onBehalfOf: 'association-12' },
  sourceApp: 'field-app',
  occurredAt: '2023-11-05T08:15:30.123+02:00',
  recordedAt: '2023-11-05T06:16:00.000Z',
  correctionOf: 'e-0',
  commandDigest: 'digest',
};

const facts = { id: 'b1f0c3c4-0000-4000-8000-000000000001', created: new Date('2024-01-02T03:04:05.000Z') };

describe('KurrentDB mapping', () => {
  describe('event ids', () => {
    it('uses a UUID event id as the KurrentDB id, in lower case', () => {
      expect(toKurrentEventId('3F1C2B8E-9D4A-4C1E-8F00-0123456789AB')).toBe('3f1c2b8e-9d4a-4c1e-8f00-0123456789ab');
    });

    it('uses the hex ids the command runner derives from an idempotency key as they are', () => {
      expect(toKurrentEventId('0a1b2c3d-4e5f-6071-8293-a4b5c6d70001')).toBe('0a1b2c3d-4e5f-6071-8293-a4b5c6d70001');
    });

    it('turns any other id into the same version-5 shaped UUID every time, and different ids into different ones', () => {
      const id = toKurrentEventId('seed:association-1:0');
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(toKurrentEventId('seed:association-1:0')).toBe(id);
      expect(toKurrentEventId('seed:association-1:1')).not.toBe(id);
    });
  });

  describe('metadata', () => {
    it('writes correlation and causation as $correlationId and $causationId beside the rest of the metadata', () => {
      expect(toKurrentMetadata(metadata)).toStrictEqual({
        $correlationId: 'corr-1',
        $causationId: 'cause-1',
        eventId: metadata.eventId,
        schemaVersion: 2,
        actor: metadata.actor,
        sourceApp: 'field-app',
        occurredAt: metadata.occurredAt,
        recordedAt: metadata.recordedAt,
        correctionOf: 'e-0',
        commandDigest: 'digest',
      });
    });

    it('leaves $causationId out for a command from outside (causation null) and reads it back as null', () => {
      const fromOutside = { ...metadata, causationId: null };
      const stored = toKurrentMetadata(fromOutside);
      expect(stored).not.toHaveProperty('$causationId');
      expect(fromKurrentMetadata(JSON.parse(JSON.stringify(stored)), facts)).toStrictEqual(fromOutside);
    });

    it('round-trips the metadata exactly through its stored JSON, optional fields included or absent', () => {
      const { correctionOf: _c, commandDigest: _d, ...plain } = metadata;
      for (const original of [metadata, plain]) {
        expect(fromKurrentMetadata(JSON.parse(JSON.stringify(toKurrentMetadata(original))), facts)).toStrictEqual(original);
      }
    });

    it('reads the metadata in one key order whatever order it was stored in, since the hash chain hashes it', () => {
      const shuffled = JSON.parse(JSON.stringify({ recordedAt: metadata.recordedAt, ...toKurrentMetadata(metadata) }));
      expect(JSON.stringify(fromKurrentMetadata(shuffled, facts))).toBe(JSON.stringify(metadata));
    });

    it('fills what an event written by another client does not say from what KurrentDB knows, marking actor and source external', () => {
      expect(fromKurrentMetadata({ $correlationId: 'their-corr', note: 'x' }, facts)).toStrictEqual({
        eventId: facts.id,
        schemaVersion: 1,
        correlationId: 'their-corr',
        causationId: null,
        actor: { userId: EXTERNAL, role: EXTERNAL },
        sourceApp: EXTERNAL,
        occurredAt: '2024-01-02T03:04:05.000Z',
        recordedAt: '2024-01-02T03:04:05.000Z',
        note: 'x',
      });
      expect(fromKurrentMetadata(undefined, facts).eventId).toBe(facts.id);
      expect(fromKurrentMetadata(new Uint8Array([1, 2]), facts).correlationId).toBe(facts.id);
    });

    it('proposes a JSON event with the mapped id, type, data and metadata', () => {
      const event = { type: 'workshop-held', data: { seq: 1 }, metadata: { ...metadata, eventId: 'not-a-uuid' } };
      expect(toKurrentEvent(event)).toStrictEqual({
        id: toKurrentEventId('not-a-uuid'),
        contentType: 'application/json',
        type: 'workshop-held',
        data: { seq: 1 },
        metadata: toKurrentMetadata(event.metadata),
      });
    });
  });

  describe('expected revisions', () => {
    it("maps 'any', 'no-stream' and a revision to the client's stream states", () => {
      expect(toStreamState('any')).toBe(ANY);
      expect(toStreamState('no-stream')).toBe(NO_STREAM);
      expect(toStreamState(0)).toBe(0n);
      expect(toStreamState(41)).toBe(41n);
    });

    it('refuses a revision that is not a non-negative integer', () => {
      for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => toStreamState(bad)).toThrow(RangeError);
    });
  });

  describe('positions', () => {
    it('is the commit position of an event, which equals its prepare position for an appended event', () => {
      expect(toPortPosition({ commit: 123_456n, prepare: 123_456n }, 'event')).toBe(123_456);
      expect(toPortPosition({ commit: BigInt(Number.MAX_SAFE_INTEGER), prepare: BigInt(Number.MAX_SAFE_INTEGER) }, 'event')).toBe(Number.MAX_SAFE_INTEGER);
    });

    it('refuses an event of an explicit transaction (commit and prepare differ) rather than mis-order it', () => {
      expect(() => toPortPosition({ commit: 900n, prepare: 700n }, 'event e')).toThrow(/explicit transaction/);
    });

    it('refuses a position that is not exact as a JS number, a missing one, and 0', () => {
      const huge = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
      expect(() => toPortPosition({ commit: huge, prepare: huge }, 'event')).toThrow(KurrentDbMappingError);
      expect(() => toPortPosition(undefined, 'event')).toThrow(/22\.6/);
      expect(() => toPortPosition({ commit: 0n, prepare: 0n }, 'event')).toThrow(KurrentDbMappingError);
    });

    it('reads from the start for checkpoint 0 and from the event itself for a position', () => {
      expect(toReadPosition(0)).toBe(START);
      expect(toReadPosition(5_120)).toEqual({ commit: 5_120n, prepare: 5_120n });
      for (const bad of [-1, 0.5, Number.NaN]) expect(() => toReadPosition(bad)).toThrow(RangeError);
    });
  });

  describe('recorded events', () => {
    const resolved = (overrides: Record<string, unknown> = {}) =>
      ({
        event: {
          streamId: 'course-1',
          id: toKurrentEventId(metadata.eventId),
          revision: 3n,
          type: 'course-started',
          isJson: true,
          created: facts.created,
          data: { title: 'Dansk' },
          metadata: JSON.parse(JSON.stringify(toKurrentMetadata(metadata))),
          position: { commit: 8_000n, prepare: 8_000n },
          ...overrides,
        },
      }) as never;

    it('maps a resolved event to the port, position and revision as numbers', () => {
      expect(toRecordedEvent(resolved())).toStrictEqual({
        streamId: 'course-1',
        revision: 3,
        position: 8_000,
        type: 'course-started',
        data: { title: 'Dansk' },
        metadata,
      });
    });

    it('skips a link whose event is gone', () => {
      expect(toRecordedEvent({} as never)).toBeUndefined();
    });

    it('keeps binary data of a foreign event readable', () => {
      expect(toRecordedEvent(resolved({ isJson: false, data: Buffer.from('{"a":1}') }))!.data).toEqual({ a: 1 });
      expect(toRecordedEvent(resolved({ isJson: false, data: Buffer.from([0xff, 0x00]) }))!.data).toEqual({ binary: '/wA=' });
    });
  });

  describe('errors', () => {
    it('retries a dropped connection, a leader change or a timeout, and nothing else', () => {
      expect(isTransient(new UnavailableError())).toBe(true);
      expect(isTransient(new CancelledError())).toBe(true);
      expect(isTransient(new DeadlineExceededError())).toBe(true);
      expect(isTransient(new AccessDeniedError())).toBe(false);
      expect(isTransient(new InvalidArgumentError('bad'))).toBe(false);
      expect(isTransient(new UnknownError())).toBe(false);
      expect(isTransient(new KurrentDbMappingError('x'))).toBe(false);
    });
  });

  describe('replays', () => {
    const stored = [0, 1, 2].map((revision) => ({ streamId: 's', revision, position: 100 * (revision + 1), type: 't', data: {}, metadata: { ...metadata, eventId: `e${revision}` } }));

    it('gives the stored result when every id of the batch is stored, nothing when none is', () => {
      expect(replayResult('s', ['e0', 'e1'], stored)).toEqual({ nextExpectedRevision: 2, position: 200 });
      expect(replayResult('s', ['x', 'y'], stored)).toBeNull();
      expect(replayResult('s', ['x'], [])).toBeNull();
    });

    it('refuses a batch only part of which is stored', () => {
      expect(() => replayResult('s', ['e2', 'x'], stored)).toThrow('1 of 2 event ids are already stored');
    });
  });

  describe('connection strings', () => {
    it("accepts the client's schemes and names the problem with anything else", () => {
      expect(connectionStringProblem('kurrentdb://localhost:2113?tls=false')).toBeNull();
      expect(connectionStringProblem('kurrentdb+discover://admin:changeit@cluster.local:2113')).toBeNull();
      expect(connectionStringProblem('http://localhost:2113')).toMatch(/expected kurrentdb:\/\//);
      expect(connectionStringProblem('kurrentdb://localhost:2113?tls=maybe')).toMatch(/expected true or false/);
    });

    it('hides credentials', () => {
      expect(redactConnectionString('kurrentdb://admin:changeit@localhost:2113?tls=false')).toBe('kurrentdb://***@localhost:2113?tls=false');
      expect(redactConnectionString('kurrentdb://localhost:2113')).toBe('kurrentdb://localhost:2113');
    });
  });
});
