import { analysisFacts, analysisProjection } from '../analyses/analysis.projection';
import { associationFacts, associationProjection } from '../associations/association.projection';
import { ProjectionDocument, ReadModelDefinition } from '../core/projection';
import { RecordDocument } from '../core/record-projection';
import { courseFacts, courseProjection, representativeFacts, representativeProjection } from '../courses/course.projection';
import { evaluationFacts, evaluationProjection } from '../evaluation/evaluation.projection';
import { forumFacts, forumProjection } from '../forums/forum.projection';
import { networkFacts, networkProjection } from '../network/network.projection';
import { resourceFacts, resourceProjection } from '../resources/resource.projection';
import { seminarFacts, seminarProjection } from '../seminars/seminar.projection';
import { staffFacts, staffProjection } from '../staff/staff.projection';
import { workshopFacts, workshopProjection } from '../workshops/workshop.projection';
import { IndicatorFact, indicatorContributions } from './indicator-facts';
import { ProgrammeCalendar } from './periods';

export const INDICATOR_CELLS = 'indicator_cells';

const factsByCollection: Readonly<Record<string, (doc: RecordDocument) => IndicatorFact[]>> = {
  [associationProjection.collection]: associationFacts,
  [staffProjection.collection]: staffFacts,
  [courseProjection.collection]: courseFacts,
  [representativeProjection.collection]: representativeFacts,
  [workshopProjection.collection]: workshopFacts,
  [seminarProjection.collection]: seminarFacts,
  [networkProjection.collection]: networkFacts,
  [forumProjection.collection]: forumFacts,
  [resourceProjection.collection]: resourceFacts,
  [analysisProjection.collection]: analysisFacts,
  [evaluationProjection.collection]: evaluationFacts,
};

/** The facts one document gives about the indicators. */
export const indicatorFactsOf = (collection: string, doc: ProjectionDocument): IndicatorFact[] =>
  factsByCollection[collection]?.(doc as RecordDocument) ?? [];

/**
 * The programme read model: one document per association, staff member, course, workshop, ...
 * and the indicator cells summed from their facts. Bump the version when a projection or an
 * indicator definition changes; the new version is built beside the live one.
 */
export const programmeReadModel = (calendar: ProgrammeCalendar): ReadModelDefinition => ({
  name: 'programme',
  version: 2,
  projections: [
    associationProjection,
    staffProjection,
    courseProjection,
    representativeProjection,
    workshopProjection,
    seminarProjection,
    networkProjection,
    forumProjection,
    resourceProjection,
    analysisProjection,
    evaluationProjection,
  ],
  aggregation: {
    collection: INDICATOR_CELLS,
    contributions: (collection, doc) => indicatorContributions(indicatorFactsOf(collection, doc), calendar),
  },
});
