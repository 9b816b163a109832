import { registerAssociation } from '../testing/programme-actors';
import { ProgrammeHistory, given } from '../testing/programme-specification';

describe('course projection', () => {
  describe('given a course completed by two associations, and the completion then retracted', () => {
    const courseHistory = () => {
      const history = new ProgrammeHistory();
      registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
      registerAssociation(history, 'a2', 'mjolnerparken', 'cultural', '2010-03-05T09:00:00.000Z');
      history.record(
        'course-c1',
        'CourseDesigned',
        { courseId: 'c1', title: 'Medborgerskab', housingArea: 'tingbjerg-husum', modules: ['citizenship', 'rights'], plannedSessions: 6 },
        '2010-02-01T10:00:00.000Z',
      );
      history.record('course-c1', 'CourseStarted', { courseId: 'c1' }, '2010-03-01T10:00:00.000Z');
      const completed = history.record('course-c1', 'CourseCompleted', { courseId: 'c1', completedAssociationIds: ['a1', 'a2'] }, '2010-06-15T10:00:00.000Z');
      return { history, completed };
    };

    it('when only the completion is projected, then both associations count as completing in Q2 2010', () => {
      const { cell } = given(courseHistory().history);
      expect(cell('PRD-ASSOCIATIONS-COMPLETED', 'quarter', '2010-Q2')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('PRD-ASSOCIATIONS-COMPLETED', 'quarter', '2010-Q2', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('ACT-COURSES-DESIGNED', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('ACT-COURSES-DESIGNED', 'quarter', '2010-Q1', 'courseModule', 'rights')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
    });

    it('when the retraction is projected too, then it reaches the associations\' documents and their completions are gone', () => {
      const { history, completed } = courseHistory();
      history.retract(completed, '2010-06-20T10:00:00.000Z', 'forløbet er ikke afsluttet');
      const { keys, cell, facts } = given(history);
      expect(keys('PRD-ASSOCIATIONS-COMPLETED')).toEqual([]);
      expect(facts('associations', 'a1').map((fact) => fact.indicator)).toEqual(['ACT-ASSESSMENT-COVERAGE']);
      expect(cell('ACT-COURSES-DESIGNED', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
    });
  });
});
