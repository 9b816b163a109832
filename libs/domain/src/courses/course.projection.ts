import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { IndicatorCode } from '../indicators/indicator-catalogue';
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

/** A course's design, start and completion, each counted where the design puts the course (its area and modules). */
const courseFacts = (doc: RecordDocument<CourseEvent>): IndicatorFact[] => {
  const [design] = recordsOf(doc, 'CourseDesigned');
  if (!design) return [];
  const dims = { housingArea: design.data.housingArea, courseModule: design.data.modules };
  const occurrences = (indicator: IndicatorCode, records: readonly { at: string }[]) =>
    records.map(({ at }): IndicatorFact => ({ indicator, at, numerator: 1, subjects: 0, dims }));
  return [
    ...occurrences('ACT-COURSES-DESIGNED', [design]),
    ...occurrences('PRD-COURSES-STARTED', recordsOf(doc, 'CourseStarted')),
    ...occurrences('PRD-COURSES-COMPLETED', recordsOf(doc, 'CourseCompleted')),
  ];
};

export const courseFeature = indicatorFeature({
  projection: courseProjection,
  indicators: ['ACT-COURSES-DESIGNED', 'PRD-COURSES-STARTED', 'PRD-COURSES-COMPLETED'],
  facts: courseFacts,
});

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
