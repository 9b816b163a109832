import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { indicatorFeature } from '../indicators/indicator-feature';
import { IndicatorFact } from '../indicators/indicator-facts';
import { targetGroups } from '../model/reference-data';
import { SeminarEvent } from './seminar.events';

const seminarProjection = recordProjection<SeminarEvent>('seminars', {
  SeminarHeld: (data) => [data.seminarId],
});

const seminarFacts = (doc: RecordDocument<SeminarEvent>): IndicatorFact[] =>
  recordsOf(doc, 'SeminarHeld').flatMap(({ at, data }): IndicatorFact[] => [
    { indicator: 'ACT-EVENTS-HELD', at, numerator: 1, subjects: 0, dims: { format: data.format, housingArea: data.housingArea } },
    { indicator: 'PRD-CROSS-GROUP-SEMINARS', at, numerator: 1, subjects: 0, dims: { format: data.format, housingArea: data.housingArea } },
    ...targetGroups.map((group): IndicatorFact => ({
      indicator: 'PRD-CROSS-GROUP-PARTICIPANTS',
      at,
      numerator: data.participantsByTargetGroup[group],
      subjects: 0,
      dims: { targetGroup: group, housingArea: data.housingArea },
    })),
  ]);

export const seminarFeature = indicatorFeature({
  projection: seminarProjection,
  indicators: ['ACT-EVENTS-HELD', 'PRD-CROSS-GROUP-SEMINARS', 'PRD-CROSS-GROUP-PARTICIPANTS'],
  facts: seminarFacts,
});
