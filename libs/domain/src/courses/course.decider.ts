import { Command } from '../core/command';
import { defineDecider } from '../core/decider';
import { alreadyExists, notFound, ruleBroken } from '../core/domain-error';
import { CourseModule, courseModules, housingAreas } from '../model/reference-data';
import {
  AssociationEnrolled,
  CourseCompleted,
  CourseDesigned,
  CourseEvent,
  CourseSessionHeld,
  CourseStarted,
} from './course.events';
import { assertCode, assertNoRepeats, assertNotEmpty, requiredText } from '../core/input';

export type DesignCourse = Command<'DesignCourse', CourseDesigned['data']>;
export type StartCourse = Command<'StartCourse', CourseStarted['data']>;
export type EnrolAssociation = Command<'EnrolAssociation', AssociationEnrolled['data']>;
export type HoldCourseSession = Command<'HoldCourseSession', CourseSessionHeld['data']>;
export type CompleteCourse = Command<'CompleteCourse', CourseCompleted['data']>;

export type CourseCommand = DesignCourse | StartCourse | EnrolAssociation | HoldCourseSession | CompleteCourse;

export const courseCommandTypes = [
  'DesignCourse',
  'StartCourse',
  'EnrolAssociation',
  'HoldCourseSession',
  'CompleteCourse',
] as const satisfies readonly CourseCommand['type'][];

/** What enrolment and attendance rules need to know about an open course. */
interface OpenCourse {
  readonly modules: readonly CourseModule[];
  readonly enrolledAssociationIds: ReadonlySet<string>;
  /** Representative id -> the association it was enrolled for. */
  readonly representatives: ReadonlyMap<string, string>;
  readonly sessionsHeld: ReadonlySet<number>;
}

export type CourseState =
  | { readonly status: 'not-designed' }
  | ({ readonly status: 'designed' } & OpenCourse)
  | ({ readonly status: 'running' } & OpenCourse)
  | { readonly status: 'completed' };

/** The most sessions a course may plan; the API refuses more before the decider sees them. */
export const MAX_PLANNED_SESSIONS = 100;

const openCourse = (state: CourseState, courseId: string): Exclude<CourseState, { status: 'not-designed' }> =>
  state.status === 'not-designed' ? notFound(`course ${courseId}`) : state;

const designCourse = ({ data }: DesignCourse, state: CourseState): CourseEvent[] => {
  if (state.status !== 'not-designed') return alreadyExists(`course ${data.courseId}`);
  const title = requiredText('title-required', data.title, 'title', `course ${data.courseId} needs a non-empty title`);
  assertCode('unknown-housing-area', housingAreas, data.housingArea, 'housingArea');
  assertNotEmpty('modules-required', data.modules, 'modules', `course ${data.courseId} needs at least one module`);
  data.modules.forEach((module, i) => assertCode('unknown-module', courseModules, module, `modules[${i}]`));
  assertNoRepeats('duplicate-module', data.modules, 'modules', (module) => `module "${module}"`);
  if (!Number.isInteger(data.plannedSessions) || data.plannedSessions < 1 || data.plannedSessions > MAX_PLANNED_SESSIONS) {
    ruleBroken(
      'planned-sessions-out-of-range',
      `plannedSessions ${data.plannedSessions} is not a whole number from 1 to ${MAX_PLANNED_SESSIONS}`,
      'plannedSessions',
    );
  }
  return [
    {
      type: 'CourseDesigned',
      data: {
        courseId: data.courseId,
        title,
        housingArea: data.housingArea,
        modules: [...data.modules],
        plannedSessions: data.plannedSessions,
      },
    },
  ];
};

const startCourse = ({ data }: StartCourse, state: CourseState): CourseEvent[] => {
  const course = openCourse(state, data.courseId);
  if (course.status === 'completed') return ruleBroken('course-completed', `course ${data.courseId} is already completed`);
  if (course.status === 'running') ruleBroken('course-already-started', `course ${data.courseId} has already started`);
  return [{ type: 'CourseStarted', data: { courseId: data.courseId } }];
};

const enrolAssociation = ({ data }: EnrolAssociation, state: CourseState): CourseEvent[] => {
  const course = openCourse(state, data.courseId);
  if (course.status === 'completed') return ruleBroken('course-completed', `course ${data.courseId} is already completed`);
  if (course.enrolledAssociationIds.has(data.associationId)) {
    ruleBroken('already-enrolled', `association ${data.associationId} is already enrolled in course ${data.courseId}`, 'associationId');
  }
  const needsRepresentative = `association ${data.associationId} needs at least one representative`;
  assertNotEmpty('representatives-required', data.representativeIds, 'representativeIds', needsRepresentative);
  assertNoRepeats('duplicate-representative', data.representativeIds, 'representativeIds', (id) => `representative ${id}`);
  // A person attends for one association, so attendance counts stay attributable to one association.
  data.representativeIds.forEach((representativeId, i) => {
    const other = course.representatives.get(representativeId);
    if (other !== undefined) {
      ruleBroken(
        'representative-enrolled-elsewhere',
        `representative ${representativeId} is already enrolled for association ${other}`,
        `representativeIds[${i}]`,
      );
    }
  });
  return [
    {
      type: 'AssociationEnrolled',
      data: { courseId: data.courseId, associationId: data.associationId, representativeIds: [...data.representativeIds] },
    },
  ];
};

