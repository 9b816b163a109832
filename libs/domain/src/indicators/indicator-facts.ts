import { AggregateContribution, CellFields } from '../core/projection';
import { Dimension, IndicatorCode, IndicatorDefinition, indicatorCatalogue } from './indicator-catalogue';
import { PeriodType, ProgrammeCalendar, localDate, periodEndsCovered, periodOf } from './periods';

/**
 * What one read-model document says about one indicator: a flow at a moment (`at`) or a stock
 * held from `from` until before `until`, with its breakdown values. A document is one unit
 * (an association, a person, a workshop), so distinct counts never count it twice in a period.
 */
export interface IndicatorFact {
  readonly indicator: IndicatorCode;
  readonly at?: string;
  readonly from?: string;
  readonly until?: string | null;
  readonly numerator: number;
  readonly denominator?: number;
  /** Associations or persons behind the figure, for small-cell suppression. */
  readonly subjects: number;
  /** Breakdown values; an array counts the unit under each of its values. */
  readonly dims?: Partial<Readonly<Record<Dimension, string | readonly string[]>>>;
  /** Count the fact only in this dimension's cells (not in the total), e.g. per-domain scores. */
  readonly only?: Dimension;
}

export const TOTAL = 'total';

export interface CellKey {
  readonly indicator: IndicatorCode;
  readonly periodType: PeriodType;
  readonly period: string;
  /** A breakdown dimension or 'total'. */
  readonly dimension: string;
  /** The dimension's value ('*' for the total). */
  readonly value: string;
}

export const cellId = (key: CellKey): string => `${key.indicator}|${key.periodType}|${key.period}|${key.dimension}|${key.value}`;

const definitions = new Map(indicatorCatalogue.map((definition) => [definition.code, definition]));

/** The periods of each type that a flow at a local date falls in, made once per type and date. */
const flowPeriods = new Map<PeriodType, Map<string, readonly string[]>>();
const periodsAt = (type: PeriodType, date: string): readonly string[] => {
  let byDate = flowPeriods.get(type);
  if (byDate === undefined) flowPeriods.set(type, (byDate = new Map()));
  let periods = byDate.get(date);
  if (periods === undefined) byDate.set(date, (periods = [periodOf(type, date)]));
  return periods;
};

const periodsOf = (fact: IndicatorFact, type: PeriodType, calendar: ProgrammeCalendar): readonly string[] => {
  if (fact.at !== undefined) return periodsAt(type, localDate(fact.at));
  if (fact.from === undefined) return [];
  return periodEndsCovered(type, localDate(fact.from), fact.until ? localDate(fact.until) : null, calendar);
};

/** A cell's key and fields, made once and shared by every contribution to it. */
interface Cell {
  readonly key: string;
  readonly fields: CellKey & CellFields;
}

/** The cells of one indicator, period type and period, by dimension and then value. */
type CellsOfPeriod = Map<string, Map<string, Cell>>;

/**
 * Cells by indicator, period type and period: there are as many as the read model has rows,
 * and sharing them spares building a key and its fields for every fact of every document.
 */
const cellsByIndicator = new Map<IndicatorCode, Map<PeriodType, Map<string, CellsOfPeriod>>>();

const cellsOfPeriod = (indicator: IndicatorCode, periodType: PeriodType, period: string): CellsOfPeriod => {
  let byType = cellsByIndicator.get(indicator);
  if (byType === undefined) cellsByIndicator.set(indicator, (byType = new Map()));
  let byPeriod = byType.get(periodType);
  if (byPeriod === undefined) byType.set(periodType, (byPeriod = new Map()));
  let cells = byPeriod.get(period);
  if (cells === undefined) byPeriod.set(period, (cells = new Map()));
  return cells;
};

const cellOf = (cells: CellsOfPeriod, indicator: IndicatorCode, periodType: PeriodType, period: string, dimension: string, value: string): Cell => {
  let byValue = cells.get(dimension);
  if (byValue === undefined) cells.set(dimension, (byValue = new Map()));
  let cell = byValue.get(value);
  if (cell === undefined) {
    const fields = { indicator, periodType, period, dimension, value };
    byValue.set(value, (cell = { key: cellId(fields), fields }));
  }
  return cell;
};

/** The dimensions and values of the cells a fact counts in, as flat pairs. */
const dimensionValuesOf = (fact: IndicatorFact, definition: IndicatorDefinition): string[] => {
  const pairs: string[] = [];
  for (const dimension of fact.only ? [fact.only] : [TOTAL, ...definition.breakdowns]) {
    if (dimension === TOTAL) {
      pairs.push(TOTAL, '*');
      continue;
    }
    const values = fact.dims?.[dimension as Dimension];
    if (values === undefined) continue;
    if (typeof values === 'string') pairs.push(dimension, values);
    else for (const value of values) pairs.push(dimension, value);
  }
  return pairs;
};

/**
 * Turns one document's facts into its contributions to indicator cells (per period type,
 * period and breakdown value). Distinct counts are capped at one per document and
 * cell, which is what makes them distinct.
 */
export const indicatorContributions = (facts: readonly IndicatorFact[], calendar: ProgrammeCalendar): AggregateContribution[] => {
  // Keyed by the shared cell object: this runs for every changed document of every batch and of every rebuild.
  const sumsByCell = new Map<Cell, { numerator: number; denominator: number; subjects: number }>();
  for (const fact of facts) {
    const definition = definitions.get(fact.indicator);
    if (!definition) throw new Error(`unknown indicator ${fact.indicator}`);
    const distinct = definition.aggregation === 'distinct-count';
    const pairs = dimensionValuesOf(fact, definition);
    const denominator = fact.denominator ?? 0;
    for (const periodType of definition.periodTypes) {
      for (const period of periodsOf(fact, periodType, calendar)) {
        const cells = cellsOfPeriod(fact.indicator, periodType, period);
        for (let i = 0; i < pairs.length; i += 2) {
          const cell = cellOf(cells, fact.indicator, periodType, period, pairs[i], pairs[i + 1]);
          let sums = sumsByCell.get(cell);
          if (sums === undefined) sumsByCell.set(cell, (sums = { numerator: 0, denominator: 0, subjects: 0 }));
          sums.numerator = distinct ? Math.max(sums.numerator, fact.numerator) : sums.numerator + fact.numerator;
          sums.denominator += denominator;
          sums.subjects = distinct ? Math.max(sums.subjects, fact.subjects) : sums.subjects + fact.subjects;
        }
      }
    }
  }
  const contributions: AggregateContribution[] = [];
  for (const [cell, sums] of sumsByCell) contributions.push({ key: cell.key, fields: cell.fields, sums });
  return contributions;
};
