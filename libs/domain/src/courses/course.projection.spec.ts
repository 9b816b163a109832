import { CourseModule, HousingArea } from '../model/reference-data';
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

    it('when the retraction is projected too, then the course no longer counts as completed but still as started', () => {
      const { history, completed } = courseHistory();
      history.retract(completed, '2010-06-20T10:00:00.000Z', 'forløbet er ikke afsluttet');
      const { keys, cell } = given(history);
      expect(keys('PRD-COURSES-COMPLETED')).toEqual([]);
      expect(cell('PRD-COURSES-STARTED', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
    });
  });

  describe('given two courses in two areas, a1 enrolled in both and a2 in the first', () => {
    const twoCourses = () => {
      const history = new ProgrammeHistory();
      registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
      registerAssociation(history, 'a2', 'mjolnerparken', 'cultural', '2010-01-21T09:00:00.000Z');
      const design = (courseId: string, housingArea: HousingArea, modules: CourseModule[], at: string) =>
        history.record(`course-${courseId}`, 'CourseDesigned', { courseId, title: `Forløb ${courseId}`, housingArea, modules, plannedSessions: 3 }, at);
      const enrol = (courseId: string, associationId: string, at: string) =>
        history.record(`course-${courseId}`, 'AssociationEnrolled', { courseId, associationId, representativeIds: [`rep-${associationId}-${courseId}`] }, at);
      const c1Design = design('c1', 'tingbjerg-husum', ['citizenship', 'rights'], '2010-02-01T10:00:00.000Z');
      const a1InC1 = enrol('c1', 'a1', '2010-02-20T10:00:00.000Z');
      enrol('c1', 'a2', '2010-02-22T10:00:00.000Z');
      history.record('course-c1', 'CourseStarted', { courseId: 'c1' }, '2010-03-01T10:00:00.000Z');
      history.record('course-c1', 'CourseCompleted', { courseId: 'c1', completedAssociationIds: ['a1'] }, '2010-06-15T10:00:00.000Z');
      design('c2', 'mjolnerparken', ['communication'], '2010-04-01T10:00:00.000Z');
      enrol('c2', 'a1', '2010-04-10T10:00:00.000Z');
      const c2Started = history.record('course-c2', 'CourseStarted', { courseId: 'c2' }, '2010-05-03T10:00:00.000Z');
      return { history, c1Design, a1InC1, c2Started };
    };

    it('when the cells are summed, then each start and completion counts once, in its quarter, under the course\'s area and modules', () => {
      const { cell } = given(twoCourses().history);
      expect(cell('PRD-COURSES-STARTED', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('PRD-COURSES-STARTED', 'quarter', '2010-Q1', 'courseModule', 'rights')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('PRD-COURSES-STARTED', 'quarter', '2010-Q2', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('PRD-COURSES-STARTED', 'year', '2010')).toEqual({ numerator: 2, denominator: 0, subjects: 0 });
      expect(cell('PRD-COURSES-COMPLETED', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('PRD-COURSES-COMPLETED', 'programme', 'programme', 'courseModule', 'citizenship')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('PRD-COURSES-COMPLETED', 'programme', 'programme', 'courseModule', 'communication')).toBeUndefined();
    });

    it('when the cells are summed, then an association enrolled twice in a period counts once, under its own area', () => {
      const { cell } = given(twoCourses().history);
      expect(cell('PRD-ASSOCIATIONS-ENROLLED', 'quarter', '2010-Q1')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('PRD-ASSOCIATIONS-ENROLLED', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-ASSOCIATIONS-ENROLLED', 'year', '2010')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      // a1 (Tingbjerg/Husum) was enrolled in the Mjølnerparken course c2 too: it counts where it is registered.
      expect(cell('PRD-ASSOCIATIONS-ENROLLED', 'year', '2010', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-ASSOCIATIONS-ENROLLED', 'year', '2010', 'associationType', 'cultural')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
    });

    it('when c1\'s design is corrected to another area, then its start and completion count under the corrected area', () => {
      const { history, c1Design } = twoCourses();
      history.correct(c1Design, { ...c1Design.data, housingArea: 'urbanplanen' }, '2010-02-01T10:00:00.000Z', 'forkert boligområde');
      const { cell } = given(history);
      expect(cell('PRD-COURSES-STARTED', 'quarter', '2010-Q1', 'housingArea', 'urbanplanen')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('PRD-COURSES-STARTED', 'quarter', '2010-Q1', 'housingArea', 'tingbjerg-husum')).toBeUndefined();
      expect(cell('PRD-COURSES-COMPLETED', 'quarter', '2010-Q2', 'housingArea', 'urbanplanen')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
    });

    it('when a1\'s first enrolment and c2\'s start are retracted, then they are gone from their quarters and a1 still counts for c2', () => {
      const { history, a1InC1, c2Started } = twoCourses();
      history.retract(a1InC1, '2010-02-25T10:00:00.000Z', 'tilmeldt det forkerte forløb');
      history.retract(c2Started, '2010-05-04T10:00:00.000Z', 'forløbet blev udskudt');
      const { cell } = given(history);
      expect(cell('PRD-ASSOCIATIONS-ENROLLED', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-ASSOCIATIONS-ENROLLED', 'quarter', '2010-Q1', 'housingArea', 'tingbjerg-husum')).toBeUndefined();
      expect(cell('PRD-ASSOCIATIONS-ENROLLED', 'year', '2010')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('PRD-COURSES-STARTED', 'quarter', '2010-Q2')).toBeUndefined();
      expect(cell('PRD-COURSES-STARTED', 'year', '2010')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
    });
  });
});
