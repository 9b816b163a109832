import { programmeIndicatorFeatures } from '../programme';
import { ProjectionDocument, ReadModelDefinition } from '../core/projection';
import { RecordDocument } from '../core/record-projection';
import { IndicatorFeature } from './indicator-feature';
import { INDICATOR_SUMS, IndicatorFact, indicatorParts } from './indicator-facts';
import { ProgrammeCalendar } from './periods';

export const INDICATOR_CELLS = 'indicator_cells';

/** The features of the programme read model, each with its projection and the facts of its documents. */
export const programmeFeatures: readonly IndicatorFeature[] = programmeIndicatorFeatures;

type EventsOf<F> = F extends IndicatorFeature<infer E> ? E : never;

/** Every event the programme read model reads. */
export type ProgrammeEvent = EventsOf<(typeof programmeIndicatorFeatures)[number]>;

const featureByCollection = new Map(programmeFeatures.map((feature) => [feature.projection.collection, feature]));

/** The facts one document gives about the indicators. */
export const indicatorFactsOf = (collection: string, doc: ProjectionDocument): IndicatorFact[] =>
  featureByCollection.get(collection)?.facts(doc as RecordDocument) ?? [];

/**
 * The programme read model: one document per association, staff member, course, workshop, ...
 * and the indicator cells summed from their facts. Bump the version when a projection or an
 * indicator definition changes; the new version is built beside the live one.
 */
export const programmeReadModel = (calendar: ProgrammeCalendar): ReadModelDefinition => ({
  name: 'programme',
  version: 4,
  projections: programmeFeatures.map((feature) => feature.projection),
  aggregation: {
    collection: INDICATOR_CELLS,
    ...INDICATOR_SUMS,
    parts: (collection, doc) => indicatorParts(indicatorFactsOf(collection, doc), calendar),
    source: { module: __filename, factory: 'programmeReadModel', args: [calendar] },
  },
});
