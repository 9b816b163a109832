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

  describe('given lists of parts that share the very same part objects at both ends', () => {
    // Each part in its own cell, so the cells a step visits tell which parts it folded.
    const A = part([1], [1, 2, 1]);
    const B = part([2], [2, 0, 1], true);
    const C = part([3], [3, 1, 0]);
    const D = part([4], [1, 1, 1]);

    /** The cells with sums other than zero, by key: what a fold amounts to, whatever it once held. */
    const amountOf = (fold: CellFold) =>
      Object.fromEntries(
        fold
          .contributions()
          .filter((c) => Object.values(c.sums).some((value) => value !== 0))
          .map((c) => [c.key, Object.values(c.sums)]),
      );

    /** Folds `before`, replaces it with `after`, and tells what the step reported and which parts it applied. */
    const replaced = (before: readonly AggregatePart[], after: readonly AggregatePart[]) => {
      const fold = CellFold.of(RULES, before);
      const applied: string[] = [];
      const apply = fold.apply.bind(fold);
      jest.spyOn(fold, 'apply').mockImplementation((applying, sign) => {
        applied.push(`${sign > 0 ? '+' : '-'}${applying.cells.map((c) => c.key).join('+')}`);
        apply(applying, sign);
      });
      fold.replace(before, after);
      return { fold, changes: changesOf(fold), applied };
    };

    it('when only the middle differs, then the fold amounts to the after list folded from nothing and only the middle parts\' cells are visited', () => {
      const { fold, changes, applied } = replaced([A, B, C], [A, D, C]);
      expect(amountOf(fold)).toEqual(amountOf(CellFold.of(RULES, [A, D, C])));
      expect(changes).toEqual({ 'cell-2': [-2, 0, -1], 'cell-4': [1, 1, 1] });
      expect(applied.sort()).toEqual(['+cell-4', '-cell-2']);
    });

    it('when a part is taken out of the middle, then only its cells are visited', () => {
      const { fold, changes, applied } = replaced([A, B, C, A], [A, C, A]);
      expect(amountOf(fold)).toEqual(amountOf(CellFold.of(RULES, [A, C, A])));
      expect(changes).toEqual({ 'cell-2': [-2, 0, -1] });
      expect(applied).toEqual(['-cell-2']);
    });

    it('when a repeated part loses one of its copies ([A, A] to [A]), then its cells fall by one copy and nothing else is visited', () => {
      const { fold, changes, applied } = replaced([A, A, C], [A, C]);
      expect(amountOf(fold)).toEqual(amountOf(CellFold.of(RULES, [A, C])));
      expect(changes).toEqual({ 'cell-1': [-1, -2, -1] });
      expect(applied).toEqual(['-cell-1']);
    });

    it('when [A, A] becomes [A] with nothing around them, then the fold amounts to one copy', () => {
      const { fold, changes } = replaced([A, A], [A]);
      expect(amountOf(fold)).toEqual(amountOf(CellFold.of(RULES, [A])));
      expect(changes).toEqual({ 'cell-1': [-1, -2, -1] });
    });

    it('when a repeated part gains a copy ([A] to [A, A]), then its cells rise by one copy', () => {
      const { fold, changes, applied } = replaced([B, A], [B, A, A]);
      expect(amountOf(fold)).toEqual(amountOf(CellFold.of(RULES, [B, A, A])));
      expect(changes).toEqual({ 'cell-1': [1, 2, 1] });
      expect(applied).toEqual(['+cell-1']);
    });

    it('when the middle holds another object with the same key, then nothing changes', () => {
      const same = part([2], [2, 0, 1], true);
      expect(same).not.toBe(B);
      const { fold, changes, applied } = replaced([A, B, C], [A, same, C]);
      expect(amountOf(fold)).toEqual(amountOf(CellFold.of(RULES, [A, B, C])));
      expect(changes).toEqual({});
      expect(applied).toEqual([]);
    });

    it('when the lists are identical, whether one array or two, then nothing is applied and nothing visited', () => {
      const list = [A, B, A, C];
      for (const after of [list, [...list]]) {
        const { fold, changes, applied } = replaced(list, after);
        expect(amountOf(fold)).toEqual(amountOf(CellFold.of(RULES, list)));
        expect(changes).toEqual({});
        expect(applied).toEqual([]);
      }
    });

    it('when the lists share nothing at their ends, then every part is compared and the fold still amounts to the after list', () => {
      const { fold, changes } = replaced([B, A, C], [C, D, A]);
      expect(amountOf(fold)).toEqual(amountOf(CellFold.of(RULES, [C, D, A])));
      expect(changes).toEqual({ 'cell-2': [-2, 0, -1], 'cell-4': [1, 1, 1] });
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
