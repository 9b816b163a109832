import { AggregateContribution, Aggregation, CellFold, ProjectionDocument } from '@toc/domain';
import { IndexMonth, ReplayAxis } from './index-row-deltas';
import { settled } from './rounding-noise';
import { DocumentChange, StoredDocument } from './read-model-store.port';

/**
 * The replay index keeps, for every aggregate row (an indicator cell), two prefix sums:
 *
 * - along business time (`axis: 'happened'`): how the row changes when the day `day` is added to
 *   what had happened, with everything known at the index position;
 * - along recording time (`axis: 'recorded'`): how it changes when the records of day `day`
 *   become known (or withdrawn), whenever they happened.
 *
 * Summing one axis's rows with `day` before a moment's day gives the read model as it stood at
 * the start of that day, so a replay reads sums instead of folding the history. Days are UTC
 * dates (YYYY-MM-DD). A row is stored in its cell's document for the axis and month, which
 * keeps the month's rows in columns (see IndexMonth and StoredIndexMonth).
 */
export const REPLAY_INDEX = 'replay_months';
/**
 * Where an earlier layout kept a row per cell, axis and day. A collection of its own, so that code
 * of either layout never reads the other's; the indexer drops it and builds the months again.
 */
export const DAY_ROW_INDEX = 'replay_index';
/** The document in the index collection that holds the position the index covers. */
export const REPLAY_INDEX_CHECKPOINT = '#checkpoint';

/** The write of the index checkpoint at a position. */
export const indexCheckpoint = (collection: string, position: number): DocumentChange => ({
  collection,
  id: REPLAY_INDEX_CHECKPOINT,
  doc: { id: REPLAY_INDEX_CHECKPOINT, position },
  position,
});

/** A stored index month: the cell's fields, `axis`, `month` (YYYY-MM), the days and each sum's change per day. */
interface StoredIndexMonth {
  readonly id: string;
  readonly month: string;
  readonly days: readonly number[];
  readonly sums: Readonly<Record<string, readonly number[]>>;
}

/** A cell's days with changes in a month, ascending, and per sum its change on each of those days. */
export interface MonthColumns {
  readonly days: readonly number[];
  readonly sums: readonly (readonly number[])[];
}

/** The days of two months merged in order, the sums of a day both have added. */
export const mergedDays = (a: MonthColumns, b: MonthColumns): { days: number[]; sums: number[][] } => {
  const days: number[] = [];
  const sums = a.sums.map((): number[] => []);
  for (let i = 0, j = 0; i < a.days.length || j < b.days.length; ) {
    const day = j >= b.days.length || (i < a.days.length && a.days[i] < b.days[j]) ? a.days[i] : b.days[j];
    const inA = a.days[i] === day;
    const inB = b.days[j] === day;
    days.push(day);
    for (let k = 0; k < sums.length; k++) sums[k].push((inA ? (a.sums[k][i] ?? 0) : 0) + (inB ? (b.sums[k][j] ?? 0) : 0));
    if (inA) i++;
    if (inB) j++;
  }
  return { days, sums };
};

/**
 * The writes that add index months to the stored ones (`stored`, by id, perhaps none): the days
 * of both are merged in order, a day whose sums all come to zero is left out, and a month left
 * with no days is deleted. Rounding noise counts as zero.
 */
export function* monthChanges(
  collection: string,
  sumNames: readonly string[],
  deltas: Iterable<IndexMonth>,
  stored: ReadonlyMap<string, StoredDocument>,
  position: number,
): Generator<DocumentChange> {
  const none = { days: [], sums: sumNames.map(() => []) };
  for (const delta of deltas) {
    const previous = stored.get(delta.key)?.doc as StoredIndexMonth | undefined;
    const merged = mergedDays(previous ? { days: previous.days, sums: sumNames.map((name) => previous.sums[name] ?? []) } : none, delta);
    const days: number[] = [];
    const sums = sumNames.map((): number[] => []);
    merged.days.forEach((day, index) => {
      const values = merged.sums.map((column) => settled(column[index]));
      if (values.every((value) => value === 0)) return;
      days.push(day);
      values.forEach((value, k) => sums[k].push(value));
    });
    if (days.length === 0 && previous === undefined) continue;
    const doc = days.length === 0 ? null : { id: delta.key, ...delta.fields, days, sums: Object.fromEntries(sumNames.map((name, k) => [name, sums[k]])) };
    yield { collection, id: delta.key, doc, position };
  }
}

/**
 * The sums of a stored index month over its days before `day` (YYYY-MM-DD; every day when
 * undefined), or null when it has none before it.
 */
export const monthSumsBefore = (doc: Readonly<Record<string, unknown>>, day: string | undefined): Record<string, number> | null => {
  const month = doc as unknown as StoredIndexMonth;
  const baseMonth = day?.slice(0, 7);
  if (baseMonth !== undefined && month.month > baseMonth) return null;
  const dayOfMonth = baseMonth === month.month ? Number(day!.slice(8, 10)) : Infinity;
  let count = 0;
  while (count < month.days.length && month.days[count] < dayOfMonth) count++;
  if (count === 0) return null;
  const sums: Record<string, number> = {};
  for (const name in month.sums) {
    let sum = 0;
    for (let index = 0; index < count; index++) sum += month.sums[name][index];
    sums[name] = sum;
  }
  return sums;
};

export type { ReplayAxis };

export const dayOf = (iso: string): string => iso.slice(0, 10);
/** Deltas of aggregate rows by row id, summed over documents before they are written. */
export type RowDeltas = Map<string, AggregateContribution & { sums: Record<string, number> }>;

/** The delta of a row in `deltas`, added when missing. */
const deltaOf = (deltas: RowDeltas, key: string, fields: AggregateContribution['fields']) => {
  let delta = deltas.get(key);
  if (!delta) deltas.set(key, (delta = { key, fields, sums: {} }));
  return delta;
};

/**
 * Adds to `deltas` how the rows change when a document goes from `before` to `after` (null: no
 * document): only the parts it lost or gained are folded.
 */
export const addDocumentRowChanges = (deltas: RowDeltas, aggregation: Aggregation, collection: string, before: ProjectionDocument | null, after: ProjectionDocument | null): void => {
  const partsBefore = before ? aggregation.parts(collection, before) : [];
  const fold = CellFold.of(aggregation, partsBefore);
  fold.replace(partsBefore, after ? aggregation.parts(collection, after) : []);
  const { sumNames } = aggregation;
  fold.changes((cell, change) => {
    const delta = deltaOf(deltas, cell.key, cell.fields);
    for (let index = 0; index < sumNames.length; index++) delta.sums[sumNames[index]] = (delta.sums[sumNames[index]] ?? 0) + change[index];
  });
};

/** Adds `factor` times contributions to `deltas`, by their row keys. */
export const addContributions = (deltas: RowDeltas, contributions: readonly AggregateContribution[], factor: number): void => {
  for (const contribution of contributions) {
    const delta = deltaOf(deltas, contribution.key, contribution.fields);
    for (const name in contribution.sums) delta.sums[name] = (delta.sums[name] ?? 0) + factor * contribution.sums[name];
  }
};
