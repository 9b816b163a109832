import { AggregatePart, Aggregation, CellFold, EventRecord, RecordDocument } from '@toc/domain';
import { IndexRowDeltas, ReplayAxis, dayNumberOf } from './index-row-deltas';
import { dayOf } from './replay-index';

interface Entry {
  readonly eventId: string;
  readonly record: EventRecord;
  readonly happened: string;
  readonly recorded: string;
  /** Day of the withdrawal, if it is stored at or before the position in question. */
  readonly withdrawn: string | null;
}

/** A document's records stored at or before a position: its records, then its withdrawn ones, each in the document's order. */
const entriesOf = (doc: RecordDocument, position: number): Entry[] => {
  const entries: Entry[] = [];
  for (const [eventId, record] of Object.entries(doc.records)) {
    if (record.position <= position) entries.push({ eventId, record, happened: dayOf(record.at), recorded: dayOf(record.recordedAt), withdrawn: null });
  }
  for (const [eventId, record] of Object.entries(doc.withdrawn ?? {})) {
    if (record.position <= position) {
      const withdrawn = record.withdrawnPosition <= position ? dayOf(record.withdrawnAt) : null;
      entries.push({ eventId, record, happened: dayOf(record.at), recorded: dayOf(record.recordedAt), withdrawn });
    }
  }
  return entries;
};

/** What is counted on an axis on a day: records that happened by then, or that were known then. */
const countedOn: Record<ReplayAxis, (entry: Entry, day: string) => boolean> = {
  happened: (entry, day) => entry.withdrawn === null && entry.happened <= day,
  recorded: (entry, day) => entry.recorded <= day && (entry.withdrawn === null || entry.withdrawn > day),
};

/** A day on which what counts on an axis may change, and the entries (by index, ascending) whose standing may. */
interface Turn {
  readonly day: string;
  readonly entries: number[];
}

/** The days on which what counts on an axis may change, in order. */
const turnsOn = (entries: readonly Entry[], axis: ReplayAxis): Turn[] => {
  const marks: [day: string, index: number][] = [];
  entries.forEach((entry, index) => {
    if (axis === 'happened') {
      if (entry.withdrawn === null) marks.push([entry.happened, index]);
    } else {
      marks.push([entry.recorded, index]);
      if (entry.withdrawn !== null) marks.push([entry.withdrawn, index]);
    }
  });
  marks.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const turns: Turn[] = [];
  for (const [day, index] of marks) {
    const last = turns[turns.length - 1];
    if (last?.day === day) {
      if (last.entries[last.entries.length - 1] !== index) last.entries.push(index);
    } else turns.push({ day, entries: [index] });
  }
  return turns;
};

/** Whether two axes' turns change the same entries in the same order, so both axes step through the same sets of records. */
const sameTurns = (a: readonly Turn[], b: readonly Turn[]): boolean =>
  a.length === b.length && a.every((turn, i) => turn.entries.length === b[i].entries.length && turn.entries.every((entry, k) => entry === b[i].entries[k]));

/** The day before which a change between two positions cannot alter a document's rows on an axis. */
const firstChangedDay = (doc: RecordDocument, from: number, to: number, axis: ReplayAxis): string | null => {
  const changed = (position: number) => position > from && position <= to;
  let first: string | null = null;
  const consider = (day: string) => (first = first === null || day < first ? day : first);
  for (const record of Object.values(doc.records)) {
    if (changed(record.position)) consider(axis === 'happened' ? dayOf(record.at) : dayOf(record.recordedAt));
  }
  for (const record of Object.values(doc.withdrawn ?? {})) {
    if (axis === 'happened' && (changed(record.position) || changed(record.withdrawnPosition))) consider(dayOf(record.at));
    if (axis === 'recorded' && changed(record.position)) consider(dayOf(record.recordedAt));
    if (axis === 'recorded' && changed(record.withdrawnPosition)) consider(dayOf(record.withdrawnAt));
  }
  return first;
};

/** One axis's walk over a document's records: its turns from the first that the change touches on. */
interface Walk {
  readonly axis: ReplayAxis;
  readonly turns: readonly Turn[];
  readonly start: number;
}

const walkOn = (entries: readonly Entry[], axis: ReplayAxis, pivot: string): Walk => {
  const turns = turnsOn(entries, axis);
  let start = 0;
  while (start < turns.length && turns[start].day < pivot) start++;
  return { axis, turns, start };
};

/** A 32-bit mix of a number (murmur3's finaliser), for hashing sets of entries. */
const mix = (value: number): number => {
  let hash = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
};

/** Which of a document's entries count, and a 53-bit hash of that set, kept up entry by entry. */
class Standing {
  readonly counts: Uint8Array;
  private high = 0;
  private low = 0;

