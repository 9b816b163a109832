import { IndicatorDefinition } from './indicator-catalogue';
import { TOTAL } from './indicator-facts';
import { PeriodType, enclosingPeriod, periodTypes } from './periods';

/** Groups of fewer associations or persons than this are withheld, unless the configuration says otherwise (MIN_CELL_SIZE). */
export const MIN_CELL_SIZE = 5;

/** The sums of one indicator cell: its total or one breakdown value, in one period. */
export interface CellSums {
  readonly periodType: PeriodType;
  readonly period: string;
  readonly dimension: string;
  readonly value: string;
  readonly numerator: number;
  readonly denominator: number;
  readonly subjects: number;
}

export type SuppressionReason = 'small-cell' | 'complementary';

export interface CellValue {
  readonly dimension: string;
  readonly value: string;
  /** Null when withheld. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly subjects: number | null;
  /** The figure to show; null when withheld or undefined (a share of nobody). */
  readonly result: number | null;
  readonly suppressed: SuppressionReason | null;
}

/** The value of a cell by the indicator's aggregation: a count or amount, or a quotient. */
export const cellResult = (definition: IndicatorDefinition, cell: Pick<CellSums, 'numerator' | 'denominator'>): number | null => {
  if (definition.aggregation === 'average' || definition.aggregation === 'ratio') {
    return cell.denominator > 0 ? cell.numerator / cell.denominator : null;
  }
  return cell.numerator;
};

const protects = (definition: IndicatorDefinition) => definition.subject !== 'none';

/**
 * Whether a period's figure is the sum of its sub-periods' figures, so that a year minus its
 * shown quarters would give a withheld quarter. Counts, sums and averages add up observations
 * made at a moment, each in exactly one sub-period; so does a ratio of observations (survey
 * answers). A distinct count does not: a person trained in two quarters is one person in the
 * year. A stock does not either: it is taken at the end of the period, so a year's stock is its
 * last quarter's, the same cells with the same decisions. A ratio of stocks says so in the
 * catalogue ('period' among its overlapping breakdowns).
 */
export const periodsAddUp = (definition: IndicatorDefinition): boolean =>
  definition.aggregation !== 'distinct-count' && definition.aggregation !== 'stock' && !definition.overlappingBreakdowns?.includes('period');

/**
 * Whether what is withheld in one period depends on the indicator's other periods: then every
 * period's cells of the indicator go into suppressSmallCells, whichever period is asked for.
 */
export const suppressionSpansPeriods = (definition: IndicatorDefinition): boolean => protects(definition) && periodsAddUp(definition);

/** A figure that is the sum of others: a period's total of one breakdown's cells, or a cell of its sub-periods' cells. */
interface Relation {
  readonly whole: number;
  readonly parts: readonly number[];
  readonly acrossPeriods: boolean;
}

const cellKey = (periodType: PeriodType, period: string, dimension: string, value: string) => `${periodType}|${period}|${dimension}|${value}`;

/** Every relation among the cells (by index) that subtraction could use, in an order that does not depend on the input's. */
const relationsAmong = (definition: IndicatorDefinition, cells: readonly CellSums[], rank: readonly number[]): Relation[] => {
  const index = new Map(cells.map((cell, i) => [cellKey(cell.periodType, cell.period, cell.dimension, cell.value), i]));
  const groups = new Map<string, { whole: number; parts: number[]; acrossPeriods: boolean }>();
  const addPart = (wholeKey: string, relation: string, part: number) => {
    const whole = index.get(wholeKey);
    if (whole === undefined) return;
    const key = `${wholeKey}#${relation}`;
    const group = groups.get(key) ?? { whole, parts: [], acrossPeriods: cells[whole].periodType !== cells[part].periodType };
    group.parts.push(part);
    groups.set(key, group);
  };
  const overlapping = new Set<string>(definition.overlappingBreakdowns ?? []);
  const partitioning = new Set<string>(definition.breakdowns.filter((dimension) => !overlapping.has(dimension)));
  // Fine to coarse: each period type's cells add up to the next coarser type's.
  const chain = periodTypes.filter((type) => definition.periodTypes.includes(type));
  const additive = periodsAddUp(definition);
  cells.forEach((cell, i) => {
    if (partitioning.has(cell.dimension)) addPart(cellKey(cell.periodType, cell.period, TOTAL, '*'), cell.dimension, i);
    const coarser = chain.includes(cell.periodType) ? chain[chain.indexOf(cell.periodType) + 1] : undefined;
    if (additive && coarser !== undefined && cell.periodType !== 'programme') {
      addPart(cellKey(coarser, enclosingPeriod(cell.periodType, cell.period, coarser), cell.dimension, cell.value), cell.periodType, i);
    }
  });
  const first = (relation: Relation) => Math.min(...relation.parts.map((part) => rank[part]));
  return [...groups.values()].sort((a, b) => rank[a.whole] - rank[b.whole] || first(a) - first(b));
};

