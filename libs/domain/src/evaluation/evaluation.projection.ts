import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { IndicatorFact } from '../indicators/indicator-facts';
import { EvaluationMilestoneReached } from './evaluation.events';

export const evaluationProjection = recordProjection('milestones', {
  EvaluationMilestoneReached: (data) => [data.milestoneId],
});

export const evaluationFacts = (doc: RecordDocument): IndicatorFact[] =>
  recordsOf<EvaluationMilestoneReached['data']>(doc, 'EvaluationMilestoneReached').map(({ at, data }) => ({
    indicator: 'ACT-EVALUATION-MILESTONES',
    at,
    numerator: 1,
    units: 0,
    dims: { milestone: data.milestone },
  }));
