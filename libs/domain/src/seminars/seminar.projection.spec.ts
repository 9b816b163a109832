import { ProgrammeHistory, given } from '../testing/programme-specification';

describe('seminar projection', () => {
  describe('given two cross-group events in one quarter with head counts per target group', () => {
    const seminarHistory = () => {
      const history = new ProgrammeHistory();
      history.record(
        'seminar-sem1',
        'SeminarHeld',
        {
          seminarId: 'sem1',
          format: 'seminar',
          title: 'Dialog på tværs',
          housingArea: 'urbanplanen',
          participantsByTargetGroup: { staff: 12, associations: 8, citizens: 30 },
          associationIds: ['a1'],
          staffIds: ['s1'],
        },
        '2010-05-18T16:00:00.000Z',
      );
      history.record(
        'seminar-sem2',
        'SeminarHeld',
        {
          seminarId: 'sem2',
          format: 'event',
          title: 'Gadefest',
          housingArea: 'bispeparken',
          participantsByTargetGroup: { staff: 3, associations: 2, citizens: 5 },
          associationIds: [],
          staffIds: [],
        },
        '2010-06-20T12:00:00.000Z',
      );
      return history;
    };

    it('when the cells are summed, then participants per target group add up to the total', () => {
      const { cell } = given(seminarHistory());
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'quarter', '2010-Q2')).toEqual({ numerator: 60, denominator: 0, subjects: 0 });
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'quarter', '2010-Q2', 'targetGroup', 'staff')).toEqual({ numerator: 15, denominator: 0, subjects: 0 });
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'quarter', '2010-Q2', 'targetGroup', 'associations')).toEqual({ numerator: 10, denominator: 0, subjects: 0 });
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'quarter', '2010-Q2', 'targetGroup', 'citizens')).toEqual({ numerator: 35, denominator: 0, subjects: 0 });
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'quarter', '2010-Q2', 'housingArea', 'urbanplanen')).toEqual({ numerator: 50, denominator: 0, subjects: 0 });
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'quarter', '2010-Q2', 'housingArea', 'bispeparken')).toEqual({ numerator: 10, denominator: 0, subjects: 0 });
    });

    it('when the cells are summed, then both count as cross-group events and as events held, by format', () => {
      const { cell } = given(seminarHistory());
      expect(cell('PRD-CROSS-GROUP-SEMINARS', 'quarter', '2010-Q2')).toEqual({ numerator: 2, denominator: 0, subjects: 0 });
      expect(cell('PRD-CROSS-GROUP-SEMINARS', 'quarter', '2010-Q2', 'format', 'seminar')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('PRD-CROSS-GROUP-SEMINARS', 'quarter', '2010-Q2', 'format', 'event')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('ACT-EVENTS-HELD', 'half-year', '2010-H1')).toEqual({ numerator: 2, denominator: 0, subjects: 0 });
    });
  });
});