/** A canonical position for each cell: period type (fine first), period, dimension, value. */
const ranks = (cells: readonly CellSums[]): number[] => {
  const keys = cells.map((cell) => [String(periodTypes.indexOf(cell.periodType)), cell.period, cell.dimension, cell.value]);
  const compare = (a: string[], b: string[]) => {
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
    return 0;
  };
  const rank: number[] = [];
  cells.map((_, i) => i).sort((a, b) => compare(keys[a], keys[b])).forEach((cell, position) => (rank[cell] = position));
  return rank;
};

const SHOWN = 0;
const SMALL = 1;
const COMPLEMENT = 2;

/** A state of the decision: each cell's mark (SHOWN, SMALL, COMPLEMENT) and, per relation, whether it gives a withheld figure away. */
interface Decision {
  readonly marks: Uint8Array;
  readonly leaks: Uint8Array;
}

/** Compares scores figure by figure: the first that differs decides. */
const byScore = (a: readonly number[], b: readonly number[]) => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
};

/**
 * Decides which cells to withhold: every cell built from 1 to minCellSize - 1 subjects (small-cell),
 * then, until no relation gives a withheld figure away, one more cell of the first relation that
 * does (complementary). A relation gives a figure away when its whole is shown and exactly one part
 * is unknown (the whole minus the shown parts is that part), when its unknown parts together cover
 * fewer than minCellSize subjects, or when its whole is withheld but every part is shown. Units of
 * the whole in no part of a breakdown (no value for it) are an unknown part of their own.
 *
 * Which of the relation's shown cells to withhold decides how much is lost: sparse data chain the
 * relations (one workshop's responses are the same figure in its quarter, half-year, year and the
 * programme, and a quarter with one workshop has a breakdown of one cell, its total again), so one
 * choice can force many more. Totals go last: a period's total is never the complement of one of
 * its breakdowns while a cell can be, and each candidate is tried by completing the protection
 * with a quick rule (the cell that leaves the fewest of its relations giving something away);
 * the candidate whose completion withholds the fewest totals of the programme, then of years,
 * half-years and quarters (the longer the period, the more its total is worth: targets are set
 * for it), then the fewest subjects, wins, then the smallest cell, then the first by period,
 * dimension and value. Each relation is protected on its own: the decisions do not solve the
 * linear system of every relation at once, nor the bounds several relations give together.
 */
