import { CourseModule, HousingArea } from '../model/reference-data';
import { deciderSpec, testContext } from '../testing/decider-specification';
import {
  CompleteCourse,
  courseCommandTypes,
  courseDecider,
  DesignCourse,
  EnrolAssociation,
  HoldCourseSession,
  StartCourse,
} from './course.decider';
import { AssociationEnrolled, CourseDesigned, CourseEvent, CourseSessionHeld } from './course.events';

const spec = deciderSpec(courseDecider);
const context = testContext();
const courseId = 'c-1';

const designData: DesignCourse['data'] = {
  courseId,
  title: 'Medborgerskab i foreningen',
  housingArea: 'tingbjerg-husum',
  modules: ['citizenship', 'rights'],
  plannedSessions: 6,
};

const design = (data: Partial<DesignCourse['data']> = {}): DesignCourse => ({
  type: 'DesignCourse',
  data: { ...designData, ...data },
  context,
});
const start = (): StartCourse => ({ type: 'StartCourse', data: { courseId }, context });
const enrol = (data: Partial<EnrolAssociation['data']> = {}): EnrolAssociation => ({
  type: 'EnrolAssociation',
  data: { courseId, associationId: 'a-1', representativeIds: ['p-1', 'p-2'], ...data },
  context,
});
const holdSession = (data: Partial<HoldCourseSession['data']> = {}): HoldCourseSession => ({
  type: 'HoldCourseSession',
  data: { courseId, sessionNumber: 1, module: 'citizenship', attendeeIds: ['p-1'], ...data },
  context,
});
const complete = (completedAssociationIds: string[] = ['a-1']): CompleteCourse => ({
  type: 'CompleteCourse',
  data: { courseId, completedAssociationIds },
  context,
});

const designed: CourseDesigned = { type: 'CourseDesigned', data: designData };
const started: CourseEvent = { type: 'CourseStarted', data: { courseId } };
const enrolled = (associationId: string, representativeIds: string[]): AssociationEnrolled => ({
  type: 'AssociationEnrolled',
  data: { courseId, associationId, representativeIds },
});
const sessionHeld = (sessionNumber: number, attendeeIds: string[] = ['p-1']): CourseSessionHeld => ({
  type: 'CourseSessionHeld',
  data: { courseId, sessionNumber, module: 'citizenship', attendeeIds },
});
const completed: CourseEvent = { type: 'CourseCompleted', data: { courseId, completedAssociationIds: [] } };
const running = [designed, enrolled('a-1', ['p-1', 'p-2']), started];

