import { RecordedEvent } from './event';
import { RECORD_RETRACTED, effectiveHistory, entityWithdrawal } from './retraction';

let position = 0;
const recorded = (eventId: string, type: string, extra: { correctionOf?: string; data?: unknown } = {}): RecordedEvent => ({
  streamId: 'workshop-w-1',
  revision: position,
  position: ++position,
  type,
  data: extra.data ?? {},
  metadata: {
    eventId,
    schemaVersion: 1,
    correlationId: 'c',
    causationId: null,
    actor: { userId: 'u', role: 'case-worker' },
    sourceApp: 'spec',
    occurredAt: '2010-03-15T10:00:00+01:00',
    recordedAt: '2011-06-30T12:00:00.000Z',
    ...(extra.correctionOf ? { correctionOf: extra.correctionOf } : {}),
  },
});
const retraction = (eventId: string, of: string, type: string) =>
  recorded(eventId, RECORD_RETRACTED, { data: { retractedEventId: of, reason: 'why', retracted: { eventId: of, type, data: {}, occurredAt: '2010-03-15T10:00:00+01:00' } } });
const ids = (events: readonly RecordedEvent[]) => events.map((event) => event.metadata.eventId);

describe('effectiveHistory', () => {
  it('puts a replacement in the place of the record it corrects, so a corrected creating record still comes first', () => {
    const events = [recorded('held', 'WorkshopHeld'), recorded('feedback', 'WorkshopFeedbackRecorded'), retraction('r1', 'held', 'WorkshopHeld'), recorded('held-2', 'WorkshopHeld', { correctionOf: 'held' })];

    expect(ids(effectiveHistory(events))).toEqual(['held-2', 'feedback']);
  });

  it('follows a replacement that was corrected in turn', () => {
    const events = [
      recorded('held', 'WorkshopHeld'),
      recorded('feedback', 'WorkshopFeedbackRecorded'),
      retraction('r1', 'held', 'WorkshopHeld'),
      recorded('held-2', 'WorkshopHeld', { correctionOf: 'held' }),
      retraction('r2', 'held-2', 'WorkshopHeld'),
      recorded('held-3', 'WorkshopHeld', { correctionOf: 'held-2' }),
    ];

    expect(ids(effectiveHistory(events))).toEqual(['held-3', 'feedback']);
  });
});

describe('entityWithdrawal', () => {
  it('is the retraction of the creating record once every record of the stream is withdrawn', () => {
    const events = [recorded('held', 'WorkshopHeld'), recorded('feedback', 'WorkshopFeedbackRecorded'), retraction('r1', 'feedback', 'WorkshopFeedbackRecorded'), retraction('r2', 'held', 'WorkshopHeld')];

    expect(entityWithdrawal(events)?.metadata.eventId).toBe('r2');
  });

  it('is nothing while a record stands, or once the entity is recorded again', () => {
    const withdrawn = [recorded('held', 'WorkshopHeld'), retraction('r1', 'held', 'WorkshopHeld')];

    expect(entityWithdrawal([recorded('held', 'WorkshopHeld'), recorded('feedback', 'WorkshopFeedbackRecorded'), retraction('r1', 'feedback', 'WorkshopFeedbackRecorded')])).toBeUndefined();
    expect(entityWithdrawal([...withdrawn, recorded('held-again', 'WorkshopHeld')])).toBeUndefined();
    expect(entityWithdrawal([])).toBeUndefined();
  });
});
