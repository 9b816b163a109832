import { AggregateContribution } from '../core/projection';
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

const periodsOf = (fact: IndicatorFact, type: PeriodType, calendar: ProgrammeCalendar): readonly string[] => {
  if (fact.at !== undefined) return [periodOf(type, localDate(fact.at))];
  if (fact.from === undefined) return [];
  return periodEndsCovered(type, localDate(fact.from), fact.until ? localDate(fact.until) : null, calendar);
};

const cellsOf = (fact: IndicatorFact, definition: IndicatorDefinition): [string, string][] => {
  const dimensionsToFill: string[] = fact.only ? [fact.only] : [TOTAL, ...definition.breakdowns];
  const cells: [string, string][] = [];
  for (const dimension of dimensionsToFill) {
    if (dimension === TOTAL) {
      cells.push([TOTAL, '*']);
      continue;
    }
    const values = fact.dims?.[dimension as Dimension];
    if (values === undefined) continue;
    for (const value of typeof values === 'string' ? [values] : values) cells.push([dimension, value]);
  }
  return cells;
};

/**
 * Turns one document's facts into its contributions to indicator cells (per period type,
 * period and breakdown value). Distinct counts are capped at one per document and
 * cell, which is what makes them distinct.
 */
export const indicatorContributions = (facts: readonly IndicatorFact[], calendar: ProgrammeCalendar): AggregateContribution[] => {
  const byKey = new Map<string, { fields: CellKey; numerator: number; denominator: number; subjects: number }>();
  for (const fact of facts) {
    const definition = definitions.get(fact.indicator);
    if (!definition) throw new Error(`unknown indicator ${fact.indicator}`);
    const distinct = definition.aggregation === 'distinct-count';
    const cells = cellsOf(fact, definition);
    for (const periodType of definition.periodTypes) {
      for (const period of periodsOf(fact, periodType, calendar)) {
        for (const [dimension, value] of cells) {
          const fields: CellKey = { indicator: fact.indicator, periodType, period, dimension, value };
          const id = cellId(fields);
          const cell = byKey.get(id) ?? { fields, numerator: 0, denominator: 0, subjects: 0 };
          cell.numerator = distinct ? Math.max(cell.numerator, fact.numerator) : cell.numerator + fact.numerator;
          cell.denominator += fact.denominator ?? 0;
          cell.subjects = distinct ? Math.max(cell.subjects, fact.subjects) : cell.subjects + fact.subjects;
          byKey.set(id, cell);
        }
      }
    }
  }
  return [...byKey].map(([key, cell]) => ({
    key,
    fields: { ...cell.fields },
    sums: { numerator: cell.numerator, denominator: cell.denominator, subjects: cell.subjects },
  }));
};
