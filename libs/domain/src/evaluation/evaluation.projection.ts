import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { indicatorFeature } from '../indicators/indicator-feature';
import { IndicatorFact } from '../indicators/indicator-facts';
import { EvaluationEvent } from './evaluation.events';

const evaluationProjection = recordProjection<EvaluationEvent>('milestones', {
  EvaluationMilestoneReached: (data) => [data.milestoneId],
});

const evaluationFacts = (doc: RecordDocument<EvaluationEvent>): IndicatorFact[] =>
  recordsOf(doc, 'EvaluationMilestoneReached').map(({ at, data }) => ({
    indicator: 'ACT-EVALUATION-MILESTONES',
    at,
    numerator: 1,
    subjects: 0,
    dims: { milestone: data.milestone },
  }));

export const evaluationFeature = indicatorFeature({ projection: evaluationProjection, indicators: ['ACT-EVALUATION-MILESTONES'], facts: evaluationFacts });