const holdCourseSession = ({ data }: HoldCourseSession, state: CourseState): CourseEvent[] => {
  const course = openCourse(state, data.courseId);
  if (course.status === 'completed') return ruleBroken('course-completed', `course ${data.courseId} is already completed`);
  if (course.status === 'designed') return ruleBroken('course-not-started', `course ${data.courseId} has not started yet`);
  // No upper bound from plannedSessions: the plan is a target, and an extra session is still delivery.
  if (!Number.isInteger(data.sessionNumber) || data.sessionNumber < 1) {
    ruleBroken('invalid-session-number', `sessionNumber ${data.sessionNumber} is not a positive whole number`, 'sessionNumber');
  }
  if (course.sessionsHeld.has(data.sessionNumber)) {
    ruleBroken('session-already-held', `session ${data.sessionNumber} of course ${data.courseId} is already held`, 'sessionNumber');
  }
  if (!course.modules.includes(data.module)) {
    ruleBroken('module-not-in-course', `module "${data.module}" is not one of the course's modules ${course.modules.join(', ')}`, 'module');
  }
  assertNotEmpty('attendees-required', data.attendeeIds, 'attendeeIds', `session ${data.sessionNumber} needs at least one attendee`);
  assertNoRepeats('duplicate-attendee', data.attendeeIds, 'attendeeIds', (id) => `attendee ${id}`);
  data.attendeeIds.forEach((attendeeId, i) => {
    if (!course.representatives.has(attendeeId)) {
      ruleBroken('not-enrolled', `attendee ${attendeeId} is not enrolled in course ${data.courseId}`, `attendeeIds[${i}]`);
    }
  });
  return [
    {
      type: 'CourseSessionHeld',
      data: { courseId: data.courseId, sessionNumber: data.sessionNumber, module: data.module, attendeeIds: [...data.attendeeIds] },
    },
  ];
};

const completeCourse = ({ data }: CompleteCourse, state: CourseState): CourseEvent[] => {
  const course = openCourse(state, data.courseId);
  if (course.status === 'completed') return ruleBroken('course-already-completed', `course ${data.courseId} is already completed`);
  if (course.status === 'designed') return ruleBroken('course-not-started', `course ${data.courseId} has not started yet`);
  if (course.sessionsHeld.size === 0) ruleBroken('no-sessions-held', `course ${data.courseId} has no session held yet`);
  // An empty list is allowed: a course can end with no association completing it, and that is evidence too.
  assertNoRepeats('duplicate-association', data.completedAssociationIds, 'completedAssociationIds', (id) => `association ${id}`);
  data.completedAssociationIds.forEach((associationId, i) => {
    if (!course.enrolledAssociationIds.has(associationId)) {
      ruleBroken(
        'association-not-enrolled',
        `association ${associationId} is not enrolled in course ${data.courseId}`,
        `completedAssociationIds[${i}]`,
      );
    }
  });
  return [{ type: 'CourseCompleted', data: { courseId: data.courseId, completedAssociationIds: [...data.completedAssociationIds] } }];
};

const decide = (command: CourseCommand, state: CourseState): CourseEvent[] => {
  switch (command.type) {
    case 'DesignCourse':
      return designCourse(command, state);
    case 'StartCourse':
      return startCourse(command, state);
    case 'EnrolAssociation':
      return enrolAssociation(command, state);
    case 'HoldCourseSession':
      return holdCourseSession(command, state);
    case 'CompleteCourse':
      return completeCourse(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown course command ${(unknown as Command).type}`);
    }
  }
};

// decide only lets valid histories through; an event whose predecessor was retracted leaves the state as is.
const evolve = (state: CourseState, event: CourseEvent): CourseState => {
  switch (event.type) {
    case 'CourseDesigned':
      return {
        status: 'designed',
        modules: event.data.modules,
        enrolledAssociationIds: new Set(),
        representatives: new Map(),
        sessionsHeld: new Set(),
      };
    case 'CourseStarted':
      return state.status === 'designed' ? { ...state, status: 'running' } : state;
    case 'AssociationEnrolled': {
      if (state.status !== 'designed' && state.status !== 'running') return state;
      const representatives = new Map(state.representatives);
      for (const id of event.data.representativeIds) representatives.set(id, event.data.associationId);
      return { ...state, enrolledAssociationIds: new Set(state.enrolledAssociationIds).add(event.data.associationId), representatives };
    }
    case 'CourseSessionHeld':
      return state.status === 'running' ? { ...state, sessionsHeld: new Set(state.sessionsHeld).add(event.data.sessionNumber) } : state;
    case 'CourseCompleted':
      return { status: 'completed' };
    default: {
      const unknown: never = event;
      throw new Error(`unknown course event ${(unknown as CourseEvent).type}`);
    }
  }
};

export const courseDecider = defineDecider<CourseCommand, CourseEvent, CourseState>({
  recordedBy: {
    CourseDesigned: 'DesignCourse',
    CourseStarted: 'StartCourse',
    AssociationEnrolled: 'EnrolAssociation',
    CourseSessionHeld: 'HoldCourseSession',
    CourseCompleted: 'CompleteCourse',
  },
  initialState: () => ({ status: 'not-designed' }),
  decide,
  evolve,
});
