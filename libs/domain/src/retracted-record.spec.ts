import { RecordedEvent } from './core/event';
import { RECORD_RETRACTED } from './core/retraction';
import { retractionOf } from './retracted-record';
import { domainUpcasters } from './upcasters';

const recorded = (type: string, data: unknown, schemaVersion = 1): RecordedEvent => ({
  type,
  data,
  streamId: 'forum-f-1',
  revision: 3,
  position: 17,
  metadata: {
    eventId: 'e-3',
    schemaVersion,
    correlationId: 'c-1',
    causationId: null,
    actor: { userId: 'u-1', role: 'case-worker' },
    sourceApp: 'test',
    occurredAt: '2010-05-01T10:00:00Z',
    recordedAt: '2010-05-02T10:00:00Z',
  },
});

const input = { forumId: 'f-1', inputId: 'i-1', kind: 'proposal', associationId: 'a-1', summary: 'a proposal for the playground' };
const routable = { forumId: 'f-1', inputId: 'i-1', kind: 'proposal', associationId: 'a-1' };

describe('what a retraction keeps of the record it withdraws', () => {
  it('names the record by event id and keeps what projections route by, not its free text', () => {
    expect(retractionOf(recorded('ForumInputGiven', input), 'entered twice')).toEqual({
      type: RECORD_RETRACTED,
      data: { retractedEventId: 'e-3', reason: 'entered twice', retracted: { eventId: 'e-3', type: 'ForumInputGiven', occurredAt: '2010-05-01T10:00:00Z', data: routable } },
    });
  });

  it('reads a version 1 retraction, which copied the whole record, without the copy of its free text', () => {
    const v1 = { retractedEventId: 'e-3', reason: 'entered twice', retracted: { eventId: 'e-3', type: 'ForumInputGiven', occurredAt: '2010-05-01T10:00:00Z', data: input } };
    const upcast = domainUpcasters.upcast(recorded(RECORD_RETRACTED, v1));
    expect(upcast.metadata.schemaVersion).toBe(2);
    expect(upcast.data).toEqual({ ...v1, retracted: { ...v1.retracted, data: routable } });
    expect(domainUpcasters.currentVersion(RECORD_RETRACTED)).toBe(2);
  });
});
