import { DomainEvent, RecordedEvent } from './event';
import { RecordDocument, documentAt, recordProjection } from './record-projection';
import { RECORD_RETRACTED } from './retraction';

type ThingSeen = DomainEvent<'ThingSeen', { readonly thingId: string }>;

const projection = recordProjection<ThingSeen>('things', { ThingSeen: (data) => [data.thingId] });

let position = 0;
const event = (type: string, data: unknown, occurredAt: string, recordedAt: string, eventId = `e${position + 1}`): RecordedEvent => ({
  type,
  data,
  position: ++position,
  streamId: 'thing-t1',
  revision: position - 1,
  metadata: {
    eventId,
    schemaVersion: 1,
    correlationId: 'c',
    causationId: null,
    actor: { userId: 'u', role: 'case-worker' },
    sourceApp: 'test',
    occurredAt,
    recordedAt,
  },
} as RecordedEvent);

const seen = (eventId: string, occurredAt: string, recordedAt: string) => event('ThingSeen', { thingId: 't1' }, occurredAt, recordedAt, eventId);
const retraction = (retractedEventId: string, occurredAt: string, recordedAt: string) =>
  event(RECORD_RETRACTED, { retractedEventId, reason: 'wrong', retracted: { eventId: retractedEventId, type: 'ThingSeen', data: { thingId: 't1' }, occurredAt } }, recordedAt, recordedAt);

const fold = (events: RecordedEvent[]): RecordDocument<ThingSeen> | null =>
  events.reduce<RecordDocument<ThingSeen> | null>((doc, next) => projection.evolve(doc, next, 't1'), null);

describe('a record document', () => {
  beforeEach(() => (position = 0));

  describe('given a record and its retraction', () => {
    it('when folded, then the record is withdrawn with the retraction’s recording time and position, and the document stays', () => {
      const doc = fold([seen('a', '2010-03-01T10:00:00+01:00', '2010-03-02T09:00:00+01:00'), retraction('a', '2010-03-01T10:00:00+01:00', '2010-06-01T12:00:00Z')]);
      expect(doc).toEqual({
        id: 't1',
        records: {},
        withdrawn: {
          a: { type: 'ThingSeen', at: '2010-03-01T09:00:00.000Z', recordedAt: '2010-03-02T08:00:00.000Z', position: 1, data: { thingId: 't1' }, withdrawnAt: '2010-06-01T12:00:00.000Z', withdrawnPosition: 2 },
        },
      });
    });
  });

  describe('given records that happened and were recorded at different times, one withdrawn later', () => {
    const history = () => {
      position = 0;
      return fold([
        seen('early', '2010-01-10T10:00:00Z', '2010-01-11T10:00:00Z'),
        seen('late-recorded', '2010-02-10T10:00:00Z', '2010-05-01T10:00:00Z'),
        seen('withdrawn', '2010-03-10T10:00:00Z', '2010-03-11T10:00:00Z'),
        retraction('withdrawn', '2010-03-10T10:00:00Z', '2010-04-01T10:00:00Z'),
      ])!;
    };
    const ids = (doc: RecordDocument | null) => (doc ? Object.keys(doc.records).sort() : []);

    it('when seen with no limits, then it holds what counts now', () => {
      expect(ids(documentAt(history(), {}))).toEqual(['early', 'late-recorded']);
    });

    it('when seen as of a business time, then later happenings are left out, and a withdrawal counts whenever its record happened', () => {
      expect(ids(documentAt(history(), { asOf: '2010-02-10T10:00:00.000Z' }))).toEqual(['early', 'late-recorded']);
      expect(ids(documentAt(history(), { asOf: '2010-02-10T09:59:59.999Z' }))).toEqual(['early']);
      expect(ids(documentAt(history(), { asOf: '2010-12-31T00:00:00.000Z' }))).toEqual(['early', 'late-recorded']);
    });

    it('when seen as known at a recording time, then later recordings are left out and a later withdrawal is not yet applied', () => {
      expect(ids(documentAt(history(), { knownAt: '2010-03-31T23:59:59.999Z' }))).toEqual(['early', 'withdrawn']);
      expect(ids(documentAt(history(), { knownAt: '2010-04-01T10:00:00.000Z' }))).toEqual(['early']);
      expect(ids(documentAt(history(), { knownAt: '2010-05-01T10:00:00.000Z' }))).toEqual(['early', 'late-recorded']);
    });

    it('when seen at a stored position, then only records and withdrawals stored by then count', () => {
      expect(ids(documentAt(history(), { position: 3 }))).toEqual(['early', 'late-recorded', 'withdrawn']);
      expect(ids(documentAt(history(), { position: 4 }))).toEqual(['early', 'late-recorded']);
    });

    it('when seen before anything was recorded, then there is no document', () => {
      expect(documentAt(history(), { knownAt: '2010-01-01T00:00:00.000Z' })).toBeNull();
    });

    it('when a withdrawn record is seen again, then it carries no trace of its withdrawal', () => {
      expect(documentAt(history(), { knownAt: '2010-03-31T23:59:59.999Z' })!.records.withdrawn).toEqual({
        type: 'ThingSeen',
        at: '2010-03-10T10:00:00.000Z',
        recordedAt: '2010-03-11T10:00:00.000Z',
        position: 3,
        data: { thingId: 't1' },
      });
    });
  });
});
