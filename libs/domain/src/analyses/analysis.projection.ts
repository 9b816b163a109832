import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { indicatorFeature } from '../indicators/indicator-feature';
import { IndicatorFact } from '../indicators/indicator-facts';
import { AnalysisEvent } from './analysis.events';

const analysisProjection = recordProjection<AnalysisEvent>('analyses', {
  GoodPracticeAnalysisCompleted: (data) => [data.analysisId],
});

const analysisFacts = (doc: RecordDocument<AnalysisEvent>): IndicatorFact[] =>
  recordsOf(doc, 'GoodPracticeAnalysisCompleted').map(({ at, data }) => ({
    indicator: 'ACT-GOOD-PRACTICE-ANALYSES',
    at,
    numerator: 1,
    subjects: 0,
    dims: { housingArea: data.housingArea },
  }));

export const analysisFeature = indicatorFeature({ projection: analysisProjection, indicators: ['ACT-GOOD-PRACTICE-ANALYSES'], facts: analysisFacts });
