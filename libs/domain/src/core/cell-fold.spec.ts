import { CellFold, SumRules, contributionsOf } from './cell-fold';
import { AggregateCell, AggregatePart } from './projection';

const RULES: SumRules = { sumNames: ['numerator', 'denominator', 'subjects'], cappedSums: [true, false, true] };
const cell = (id: number): AggregateCell => ({ id, key: `cell-${id}`, fields: { cell: id } });
const part = (cells: readonly number[], sums: readonly number[], capped = false): AggregatePart => ({
  key: `${cells.join('+')}=${sums.join(',')}${capped ? '/capped' : ''}`,
  cells: cells.map(cell),
  sums,
  capped,
});

/** The changes a fold reports, by cell key, copied out of the reused array. */
const changesOf = (fold: CellFold) => {
  const changes: Record<string, number[]> = {};
  fold.changes((changed, change) => (changes[changed.key] = [...change]));
  return changes;
};

const sumsOf = (parts: readonly AggregatePart[]) => Object.fromEntries(contributionsOf(RULES, parts).map((c) => [c.key, Object.values(c.sums)]));

describe('CellFold', () => {
  describe('given additive parts', () => {
    const parts = [part([1, 2], [1, 2, 1]), part([2], [3, 0, 1])];

    it('when they are folded, then each cell adds up the parts that name it', () => {
      expect(sumsOf(parts)).toEqual({ 'cell-1': [1, 2, 1], 'cell-2': [4, 2, 2] });
    });

    it('when one is taken away again, then only its cells change, by its sums', () => {
      const fold = new CellFold(RULES);
      for (const p of parts) fold.apply(p, 1);
      fold.settle();
      fold.apply(parts[1], -1);
      expect(changesOf(fold)).toEqual({ 'cell-2': [-3, 0, -1] });
    });
  });

  describe('given capped parts (a distinct count) in the same cell', () => {
    const once = part([1], [1, 1, 1], true);
    const again = part([1], [1, 1, 1], true);

    it('when two are folded, then the capped sums count once and the uncapped ones add up', () => {
      expect(sumsOf([once, again])).toEqual({ 'cell-1': [1, 2, 1] });
    });

    it('when one of two is taken away, then the capped sums stay and only the uncapped one falls', () => {
      const fold = new CellFold(RULES);
      fold.apply(once, 1);
      fold.apply(again, 1);
      fold.settle();
      fold.apply(again, -1);
      expect(changesOf(fold)).toEqual({ 'cell-1': [0, -1, 0] });
    });

    it('when the larger of two values is taken away, then the cell falls to the other one', () => {
      const fold = new CellFold(RULES);
      fold.apply(part([1], [0, 0, 1], true), 1);
      fold.apply(part([1], [1, 0, 1], true), 1);
      fold.settle();
      fold.apply(part([1], [1, 0, 1], true), -1);
      expect(changesOf(fold)).toEqual({ 'cell-1': [-1, 0, 0] });
    });
  });

  describe('given a document whose parts change', () => {
    const before = [part([1, 2], [1, 0, 1]), part([3], [1, 0, 1], true), part([3], [1, 0, 1], true)];
    const after = [part([1, 2], [1, 0, 1]), part([3], [1, 0, 1], true), part([2, 4], [2, 0, 0])];

    it('when the fold replaces the old parts with the new, then it reports exactly the difference of the two folds', () => {
      const fold = new CellFold(RULES);
      for (const p of before) fold.apply(p, 1);
      fold.settle();
      fold.replace(before, after);
      expect(changesOf(fold)).toEqual({ 'cell-2': [2, 0, 0], 'cell-4': [2, 0, 0] });
    });

    it('when a part is added and taken away within one step, then nothing is reported', () => {
      const fold = new CellFold(RULES);
      for (const p of before) fold.apply(p, 1);
      fold.settle();
      fold.apply(after[2], 1);
      fold.apply(after[2], -1);
      expect(changesOf(fold)).toEqual({});
    });
  });

  describe('given random documents changed step by step', () => {
    it('when each step replaces the parts, then the summed changes equal folding the last parts from nothing', () => {
      let seed = 7;
      const random = (below: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % below);
      const randomParts = () => Array.from({ length: random(6) }, () => part([random(5), random(5)], [random(3), random(4), random(2)], random(2) === 0));
      for (let trial = 0; trial < 200; trial++) {
        const fold = new CellFold(RULES);
        const summed: Record<string, number[]> = {};
        let current: AggregatePart[] = [];
        for (let step = 0; step < 5; step++) {
          const next = randomParts();
          fold.replace(current, next);
          fold.changes((changed, change) => {
            const sums = (summed[changed.key] ??= [0, 0, 0]);
            change.forEach((value, index) => (sums[index] += value));
          });
          current = next;
        }
        const expected = Object.fromEntries(Object.entries(sumsOf(current)).filter(([, sums]) => sums.some((value) => value !== 0)));
        const actual = Object.fromEntries(Object.entries(summed).filter(([, sums]) => sums.some((value) => value !== 0)));
        expect(actual).toEqual(expected);
      }
    });
  });
});
