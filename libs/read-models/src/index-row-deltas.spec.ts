import { AggregateCell } from '@toc/domain';
import { IndexRowDeltas, dayNumberOf } from './index-row-deltas';

const SUMS = ['numerator', 'denominator'];
const A: AggregateCell = { id: 7, key: 'A', fields: { indicator: 'A' } };
const B: AggregateCell = { id: 3, key: 'B', fields: { indicator: 'B' } };

describe('given index rows summed in columns', () => {
  it('when steps add to cells on days and axes, then each row sums its steps and keeps the cell fields', () => {
    const deltas = new IndexRowDeltas(SUMS);
    deltas.add(A, [1, 2], 'happened', dayNumberOf('2010-03-01'), 1);
    deltas.add(A, [1, 2], 'happened', dayNumberOf('2010-03-01'), 1);
    deltas.add(A, [2, 0], 'recorded', dayNumberOf('2010-03-01'), -1);
    deltas.add(B, [5, 0], 'happened', dayNumberOf('2011-12-31'), 1);

    expect([...deltas.contributions()]).toEqual([
      { key: 'A#happened:2010-03-01', fields: { indicator: 'A', axis: 'happened', day: '2010-03-01' }, sums: { numerator: 2, denominator: 4 } },
      { key: 'A#recorded:2010-03-01', fields: { indicator: 'A', axis: 'recorded', day: '2010-03-01' }, sums: { numerator: -2, denominator: 0 } },
      { key: 'B#happened:2011-12-31', fields: { indicator: 'B', axis: 'happened', day: '2011-12-31' }, sums: { numerator: 5, denominator: 0 } },
    ]);
  });

  it('when rows outgrow the first columns and the days of a cell its first table, then the rows written before keep their sums', () => {
    const deltas = new IndexRowDeltas(SUMS);
    for (let day = 1; day <= 3_000; day++) deltas.add(A, [day, 1], 'happened', dayNumberOf('2009-12-31') + day, 1);
    deltas.add(A, [0, 7], 'recorded', dayNumberOf('2010-01-01'), 1);

    const rows = [...deltas.contributions()];
    expect(rows).toHaveLength(3_001);
    expect(rows[0].sums).toEqual({ numerator: 1, denominator: 1 });
    expect(rows[2_999]).toMatchObject({ key: 'A#happened:2018-03-19', sums: { numerator: 3_000, denominator: 1 } });
    expect(rows[3_000]).toMatchObject({ key: 'A#recorded:2010-01-01', sums: { numerator: 0, denominator: 7 } });
  });
});
