import {
  INDICATOR_CELLS,
  IndicatorCell,
  IndicatorDefinition,
  IndicatorView,
  PeriodType,
  TOTAL,
  indicatorCatalogue,
  indicatorView,
  suppressionSpansPeriods,
} from '@toc/domain';
import { collectionIn } from './projection-engine';
import { ReadModelStore } from './read-model-store.port';

export interface IndicatorQuery {
  readonly periodType: PeriodType;
  readonly period: string;
  /** Only these indicators (all when absent). */
  readonly codes?: readonly string[];
}

/** The catalogue's indicators a query asks for. */
const queriedIndicators = (query: IndicatorQuery): IndicatorDefinition[] =>
  indicatorCatalogue.filter((definition) => !query.codes || query.codes.includes(definition.code));

/**
 * The queried indicators whose small-cell decisions for one period depend on their other periods
 * (a year minus its shown quarters): every source reads all of their cells, so that a period gets
 * the same withheld cells whichever period, endpoint or moment it was asked for with.
 */
export const periodSpanningIndicators = (query: IndicatorQuery): Set<string> =>
  new Set(queriedIndicators(query).filter(suppressionSpansPeriods).map((definition) => definition.code));

/** Indicator values of one period from a build of the programme read model, small cells withheld. */
export const queryIndicators = async (store: ReadModelStore, namespace: string, query: IndicatorQuery, minCellSize: number): Promise<IndicatorView[]> => {
  const collection = collectionIn(namespace, INDICATOR_CELLS);
  const spanning = periodSpanningIndicators(query);
  const [inPeriod, ...wholeIndicators] = await Promise.all([
    store.find(collection, { where: { periodType: query.periodType, period: query.period } }),
    ...[...spanning].map((indicator) => store.find(collection, { where: { indicator } })),
  ]);
  const cells = [...inPeriod.filter(({ doc }) => !spanning.has(doc.indicator as string)), ...wholeIndicators.flat()];
  return indicatorViews(
    cells.map(({ doc }) => doc as unknown as IndicatorCell),
    query,
    minCellSize,
  );
};

/**
 * The queried indicators of the period over the given cells: the period's and, for the indicators
 * whose suppression spans periods, every period's. This is where every source (live read model,
 * replay index, full replay) turns cells into views, so API, CSV, report and replay withhold alike.
 */
export const indicatorViews = (cells: readonly IndicatorCell[], query: IndicatorQuery, minCellSize: number): IndicatorView[] => {
  const byIndicator = new Map<string, IndicatorCell[]>();
  for (const cell of cells) {
    const list = byIndicator.get(cell.indicator);
    if (list) list.push(cell);
    else byIndicator.set(cell.indicator, [cell]);
  }
  return queriedIndicators(query).map((definition) =>
    indicatorView(definition, query.periodType, query.period, byIndicator.get(definition.code) ?? [], minCellSize),
  );
};

/** The periods of a type that have any indicator value, oldest first. */
export const periodsWithValues = async (store: ReadModelStore, namespace: string, periodType: PeriodType): Promise<string[]> => {
  const totals = await store.find(collectionIn(namespace, INDICATOR_CELLS), { where: { periodType, dimension: TOTAL } });
  return [...new Set(totals.map(({ doc }) => doc.period as string))].sort();
};
