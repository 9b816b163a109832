import { Command } from '../core/command';
import { Decider } from '../core/decider';
import { alreadyExists, notFound, ruleBroken } from '../core/domain-error';
import { assertNotInFuture } from '../core/time';
import { CourseModule, courseModules, housingAreas } from '../model/reference-data';
import {
  AssociationEnrolled,
  CourseCompleted,
  CourseDesigned,
  CourseEvent,
  CourseSessionHeld,
  CourseStarted,
} from './course.events';
import { assertCode, trimmed } from '../core/input';

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

const MAX_PLANNED_SESSIONS = 100;

const duplicateIndex = (values: readonly unknown[]): number => values.findIndex((value, i) => values.indexOf(value) !== i);

const openCourse = (state: CourseState, courseId: string): Exclude<CourseState, { status: 'not-designed' }> =>
  state.status === 'not-designed' ? notFound(`course ${courseId}`) : state;

const designCourse = ({ data }: DesignCourse, state: CourseState): CourseEvent[] => {
  if (state.status !== 'not-designed') return alreadyExists(`course ${data.courseId}`);
  const title = trimmed(data.title);
  if (title === '') ruleBroken('title-required', `course ${data.courseId} needs a non-empty title`, 'title');
  assertCode('unknown-housing-area', housingAreas, data.housingArea, 'housingArea');
  if (!Array.isArray(data.modules) || data.modules.length === 0) {
    ruleBroken('modules-required', `course ${data.courseId} needs at least one module`, 'modules');
  }
  data.modules.forEach((module, i) => assertCode('unknown-module', courseModules, module, `modules[${i}]`));
  const duplicate = duplicateIndex(data.modules);
  if (duplicate >= 0) ruleBroken('duplicate-module', `module "${data.modules[duplicate]}" is listed twice`, `modules[${duplicate}]`);
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
  if (!Array.isArray(data.representativeIds) || data.representativeIds.length === 0) {
    ruleBroken('representatives-required', `association ${data.associationId} needs at least one representative`, 'representativeIds');
  }
  const duplicate = duplicateIndex(data.representativeIds);
  if (duplicate >= 0) {
    ruleBroken(
      'duplicate-representative',
      `representative ${data.representativeIds[duplicate]} is listed twice`,
      `representativeIds[${duplicate}]`,
    );
  }
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
  if (!Array.isArray(data.attendeeIds) || data.attendeeIds.length === 0) {
    ruleBroken('attendees-required', `session ${data.sessionNumber} needs at least one attendee`, 'attendeeIds');
  }
  const duplicate = duplicateIndex(data.attendeeIds);
  if (duplicate >= 0) {
    ruleBroken('duplicate-attendee', `attendee ${data.attendeeIds[duplicate]} is listed twice`, `attendeeIds[${duplicate}]`);
  }
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
  const duplicate = duplicateIndex(data.completedAssociationIds);
  if (duplicate >= 0) {
    ruleBroken(
      'duplicate-association',
      `association ${data.completedAssociationIds[duplicate]} is listed twice`,
      `completedAssociationIds[${duplicate}]`,
    );
  }
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
  assertNotInFuture(command.context);
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

export const courseDecider: Decider<CourseCommand, CourseEvent, CourseState> = {
  initialState: () => ({ status: 'not-designed' }),
  decide,
  evolve,
};
