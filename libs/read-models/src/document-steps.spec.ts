import { AggregateCell, AggregatePart, Aggregation, CellFold, EventRecord, ProjectionDocument, RecordDocument, WithdrawnRecord, documentAt } from '@toc/domain';
import { addDocumentChange } from './document-steps';
import { IndexRowDeltas, ReplayAxis } from './index-row-deltas';

const COLLECTION = 'things';
const SUM_NAMES = ['count', 'people'];
const AXES: readonly ReplayAxis[] = ['happened', 'recorded'];
const DAY_MS = 86_400_000;

// Cells are shared objects with distinct ids, as an aggregation's cells are.
const CELLS: Record<string, AggregateCell> = {
  visit: { id: 4, key: 'type|visit', fields: { type: 'visit' } },
  call: { id: 9, key: 'type|call', fields: { type: 'call' } },
};
const PEOPLE: AggregateCell = { id: 2, key: 'people|*', fields: { type: '*' } };

/** Equal parts are the same object, as an aggregation's parts are (see indicatorParts). */
const partsByKey = new Map<string, AggregatePart>();
const partOf = (cells: readonly AggregateCell[], sums: readonly number[], capped: boolean): AggregatePart => {
  const key = `${cells.map((c) => c.id).join('+')}=${sums.join(',')}${capped ? '/capped' : ''}`;
  let part = partsByKey.get(key);
  if (part === undefined) partsByKey.set(key, (part = { key, cells, sums, capped }));
  return part;
};

/** Which sets of records the aggregation was asked for the parts of, by sorted event ids. */
let asked: string[] = [];

/**
 * Per record: one additive part in its type's cell, and one capped part in a shared cell (a
 * count of records there, and the largest number of people of any record as a capped sum).
 */
const AGGREGATION: Aggregation = {
  collection: COLLECTION,
  sumNames: SUM_NAMES,
  cappedSums: [false, true],
  parts: (_collection: string, doc: ProjectionDocument) => {
    const records = (doc as RecordDocument).records;
    asked.push(Object.keys(records).sort().join(','));
    return Object.values(records).flatMap((record) => {
      const people = (record.data as { people: number }).people;
      return [partOf([CELLS[record.type]], [1, people], false), partOf([PEOPLE], [1, people], true)];
    });
  },
};

const time = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const endOf = (day: string) => `${day}T23:59:59.999Z`;

const record = (type: 'visit' | 'call', people: number, at: string, recordedAt: string, position: number): EventRecord =>
  ({ type, data: { people }, at: time(at), recordedAt: time(recordedAt, 12), position }) as EventRecord;
const withdrawnRecord = (rec: EventRecord, withdrawnAt: string, withdrawnPosition: number): WithdrawnRecord =>
  ({ ...rec, withdrawnAt: time(withdrawnAt, 15), withdrawnPosition }) as WithdrawnRecord;

/** Rows by axis, then day, then cell key: each sum's change on that day. */
type Rows = Record<ReplayAxis, Record<string, Record<string, number[]>>>;

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) - DAY_MS).toISOString().slice(0, 10);

/** Every day a document's records name, from the first to the last. */
const daysOf = (doc: RecordDocument): string[] => {
  const named = [
    ...Object.values(doc.records).flatMap((r) => [r.at, r.recordedAt]),
    ...Object.values(doc.withdrawn ?? {}).flatMap((r) => [r.at, r.recordedAt, r.withdrawnAt]),
  ].map((iso) => iso.slice(0, 10));
  const first = named.reduce((a, b) => (a < b ? a : b));
  const last = named.reduce((a, b) => (a > b ? a : b));
  const days: string[] = [];
  for (let day = first; day <= last; day = dayAfter(day)) days.push(day);
  return days;
};

/** The sums per cell key of a document as the aggregation folds it, or none for no document. */
const sumsOf = (doc: RecordDocument | null): Record<string, number[]> => {
  if (doc === null) return {};
  const contributions = CellFold.of(AGGREGATION, AGGREGATION.parts(COLLECTION, doc)).contributions();
  return Object.fromEntries(contributions.map((c) => [c.key, SUM_NAMES.map((name) => c.sums[name])]));
};

