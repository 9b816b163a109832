import { IndexMonth } from './index-row-deltas';
import { monthChanges, monthSumsBefore } from './replay-index';
import { StoredDocument } from './read-model-store.port';

const SUMS = ['numerator', 'subjects'];
const FIELDS = { indicator: 'A', axis: 'happened', month: '2010-03' } as const;
const delta = (days: number[], sums: number[][]): IndexMonth => ({ key: 'A#happened:2010-03', fields: FIELDS, days, sums });
const stored = (doc: Record<string, unknown>): Map<string, StoredDocument> => new Map([['A#happened:2010-03', { doc: { id: 'A#happened:2010-03', ...doc }, position: 1 }]]);
const changesOf = (month: IndexMonth, before: Map<string, StoredDocument> = new Map()) => [...monthChanges('index', SUMS, [month], before, 9)];

describe('given the months of a replay index', () => {
  it('when a month is written with nothing stored, then it keeps its days and each sum per day, leaving out days that come to zero', () => {
    expect(changesOf(delta([2, 5, 9], [[1, 0, 3], [1, 1e-12, 0]]))).toEqual([
      { collection: 'index', id: 'A#happened:2010-03', position: 9, doc: { id: 'A#happened:2010-03', ...FIELDS, days: [2, 9], sums: { numerator: [1, 3], subjects: [1, 0] } } },
    ]);
  });

  it('when a month with only zero days is written with nothing stored, then nothing is written', () => {
    expect(changesOf(delta([4], [[0], [0]]))).toEqual([]);
  });

  it('when a month is added to a stored one, then their days are merged in order and the sums of a shared day added', () => {
    const [change] = changesOf(delta([1, 5, 20], [[1, 2, 3], [0, 1, 0]]), stored({ ...FIELDS, days: [5, 10], sums: { numerator: [10, 20], subjects: [1, 1] } }));
    expect(change.doc).toEqual({ id: 'A#happened:2010-03', ...FIELDS, days: [1, 5, 10, 20], sums: { numerator: [1, 12, 20, 3], subjects: [0, 2, 1, 0] } });
  });

  it('when the added sums cancel every stored day, then the month is deleted', () => {
    const [change] = changesOf(delta([5], [[-10], [-1]]), stored({ ...FIELDS, days: [5], sums: { numerator: [10], subjects: [1] } }));
    expect(change).toEqual({ collection: 'index', id: 'A#happened:2010-03', doc: null, position: 9 });
  });

  it('when a month is read before a day, then only its earlier days count, and later months none', () => {
    const month = { ...FIELDS, days: [1, 15, 31], sums: { numerator: [1, 2, 4], subjects: [1, 0, 1] } };
    expect(monthSumsBefore(month, '2010-03-15')).toEqual({ numerator: 1, subjects: 1 });
    expect(monthSumsBefore(month, '2010-03-01')).toBeNull();
    expect(monthSumsBefore(month, '2010-04-01')).toEqual({ numerator: 7, subjects: 2 });
    expect(monthSumsBefore(month, undefined)).toEqual({ numerator: 7, subjects: 2 });
    expect(monthSumsBefore(month, '2010-02-28')).toBeNull();
  });
});
