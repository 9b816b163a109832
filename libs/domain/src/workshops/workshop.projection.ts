import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { IndicatorFact } from '../indicators/indicator-facts';
import { WorkshopFeedbackRecorded, WorkshopHeld } from './workshop.events';

export const workshopProjection = recordProjection('workshops', {
  WorkshopHeld: (data) => [data.workshopId],
  WorkshopFeedbackRecorded: (data) => [data.workshopId],
});

export const workshopFacts = (doc: RecordDocument): IndicatorFact[] => {
  const [held] = recordsOf<WorkshopHeld['data']>(doc, 'WorkshopHeld');
  if (!held) return [];
  const { topic, housingArea } = held.data;
  return [
    { indicator: 'ACT-EVENTS-HELD', at: held.at, numerator: 1, units: 0, dims: { format: 'workshop', housingArea } },
    // Learning is reported in the period the workshop was held, whenever the feedback came in.
    ...recordsOf<WorkshopFeedbackRecorded['data']>(doc, 'WorkshopFeedbackRecorded').map((feedback) => ({
      indicator: 'PRD-WORKSHOP-LEARNING',
      at: held.at,
      numerator: feedback.data.learningScore,
      denominator: 1,
      units: 1,
      dims: { workshopTopic: topic, housingArea },
    })),
  ];
};
