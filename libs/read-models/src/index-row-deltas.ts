import { AggregateCell, AggregateContribution } from '@toc/domain';

export type ReplayAxis = 'happened' | 'recorded';

const AXES: readonly ReplayAxis[] = ['happened', 'recorded'];
const DAY_MS = 86_400_000;

/** A UTC date (YYYY-MM-DD) as days since 1970. */
export const dayNumberOf = (day: string): number => Date.parse(`${day}T00:00:00.000Z`) / DAY_MS;

/**
 * Replay-index rows (one per aggregate cell, axis and day) summed in memory, kept in columns:
 * a row is a number, found in a table per cell and axis indexed by day, and its sums a slice of
 * one Float64Array, so a bulk build that adds up millions of steps creates no object per row or
 * per step. A table spans the days between the first and the last change of its cell (4 bytes
 * a day). Rows become documents (`key#axis:day`, the cell's fields, `axis`, `day`, `sums`) only
 * when they are written.
 */
export class IndexRowDeltas {
  /** Per cell id and axis (`id * 2 + axis`): row + 1 of each day from `firstDays`, 0 for none. */
  private readonly tables: (Int32Array | undefined)[] = [];
  private readonly firstDays: number[] = [];
  private readonly cells = new Set<AggregateCell>();
  private rows = 0;
  private sums = new Float64Array(1024);

  constructor(private readonly sumNames: readonly string[]) {}

  /** Adds `factor` × `change` (one number per sum name) to the row of a cell on an axis and day (see dayNumberOf). */
  add(cell: AggregateCell, change: readonly number[], axis: ReplayAxis, day: number, factor: number): void {
    const base = this.rowOf(cell, axis === 'happened' ? 0 : 1, day) * this.sumNames.length;
    for (let index = 0; index < this.sumNames.length; index++) this.sums[base + index] += factor * change[index];
  }

  /**
   * The rows as aggregate contributions, by cell key, then axis, then day: the order of their ids,
   * so that a store writes them as appends to its primary key.
   */
  *contributions(): IterableIterator<AggregateContribution> {
    const stride = this.sumNames.length;
    const cells = [...this.cells].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id));
    for (const cell of cells) {
      for (const axis of [0, 1]) {
        const table = this.tables[cell.id * 2 + axis];
        if (table === undefined) continue;
        for (let offset = 0; offset < table.length; offset++) {
          const row = table[offset] - 1;
          if (row < 0) continue;
          const day = new Date((this.firstDays[cell.id * 2 + axis] + offset) * DAY_MS).toISOString().slice(0, 10);
          const sums: Record<string, number> = {};
          this.sumNames.forEach((name, index) => (sums[name] = this.sums[row * stride + index]));
          yield { key: `${cell.key}#${AXES[axis]}:${day}`, fields: { ...cell.fields, axis: AXES[axis], day }, sums };
        }
      }
    }
  }

  private rowOf(cell: AggregateCell, axis: number, day: number): number {
    const slot = cell.id * 2 + axis;
    let table = this.tables[slot];
    if (table === undefined) this.cells.add(cell);
    if (table === undefined || day < this.firstDays[slot] || day >= this.firstDays[slot] + table.length) table = this.widen(slot, day);
    const offset = day - this.firstDays[slot];
    let row = table[offset] - 1;
    if (row < 0) {
      row = this.rows++;
      table[offset] = row + 1;
      if ((row + 1) * this.sumNames.length > this.sums.length) {
        const grown = new Float64Array(this.sums.length * 2);
        grown.set(this.sums);
        this.sums = grown;
      }
    }
    return row;
  }

  /** The slot's table, made or widened to span `day` with room to spare. */
  private widen(slot: number, day: number): Int32Array {
    // Filled up to the slot, so that the array stays dense however the ids come.
    while (this.tables.length <= slot) {
      this.tables.push(undefined);
      this.firstDays.push(0);
    }
    const old = this.tables[slot];
    const first = old === undefined ? day - 32 : Math.min(this.firstDays[slot], day - 32);
    const end = old === undefined ? day + 96 : Math.max(this.firstDays[slot] + old.length, day + 96);
    const table = new Int32Array(end - first);
    if (old !== undefined) table.set(old, this.firstDays[slot] - first);
    this.tables[slot] = table;
    this.firstDays[slot] = first;
    return table;
  }
}