/** How each cell's sums differ from one fold to another, leaving out cells that do not. */
const differenceOf = (after: Record<string, number[]>, before: Record<string, number[]>): Record<string, number[]> => {
  const difference: Record<string, number[]> = {};
  for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) {
    const change = SUM_NAMES.map((_, index) => (after[key]?.[index] ?? 0) - (before[key]?.[index] ?? 0));
    if (change.some((value) => value !== 0)) difference[key] = change;
  }
  return difference;
};

/**
 * The rows worked out from scratch: on each day, the document as it stood at the end of the day
 * (what had happened by then of what counts at `position`, or what was known by then), folded,
 * minus the same for the day before.
 */
const reference = (doc: RecordDocument, position: number): Rows => {
  const current = documentAt(doc, { position });
  const standing: Record<ReplayAxis, (day: string) => RecordDocument | null> = {
    happened: (day) => (current === null ? null : documentAt(current, { asOf: endOf(day) })),
    recorded: (day) => documentAt(doc, { knownAt: endOf(day), position }),
  };
  const rows: Rows = { happened: {}, recorded: {} };
  const days = daysOf(doc);
  for (const axis of AXES) {
    let before = sumsOf(standing[axis](dayBefore(days[0])));
    for (const day of days) {
      const after = sumsOf(standing[axis](day));
      const change = differenceOf(after, before);
      if (Object.keys(change).length > 0) rows[axis][day] = change;
      before = after;
    }
  }
  return rows;
};

/** The rows of one reference minus those of another, leaving out what comes to zero. */
const minus = (a: Rows, b: Rows): Rows => {
  const rows: Rows = { happened: {}, recorded: {} };
  for (const axis of AXES) {
    for (const day of new Set([...Object.keys(a[axis]), ...Object.keys(b[axis])])) {
      const change = differenceOf(a[axis][day] ?? {}, b[axis][day] ?? {});
      if (Object.keys(change).length > 0) rows[axis][day] = change;
    }
  }
  return rows;
};

/** The rows `addDocumentChange` adds, read back from the index months, leaving out what comes to zero. */
const changeOf = (doc: RecordDocument, from: number, to: number): Rows => {
  const deltas = new IndexRowDeltas(SUM_NAMES);
  addDocumentChange(deltas, AGGREGATION, COLLECTION, doc, from, to);
  const rows: Rows = { happened: {}, recorded: {} };
  for (const month of deltas.months()) {
    const [cellKey] = month.key.split('#');
    month.days.forEach((dayOfMonth, k) => {
      const change = month.sums.map((sums) => sums[k]);
      if (change.every((value) => Math.abs(value) < 1e-9)) return;
      const day = `${month.fields.month}-${String(dayOfMonth).padStart(2, '0')}`;
      (rows[month.fields.axis][day] ??= {})[cellKey] = change;
    });
  }
  return rows;
};

/** Each axis has at least one row, and no more than the given days. */
const expectDays = (rows: Rows, days: Record<ReplayAxis, string[]>) => {
  for (const axis of AXES) {
    expect(Object.keys(rows[axis]).length).toBeGreaterThan(0);
    expect(Object.keys(rows[axis]).sort()).toEqual(days[axis]);
  }
};

const documentOf = (records: Record<string, EventRecord>, withdrawn?: Record<string, WithdrawnRecord>): RecordDocument => ({
  id: 'thing-1',
  records,
  ...(withdrawn && { withdrawn }),
});

