import { IndicatorCode, IndicatorDefinition, findIndicator } from './indicator-catalogue';
import { IndicatorCell, indicatorView, progressOf } from './indicator-view';
import { CellSums, CellValue, MIN_CELL_SIZE, cellResult, suppressSmallCells } from './suppression';

const definition = (code: string): IndicatorDefinition => {
  const found = findIndicator(code);
  if (!found) throw new Error(`test setup: ${code} is not in the catalogue`);
  return found;
};

const budget = definition('RES-BUDGET'); // sum, subject none
const staffTrained = definition('PRD-STAFF-TRAINED'); // distinct-count, persons
const seatShare = definition('LT-MINORITY-SEAT-SHARE'); // ratio, persons
const learning = definition('PRD-WORKSHOP-LEARNING'); // average, persons, baseline 3 -> target 4
const communication = definition('MED-ASSOCIATIONS-BETTER-COMMUNICATION'); // ratio, baseline 0.3 -> target 0.6
const staffTime = definition('RES-STAFF-TIME'); // sum, baseline 0 -> target 4000

const cell = (dimension: string, value: string, numerator: number, subjects: number, denominator = 0): CellSums => ({
  dimension,
  value,
  numerator,
  denominator,
  subjects,
});
const total = (numerator: number, subjects: number, denominator = 0) => cell('total', '*', numerator, subjects, denominator);

const withheld = (dimension: string, value: string, suppressed: 'small-cell' | 'complementary'): CellValue => ({
  dimension,
  value,
  numerator: null,
  denominator: null,
  subjects: null,
  result: null,
  suppressed,
});

const find = (values: CellValue[], dimension: string, value: string) => values.find((v) => v.dimension === dimension && v.value === value)!;

