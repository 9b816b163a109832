import { assess, establishNetwork, join, registerAssociation, registerStaff } from '../testing/programme-actors';
import { ProgrammeHistory, given, model } from '../testing/programme-specification';
import { indicatorCatalogue } from './indicator-catalogue';
import { INDICATOR_CELLS, programmeFeatures } from './programme-read-model';

/** A small history with something for every feature of the programme read model to count. */
const everyFeature = () => {
  const history = new ProgrammeHistory();
  registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
  assess(history, 'a1', 'baseline', { governance: 2 }, '2010-02-10T10:00:00.000Z');
  assess(history, 'a1', 'follow-up', { governance: 4 }, '2010-11-05T10:00:00.000Z');
  registerStaff(history, 's1', 'frontline', 'municipality', 'tingbjerg-husum', '2010-01-04T09:00:00.000Z');
  history.record('course-c1', 'CourseDesigned', { courseId: 'c1', title: 'Medborgerskab', housingArea: 'tingbjerg-husum', modules: ['citizenship'], plannedSessions: 2 }, '2010-02-01T10:00:00.000Z');
  history.record('course-c1', 'CourseStarted', { courseId: 'c1' }, '2010-02-20T10:00:00.000Z');
  history.record('course-c1', 'AssociationEnrolled', { courseId: 'c1', associationId: 'a1', representativeIds: ['rep-1'] }, '2010-02-21T10:00:00.000Z');
  history.record('course-c1', 'CourseSessionHeld', { courseId: 'c1', sessionNumber: 1, module: 'citizenship', attendeeIds: ['rep-1'] }, '2010-03-01T10:00:00.000Z');
  history.record('course-c1', 'CourseCompleted', { courseId: 'c1', completedAssociationIds: ['a1'] }, '2010-06-15T10:00:00.000Z');
  history.record('workshop-w1', 'WorkshopHeld', { workshopId: 'w1', topic: 'parent-involvement', housingArea: 'tingbjerg-husum', participantStaffIds: ['s1'] }, '2010-03-10T13:00:00.000Z');
  history.record('workshop-w1', 'WorkshopFeedbackRecorded', { workshopId: 'w1', staffId: 's1', reactionScore: 4, learningScore: 4 }, '2010-03-11T09:00:00.000Z');
  const participants = { staff: 3, associations: 2, citizens: 5 };
  history.record('seminar-sem1', 'SeminarHeld', { seminarId: 'sem1', format: 'seminar', title: 'Dialog', housingArea: 'urbanplanen', participantsByTargetGroup: participants, associationIds: ['a1'], staffIds: ['s1'] }, '2010-05-18T16:00:00.000Z');
  establishNetwork(history, 'n1', 'tingbjerg-husum', '2010-01-10T10:00:00.000Z');
  join(history, 'n1', 'association', 'a1', '2010-02-01T10:00:00.000Z');
  join(history, 'n1', 'staff', 's1', '2010-02-02T10:00:00.000Z');
  const convenor = { kind: 'association', id: 'a1' } as const;
  history.record('network-n1', 'NetworkMeetingHeld', { networkId: 'n1', meetingId: 'm1', convenedBy: convenor, attendees: [convenor] }, '2010-04-01T17:00:00.000Z');
  history.record('network-n1', 'JointActivityOrganised', { networkId: 'n1', activityId: 'ja-1', associationId: 'a1', staffId: 's1', title: 'Sommerfest' }, '2010-05-20T14:00:00.000Z');
  const agree = (...statements: string[]) => statements.map((statement) => ({ statement, score: 5 }));
  history.record(
    'respondent-r1',
    'SurveyAnswered',
    { respondentId: 'r1', respondentKind: 'association-representative', associationId: 'a1', wave: 'follow-up', answers: agree('assoc-better-communication', 'assoc-more-influence') },
    '2010-11-10T10:00:00.000Z',
  );
  history.record(
    'respondent-r2',
    'SurveyAnswered',
    { respondentId: 'r2', respondentKind: 'staff', staffId: 's1', wave: 'follow-up', answers: agree('staff-better-involvement', 'staff-better-dialogue') },
    '2010-11-10T11:00:00.000Z',
  );
  history.record('forum-f1', 'ForumRegistered', { forumId: 'f1', name: 'Afdelingsbestyrelsen', forumType: 'resident-board', housingArea: 'mjolnerparken', seats: 7 }, '2010-01-05T10:00:00.000Z');
  history.record('forum-f1', 'ForumSeatTaken', { forumId: 'f1', seatHolderId: 'h1', background: 'ethnic-minority', nominatedByAssociationId: 'a1' }, '2010-02-01T18:00:00.000Z');
  history.record('forum-f1', 'ForumSeatLeft', { forumId: 'f1', seatHolderId: 'h1' }, '2010-09-01T18:00:00.000Z');
  history.record('forum-f1', 'ForumInputGiven', { forumId: 'f1', inputId: 'i1', kind: 'hearing-response', associationId: 'a1', summary: 'Høringssvar' }, '2010-04-12T10:00:00.000Z');
  const year2010 = { periodStart: '2010-01-01', periodEnd: '2010-12-31' };
  history.record('resource-r1', 'ResourceAllocated', { allocationId: 'r1', resourceLine: 'R1', kind: 'staff-time', unit: 'hours', amount: 100, ...year2010 }, '2009-12-15T10:00:00.000Z');
  history.record('resource-r6', 'ResourceAllocated', { allocationId: 'r6', resourceLine: 'R6', kind: 'budget', unit: 'dkk', amount: 1000, ...year2010 }, '2009-12-15T10:00:00.000Z');
  history.record('analysis-g1', 'GoodPracticeAnalysisCompleted', { analysisId: 'g1', housingArea: 'bispeparken', practicesIdentified: 3, summary: 'Tre gode praksisser' }, '2010-04-20T10:00:00.000Z');
  history.record('evaluation-e1', 'EvaluationMilestoneReached', { milestoneId: 'e1', milestone: 'baseline-report', title: 'Baselinerapport', note: 'Afleveret' }, '2010-06-30T10:00:00.000Z');
  return history;
};

describe('programme read model', () => {
  it('given the programme read model, when its cells are named, then they go to the indicator_cells collection', () => {
    expect(model.aggregation?.collection).toBe(INDICATOR_CELLS);
    expect(INDICATOR_CELLS).toBe('indicator_cells');
  });

  it('given its features, when listed, then each projection is in the read model once, in a collection of its own', () => {
    const collections = programmeFeatures.map((feature) => feature.projection.collection);
    expect(model.projections.map((projection) => projection.collection)).toEqual(collections);
    expect(new Set(collections).size).toBe(collections.length);
  });

  it('given its features, when their indicators are put together, then every indicator of the catalogue is given by some feature', () => {
    const claimed = new Set(programmeFeatures.flatMap((feature) => feature.indicators));
    expect(indicatorCatalogue.map((definition) => definition.code).filter((code) => !claimed.has(code))).toEqual([]);
  });

  describe('given events for every feature', () => {
    const projected = given(everyFeature());

    it.each(programmeFeatures.map((feature) => [feature.projection.collection, feature] as const))(
      'when the %s documents are read, then they give facts for exactly the indicators their feature claims',
      (collection, feature) => {
        const indicators = new Set(projected.collectionFacts(collection).map((fact) => fact.indicator));
        expect(indicators.size).toBeGreaterThan(0);
        expect([...indicators].sort()).toEqual([...feature.indicators].sort());
      },
    );
  });
});
