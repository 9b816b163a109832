import { AggregateCell } from '@toc/domain';
import { IndexRowDeltas, dayNumberOf } from './index-row-deltas';

const SUMS = ['numerator', 'denominator'];
const A: AggregateCell = { id: 7, key: 'A', fields: { indicator: 'A' } };
const B: AggregateCell = { id: 3, key: 'B', fields: { indicator: 'B' } };

describe('given index rows summed in columns', () => {
  it('when steps add to cells on days and axes, then each month of a cell and axis holds its days in order, each summing its steps', () => {
    const deltas = new IndexRowDeltas(SUMS);
    deltas.add(A, [1, 2], 'happened', dayNumberOf('2010-03-31'), 1);
    deltas.add(A, [1, 2], 'happened', dayNumberOf('2010-03-01'), 1);
    deltas.add(A, [1, 2], 'happened', dayNumberOf('2010-03-01'), 1);
    deltas.add(A, [4, 0], 'happened', dayNumberOf('2010-04-01'), 1);
    deltas.add(A, [2, 0], 'recorded', dayNumberOf('2010-03-01'), -1);
    deltas.add(B, [5, 0], 'happened', dayNumberOf('2011-12-31'), 1);

    expect([...deltas.months()]).toEqual([
      { key: 'A#happened:2010-03', fields: { indicator: 'A', axis: 'happened', month: '2010-03' }, days: [1, 31], sums: [[2, 1], [4, 2]] },
      { key: 'A#happened:2010-04', fields: { indicator: 'A', axis: 'happened', month: '2010-04' }, days: [1], sums: [[4], [0]] },
      { key: 'A#recorded:2010-03', fields: { indicator: 'A', axis: 'recorded', month: '2010-03' }, days: [1], sums: [[-2], [0]] },
      { key: 'B#happened:2011-12', fields: { indicator: 'B', axis: 'happened', month: '2011-12' }, days: [31], sums: [[5], [0]] },
    ]);
  });

  it('when rows outgrow the first columns and the days of a cell its first table, then the rows written before keep their sums', () => {
    const deltas = new IndexRowDeltas(SUMS);
    for (let day = 1; day <= 3_000; day++) deltas.add(A, [day, 1], 'happened', dayNumberOf('2009-12-31') + day, 1);
    deltas.add(A, [0, 7], 'recorded', dayNumberOf('2010-01-01'), 1);

    const months = [...deltas.months()];
    expect(months.reduce((days, month) => days + month.days.length, 0)).toBe(3_001);
    expect(months[0]).toMatchObject({ key: 'A#happened:2010-01', days: Array.from({ length: 31 }, (_, day) => day + 1) });
    expect(months[0].sums[0].slice(0, 2)).toEqual([1, 2]);
    expect(months.at(-2)).toMatchObject({ key: 'A#happened:2018-03', days: Array.from({ length: 19 }, (_, day) => day + 1) });
    expect(months.at(-2)!.sums[0].at(-1)).toBe(3_000);
    expect(months.at(-1)).toMatchObject({ key: 'A#recorded:2010-01', days: [1], sums: [[0], [7]] });
  });

  it('when rows summed in another instance, whose cells have other ids, are absorbed, then the months and totals are those of one instance that summed every step', () => {
    const steps: [AggregateCell, number[], 'happened' | 'recorded', string][] = [
      [A, [1, 2], 'happened', '2010-03-01'],
      [B, [5, 0], 'recorded', '2010-03-02'],
      [A, [3, 0], 'happened', '2010-03-01'],
      [A, [1, 1], 'recorded', '2010-05-20'],
      [B, [2, 2], 'happened', '2011-01-01'],
    ];
    const alone = new IndexRowDeltas(SUMS);
    for (const [cell, change, axis, day] of steps) alone.add(cell, change, axis, dayNumberOf(day), 1);

    const here = new IndexRowDeltas(SUMS);
    const there = new IndexRowDeltas(SUMS);
    // The other thread numbers the same cells differently.
    const elsewhere = (cell: AggregateCell): AggregateCell => ({ ...cell, id: cell.id + 100 });
    steps.forEach(([cell, change, axis, day], index) => (index % 2 === 0 ? here.add(cell, change, axis, dayNumberOf(day), 1) : there.add(elsewhere(cell), change, axis, dayNumberOf(day), 1)));
    here.absorb(there.exported());

    expect([...here.months()]).toEqual([...alone.months()]);
    expect([...here.totals()].sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual([...alone.totals()].sort((a, b) => (a.key < b.key ? -1 : 1)));
    expect([...here.totals()].find((total) => total.key === 'A')?.sums).toEqual({ numerator: 4, denominator: 2 });
  });
});