describe('suppressSmallCells', () => {
  it('given the minimum cell size of the design brief, when it is read, then it is 5', () => {
    expect(MIN_CELL_SIZE).toBe(5);
  });

  describe('given an indicator whose subject is none', () => {
    it('when cells are built from 1 and 2 subjects, then nothing is withheld and the sums are shown', () => {
      const values = suppressSmallCells(budget, [total(3000, 2, 10000), cell('resourceLine', 'R6', 3000, 1, 10000)]);
      expect(values).toEqual([
        { dimension: 'total', value: '*', numerator: 3000, denominator: 10000, subjects: 2, result: 3000, suppressed: null },
        { dimension: 'resourceLine', value: 'R6', numerator: 3000, denominator: 10000, subjects: 1, result: 3000, suppressed: null },
      ]);
    });
  });

  describe('given an indicator about persons', () => {
    it.each([1, 2, 3, 4])('when a cell is built from %i subject(s), then all of its figures are null and it is flagged small-cell', (subjects) => {
      expect(suppressSmallCells(staffTrained, [total(subjects, subjects)])).toEqual([withheld('total', '*', 'small-cell')]);
    });

    it('when a cell is built from 5 subjects, then it is shown', () => {
      expect(suppressSmallCells(staffTrained, [total(5, 5)])).toEqual([
        { dimension: 'total', value: '*', numerator: 5, denominator: 0, subjects: 5, result: 5, suppressed: null },
      ]);
    });

    it('when a cell is built from 0 subjects, then it is not withheld', () => {
      expect(suppressSmallCells(staffTrained, [total(0, 0)])).toEqual([
        { dimension: 'total', value: '*', numerator: 0, denominator: 0, subjects: 0, result: 0, suppressed: null },
      ]);
    });
  });

  describe('given a breakdown with exactly one small cell, a zero cell and two larger cells', () => {
    const cells = [
      total(15, 15),
      cell('housingArea', 'tingbjerg-husum', 2, 2),
      cell('housingArea', 'mjolnerparken', 7, 7),
      cell('housingArea', 'urbanplanen', 6, 6),
      cell('housingArea', 'sydhavnen', 0, 0),
      cell('role', 'frontline', 8, 8),
      cell('role', 'teacher', 7, 7),
    ];

    it('when it is suppressed, then the smallest other non-zero cell of the same breakdown is withheld as complementary', () => {
      const values = suppressSmallCells(staffTrained, cells);
      expect(find(values, 'housingArea', 'tingbjerg-husum')).toEqual(withheld('housingArea', 'tingbjerg-husum', 'small-cell'));
      expect(find(values, 'housingArea', 'urbanplanen')).toEqual(withheld('housingArea', 'urbanplanen', 'complementary'));
    });

    it('when it is suppressed, then the zero cell, the larger cell, the total and the other breakdown stay visible', () => {
      const values = suppressSmallCells(staffTrained, cells);
      expect(find(values, 'housingArea', 'sydhavnen').suppressed).toBeNull();
      expect(find(values, 'housingArea', 'mjolnerparken')).toEqual({
        dimension: 'housingArea',
        value: 'mjolnerparken',
        numerator: 7,
        denominator: 0,
        subjects: 7,
        result: 7,
        suppressed: null,
      });
      expect(find(values, 'total', '*').result).toBe(15);
      expect(find(values, 'role', 'frontline').result).toBe(8);
      expect(find(values, 'role', 'teacher').result).toBe(7);
    });
  });

  describe('given a breakdown with one small cell whose only other non-zero cell is large', () => {
    it('when it is suppressed, then that large cell is the complement even though a zero cell is smaller', () => {
      const values = suppressSmallCells(staffTrained, [
        total(11, 11),
        cell('housingArea', 'tingbjerg-husum', 2, 2),
        cell('housingArea', 'sydhavnen', 0, 0),
        cell('housingArea', 'folehaven', 9, 9),
      ]);
      expect(find(values, 'housingArea', 'folehaven').suppressed).toBe('complementary');
      expect(find(values, 'housingArea', 'sydhavnen').suppressed).toBeNull();
    });
  });

  describe('given a breakdown with one small cell and two equally small candidates', () => {
    it('when it is suppressed, then exactly one of them is withheld as complementary', () => {
      const values = suppressSmallCells(staffTrained, [
        total(15, 15),
        cell('housingArea', 'tingbjerg-husum', 3, 3),
        cell('housingArea', 'mjolnerparken', 6, 6),
        cell('housingArea', 'akacieparken', 6, 6),
      ]);
      expect(values.filter((v) => v.suppressed === 'complementary')).toHaveLength(1);
      expect(values.filter((v) => v.suppressed === 'small-cell')).toHaveLength(1);
    });
  });

  describe('given a breakdown with two small cells', () => {
    it('when it is suppressed, then no extra cell is withheld', () => {
      const values = suppressSmallCells(staffTrained, [
        total(13, 13),
        cell('housingArea', 'tingbjerg-husum', 2, 2),
        cell('housingArea', 'mjolnerparken', 3, 3),
        cell('housingArea', 'urbanplanen', 8, 8),
      ]);
      expect(find(values, 'housingArea', 'tingbjerg-husum').suppressed).toBe('small-cell');
      expect(find(values, 'housingArea', 'mjolnerparken').suppressed).toBe('small-cell');
      expect(find(values, 'housingArea', 'urbanplanen').suppressed).toBeNull();
      expect(values.filter((v) => v.suppressed === 'complementary')).toEqual([]);
    });
  });

  describe('given a small total and a single breakdown cell', () => {
    it('when it is suppressed, then both are withheld as small cells and nothing else is touched', () => {
      const values = suppressSmallCells(staffTrained, [total(3, 3), cell('role', 'frontline', 3, 3)]);
      expect(values).toEqual([withheld('total', '*', 'small-cell'), withheld('role', 'frontline', 'small-cell')]);
    });
  });

  describe('given the results of cells by aggregation', () => {
    it('when a ratio has a denominator, then its result is numerator over denominator', () => {
      const [shown] = suppressSmallCells(seatShare, [total(3, 12, 12)]);
      expect(shown.result).toBe(0.25);
    });

    it('when a ratio has a denominator of 0, then its result is null but it is not withheld', () => {
      const [shown] = suppressSmallCells(seatShare, [total(0, 0, 0)]);
      expect(shown).toEqual({ dimension: 'total', value: '*', numerator: 0, denominator: 0, subjects: 0, result: null, suppressed: null });
    });

    it('when an average has responses, then its result is the sum of scores over the responses', () => {
      const [shown] = suppressSmallCells(learning, [total(38, 10, 10)]);
      expect(shown.result).toBe(3.8);
    });

    it('when cellResult is asked for an average with no responses, then it is null', () => {
      expect(cellResult(learning, { numerator: 0, denominator: 0 })).toBeNull();
    });

    it('when cellResult is asked for a count or a sum, then it is the numerator whatever the denominator', () => {
      expect(cellResult(staffTrained, { numerator: 17, denominator: 0 })).toBe(17);
      expect(cellResult(budget, { numerator: 2300, denominator: 5000 })).toBe(2300);
    });
  });
});

const stored = (definitionCode: IndicatorCode, dimension: string, value: string, numerator: number, subjects: number, denominator = 0): IndicatorCell => ({
  indicator: definitionCode,
  periodType: 'quarter',
  period: '2010-Q2',
  dimension,
  value,
  sums: { numerator, denominator, subjects },
});

