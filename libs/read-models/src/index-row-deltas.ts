import { AggregateCell, AggregateContribution, CellFields } from '@toc/domain';

export type ReplayAxis = 'happened' | 'recorded';

const AXES: readonly ReplayAxis[] = ['happened', 'recorded'];
const DAY_MS = 86_400_000;

/** Day numbers by date, made once per date: index steps ask for the same few hundred days again and again. */
const dayNumbers = new Map<string, number>();

/** A UTC date (YYYY-MM-DD) as days since 1970. */
export const dayNumberOf = (day: string): number => {
  let number = dayNumbers.get(day);
  if (number === undefined) dayNumbers.set(day, (number = Date.parse(`${day}T00:00:00.000Z`) / DAY_MS));
  return number;
};

/**
 * A cell's index rows on one axis for the days of one month, in columns: the days of the month
 * with changes, ascending, and for each sum (in the order of the aggregation's `sumNames`) its
 * change on each of those days. The index keeps a document per cell, axis and month, so a
 * replay reads a few dozen documents per cell rather than one per day.
 */
export interface IndexMonth {
  /** `cell key#axis:YYYY-MM`. */
  readonly key: string;
  readonly fields: CellFields & { readonly axis: ReplayAxis; readonly month: string };
  readonly days: number[];
  readonly sums: number[][];
}

/** The month (YYYY-MM) and day of the month of a day number, made once per day. */
const monthsOfDays = new Map<number, { name: string; dayOfMonth: number }>();
const monthOf = (day: number) => {
  let found = monthsOfDays.get(day);
  if (found === undefined) {
    const date = new Date(day * DAY_MS);
    monthsOfDays.set(day, (found = { name: date.toISOString().slice(0, 7), dayOfMonth: date.getUTCDate() }));
  }
  return found;
};

/**
 * The rows of an IndexRowDeltas in plain arrays, to hand to another thread (see exported and
 * absorb): per cell, its key and fields and per axis its table (see IndexRowDeltas) with the day
 * it starts on; and the sums of all rows.
 */
export interface ExportedIndexRows {
  readonly cells: { readonly key: string; readonly fields: CellFields; readonly axes: ({ readonly firstDay: number; readonly table: Int32Array } | null)[] }[];
  readonly sums: Float64Array;
}

/**
 * Replay-index rows (one per aggregate cell, axis and day) summed in memory, kept in columns:
 * a row is a number, found in a table per cell and axis indexed by day, and its sums a slice of
 * one Float64Array, so a bulk build that adds up millions of steps creates no object per row or
 * per step. A table spans the days between the first and the last change of its cell (4 bytes
 * a day). Rows become index months (see IndexMonth) only when they are written. Cells are told
 * apart by key, so rows summed in another thread (whose cells have other ids) can be absorbed.
 */
export class IndexRowDeltas {
  /** Per cell slot and axis (`slot * 2 + axis`): row + 1 of each day from `firstDays`, 0 for none. */
  private readonly tables: (Int32Array | undefined)[] = [];
  private readonly firstDays: number[] = [];
  private readonly slotOfKey = new Map<string, number>();
  /** Slots by cell id, the quick way to a slot: a thread's cells are numbered from 0. */
  private readonly slotOfId: (number | undefined)[] = [];
  /** By slot: the first cell object seen with each key. */
  private readonly cells: AggregateCell[] = [];
  private rows = 0;
  private sums = new Float64Array(1024);

  constructor(private readonly sumNames: readonly string[]) {}

  /** Adds `factor` × `change` (one number per sum name) to the row of a cell on an axis and day (see dayNumberOf). */
  add(cell: AggregateCell, change: ArrayLike<number>, axis: ReplayAxis, day: number, factor: number): void {
    this.addAt(this.slotOf(cell), axis === 'happened' ? 0 : 1, day, change, 0, factor);
  }

