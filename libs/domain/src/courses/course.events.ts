import { DomainEvent } from '../core/event';
import { CourseModule, HousingArea } from '../model/reference-data';

/** Stream `course-<courseId>`: a capacity-building course for associations. */
export type CourseDesigned = DomainEvent<
  'CourseDesigned',
  {
    readonly courseId: string;
    readonly title: string;
    readonly housingArea: HousingArea;
    readonly modules: readonly CourseModule[];
    readonly plannedSessions: number;
  }
>;

export type CourseStarted = DomainEvent<'CourseStarted', { readonly courseId: string }>;

/** `representativeIds` are pseudonymous ids of the association's representatives. */
export type AssociationEnrolled = DomainEvent<
  'AssociationEnrolled',
  { readonly courseId: string; readonly associationId: string; readonly representativeIds: readonly string[] }
>;

export type CourseSessionHeld = DomainEvent<
  'CourseSessionHeld',
  {
    readonly courseId: string;
    readonly sessionNumber: number;
    readonly module: CourseModule;
    readonly attendeeIds: readonly string[];
  }
>;

/** Closes the course; lists the enrolled associations that completed it. */
export type CourseCompleted = DomainEvent<
  'CourseCompleted',
  { readonly courseId: string; readonly completedAssociationIds: readonly string[] }
>;

export type CourseEvent = CourseDesigned | CourseStarted | AssociationEnrolled | CourseSessionHeld | CourseCompleted;