describe('addDocumentChange', () => {
  beforeEach(() => (asked = []));

  describe('given records recorded in the order they happened, each on a later day', () => {
    const doc = documentOf({
      e1: record('visit', 2, '2024-03-01', '2024-03-03', 1),
      e2: record('call', 5, '2024-03-02', '2024-03-06', 2),
      e3: record('visit', 1, '2024-03-30', '2024-04-02', 3),
    });

    it('when its rows are added from nothing, then each axis equals the document folded day by day, the recorded rows on the recording days', () => {
      const rows = changeOf(doc, 0, 3);
      expect(rows).toEqual(reference(doc, 3));
      expectDays(rows, { happened: ['2024-03-01', '2024-03-02', '2024-03-30'], recorded: ['2024-03-03', '2024-03-06', '2024-04-02'] });
      expect(rows.happened['2024-03-02']).toEqual({ 'type|call': [1, 5], 'people|*': [1, 3] });
      expect(rows.recorded['2024-03-06']).toEqual({ 'type|call': [1, 5], 'people|*': [1, 3] });
      // Summed over the days, each axis comes to the document as it is.
      expect(sumsOf(doc)).toEqual({ 'type|visit': [2, 3], 'people|*': [3, 5], 'type|call': [1, 5] });
    });
  });

  describe('given records recorded late and in another order than they happened', () => {
    const doc = documentOf({
      e1: record('visit', 2, '2024-03-05', '2024-03-09', 1),
      e2: record('call', 4, '2024-03-01', '2024-03-10', 2),
      e3: record('visit', 7, '2024-03-03', '2024-03-09', 3),
      e4: record('call', 1, '2024-03-07', '2024-03-08', 4),
    });

    it('when its rows are added from nothing, then each axis equals the document folded day by day', () => {
      const rows = changeOf(doc, 0, 4);
      expect(rows).toEqual(reference(doc, 4));
      expectDays(rows, { happened: ['2024-03-01', '2024-03-03', '2024-03-05', '2024-03-07'], recorded: ['2024-03-08', '2024-03-09', '2024-03-10'] });
      // Known on the 9th: the two visits, and the largest number of people so far (7, after 1).
      expect(rows.recorded['2024-03-09']).toEqual({ 'type|visit': [2, 9], 'people|*': [2, 6] });
    });
  });

  describe('given a document with a withdrawn record', () => {
    const doc = documentOf(
      {
        e1: record('visit', 2, '2024-03-01', '2024-03-02', 1),
        e3: record('call', 1, '2024-03-04', '2024-03-05', 3),
      },
      { e2: withdrawnRecord(record('visit', 6, '2024-03-03', '2024-03-03', 2), '2024-03-08', 4) },
    );

    it('when its rows are added from nothing, then the withdrawn record never counts on the business axis and counts on the recording axis until its withdrawal became known', () => {
      const rows = changeOf(doc, 0, 4);
      expect(rows).toEqual(reference(doc, 4));
      expectDays(rows, { happened: ['2024-03-01', '2024-03-04'], recorded: ['2024-03-02', '2024-03-03', '2024-03-05', '2024-03-08'] });
      expect(rows.recorded['2024-03-08']).toEqual({ 'type|visit': [-1, -6], 'people|*': [-1, -4] });
    });

    it('when its rows are added up to a position before the withdrawal was stored, then the record counts on both axes', () => {
      const rows = changeOf(doc, 0, 3);
      expect(rows).toEqual(reference(doc, 3));
      expectDays(rows, { happened: ['2024-03-01', '2024-03-03', '2024-03-04'], recorded: ['2024-03-02', '2024-03-03', '2024-03-05'] });
    });

    it('when the change is only the storing of the withdrawal, then the rows added are the rows with it minus the rows without it', () => {
      const rows = changeOf(doc, 3, 4);
      expect(rows).toEqual(minus(reference(doc, 4), reference(doc, 3)));
      expectDays(rows, { happened: ['2024-03-03'], recorded: ['2024-03-08'] });
    });
  });

  describe('given a withdrawn record, and a record stored after the withdrawal that happened later', () => {
    const doc = documentOf(
      {
        e1: record('visit', 2, '2024-03-02', '2024-03-02', 1),
        e4: record('visit', 3, '2024-03-06', '2024-03-07', 4),
      },
      // The most people of any record, happened before the others and withdrawn before the last record is stored.
      { e2: withdrawnRecord(record('call', 9, '2024-03-01', '2024-03-03', 2), '2024-03-04', 3) },
    );

    it('when the last record is added, then the withdrawn record stays out of the business axis before the first changed day too', () => {
      const rows = changeOf(doc, 3, 4);
      expect(rows).toEqual(minus(reference(doc, 4), reference(doc, 3)));
      expectDays(rows, { happened: ['2024-03-06'], recorded: ['2024-03-07'] });
      // The largest number of people goes from 2 to 3: the withdrawn 9 does not cap it.
      expect(rows.happened['2024-03-06']).toEqual({ 'type|visit': [1, 3], 'people|*': [1, 1] });
    });
  });

  describe('given a change between two positions', () => {
    const doc = documentOf({
      e1: record('visit', 2, '2024-03-05', '2024-03-06', 1),
      e2: record('call', 3, '2024-03-07', '2024-03-08', 2),
      e3: record('visit', 1, '2024-03-10', '2024-03-11', 3),
      // Stored after the others, it happened before the last two.
      e4: record('visit', 4, '2024-03-06', '2024-03-12', 4),
    });

    it('when a record stored after the first position happened before earlier records, then the rows added are the rows at the second position minus those at the first', () => {
      const rows = changeOf(doc, 3, 4);
      expect(rows).toEqual(minus(reference(doc, 4), reference(doc, 3)));
      expectDays(rows, { happened: ['2024-03-06', '2024-03-07'], recorded: ['2024-03-12'] });
      // The capped sum moves: the largest number of people is 4 from the 6th, so the call on the 7th no longer raises it.
      expect(rows.happened['2024-03-06']).toEqual({ 'type|visit': [1, 4], 'people|*': [1, 2] });
      expect(rows.happened['2024-03-07']).toEqual({ 'people|*': [0, -1] });
    });

    it('when two records are stored between the positions, then the rows added are the rows at the second position minus those at the first', () => {
      const rows = changeOf(doc, 2, 4);
      expect(rows).toEqual(minus(reference(doc, 4), reference(doc, 2)));
      expectDays(rows, { happened: ['2024-03-06', '2024-03-07', '2024-03-10'], recorded: ['2024-03-11', '2024-03-12'] });
    });

    it('when nothing is stored between the positions, then no rows are added', () => {
      expect(changeOf(doc, 4, 9)).toEqual({ happened: {}, recorded: {} });
    });
  });

  describe('given two records with equal parts and one with other parts', () => {
    const doc = documentOf({
      e1: record('visit', 3, '2024-03-01', '2024-03-04', 1),
      e2: record('visit', 3, '2024-03-02', '2024-03-04', 2),
      e3: record('call', 2, '2024-03-03', '2024-03-05', 3),
    });

    it('when its rows are added from nothing, then each axis equals the document folded day by day, and each set of records is folded once', () => {
      const rows = changeOf(doc, 0, 3);
      const sets = [...asked];
      expect(rows).toEqual(reference(doc, 3));
      expectDays(rows, { happened: ['2024-03-01', '2024-03-02', '2024-03-03'], recorded: ['2024-03-04', '2024-03-05'] });
      // The second equal record adds to the count only: the capped people stay at 3.
      expect(rows.happened['2024-03-02']).toEqual({ 'type|visit': [1, 3], 'people|*': [1, 0] });
      expect(rows.recorded['2024-03-04']).toEqual({ 'type|visit': [2, 6], 'people|*': [2, 3] });
      // Both axes reach the sets {e1, e2} and {e1, e2, e3}; each set is asked for once.
      expect(sets.sort()).toEqual(['e1', 'e1,e2', 'e1,e2,e3']);
    });

    it('when the equal records are taken apart one by one, then the part objects they share are the same', () => {
      const [visit] = AGGREGATION.parts(COLLECTION, documentOf({ e1: doc.records.e1 }));
      const [again] = AGGREGATION.parts(COLLECTION, documentOf({ e2: doc.records.e2 }));
      expect(again).toBe(visit);
    });
  });

  describe('given random documents changed between random positions', () => {
    it('when their rows are added, then each equals the rows at the second position minus those at the first', () => {
      let seed = 11;
      const random = (below: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % below);
      const day = (offset: number) => new Date(Date.parse('2024-02-20T00:00:00.000Z') + offset * DAY_MS).toISOString().slice(0, 10);
      let nonEmpty = 0;
      for (let trial = 0; trial < 150; trial++) {
        const records: Record<string, EventRecord> = {};
        const withdrawn: Record<string, WithdrawnRecord> = {};
        const count = 1 + random(6);
        let position = 0;
        for (let index = 0; index < count; index++) {
          const at = random(15);
          const recordedAt = at + random(2) * random(8);
          const rec = record(random(2) === 0 ? 'visit' : 'call', random(4), day(at), day(recordedAt), ++position);
          if (random(4) === 0) withdrawn[`e${index}`] = withdrawnRecord(rec, day(recordedAt + random(5)), ++position);
          else records[`e${index}`] = rec;
        }
        const doc = documentOf(records, Object.keys(withdrawn).length > 0 ? withdrawn : undefined);
        const from = random(position + 1);
        const to = from + random(position - from + 1);
        const rows = changeOf(doc, from, to);
        expect(rows).toEqual(minus(reference(doc, to), reference(doc, from)));
        if (Object.keys(rows.recorded).length > 0) nonEmpty++;
      }
      expect(nonEmpty).toBeGreaterThan(50);
    });
  });
});