describe('course decider', () => {
  it('lists every command type', () => {
    expect(courseCommandTypes).toEqual(['DesignCourse', 'StartCourse', 'EnrolAssociation', 'HoldCourseSession', 'CompleteCourse']);
  });

  it('refuses a fact dated after the service clock', () => {
    spec
      .given([])
      .when({ ...design(), context: testContext({ occurredAt: '2010-05-01T10:00:01.000Z' }) })
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });

  describe('DesignCourse', () => {
    it('designs a course', () => {
      spec.given([]).when(design()).then([designed]);
    });

    it('designs a course only once', () => {
      spec.given([designed]).when(design()).thenFails('already-exists', 'already-exists');
    });

    it('requires a title', () => {
      spec.given([]).when(design({ title: '  ' })).thenFails('rule', 'title-required', 'title');
    });

    it('refuses an unknown housing area', () => {
      spec
        .given([])
        .when(design({ housingArea: 'atlantis' as HousingArea }))
        .thenFails('rule', 'unknown-housing-area', 'housingArea');
    });

    it.each([[[]], [undefined]])('requires at least one module, given %p', (modules) => {
      spec
        .given([])
        .when(design({ modules: modules as unknown as CourseModule[] }))
        .thenFails('rule', 'modules-required', 'modules');
    });

    it('stores the title without surrounding spaces', () => {
      spec
        .given([])
        .when(design({ title: '  Medborgerskab i foreningen ' }))
        .then([designed]);
    });

    it('refuses an unknown module', () => {
      spec
        .given([])
        .when(design({ modules: ['rights', 'juggling' as CourseModule] }))
        .thenFails('rule', 'unknown-module', 'modules[1]');
    });

    it('refuses a module listed twice', () => {
      spec
        .given([])
        .when(design({ modules: ['rights', 'duties', 'rights'] }))
        .thenFails('rule', 'duplicate-module', 'modules[2]');
    });

    it.each([0, 101, 2.5, -1])('refuses %p planned sessions', (plannedSessions) => {
      spec.given([]).when(design({ plannedSessions })).thenFails('rule', 'planned-sessions-out-of-range', 'plannedSessions');
    });

    it.each([1, 100])('accepts %p planned sessions', (plannedSessions) => {
      spec
        .given([])
        .when(design({ plannedSessions }))
        .then([{ type: 'CourseDesigned', data: { ...designData, plannedSessions } }]);
    });
  });

  describe('StartCourse', () => {
    it('starts a designed course', () => {
      spec.given([designed]).when(start()).then([started]);
    });

    it('cannot start a course that was never designed', () => {
      spec.given([]).when(start()).thenFails('not-found', 'not-found');
    });

    it('starts a course only once', () => {
      spec.given([designed, started]).when(start()).thenFails('rule', 'course-already-started');
    });

    it('cannot restart a completed course', () => {
      spec.given([...running, sessionHeld(1), completed]).when(start()).thenFails('rule', 'course-completed');
    });
  });

  describe('EnrolAssociation', () => {
    it('enrols an association before the start', () => {
      spec.given([designed]).when(enrol()).then([enrolled('a-1', ['p-1', 'p-2'])]);
    });

    it('enrols an association into a running course', () => {
      spec
        .given(running)
        .when(enrol({ associationId: 'a-2', representativeIds: ['p-3'] }))
        .then([enrolled('a-2', ['p-3'])]);
    });

    it('cannot enrol into a course that was never designed', () => {
      spec.given([]).when(enrol()).thenFails('not-found', 'not-found');
    });

    it('cannot enrol into a completed course', () => {
      spec
        .given([...running, sessionHeld(1), completed])
        .when(enrol({ associationId: 'a-2', representativeIds: ['p-3'] }))
        .thenFails('rule', 'course-completed');
    });

    it('enrols an association only once', () => {
      spec
        .given([designed, enrolled('a-1', ['p-1'])])
        .when(enrol({ representativeIds: ['p-9'] }))
        .thenFails('rule', 'already-enrolled', 'associationId');
    });

    it.each([[[]], [undefined]])('requires at least one representative, given %p', (representativeIds) => {
      spec
        .given([designed])
        .when(enrol({ representativeIds: representativeIds as unknown as string[] }))
        .thenFails('rule', 'representatives-required', 'representativeIds');
    });

    it('refuses a representative listed twice', () => {
      spec
        .given([designed])
        .when(enrol({ representativeIds: ['p-1', 'p-2', 'p-1'] }))
        .thenFails('rule', 'duplicate-representative', 'representativeIds[2]');
    });

    it('refuses a representative already enrolled for another association', () => {
      spec
        .given([designed, enrolled('a-1', ['p-1', 'p-2'])])
        .when(enrol({ associationId: 'a-2', representativeIds: ['p-3', 'p-2'] }))
        .thenFails('rule', 'representative-enrolled-elsewhere', 'representativeIds[1]');
    });
  });

  describe('HoldCourseSession', () => {
    it('records a session of a running course', () => {
      spec
        .given(running)
        .when(holdSession({ attendeeIds: ['p-1', 'p-2'] }))
        .then([sessionHeld(1, ['p-1', 'p-2'])]);
    });

    it('allows sessions beyond the plan and out of order', () => {
      spec
        .given([...running, sessionHeld(1)])
        .when(holdSession({ sessionNumber: 9, module: 'rights' }))
        .then([{ type: 'CourseSessionHeld', data: { courseId, sessionNumber: 9, module: 'rights', attendeeIds: ['p-1'] } }]);
    });

    it('cannot hold a session of a course that was never designed', () => {
      spec.given([]).when(holdSession()).thenFails('not-found', 'not-found');
    });

    it('requires the course to have started', () => {
      spec
        .given([designed, enrolled('a-1', ['p-1'])])
        .when(holdSession())
        .thenFails('rule', 'course-not-started');
    });

    it('cannot hold a session after completion', () => {
      spec
        .given([...running, sessionHeld(1), completed])
        .when(holdSession({ sessionNumber: 2 }))
        .thenFails('rule', 'course-completed');
    });

    it.each([0, -1, 1.5])('refuses session number %p', (sessionNumber) => {
      spec.given(running).when(holdSession({ sessionNumber })).thenFails('rule', 'invalid-session-number', 'sessionNumber');
    });

    it('holds each session number once', () => {
      spec
        .given([...running, sessionHeld(1)])
        .when(holdSession())
        .thenFails('rule', 'session-already-held', 'sessionNumber');
    });

    it("requires one of the course's modules", () => {
      spec.given(running).when(holdSession({ module: 'fundraising' })).thenFails('rule', 'module-not-in-course', 'module');
    });

    it.each([[[]], [undefined]])('requires at least one attendee, given %p', (attendeeIds) => {
      spec
        .given(running)
        .when(holdSession({ attendeeIds: attendeeIds as unknown as string[] }))
        .thenFails('rule', 'attendees-required', 'attendeeIds');
    });

    it('refuses an attendee listed twice', () => {
      spec
        .given(running)
        .when(holdSession({ attendeeIds: ['p-2', 'p-2'] }))
        .thenFails('rule', 'duplicate-attendee', 'attendeeIds[1]');
    });

    it('refuses an attendee who is not an enrolled representative', () => {
      spec
        .given(running)
        .when(holdSession({ attendeeIds: ['p-1', 'p-7'] }))
        .thenFails('rule', 'not-enrolled', 'attendeeIds[1]');
    });
  });

  describe('CompleteCourse', () => {
    it('completes a course with its completing associations', () => {
      spec
        .given([...running, sessionHeld(1)])
        .when(complete(['a-1']))
        .then([{ type: 'CourseCompleted', data: { courseId, completedAssociationIds: ['a-1'] } }]);
    });

    it('allows a course to end with no association completing it', () => {
      spec
        .given([...running, sessionHeld(1)])
        .when(complete([]))
        .then([{ type: 'CourseCompleted', data: { courseId, completedAssociationIds: [] } }]);
    });

    it('cannot complete a course that was never designed', () => {
      spec.given([]).when(complete()).thenFails('not-found', 'not-found');
    });

    it('requires the course to have started', () => {
      spec.given([designed, enrolled('a-1', ['p-1'])]).when(complete()).thenFails('rule', 'course-not-started');
    });

    it('requires at least one session held', () => {
      spec.given(running).when(complete()).thenFails('rule', 'no-sessions-held');
    });

    it('completes a course only once', () => {
      spec
        .given([...running, sessionHeld(1), completed])
        .when(complete())
        .thenFails('rule', 'course-already-completed');
    });

    it('refuses an association listed twice', () => {
      spec
        .given([...running, sessionHeld(1)])
        .when(complete(['a-1', 'a-1']))
        .thenFails('rule', 'duplicate-association', 'completedAssociationIds[1]');
    });

    it('refuses an association that was not enrolled', () => {
      spec
        .given([...running, sessionHeld(1)])
        .when(complete(['a-1', 'a-2']))
        .thenFails('rule', 'association-not-enrolled', 'completedAssociationIds[1]');
    });
  });
});
