import { DomainEvent } from '../core/event';
import { HousingArea } from '../model/reference-data';

/** Stream `analysis-<analysisId>`: the good-practice analysis of citizen involvement in an area. */
export type GoodPracticeAnalysisCompleted = DomainEvent<
  'GoodPracticeAnalysisCompleted',
  {
    readonly analysisId: string;
    readonly housingArea: HousingArea;
    readonly practicesIdentified: number;
    readonly summary: string;
  }
>;

export type AnalysisEvent = GoodPracticeAnalysisCompleted;