  /** The rows in plain arrays, for another thread to absorb; this instance is not used after. */
  exported(): ExportedIndexRows {
    const cells = this.cells.map((cell, slot) => ({
      key: cell.key,
      fields: cell.fields,
      axes: [0, 1].map((axis) => {
        const table = this.tables[slot * 2 + axis];
        return table === undefined ? null : { firstDay: this.firstDays[slot * 2 + axis], table };
      }),
    }));
    return { cells, sums: this.sums.subarray(0, this.rows * this.sumNames.length) };
  }

  /** Adds rows exported by another instance (see exported) to these. */
  absorb(rows: ExportedIndexRows): void {
    const stride = this.sumNames.length;
    for (const { key, fields, axes } of rows.cells) {
      const slot = this.slotOf({ id: -1, key, fields });
      axes.forEach((axis, index) => {
        if (axis === null) return;
        for (let offset = 0; offset < axis.table.length; offset++) {
          const row = axis.table[offset] - 1;
          if (row >= 0) this.addAt(slot, index, axis.firstDay + offset, rows.sums, row * stride, 1);
        }
      });
    }
  }
  /**
   * The rows by cell key, then axis, then month (the order of their ids, so that a store writes
   * them as appends to its primary key), each month's rows in columns (see IndexMonth).
   */
  *months(): IterableIterator<IndexMonth> {
    const stride = this.sumNames.length;
    const slots = this.cells.map((_, slot) => slot).sort((a, b) => (this.cells[a].key < this.cells[b].key ? -1 : 1));
    for (const cellSlot of slots) {
      const cell = this.cells[cellSlot];
      for (const axis of [0, 1]) {
        const slot = cellSlot * 2 + axis;
        const table = this.tables[slot];
        if (table === undefined) continue;
        let month: IndexMonth | undefined;
        for (let offset = 0; offset < table.length; offset++) {
          const row = table[offset] - 1;
          if (row < 0) continue;
          const { name, dayOfMonth } = monthOf(this.firstDays[slot] + offset);
          if (month?.fields.month !== name) {
            if (month) yield month;
            month = { key: `${cell.key}#${AXES[axis]}:${name}`, fields: { ...cell.fields, axis: AXES[axis], month: name }, days: [], sums: this.sumNames.map(() => []) };
          }
          month.days.push(dayOfMonth);
          for (let index = 0; index < stride; index++) month.sums[index].push(this.sums[row * stride + index]);
        }
        if (month) yield month;
      }
    }
  }

  /**
   * Each cell's rows on the business axis summed over all days: the cell as everything that
   * happened makes it, which for a bulk build from nothing is the aggregate row itself.
   */
  *totals(): IterableIterator<AggregateContribution> {
    const stride = this.sumNames.length;
    for (const [slot, cell] of this.cells.entries()) {
      const table = this.tables[slot * 2];
      if (table === undefined) continue;
      const totals = this.sumNames.map(() => 0);
      for (let offset = 0; offset < table.length; offset++) {
        const row = table[offset] - 1;
        if (row >= 0) for (let index = 0; index < stride; index++) totals[index] += this.sums[row * stride + index];
      }
      yield { key: cell.key, fields: cell.fields, sums: Object.fromEntries(this.sumNames.map((name, index) => [name, totals[index]])) };
    }
  }

  private slotOf(cell: AggregateCell): number {
    let slot = cell.id >= 0 ? this.slotOfId[cell.id] : undefined;
    if (slot !== undefined) return slot;
    slot = this.slotOfKey.get(cell.key);
    if (slot === undefined) {
      slot = this.cells.push(cell) - 1;
      this.slotOfKey.set(cell.key, slot);
    }
    if (cell.id >= 0) this.slotOfId[cell.id] = slot;
    return slot;
  }

  /** Adds `factor` × the sums at `from` in `values` to the row of a cell slot on an axis (0: happened, 1: recorded) and day. */
  private addAt(cellSlot: number, axis: number, day: number, values: ArrayLike<number>, from: number, factor: number): void {
    const base = this.rowOf(cellSlot * 2 + axis, day) * this.sumNames.length;
    for (let index = 0; index < this.sumNames.length; index++) this.sums[base + index] += factor * values[from + index];
  }

  private rowOf(slot: number, day: number): number {
    let table = this.tables[slot];
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
