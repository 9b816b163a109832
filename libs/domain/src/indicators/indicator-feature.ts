import { DomainEvent } from '../core/event';
import { Projection } from '../core/projection';
import { RecordDocument } from '../core/record-projection';
import { IndicatorCode } from './indicator-catalogue';
import { IndicatorFact } from './indicator-facts';

/**
 * A feature's part of the programme read model: a record projection of the feature's event union
 * `E`, the indicators it gives evidence for, and the facts one of its documents gives about them.
 * They are declared together, so the read model cannot list a projection without its facts.
 */
export interface IndicatorFeature<E extends DomainEvent = DomainEvent> {
  readonly projection: Projection<RecordDocument<E>>;
  readonly indicators: readonly IndicatorCode[];
  /** A method, so a feature of its own event union is a feature of the programme. */
  facts(doc: RecordDocument<E>): IndicatorFact[];
}

/** Declares a feature; the facts read documents of the projection's event union. */
export const indicatorFeature = <E extends DomainEvent>(feature: IndicatorFeature<E>): IndicatorFeature<E> => feature;
