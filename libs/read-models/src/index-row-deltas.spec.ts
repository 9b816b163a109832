import { AggregateContribution } from '@toc/domain';
import { IndexRowDeltas } from './index-row-deltas';

const cell = (key: string, sums: Record<string, number>): AggregateContribution => ({ key, fields: { indicator: key }, sums });

describe('given index rows summed in columns', () => {
  it('when steps add to cells on days and axes, then each row sums its steps and keeps the cell fields', () => {
    const deltas = new IndexRowDeltas();
    deltas.add(cell('A', { numerator: 1, denominator: 2 }), undefined, 'happened', '2010-03-01', 1);
    deltas.add(cell('A', { numerator: 1, denominator: 2 }), undefined, 'happened', '2010-03-01', 1);
    deltas.add(cell('A', { numerator: 3, denominator: 2 }), cell('A', { numerator: 1, denominator: 2 }), 'recorded', '2010-03-01', -1);
    deltas.add(cell('B', { numerator: 5 }), undefined, 'happened', '2011-12-31', 1);

    expect([...deltas.contributions()]).toEqual([
      { key: 'A#happened:2010-03-01', fields: { indicator: 'A', axis: 'happened', day: '2010-03-01' }, sums: { numerator: 2, denominator: 4 } },
      { key: 'A#recorded:2010-03-01', fields: { indicator: 'A', axis: 'recorded', day: '2010-03-01' }, sums: { numerator: -2, denominator: 0 } },
      { key: 'B#happened:2011-12-31', fields: { indicator: 'B', axis: 'happened', day: '2011-12-31' }, sums: { numerator: 5, denominator: 0 } },
    ]);
  });

  it('when a sum name first appears after thousands of rows, then the rows written before keep their sums', () => {
    const deltas = new IndexRowDeltas();
    for (let day = 1; day <= 3_000; day++) {
      const date = new Date(Date.UTC(2010, 0, day)).toISOString().slice(0, 10);
      deltas.add(cell('A', { numerator: day }), undefined, 'happened', date, 1);
    }
    deltas.add(cell('A', { subjects: 7 }), undefined, 'recorded', '2010-01-01', 1);

    const rows = [...deltas.contributions()];
    expect(rows).toHaveLength(3_001);
    expect(rows[0].sums).toEqual({ numerator: 1, subjects: 0 });
    expect(rows[2_999]).toMatchObject({ key: 'A#happened:2018-03-19', sums: { numerator: 3_000, subjects: 0 } });
    expect(rows[3_000]).toMatchObject({ key: 'A#recorded:2010-01-01', sums: { numerator: 0, subjects: 7 } });
  });

  it('when a previous contribution has a sum the new one lacks, then the row takes that sum away', () => {
    const deltas = new IndexRowDeltas();
    deltas.add(cell('A', { numerator: 1 }), cell('A', { numerator: 1, subjects: 1 }), 'happened', '2010-06-30', 1);

    expect([...deltas.contributions()][0].sums).toEqual({ numerator: 0, subjects: -1 });
  });
});
