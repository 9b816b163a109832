import { AggregateCell, AggregateContribution, AggregatePart, Aggregation } from './projection';

/** How an aggregation's sums combine: their names, and which ones capped parts cap. */
export type SumRules = Pick<Aggregation, 'sumNames' | 'cappedSums'>;

/** Slots a fold starts with: about as many cells as a document of a few records adds to. */
const INITIAL_SLOTS = 64;

/**
 * One document's contributions folded part by part: a change of the document costs the parts
 * that changed, not all of its parts. Adding a part and taking it away again leaves every cell
 * as it was (capped sums keep their values, so the largest is known after a removal too).
 * Cells are kept in columns by slot, so folding allocates nothing per part or per cell.
 */
export class CellFold {
  private readonly slotOfCell = new Map<number, number>();
  private readonly cells: AggregateCell[] = [];
  private readonly stride: number;
  /** Per slot and sum, what the parts added up to (for a capped sum: its uncapped parts only). */
  private added: Float64Array;
  /** Per slot and capped sum, the values of the capped parts in the cell. */
  private readonly capped: (number[] | undefined)[] = [];
  /** Per slot and sum, the values when the slot was first changed after the last `changes`. */
  private before: Float64Array;
  private touched: number[] = [];
  private isTouched: Uint8Array;
  private readonly change: number[];

  /** A fold of `parts` with no changes to report yet: the starting point of a document's steps. */
  static of(rules: SumRules, parts: readonly AggregatePart[]): CellFold {
    const fold = new CellFold(rules);
    for (const part of parts) fold.apply(part, 1);
    fold.settle();
    return fold;
  }

  constructor(private readonly rules: SumRules) {
    this.stride = rules.sumNames.length;
    this.added = new Float64Array(INITIAL_SLOTS * this.stride);
    this.before = new Float64Array(INITIAL_SLOTS * this.stride);
    this.isTouched = new Uint8Array(INITIAL_SLOTS);
    this.change = rules.sumNames.map(() => 0);
  }

  /** Adds a part (sign 1) or takes away a part added before (sign -1). */
  apply(part: AggregatePart, sign: 1 | -1): void {
    const { cappedSums } = this.rules;
    const { stride } = this;
    for (const cell of part.cells) {
      const slot = this.slotOf(cell);
      const base = slot * stride;
      if (this.isTouched[slot] === 0) {
        this.isTouched[slot] = 1;
        this.touched.push(slot);
        for (let index = 0; index < stride; index++) this.before[base + index] = this.valueOf(slot, index);
      }
      for (let index = 0; index < stride; index++) {
        const value = part.sums[index];
        if (!part.capped || !cappedSums[index]) this.added[base + index] += sign * value;
        else if (sign > 0) (this.capped[base + index] ??= []).push(value);
        else {
          const values = this.capped[base + index]!;
          values.splice(values.lastIndexOf(value), 1);
        }
      }
    }
  }

  /**
   * Applies the difference from one list of a document's parts to another: the parts only one
   * list has. Two states of a document mostly share their parts in the same order, so the run
   * of the very same part objects at either end is skipped before the rest is compared by key.
   */
  replace(before: readonly AggregatePart[], after: readonly AggregatePart[]): void {
    let start = 0;
    while (start < before.length && start < after.length && before[start] === after[start]) start++;
    let endBefore = before.length;
    let endAfter = after.length;
    while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
      endBefore--;
      endAfter--;
    }
    const counts = new Map<string, { part: AggregatePart; count: number }>();
    const count = (part: AggregatePart, by: number) => {
      const entry = counts.get(part.key);
      if (entry) entry.count += by;
      else counts.set(part.key, { part, count: by });
    };
    for (let index = start; index < endBefore; index++) count(before[index], -1);
    for (let index = start; index < endAfter; index++) count(after[index], 1);
    for (const { part, count } of counts.values()) {
      for (let left = Math.abs(count); left > 0; left--) this.apply(part, count > 0 ? 1 : -1);
    }
  }

  /**
   * Visits each cell whose values changed since the last call with the change of each sum. The
   * change array is reused: a visitor reads it and keeps no reference.
   */
  changes(visit: (cell: AggregateCell, change: readonly number[]) => void): void {
    const { stride, change } = this;
    for (const slot of this.touched) {
      this.isTouched[slot] = 0;
      let changed = false;
      for (let index = 0; index < stride; index++) if ((change[index] = this.valueOf(slot, index) - this.before[slot * stride + index]) !== 0) changed = true;
      if (changed) visit(this.cells[slot], change);
    }
    this.touched = [];
  }

  /** Forgets the changes since the last `changes`: what is folded so far is the starting point. */
  settle(): void {
    for (const slot of this.touched) this.isTouched[slot] = 0;
    this.touched = [];
  }

  /** Every cell the parts added to, with its sums, in the order the cells were first added to. */
  contributions(): AggregateContribution[] {
    return this.cells.map((cell, slot) => {
      const sums: Record<string, number> = {};
      this.rules.sumNames.forEach((name, index) => (sums[name] = this.valueOf(slot, index)));
      return { key: cell.key, fields: cell.fields, sums };
    });
  }

  private slotOf(cell: AggregateCell): number {
    let slot = this.slotOfCell.get(cell.id);
    if (slot === undefined) {
      slot = this.cells.push(cell) - 1;
      this.slotOfCell.set(cell.id, slot);
      if (slot >= this.isTouched.length) this.grow();
    }
    return slot;
  }

  private grow(): void {
    const slots = this.isTouched.length * 2;
    const widened = (columns: Float64Array) => {
      const wider = new Float64Array(slots * this.stride);
      wider.set(columns);
      return wider;
    };
    this.added = widened(this.added);
    this.before = widened(this.before);
    const isTouched = new Uint8Array(slots);
    isTouched.set(this.isTouched);
    this.isTouched = isTouched;
  }

  private valueOf(slot: number, index: number): number {
    const value = this.added[slot * this.stride + index];
    const capped = this.capped[slot * this.stride + index];
    if (capped === undefined) return value;
    let largest = 0;
    for (const candidate of capped) if (candidate > largest) largest = candidate;
    return value + largest;
  }
}

/** A document's contributions from its parts. */
export const contributionsOf = (rules: SumRules, parts: readonly AggregatePart[]): AggregateContribution[] => CellFold.of(rules, parts).contributions();