  constructor(size: number) {
    this.counts = new Uint8Array(size);
  }

  /** Sets whether an entry counts; says whether that changed anything. */
  set(index: number, counts: boolean): boolean {
    if ((this.counts[index] === 1) === counts) return false;
    this.counts[index] = counts ? 1 : 0;
    this.high ^= mix(2 * index + 1) & 0x1fffff;
    this.low ^= mix(2 * index + 2);
    return true;
  }

  get hash(): number {
    return this.high * 2 ** 32 + this.low;
  }
}

/**
 * A document's parts per set of its records at a position, made once per set: when records
 * become known in another order than they happened, the two axes still step through many of
 * the same sets. A set is found by its hash and checked entry by entry.
 */
const partsOfSets = (aggregation: Aggregation, collection: string, id: string, entries: readonly Entry[]) => {
  const known = new Map<number, { counts: Uint8Array; parts: readonly AggregatePart[] }[]>();
  return (standing: Standing): readonly AggregatePart[] => {
    const { counts, hash } = standing;
    const candidates = known.get(hash);
    const found = candidates?.find((candidate) => candidate.counts.every((count, index) => count === counts[index]));
    if (found) return found.parts;
    const records: Record<string, EventRecord> = {};
    let any = false;
    entries.forEach((entry, index) => {
      if (counts[index] === 0) return;
      records[entry.eventId] = entry.record;
      any = true;
    });
    const parts = any ? aggregation.parts(collection, { id, records }) : [];
    const made = { counts: counts.slice(), parts };
    if (candidates) candidates.push(made);
    else known.set(hash, [made]);
    return parts;
  };
};

type PartsOf = ReturnType<typeof partsOfSets>;

/**
 * Steps through a document's records turn by turn, and adds each step's change of the rows to
 * `deltas` on each of `walks` (one, or two axes whose turns change the same records, which then
 * share the folding and differ only in the days the rows are kept under).
 */
const step = (deltas: IndexRowDeltas, aggregation: Aggregation, partsOf: PartsOf, entries: readonly Entry[], walks: readonly Walk[], sign: number): void => {
  const [lead] = walks;
  const counted = countedOn[lead.axis];
  // What counts just before the first turn walked: nothing changes between the turn before it and it.
  const from = lead.start > 0 ? lead.turns[lead.start - 1].day : null;
  const standing = new Standing(entries.length);
  if (from !== null) entries.forEach((entry, index) => standing.set(index, counted(entry, from)));
  let before = partsOf(standing);
  const fold = CellFold.of(aggregation, before);
  for (let turn = lead.start; turn < lead.turns.length; turn++) {
    const { day, entries: changed } = lead.turns[turn];
    let moved = false;
    for (const index of changed) if (standing.set(index, counted(entries[index], day))) moved = true;
    if (!moved) continue;
    const after = partsOf(standing);
    fold.replace(before, after);
    before = after;
    const days = walks.map(({ turns }) => dayNumberOf(turns[turn].day));
    fold.changes((cell, change) => {
      for (let k = 0; k < walks.length; k++) deltas.add(cell, change, walks[k].axis, days[k], sign);
    });
  }
};

/**
 * Adds to `deltas` how one document's index rows change when the index moves from position
 * `from` to `to`: on each axis, its steps as seen at `to` minus its steps as seen at `from`.
 * Steps before the first day that the records stored in between touch are the same at both
 * positions and are not computed, so a document that grows at its end costs a step or two.
 * Records mostly become known in the order they happened, so when both axes step through the
 * same sets of records, the steps are folded once for both.
 */
export const addDocumentChange = (deltas: IndexRowDeltas, aggregation: Aggregation, collection: string, doc: RecordDocument, from: number, to: number): void => {
  const pivots = { happened: firstChangedDay(doc, from, to, 'happened'), recorded: firstChangedDay(doc, from, to, 'recorded') };
  for (const [position, sign] of [
    [from, -1],
    [to, 1],
  ] as const) {
    const entries = entriesOf(doc, position);
    if (entries.length === 0) continue;
    const walks = (['happened', 'recorded'] as const).flatMap((axis) => (pivots[axis] === null ? [] : [walkOn(entries, axis, pivots[axis])]));
    const [happened, recorded] = walks;
    const shared = walks.length === 2 && entries.every((entry) => entry.withdrawn === null) && happened.start === recorded.start && sameTurns(happened.turns, recorded.turns);
    const partsOf = partsOfSets(aggregation, collection, doc.id, entries);
    if (shared) step(deltas, aggregation, partsOf, entries, walks, sign);
    else for (const walk of walks) step(deltas, aggregation, partsOf, entries, [walk], sign);
  }
};
