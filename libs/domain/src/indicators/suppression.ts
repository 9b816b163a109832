import { IndicatorDefinition } from './indicator-catalogue';
import { TOTAL } from './indicator-facts';

/** Groups of fewer associations or persons than this are withheld in every output. */
export const MIN_CELL_SIZE = 5;

export interface CellSums {
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

const isSmall = (cell: CellSums) => cell.subjects > 0 && cell.subjects < MIN_CELL_SIZE;

/**
 * Withholds cells built from fewer than MIN_CELL_SIZE subjects. Then, in each breakdown, as long as
 * the withheld cells together cover fewer than MIN_CELL_SIZE subjects, withholds the next smallest
 * cell too (complementary suppression): subtracting the shown cells from the total must never
 * reveal a group smaller than the threshold. The whole numerator, denominator and subjects of a
 * withheld cell are hidden, not only its result.
 */
export const suppressSmallCells = (definition: IndicatorDefinition, cells: readonly CellSums[]): CellValue[] => {
  const protect = definition.subject !== 'none';
  const reasons = new Map<CellSums, SuppressionReason>();
  if (protect) {
    for (const cell of cells) if (isSmall(cell)) reasons.set(cell, 'small-cell');
    const byDimension = new Map<string, CellSums[]>();
    for (const cell of cells) if (cell.dimension !== TOTAL) byDimension.set(cell.dimension, [...(byDimension.get(cell.dimension) ?? []), cell]);
    for (const group of byDimension.values()) {
      const shown = group
        .filter((cell) => !reasons.has(cell) && cell.subjects > 0)
        .sort((a, b) => a.subjects - b.subjects || a.value.localeCompare(b.value));
      let withheldSubjects = group.filter((cell) => reasons.has(cell)).reduce((sum, cell) => sum + cell.subjects, 0);
      while (withheldSubjects > 0 && withheldSubjects < MIN_CELL_SIZE && shown.length > 0) {
        const complement = shown.shift()!;
        reasons.set(complement, 'complementary');
        withheldSubjects += complement.subjects;
      }
    }
  }
  return cells.map((cell) => {
    const suppressed = reasons.get(cell) ?? null;
    return suppressed
      ? { dimension: cell.dimension, value: cell.value, numerator: null, denominator: null, subjects: null, result: null, suppressed }
      : { ...cell, result: cellResult(definition, cell), suppressed: null };
  });
};
