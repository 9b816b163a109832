import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { IndicatorFact } from '../indicators/indicator-facts';
import { targetGroups } from '../model/reference-data';
import { SeminarHeld } from './seminar.events';

export const seminarProjection = recordProjection('seminars', {
  SeminarHeld: (data) => [data.seminarId],
});

export const seminarFacts = (doc: RecordDocument): IndicatorFact[] =>
  recordsOf<SeminarHeld['data']>(doc, 'SeminarHeld').flatMap(({ at, data }) => [
    { indicator: 'ACT-EVENTS-HELD', at, numerator: 1, units: 0, dims: { format: data.format, housingArea: data.housingArea } },
    { indicator: 'PRD-CROSS-GROUP-SEMINARS', at, numerator: 1, units: 0, dims: { format: data.format, housingArea: data.housingArea } },
    ...targetGroups.map((group) => ({
      indicator: 'PRD-CROSS-GROUP-PARTICIPANTS',
      at,
      numerator: data.participantsByTargetGroup[group],
      units: 0,
      dims: { targetGroup: group, housingArea: data.housingArea },
    })),
  ]);
