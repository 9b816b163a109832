import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { indicatorFeature } from '../indicators/indicator-feature';
import { IndicatorFact } from '../indicators/indicator-facts';
import { WorkshopEvent } from './workshop.events';

const workshopProjection = recordProjection<WorkshopEvent>('workshops', {
  WorkshopHeld: (data) => [data.workshopId],
  WorkshopFeedbackRecorded: (data) => [data.workshopId],
});

const workshopFacts = (doc: RecordDocument<WorkshopEvent>): IndicatorFact[] => {
  const [held] = recordsOf(doc, 'WorkshopHeld');
  if (!held) return [];
  const { topic, housingArea } = held.data;
  return [
    { indicator: 'ACT-EVENTS-HELD', at: held.at, numerator: 1, subjects: 0, dims: { format: 'workshop', housingArea } },
    // The same workshops as the events' `format: workshop` cell, by topic: the staff offer's four workshops.
    { indicator: 'PRD-WORKSHOPS-HELD', at: held.at, numerator: 1, subjects: 0, dims: { workshopTopic: topic, housingArea } },
    // Learning is reported in the period the workshop was held, whenever the feedback came in.
    ...recordsOf(doc, 'WorkshopFeedbackRecorded').map((feedback): IndicatorFact => ({
      indicator: 'PRD-WORKSHOP-LEARNING',
      at: held.at,
      numerator: feedback.data.learningScore,
      denominator: 1,
      subjects: 1,
      dims: { workshopTopic: topic, housingArea },
    })),
  ];
};

export const workshopFeature = indicatorFeature({
  projection: workshopProjection,
  indicators: ['ACT-EVENTS-HELD', 'PRD-WORKSHOPS-HELD', 'PRD-WORKSHOP-LEARNING'],
  facts: workshopFacts,
});
