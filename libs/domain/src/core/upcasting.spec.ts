import { CapacityAssessmentRecordedV1 } from '../associations/association.upcasters';
import { domainUpcasters } from '../upcasters';
import { RecordedEvent } from './event';

const recorded = (type: string, data: unknown, schemaVersion: number): RecordedEvent => ({
  type,
  data,
  streamId: 'association-a1',
  revision: 1,
  position: 7,
  metadata: {
    eventId: 'e1',
    schemaVersion,
    correlationId: 'c1',
    causationId: null,
    actor: { userId: 'u1', role: 'case-worker' },
    sourceApp: 'test',
    occurredAt: '2010-03-01T10:00:00.000Z',
    recordedAt: '2010-03-01T10:05:00.000Z',
  },
});

describe('upcasting', () => {
  it('given a version 1 capacity assessment, when read, then it has one item per domain and version 2', () => {
    const v1: CapacityAssessmentRecordedV1 = {
      associationId: 'a1',
      assessmentId: 'as1',
      wave: 'baseline',
      instrumentVersion: 'cap-2010-v1',
      scores: { governance: 2, finances: 3 },
      note: 'board minutes reviewed',
    };
    const upcast = domainUpcasters.upcast(recorded('CapacityAssessmentRecorded', v1, 1));
    expect(upcast.metadata.schemaVersion).toBe(2);
    expect(upcast.data).toEqual({
      associationId: 'a1',
      assessmentId: 'as1',
      wave: 'baseline',
      instrumentVersion: 'cap-2010-v1',
      mode: 'facilitated',
      items: [
        { domain: 'governance', score: 2, evidence: 'board minutes reviewed' },
        { domain: 'finances', score: 3, evidence: 'board minutes reviewed' },
      ],
    });
  });

  it('given a current-version event, when read, then it is returned unchanged', () => {
    const event = recorded('CapacityAssessmentRecorded', { items: [] }, 2);
    expect(domainUpcasters.upcast(event)).toBe(event);
  });

  it('writes new capacity assessments as version 2 and other events as version 1', () => {
    expect(domainUpcasters.currentVersion('CapacityAssessmentRecorded')).toBe(2);
    expect(domainUpcasters.currentVersion('WorkshopHeld')).toBe(1);
  });
});