describe('indicatorView', () => {
  describe('given no cells at all for a count indicator', () => {
    it('when the view is built, then the total is a zero, every breakdown is an empty list, and progress is 0', () => {
      const view = indicatorView(staffTrained, 'quarter', '2010-Q2', []);
      expect(view.total).toEqual({ dimension: 'total', value: '*', numerator: 0, denominator: 0, subjects: 0, result: 0, suppressed: null });
      expect(view.breakdowns).toEqual({ workshopTopic: [], role: [], employer: [], housingArea: [] });
      expect(view.suppressedCells).toBe(0);
      expect(view.progress).toEqual({ baseline: 0, target: 120, direction: 'increase', achieved: 0 });
    });

    it('when the view is built, then it names the indicator, its node, unit, aggregation and period', () => {
      const view = indicatorView(staffTrained, 'quarter', '2010-Q2', []);
      expect(view.code).toBe('PRD-STAFF-TRAINED');
      expect(view.node).toBe('P2');
      expect(view.aggregation).toBe('distinct-count');
      expect(view.unit).toEqual({ da: 'personer', en: 'persons' });
      expect(view.name.en).toBe('Staff trained');
      expect([view.periodType, view.period]).toEqual(['quarter', '2010-Q2']);
    });
  });

  describe('given cells but no total for a ratio indicator', () => {
    it('when the view is built, then the total is a zero with no result, and progress cannot be computed', () => {
      const view = indicatorView(seatShare, 'quarter', '2010-Q2', [stored('LT-MINORITY-SEAT-SHARE', 'forumType', 'resident-board', 0, 0, 0)]);
      expect(view.total).toEqual({ dimension: 'total', value: '*', numerator: 0, denominator: 0, subjects: 0, result: null, suppressed: null });
      expect(view.progress.achieved).toBeNull();
    });
  });

  describe('given breakdown cells stored in no particular order', () => {
    it('when the view is built, then each breakdown list is sorted by value', () => {
      const view = indicatorView(staffTrained, 'quarter', '2010-Q2', [
        stored('PRD-STAFF-TRAINED', 'total', '*', 30, 30),
        stored('PRD-STAFF-TRAINED', 'housingArea', 'urbanplanen', 10, 10),
        stored('PRD-STAFF-TRAINED', 'role', 'teacher', 12, 12),
        stored('PRD-STAFF-TRAINED', 'housingArea', 'akacieparken', 8, 8),
        stored('PRD-STAFF-TRAINED', 'role', 'frontline', 18, 18),
        stored('PRD-STAFF-TRAINED', 'housingArea', 'mjolnerparken', 12, 12),
      ]);
      expect(view.breakdowns.housingArea.map((v) => v.value)).toEqual(['akacieparken', 'mjolnerparken', 'urbanplanen']);
      expect(view.breakdowns.role.map((v) => v.value)).toEqual(['frontline', 'teacher']);
      expect(view.breakdowns.workshopTopic).toEqual([]);
      expect(view.total.result).toBe(30);
    });
  });

  describe('given a breakdown with one small cell', () => {
    it('when the view is built, then the small and the complementary cell are counted as suppressed', () => {
      const view = indicatorView(staffTrained, 'quarter', '2010-Q2', [
        stored('PRD-STAFF-TRAINED', 'total', '*', 20, 20),
        stored('PRD-STAFF-TRAINED', 'housingArea', 'urbanplanen', 2, 2),
        stored('PRD-STAFF-TRAINED', 'housingArea', 'akacieparken', 8, 8),
        stored('PRD-STAFF-TRAINED', 'housingArea', 'mjolnerparken', 10, 10),
      ]);
      expect(view.suppressedCells).toBe(2);
      expect(view.breakdowns.housingArea.map((v) => [v.value, v.suppressed])).toEqual([
        ['akacieparken', 'complementary'],
        ['mjolnerparken', null],
        ['urbanplanen', 'small-cell'],
      ]);
    });
  });

  describe('given a small total', () => {
    it('when the view is built, then the total is withheld and progress is not computed', () => {
      const view = indicatorView(staffTrained, 'quarter', '2010-Q2', [stored('PRD-STAFF-TRAINED', 'total', '*', 4, 4)]);
      expect(view.total.suppressed).toBe('small-cell');
      expect(view.progress.achieved).toBeNull();
    });
  });

  describe('given values between baseline and target', () => {
    it('when progress is computed for a share (baseline 0.3, target 0.6, value 9/20 = 0.45), then achieved is (0.45 - 0.3) / (0.6 - 0.3) = 0.5', () => {
      const view = indicatorView(communication, 'year', '2011', [stored('MED-ASSOCIATIONS-BETTER-COMMUNICATION', 'total', '*', 9, 20, 20)]);
      expect(view.total.result).toBe(0.45);
      expect(view.progress.baseline).toBe(0.3);
      expect(view.progress.target).toBe(0.6);
      expect(view.progress.achieved).toBeCloseTo(0.5, 10);
    });

    it('when progress is computed for an average score (baseline 3, target 4, value 35/10 = 3.5), then achieved is 0.5', () => {
      const view = indicatorView(learning, 'year', '2010', [stored('PRD-WORKSHOP-LEARNING', 'total', '*', 35, 10, 10)]);
      expect(view.progress.achieved).toBe(0.5);
    });

    it('when progress is computed for hours (baseline 0, target 4000, value 1000), then achieved is 0.25', () => {
      expect(progressOf(staffTime, 1000)).toEqual({ baseline: 0, target: 4000, direction: 'increase', achieved: 0.25 });
    });

    it('when the value is below the baseline, then achieved is negative ((2.5 - 3) / (4 - 3) = -0.5)', () => {
      expect(progressOf(learning, 2.5).achieved).toBe(-0.5);
    });

    it('when there is no value, then achieved is null', () => {
      expect(progressOf(learning, null).achieved).toBeNull();
    });
  });
});
