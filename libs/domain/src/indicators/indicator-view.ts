import { capacityDomains } from '../model/instruments';
import {
  associationTypes,
  courseModules,
  employers,
  evaluationMilestones,
  forumInputKinds,
  forumTypes,
  housingAreas,
  memberKinds,
  resourceLines,
  seminarFormats,
  staffRoles,
  targetGroups,
  workshopTopics,
} from '../model/reference-data';
import { Dimension, IndicatorDefinition, indicatorNodes } from './indicator-catalogue';
import { CellKey, TOTAL } from './indicator-facts';
import { PeriodType } from './periods';
import { CellSums, CellValue, cellResult, suppressSmallCells, suppressionSpansPeriods } from './suppression';

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

/**
 * Every code of each breakdown dimension's reference data, so that a breakdown lists a category
 * where nothing happened as 0 instead of leaving it out. Workshops are a format of their own beside
 * the seminar formats. A dimension without a closed list of codes would map to [] and list only
 * the values that occurred; a value that occurred outside its list (a retired code) is listed too.
 */
const breakdownCodes: { readonly [D in Dimension]: readonly string[] } = {
  housingArea: housingAreas,
  associationType: associationTypes,
  workshopTopic: workshopTopics,
  targetGroup: targetGroups,
  forumType: forumTypes,
  employer: employers,
  role: staffRoles,
  resourceLine: resourceLines,
  capacityDomain: capacityDomains,
  memberKind: memberKinds,
  courseModule: courseModules,
  format: ['workshop', ...seminarFormats],
  inputKind: forumInputKinds,
  milestone: evaluationMilestones,
};

/** A category where nothing happened: shown as 0 (a share of nobody has no result), never withheld. */
const zeroCell = (definition: IndicatorDefinition, dimension: string, value: string): CellValue => {
  const sums = { numerator: 0, denominator: 0, subjects: 0 };
  return { dimension, value, ...sums, result: cellResult(definition, sums), suppressed: null };
};

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

/**
 * One indicator for one period: total, breakdowns and progress, with small cells withheld. `cells`
 * are the indicator's cells of the period and, where its suppression spans periods, of every
 * period (cells of other periods are not needed otherwise and are left aside).
 */
export const indicatorView = (
  definition: IndicatorDefinition,
  periodType: PeriodType,
  period: string,
  cells: readonly IndicatorCell[],
  minCellSize: number,
): IndicatorView => {
  const inPeriod = (cell: { periodType: PeriodType; period: string }) => cell.periodType === periodType && cell.period === period;
  const sums: CellSums[] = (suppressionSpansPeriods(definition) ? cells : cells.filter(inPeriod)).map((cell) => ({
    periodType: cell.periodType,
    period: cell.period,
    dimension: cell.dimension,
    value: cell.value,
    numerator: settled(cell.sums.numerator),
    denominator: settled(cell.sums.denominator),
    subjects: settled(cell.sums.subjects),
  }));
  if (!sums.some((cell) => inPeriod(cell) && cell.dimension === TOTAL)) {
    sums.push({ periodType, period, dimension: TOTAL, value: '*', numerator: 0, denominator: 0, subjects: 0 });
  }
  const values = suppressSmallCells(definition, sums, minCellSize).filter((_, i) => inPeriod(sums[i]));
  const total = values.find((cell) => cell.dimension === TOTAL)!;
  const breakdowns: Record<string, CellValue[]> = {};
  for (const dimension of definition.breakdowns) {
    const occurred = values.filter((cell) => cell.dimension === dimension);
    const missing = breakdownCodes[dimension].filter((code) => !occurred.some((cell) => cell.value === code));
    breakdowns[dimension] = [...occurred, ...missing.map((code) => zeroCell(definition, dimension, code))].sort((a, b) => a.value.localeCompare(b.value));
  }
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
