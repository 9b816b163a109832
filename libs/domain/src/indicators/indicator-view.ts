import { IndicatorDefinition, indicatorNodes } from './indicator-catalogue';
import { CellKey, TOTAL } from './indicator-facts';
import { PeriodType } from './periods';
import { CellSums, CellValue, suppressSmallCells } from './suppression';

/** An indicator cell as stored by the programme read model. */
export interface IndicatorCell extends CellKey {
  readonly sums: { readonly numerator: number; readonly denominator: number; readonly subjects: number };
}

export interface Progress {
  readonly baseline: number;
  readonly target: number;
  readonly direction: 'increase' | 'decrease';
  /** Share of the way from baseline to target (1 = target reached); null when not computable. */
  readonly achieved: number | null;
}

export interface IndicatorView {
  readonly code: IndicatorDefinition['code'];
  readonly node: string;
  /** Every node the indicator gives evidence for (its own node first). */
  readonly nodes: readonly string[];
  readonly name: IndicatorDefinition['name'];
  readonly unit: IndicatorDefinition['unit'];
  readonly aggregation: IndicatorDefinition['aggregation'];
  readonly periodType: PeriodType;
  readonly period: string;
  readonly total: CellValue;
  readonly breakdowns: Readonly<Record<string, readonly CellValue[]>>;
  readonly progress: Progress;
  /** How many cells of this view are withheld to protect small groups. */
  readonly suppressedCells: number;
}

const emptyTotal: CellSums = { dimension: TOTAL, value: '*', numerator: 0, denominator: 0, subjects: 0 };

export const progressOf = (definition: IndicatorDefinition, value: number | null): Progress => {
  const { baseline, target } = definition;
  const span = target.value - baseline.value;
  return {
    baseline: baseline.value,
    target: target.value,
    direction: target.direction,
    achieved: value === null || span === 0 ? null : (value - baseline.value) / span,
  };
};

/**
 * Sums of decimals depend on the order they were added in (live, rebuilt or replayed), by a
 * few units in the last place; rounding to nine decimals makes the paths show the same figure
 * (bar a sum that falls right on a rounding boundary).
 */
const settled = (value: number) => Math.round(value * 1e9) / 1e9;

/** One indicator for one period: total, breakdowns and progress, with small cells withheld. */
export const indicatorView = (
  definition: IndicatorDefinition,
  periodType: PeriodType,
  period: string,
  cells: readonly IndicatorCell[],
): IndicatorView => {
  const sums: CellSums[] = cells.map((cell) => ({
    dimension: cell.dimension,
    value: cell.value,
    numerator: settled(cell.sums.numerator),
    denominator: settled(cell.sums.denominator),
    subjects: settled(cell.sums.subjects),
  }));
  if (!sums.some((cell) => cell.dimension === TOTAL)) sums.push(emptyTotal);
  const values = suppressSmallCells(definition, sums);
  const total = values.find((cell) => cell.dimension === TOTAL)!;
  const breakdowns: Record<string, CellValue[]> = Object.fromEntries(definition.breakdowns.map((dimension) => [dimension, []]));
  for (const value of values) if (value.dimension !== TOTAL) breakdowns[value.dimension]?.push(value);
  for (const list of Object.values(breakdowns)) list.sort((a, b) => a.value.localeCompare(b.value));
  return {
    code: definition.code,
    node: definition.node,
    nodes: indicatorNodes(definition),
    name: definition.name,
    unit: definition.unit,
    aggregation: definition.aggregation,
    periodType,
    period,
    total,
    breakdowns,
    progress: progressOf(definition, total.result),
    suppressedCells: values.filter((cell) => cell.suppressed).length,
  };
};
