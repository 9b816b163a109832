import { contextAt, deciderSpec } from '../testing/decider-specification';
import { courseDecider, CompleteCourse, HoldCourseSession, StartCourse } from './course.decider';
import { AssociationEnrolled, CourseDesigned, CourseEvent, CourseSessionHeld } from './course.events';

const spec = deciderSpec(courseDecider);
const courseId = 'c-1';

const designed: CourseDesigned = {
  type: 'CourseDesigned',
  data: { courseId, title: 'Medborgerskab i foreningen', housingArea: 'tingbjerg-husum', modules: ['citizenship', 'rights'], plannedSessions: 6 },
};
const started: CourseEvent = { type: 'CourseStarted', data: { courseId } };
const enrolled: AssociationEnrolled = { type: 'AssociationEnrolled', data: { courseId, associationId: 'a-1', representativeIds: ['p-1'] } };
const session = (sessionNumber: number): CourseSessionHeld => ({
  type: 'CourseSessionHeld',
  data: { courseId, sessionNumber, module: 'citizenship', attendeeIds: ['p-1'] },
});
const completed: CourseEvent = { type: 'CourseCompleted', data: { courseId, completedAssociationIds: ['a-1'] } };

const holdSession = (occurredAt: string, sessionNumber = 2): HoldCourseSession => ({ ...session(sessionNumber), type: 'HoldCourseSession', context: contextAt(occurredAt) });
const start = (occurredAt: string): StartCourse => ({ type: 'StartCourse', data: { courseId }, context: contextAt(occurredAt) });
const complete = (occurredAt: string): CompleteCourse => ({ type: 'CompleteCourse', data: completed.data as CompleteCourse['data'], context: contextAt(occurredAt) });

/** Designed in January, enrolled and started in February, a session in March, completed in June. */
const history = [
  ['2010-01-10T10:00:00Z', designed],
  ['2010-02-01T10:00:00Z', enrolled],
  ['2010-02-15T10:00:00Z', started],
  ['2010-03-01T10:00:00Z', session(1)],
  ['2010-06-30T10:00:00Z', completed],
] as const;

describe('course rules in business time', () => {
  it('given a course started in February, when a session of January arrives late, then it is refused: the course had not started', () => {
    spec.recorded(history).when(holdSession('2010-01-20T10:00:00Z')).thenFails('rule', 'course-not-started');
  });

  it('given a course completed in June, when a session of April arrives late, then it is recorded', () => {
    spec.recorded(history).when(holdSession('2010-04-12T10:00:00Z')).then([session(2)]);
  });

  it('given a course completed in June, when a session of July arrives, then it is refused: the course was completed', () => {
    spec.recorded(history).when(holdSession('2010-07-05T10:00:00Z')).thenFails('rule', 'course-completed');
  });

  it('given a course designed in January, when a start of the previous December arrives, then it is refused as before the first record', () => {
    spec.recorded(history).when(start('2009-12-01T10:00:00Z')).thenFails('rule', 'before-first-record', 'occurredAt');
  });

  it('given a course started in February, when a second start of January arrives, then it is refused: it would make the recorded start a second one', () => {
    spec.recorded(history).when(start('2010-01-20T10:00:00Z')).thenFails('rule', 'invalidates-record');
  });

  it('given sessions in March and April, when a completion of mid-March arrives, then it is refused: it would leave the April session after the end', () => {
    spec.recorded([...history.slice(0, 4), ['2010-04-12T10:00:00Z', session(2)]]).when(complete('2010-03-15T10:00:00Z')).thenFails('rule', 'invalidates-record');
  });

  it('given a course with a March session, when its start is corrected to April, then it is refused: the session would come before the start', () => {
    spec.recorded(history).whenCorrecting(2, start('2010-04-01T10:00:00Z')).thenFails('rule', 'invalidates-record');
  });

  it('given a course with a March session, when its start is corrected to an earlier day, then the replacement is recorded', () => {
    spec.recorded(history).whenCorrecting(2, start('2010-02-10T10:00:00Z')).then([started]);
  });

  it('given a course with a session, when its start is withdrawn, then it is refused: the session would belong to a course never started', () => {
    spec.recorded(history).whenWithdrawing(2).thenFails('rule', 'invalidates-record');
  });

  it('given a session whose course start was recorded after it with a later date, when a new session arrives, then the older inconsistency does not block it', () => {
    const legacy = [history[0], history[1], ['2010-02-20T10:00:00Z', session(1)], ['2010-03-01T10:00:00Z', started]] as const;
    spec.recorded(legacy).when(holdSession('2010-03-10T10:00:00Z')).then([session(2)]);
  });
});
