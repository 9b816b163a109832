import {
  INDICATOR_CELLS,
  IndicatorCell,
  IndicatorView,
  PeriodType,
  TOTAL,
  indicatorCatalogue,
  indicatorView,
} from '@toc/domain';
import { collectionIn } from './projection-engine';
import { ReadModelStore } from './read-model-store.port';

export interface IndicatorQuery {
  readonly periodType: PeriodType;
  readonly period: string;
  /** Only these indicators (all when absent). */
  readonly codes?: readonly string[];
}

/** Indicator values of one period from a build of the programme read model, small cells withheld. */
export const queryIndicators = async (store: ReadModelStore, namespace: string, query: IndicatorQuery): Promise<IndicatorView[]> => {
  const stored = await store.find(collectionIn(namespace, INDICATOR_CELLS), { where: { periodType: query.periodType, period: query.period } });
  return indicatorViews(
    stored.map(({ doc }) => doc as unknown as IndicatorCell),
    query,
  );
};

/** The catalogue's indicators (or the queried ones) over the cells of one period. */
export const indicatorViews = (cells: readonly IndicatorCell[], query: IndicatorQuery): IndicatorView[] => {
  const byIndicator = new Map<string, IndicatorCell[]>();
  for (const cell of cells) byIndicator.set(cell.indicator, [...(byIndicator.get(cell.indicator) ?? []), cell]);
  return indicatorCatalogue
    .filter((definition) => !query.codes || query.codes.includes(definition.code))
    .map((definition) => indicatorView(definition, query.periodType, query.period, byIndicator.get(definition.code) ?? []));
};

/** The periods of a type that have any indicator value, oldest first. */
export const periodsWithValues = async (store: ReadModelStore, namespace: string, periodType: PeriodType): Promise<string[]> => {
  const totals = await store.find(collectionIn(namespace, INDICATOR_CELLS), { where: { periodType, dimension: TOTAL } });
  return [...new Set(totals.map(({ doc }) => doc.period as string))].sort();
};
