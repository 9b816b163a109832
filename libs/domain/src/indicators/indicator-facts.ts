import { SumRules, contributionsOf } from '../core/cell-fold';
import { AggregateCell, AggregateContribution, AggregatePart, CellFields } from '../core/projection';
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

/** A cell's id, key and fields, made once and shared by every part that adds to it. */
interface Cell extends AggregateCell {
  readonly fields: CellKey & CellFields;
}

let cellsMade = 0;

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
    byValue.set(value, (cell = { id: cellsMade++, key: cellId(fields), fields }));
  }
  return cell;
};

/** The sums of an indicator cell; a distinct count caps its numerator and subjects at one document's largest. */
export const INDICATOR_SUMS: SumRules = { sumNames: ['numerator', 'denominator', 'subjects'], cappedSums: [true, false, true] };

/** The cells a fact counts in: per period type, period, and total plus each breakdown value. */
const cellsOfFact = (fact: IndicatorFact, definition: IndicatorDefinition, calendar: ProgrammeCalendar): Cell[] => {
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
  const cells: Cell[] = [];
  for (const periodType of definition.periodTypes) {
    for (const period of periodsOf(fact, periodType, calendar)) {
      const ofPeriod = cellsOfPeriod(fact.indicator, periodType, period);
      for (let i = 0; i < pairs.length; i += 2) cells.push(cellOf(ofPeriod, fact.indicator, periodType, period, pairs[i], pairs[i + 1]));
    }
  }
  return cells;
};

/** What decides a fact's cells: its indicator, its times as local dates, and its breakdown values. */
const cellSignatureOf = (fact: IndicatorFact, definition: IndicatorDefinition): string => {
  let signature = fact.only ? `${fact.indicator}/${fact.only}` : fact.indicator;
  if (fact.at !== undefined) signature += `@${localDate(fact.at)}`;
  else if (fact.from !== undefined) signature += `[${localDate(fact.from)},${fact.until ? localDate(fact.until) : ''})`;
  // Control characters separate the values: breakdown values are codes and names, which the api refuses with control characters.
  for (const dimension of fact.only ? [fact.only] : definition.breakdowns) {
    const values = fact.dims?.[dimension];
    signature += values === undefined ? '\u001e' : typeof values === 'string' ? `\u001e${values}` : `\u001e${values.join('\u001f')}`;
  }
  return signature;
};

/** The cells of facts with one signature, and their parts by sums: equal facts share one part. */
interface SignatureParts {
  readonly cells: readonly Cell[];
  readonly parts: Map<string, AggregatePart>;
}

/** Facts' cells and parts by signature, per calendar; few facts differ in what decides their cells. */
const partsBySignature = new WeakMap<ProgrammeCalendar, Map<string, SignatureParts>>();
/** Parts kept across all signatures before they are let go: facts of amounts (hours, kroner) rarely repeat. */
const PARTS_KEPT = 200_000;
let partsKept = 0;

/**
 * Turns one document's facts into the parts of its contributions to indicator cells (per
 * period type, period and breakdown value): each fact adds its numbers to each of its cells,
 * and a distinct count's part is capped, so it counts at most once per document and cell.
 * Equal facts get the same part object, so that two states of a document compare part by
 * part without comparing keys (see CellFold.replace).
 */
export const indicatorParts = (facts: readonly IndicatorFact[], calendar: ProgrammeCalendar): AggregatePart[] => {
  let known = partsBySignature.get(calendar);
  if (known === undefined) partsBySignature.set(calendar, (known = new Map()));
  const parts: AggregatePart[] = [];
  for (const fact of facts) {
    const definition = definitions.get(fact.indicator);
    if (!definition) throw new Error(`unknown indicator ${fact.indicator}`);
    const signature = cellSignatureOf(fact, definition);
    let ofSignature = known.get(signature);
    if (ofSignature === undefined) known.set(signature, (ofSignature = { cells: cellsOfFact(fact, definition, calendar), parts: new Map() }));
    const denominator = fact.denominator ?? 0;
    const sums = `${fact.numerator},${denominator},${fact.subjects}`;
    let part = ofSignature.parts.get(sums);
    if (part === undefined) {
      if (++partsKept > PARTS_KEPT) {
        // Parts made before are still valid; only their sharing with later ones ends.
        known.clear();
        known.set(signature, ofSignature);
        ofSignature.parts.clear();
        partsKept = 1;
      }
      const capped = definition.aggregation === 'distinct-count';
      ofSignature.parts.set(sums, (part = { key: `${signature}=${sums}`, cells: ofSignature.cells, sums: [fact.numerator, denominator, fact.subjects], capped }));
    }
    parts.push(part);
  }
  return parts;
};

/** One document's contributions to indicator cells, from its facts (see indicatorParts). */
export const indicatorContributions = (facts: readonly IndicatorFact[], calendar: ProgrammeCalendar): AggregateContribution[] =>
  contributionsOf(INDICATOR_SUMS, indicatorParts(facts, calendar));