const withheldCells = (definition: IndicatorDefinition, cells: readonly CellSums[], minCellSize: number): Uint8Array => {
  const marks = new Uint8Array(cells.length);
  if (!protects(definition)) return marks;
  cells.forEach((cell, i) => {
    if (cell.subjects > 0 && cell.subjects < minCellSize) marks[i] = SMALL;
  });
  const rank = ranks(cells);
  const relations = relationsAmong(definition, cells, rank);
  const relationsOf = cells.map((): number[] => []);
  relations.forEach((relation, r) => [relation.whole, ...relation.parts].forEach((cell) => relationsOf[cell].push(r)));
  const subjectsOf = (list: readonly number[]) => list.reduce((sum, cell) => sum + cells[cell].subjects, 0);
  const isTotal = (cell: number) => (cells[cell].dimension === TOTAL ? 1 : 0);

  const givesAway = (state: Uint8Array, { whole, parts }: Relation): boolean => {
    const hidden = parts.filter((part) => state[part] !== SHOWN);
    const unplaced = Math.max(0, cells[whole].subjects - subjectsOf(parts));
    const unknownParts = hidden.length + (unplaced > 0 ? 1 : 0);
    if (state[whole] !== SHOWN) return unknownParts === 0;
    if (unknownParts === 0) return false;
    if (hidden.length === 1 && unplaced === 0) return true;
    return subjectsOf(hidden) + unplaced < minCellSize;
  };
  /** The cells a leaking relation may withhold next: its shown parts, and its whole too across periods or when no part is left. */
  const candidatesOf = (state: Uint8Array, { whole, parts, acrossPeriods }: Relation): number[] => {
    const shown = (cell: number) => state[cell] === SHOWN && cells[cell].subjects > 0;
    const shownParts = parts.filter(shown);
    return acrossPeriods || shownParts.length === 0 ? [...shownParts, whole].filter(shown) : shownParts;
  };
  const withhold = (decision: Decision, cell: number): Decision => {
    decision.marks[cell] = COMPLEMENT;
    for (const r of relationsOf[cell]) decision.leaks[r] = givesAway(decision.marks, relations[r]) ? 1 : 0;
    return decision;
  };
  const copy = (decision: Decision): Decision => ({ marks: decision.marks.slice(), leaks: decision.leaks.slice() });
  const best = (candidates: readonly number[], score: (cell: number) => readonly number[]) =>
    candidates
      .map((cell) => ({ cell, score: [...score(cell), cells[cell].subjects, rank[cell]] }))
      .sort((a, b) => byScore(a.score, b.score))[0].cell;

  type Choice = (decision: Decision, candidates: readonly number[]) => number;
  const complete = (decision: Decision, choose: Choice): Decision => {
    for (let r = decision.leaks.indexOf(1); r >= 0; r = decision.leaks.indexOf(1)) {
      const candidates = candidatesOf(decision.marks, relations[r]);
      // A leaking relation with no shown cell cannot arise from non-negative counts; it is set aside rather than looped on.
      if (candidates.length === 0) decision.leaks[r] = 0;
      else withhold(decision, candidates.length === 1 ? candidates[0] : choose(decision, candidates));
    }
    return decision;
  };
  const quick: Choice = ({ marks: state }, candidates) =>
    best(candidates, (cell) => {
      const leaking = () => relationsOf[cell].filter((r) => givesAway(state, relations[r])).length;
      const before = leaking();
      state[cell] = COMPLEMENT;
      const after = leaking();
      state[cell] = SHOWN;
      return [after - before];
    });
  const lookahead: Choice = (decision, candidates) =>
    best(candidates, (cell) => {
      const { marks: completed } = complete(withhold(copy(decision), cell), quick);
      const withheld = [...completed.keys()].filter((i) => completed[i] !== SHOWN);
      const totalsOf = (type: PeriodType) => withheld.filter((i) => isTotal(i) && cells[i].periodType === type).length;
      return [...[...periodTypes].reverse().map(totalsOf), subjectsOf(withheld)];
    });
  return complete({ marks, leaks: Uint8Array.from(relations, (relation) => (givesAway(marks, relation) ? 1 : 0)) }, lookahead).marks;
};

/**
 * Withholds small groups so that no output reveals one, directly or by subtraction: from the
 * total of a partitioning breakdown (each unit in exactly one cell), and, where periods add up
 * (periodsAddUp), from a period and its sub-periods. An overlapping breakdown gets only primary
 * suppression: its cells do not add up to anything. The decision depends only on the cells
 * given, never on their order; for an indicator whose suppression spans periods, give every
 * period's cells so each period gets the same answer whichever one is asked for. The whole
 * numerator, denominator and subjects of a withheld cell are hidden, not only its result.
 */
export const suppressSmallCells = (definition: IndicatorDefinition, cells: readonly CellSums[], minCellSize: number): CellValue[] => {
  const marks = withheldCells(definition, cells, minCellSize);
  return cells.map((cell, i) => {
    const suppressed: SuppressionReason | null = marks[i] === SMALL ? 'small-cell' : marks[i] === COMPLEMENT ? 'complementary' : null;
    const { dimension, value, numerator, denominator, subjects } = cell;
    return suppressed
      ? { dimension, value, numerator: null, denominator: null, subjects: null, result: null, suppressed }
      : { dimension, value, numerator, denominator, subjects, result: cellResult(definition, cell), suppressed: null };
  });
};
