import { AggregateContribution, CellFields } from '@toc/domain';

export type ReplayAxis = 'happened' | 'recorded';

const AXES: readonly ReplayAxis[] = ['happened', 'recorded'];
const DAY_MS = 86_400_000;
/** Days since 1970 fit in 17 bits until the year 2328. */
const DAY_BITS = 2 ** 17;

/**
 * Replay-index rows (one per aggregate cell, axis and day) summed in memory, kept in columns:
 * a row is a number (its cell, axis and day packed into one key) and its sums a slice of one
 * Float64Array, so a bulk build that adds up millions of steps creates no object per row or
 * per step. Rows become documents (`key#axis:day`, the cell's fields, `axis`, `day`, `sums`)
 * only when they are written.
 */
export class IndexRowDeltas {
  private readonly cellIndex = new Map<string, number>();
  private readonly cells: { readonly key: string; readonly fields: CellFields }[] = [];
  private readonly dayNumbers = new Map<string, number>();
  private readonly sumIndex = new Map<string, number>();
  private readonly sumNames: string[] = [];
  private readonly rowIndex = new Map<number, number>();
  private readonly rowKeys: number[] = [];
  private sums = new Float64Array(0);
  private stride = 1;

  /** Adds `factor` × (`contribution` − `previous`) to the row of the contribution's cell on an axis and day. */
  add(contribution: AggregateContribution, previous: AggregateContribution | undefined, axis: ReplayAxis, day: string, factor: number): void {
    const row = this.rowOf(contribution, axis, day);
    for (const name in contribution.sums) this.addTo(row, name, factor * (contribution.sums[name] - (previous?.sums[name] ?? 0)));
    if (previous) for (const name in previous.sums) if (!(name in contribution.sums)) this.addTo(row, name, -factor * previous.sums[name]);
  }

  private addTo(row: number, name: string, value: number): void {
    const index = this.sumOf(name); // first, since a new sum name widens the columns
    this.sums[row * this.stride + index] += value;
  }

  /** The rows as aggregate contributions, in the order they were first added to. */
  *contributions(): IterableIterator<AggregateContribution> {
    for (let row = 0; row < this.rowKeys.length; row++) {
      const packed = this.rowKeys[row];
      const day = new Date((packed % DAY_BITS) * DAY_MS).toISOString().slice(0, 10);
      const axis = AXES[Math.floor(packed / DAY_BITS) % 2];
      const cell = this.cells[Math.floor(packed / DAY_BITS / 2)];
      const sums: Record<string, number> = {};
      this.sumNames.forEach((name, index) => (sums[name] = this.sums[row * this.stride + index]));
      yield { key: `${cell.key}#${axis}:${day}`, fields: { ...cell.fields, axis, day }, sums };
    }
  }

  private rowOf(contribution: AggregateContribution, axis: ReplayAxis, day: string): number {
    let cell = this.cellIndex.get(contribution.key);
    if (cell === undefined) {
      cell = this.cells.push({ key: contribution.key, fields: contribution.fields }) - 1;
      this.cellIndex.set(contribution.key, cell);
    }
    let dayNumber = this.dayNumbers.get(day);
    if (dayNumber === undefined) this.dayNumbers.set(day, (dayNumber = Date.parse(`${day}T00:00:00.000Z`) / DAY_MS));
    const packed = (cell * 2 + (axis === 'happened' ? 0 : 1)) * DAY_BITS + dayNumber;
    let row = this.rowIndex.get(packed);
    if (row === undefined) {
      row = this.rowKeys.push(packed) - 1;
      this.rowIndex.set(packed, row);
      if ((row + 1) * this.stride > this.sums.length) this.grow(this.stride, Math.max(1024, (row + 1) * 2));
    }
    return row;
  }

  private sumOf(name: string): number {
    let index = this.sumIndex.get(name);
    if (index === undefined) {
      index = this.sumNames.push(name) - 1;
      this.sumIndex.set(name, index);
      if (index >= this.stride) this.grow(index + 1, Math.max(1024, this.rowKeys.length * 2));
    }
    return index;
  }

  /** Reallocates the sums for `rows` rows of `stride` numbers each, keeping what is there. */
  private grow(stride: number, rows: number): void {
    const sums = new Float64Array(rows * stride);
    if (stride === this.stride) sums.set(this.sums);
    else {
      for (let row = 0; row < this.sums.length / this.stride; row++) {
        for (let index = 0; index < this.stride; index++) sums[row * stride + index] = this.sums[row * this.stride + index];
      }
    }
    this.sums = sums;
    this.stride = stride;
  }
}
