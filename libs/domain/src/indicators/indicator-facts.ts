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
  // Built in place: this runs for every changed document of every batch and of every rebuild.
  const byKey = new Map<string, { readonly key: string; readonly fields: CellKey & CellFields; readonly sums: { numerator: number; denominator: number; subjects: number } }>();
  for (const fact of facts) {
    const definition = definitions.get(fact.indicator);
    if (!definition) throw new Error(`unknown indicator ${fact.indicator}`);
    const distinct = definition.aggregation === 'distinct-count';
    const cells = cellsOf(fact, definition);
    const denominator = fact.denominator ?? 0;
    for (const periodType of definition.periodTypes) {
      for (const period of periodsOf(fact, periodType, calendar)) {
        const prefix = `${fact.indicator}|${periodType}|${period}|`;
        for (const [dimension, value] of cells) {
          const key = `${prefix}${dimension}|${value}`;
          let cell = byKey.get(key);
          if (cell === undefined) {
            cell = { key, fields: { indicator: fact.indicator, periodType, period, dimension, value }, sums: { numerator: 0, denominator: 0, subjects: 0 } };
            byKey.set(key, cell);
          }
          const sums = cell.sums;
          sums.numerator = distinct ? Math.max(sums.numerator, fact.numerator) : sums.numerator + fact.numerator;
          sums.denominator += denominator;
          sums.subjects = distinct ? Math.max(sums.subjects, fact.subjects) : sums.subjects + fact.subjects;
        }
      }
    }
  }
  return [...byKey.values()];
};
