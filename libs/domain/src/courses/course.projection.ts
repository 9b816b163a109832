import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { IndicatorFact } from '../indicators/indicator-facts';
import { CourseDesigned, CourseSessionHeld } from './course.events';

export const courseProjection = recordProjection('courses', {
  CourseDesigned: (data) => [data.courseId],
  CourseStarted: (data) => [data.courseId],
  AssociationEnrolled: (data) => [data.courseId],
  CourseSessionHeld: (data) => [data.courseId],
  CourseCompleted: (data) => [data.courseId],
});

export const courseFacts = (doc: RecordDocument): IndicatorFact[] =>
  recordsOf<CourseDesigned['data']>(doc, 'CourseDesigned').map((design) => ({
    indicator: 'ACT-COURSES-DESIGNED',
    at: design.at,
    numerator: 1,
    units: 0,
    dims: { housingArea: design.data.housingArea, courseModule: design.data.modules },
  }));

/** One document per (pseudonymous) representative: the course sessions they attended. */
export const representativeProjection = recordProjection('representatives', {
  CourseSessionHeld: (data) => data.attendeeIds,
});

export const representativeFacts = (doc: RecordDocument): IndicatorFact[] =>
  recordsOf<CourseSessionHeld['data']>(doc, 'CourseSessionHeld').map((session) => ({
    indicator: 'PRD-REPRESENTATIVES-TRAINED',
    at: session.at,
    numerator: 1,
    units: 1,
    dims: { courseModule: session.data.module },
  }));
