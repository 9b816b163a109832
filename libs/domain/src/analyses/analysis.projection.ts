import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { IndicatorFact } from '../indicators/indicator-facts';
import { GoodPracticeAnalysisCompleted } from './analysis.events';

export const analysisProjection = recordProjection('analyses', {
  GoodPracticeAnalysisCompleted: (data) => [data.analysisId],
});

export const analysisFacts = (doc: RecordDocument): IndicatorFact[] =>
  recordsOf<GoodPracticeAnalysisCompleted['data']>(doc, 'GoodPracticeAnalysisCompleted').map(({ at, data }) => ({
    indicator: 'ACT-GOOD-PRACTICE-ANALYSES',
    at,
    numerator: 1,
    units: 0,
    dims: { housingArea: data.housingArea },
  }));
