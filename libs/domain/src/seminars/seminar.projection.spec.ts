import { registerAssociation, registerStaff } from '../testing/programme-actors';
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

  describe('given registered associations and staff at three seminars, a1 and s1 at two of them in one quarter', () => {
    const reachHistory = () => {
      const history = new ProgrammeHistory();
      registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
      registerAssociation(history, 'a2', 'mjolnerparken', 'cultural', '2010-01-21T09:00:00.000Z');
      registerStaff(history, 's1', 'frontline', 'municipality', 'tingbjerg-husum', '2010-01-04T09:00:00.000Z');
      registerStaff(history, 's2', 'teacher', 'school', 'mjolnerparken', '2010-01-05T09:00:00.000Z');
      const seminar = (seminarId: string, associationIds: string[], staffIds: string[], at: string) =>
        history.record(
          `seminar-${seminarId}`,
          'SeminarHeld',
          {
            seminarId,
            format: 'seminar',
            title: `Seminar ${seminarId}`,
            housingArea: 'urbanplanen',
            participantsByTargetGroup: { staff: staffIds.length + 4, associations: associationIds.length + 3, citizens: 10 },
            associationIds,
            staffIds,
          },
          at,
        );
      const sem1 = seminar('sem1', ['a1', 'a2'], ['s1'], '2010-05-18T16:00:00.000Z');
      const sem2 = seminar('sem2', ['a1'], ['s1', 's2'], '2010-06-20T12:00:00.000Z');
      seminar('sem3', ['a2'], [], '2010-10-10T12:00:00.000Z');
      return { history, sem1, sem2 };
    };

    it('when the cells are summed, then each association and staff member reached counts once per period, under their own details', () => {
      const { cell } = given(reachHistory().history);
      expect(cell('PRD-CROSS-GROUP-ASSOCIATIONS', 'quarter', '2010-Q2')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('PRD-CROSS-GROUP-ASSOCIATIONS', 'quarter', '2010-Q2', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-CROSS-GROUP-ASSOCIATIONS', 'quarter', '2010-Q4')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-CROSS-GROUP-ASSOCIATIONS', 'year', '2010')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('PRD-CROSS-GROUP-ASSOCIATIONS', 'year', '2010', 'associationType', 'cultural')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-CROSS-GROUP-STAFF', 'quarter', '2010-Q2')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('PRD-CROSS-GROUP-STAFF', 'quarter', '2010-Q2', 'role', 'frontline')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-CROSS-GROUP-STAFF', 'quarter', '2010-Q2', 'employer', 'school')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-CROSS-GROUP-STAFF', 'quarter', '2010-Q2', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-CROSS-GROUP-STAFF', 'quarter', '2010-Q4')).toBeUndefined();
      // Beside the head counts, which count every participant of every seminar: 5 + 6 + 4 staff.
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'year', '2010', 'targetGroup', 'staff')).toEqual({ numerator: 15, denominator: 0, subjects: 0 });
    });

    it('when the second seminar is withdrawn and the first corrected without a2, then only what the records still say is counted', () => {
      const { history, sem1, sem2 } = reachHistory();
      history.retract(sem2, '2010-06-21T09:00:00.000Z', 'seminaret blev aflyst');
      history.correct(sem1, { ...sem1.data, associationIds: ['a1'] }, '2010-05-18T16:00:00.000Z', 'a2 deltog ikke');
      const { cell } = given(history);
      expect(cell('PRD-CROSS-GROUP-ASSOCIATIONS', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-CROSS-GROUP-ASSOCIATIONS', 'quarter', '2010-Q2', 'housingArea', 'mjolnerparken')).toBeUndefined();
      expect(cell('PRD-CROSS-GROUP-STAFF', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-CROSS-GROUP-STAFF', 'quarter', '2010-Q2', 'role', 'teacher')).toBeUndefined();
      expect(cell('PRD-CROSS-GROUP-ASSOCIATIONS', 'year', '2010')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
    });
  });
});
