import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { indicatorFeature } from '../indicators/indicator-feature';
import { IndicatorFact } from '../indicators/indicator-facts';
import { CourseEvent, CourseSessionHeld } from './course.events';

const courseProjection = recordProjection<CourseEvent>('courses', {
  CourseDesigned: (data) => [data.courseId],
  CourseStarted: (data) => [data.courseId],
  AssociationEnrolled: (data) => [data.courseId],
  CourseSessionHeld: (data) => [data.courseId],
  CourseCompleted: (data) => [data.courseId],
});

const courseFacts = (doc: RecordDocument<CourseEvent>): IndicatorFact[] =>
  recordsOf(doc, 'CourseDesigned').map((design) => ({
    indicator: 'ACT-COURSES-DESIGNED',
    at: design.at,
    numerator: 1,
    subjects: 0,
    dims: { housingArea: design.data.housingArea, courseModule: design.data.modules },
  }));

export const courseFeature = indicatorFeature({ projection: courseProjection, indicators: ['ACT-COURSES-DESIGNED'], facts: courseFacts });

/** One document per (pseudonymous) representative: the course sessions they attended. */
const representativeProjection = recordProjection<CourseSessionHeld>('representatives', {
  CourseSessionHeld: (data) => data.attendeeIds,
});

const representativeFacts = (doc: RecordDocument<CourseSessionHeld>): IndicatorFact[] =>
  recordsOf(doc, 'CourseSessionHeld').map((session) => ({
    indicator: 'PRD-REPRESENTATIVES-TRAINED',
    at: session.at,
    numerator: 1,
    subjects: 1,
    dims: { courseModule: session.data.module },
  }));

export const representativeFeature = indicatorFeature({
  projection: representativeProjection,
  indicators: ['PRD-REPRESENTATIVES-TRAINED'],
  facts: representativeFacts,
});
