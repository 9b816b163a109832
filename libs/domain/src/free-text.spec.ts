import { ProgrammeCommand } from './command-registry';
import { assertNoPersonalDataInCommand, freeTextOf, withoutFreeText } from './free-text';

const context = { occurredAt: '2010-03-15T10:00:00Z', now: '2010-03-16T10:00:00Z', actor: { userId: 'u-1', role: 'case-worker' } };

const assessment = (evidence: readonly string[]): ProgrammeCommand => ({
  type: 'RecordCapacityAssessment',
  data: {
    associationId: 'a-1',
    assessmentId: 'as-1',
    wave: 'baseline',
    instrumentVersion: 'v1',
    mode: 'facilitated',
    items: evidence.map((text, i) => ({ domain: `d-${i}`, score: 3, evidence: text })),
  },
  context,
});

describe('free text of commands', () => {
  it('names every free-text field by its input path, list entries by index, and a correction reason', () => {
    expect(freeTextOf(assessment(['board minutes', 'accounts']), 'scores swapped')).toEqual([
      { field: 'items[0].evidence', text: 'board minutes' },
      { field: 'items[1].evidence', text: 'accounts' },
      { field: 'correction.reason', text: 'scores swapped' },
    ]);
    expect(freeTextOf({ type: 'RetractRecord', data: { streamId: 'course-c-1', eventId: 'e-1', reason: 'double entry' }, context })).toEqual([
      { field: 'reason', text: 'double entry' },
    ]);
  });

  it('takes ids, codes and numbers for what they are: a session record has no free text', () => {
    const session: ProgrammeCommand = { type: 'HoldCourseSession', data: { courseId: 'c-1', sessionNumber: 1, module: 'rights', attendeeIds: ['rep-1'] }, context };
    expect(freeTextOf(session)).toEqual([]);
  });

  it('refuses a command with personal data in any free-text field, naming the field', () => {
    expect(() => assertNoPersonalDataInCommand(assessment(['board minutes', 'called the chair on 23 45 67 89']))).toThrow(
      expect.objectContaining({ code: 'personal-data-in-free-text', field: 'items[1].evidence' }),
    );
    expect(() => assertNoPersonalDataInCommand(assessment(['board minutes']), 'wrong, see chair@forening.dk')).toThrow(
      expect.objectContaining({ field: 'correction.reason' }),
    );
    expect(() => assertNoPersonalDataInCommand(assessment(['board minutes of 2010-03-20']), 'scores swapped')).not.toThrow();
  });

  it('leaves the free text out of a recorded event, keeping its ids, codes and figures', () => {
    const { data } = assessment(['board minutes']);
    expect(withoutFreeText('CapacityAssessmentRecorded', data)).toEqual({
      associationId: 'a-1',
      assessmentId: 'as-1',
      wave: 'baseline',
      instrumentVersion: 'v1',
      mode: 'facilitated',
      items: [{ domain: 'd-0', score: 3 }],
    });
    expect(withoutFreeText('NetworkMemberLeft', { networkId: 'n-1', member: { kind: 'staff', id: 's-1' }, reason: 'moved away' })).toEqual({
      networkId: 'n-1',
      member: { kind: 'staff', id: 's-1' },
    });
  });
});
