import { assess, establishNetwork, join, registerAssociation, registerStaff } from '../testing/programme-actors';
import { ProgrammeHistory, given } from '../testing/programme-specification';
import { Dimension, IndicatorCode, IndicatorDefinition, findIndicator, indicatorCatalogue } from './indicator-catalogue';
import { IndicatorFact, TOTAL } from './indicator-facts';
import { IndicatorCell, indicatorView, progressOf } from './indicator-view';
import { PeriodType, enclosingPeriod, periodTypes } from './periods';
import { CellSums, CellValue, MIN_CELL_SIZE, cellResult, periodsAddUp, suppressSmallCells, suppressionSpansPeriods } from './suppression';

const definition = (code: string): IndicatorDefinition => {
  const found = findIndicator(code);
  if (!found) throw new Error(`test setup: ${code} is not in the catalogue`);
  return found;
};

const budget = definition('RES-BUDGET'); // sum, subject none
const staffTrained = definition('PRD-STAFF-TRAINED'); // distinct-count, persons; workshopTopic overlaps
const representativesTrained = definition('PRD-REPRESENTATIVES-TRAINED'); // distinct-count, persons; courseModule overlaps
const seatShare = definition('LT-MINORITY-SEAT-SHARE'); // ratio of stocks, persons
const learning = definition('PRD-WORKSHOP-LEARNING'); // average, persons, baseline 3 -> target 4
const communication = definition('MED-ASSOCIATIONS-BETTER-COMMUNICATION'); // ratio of survey answers, baseline 0.3 -> target 0.6
const staffTime = definition('RES-STAFF-TIME'); // sum, baseline 0 -> target 4000
/** A count whose units are persons, with one breakdown (housingArea) and every period type. */
const personsCounted: IndicatorDefinition = { ...definition('ACT-GOOD-PRACTICE-ANALYSES'), subject: 'persons' };

const cellIn =
  (periodType: PeriodType, period: string) =>
  (dimension: string, value: string, numerator: number, subjects: number, denominator = 0): CellSums => ({
    periodType,
    period,
    dimension,
    value,
    numerator,
    denominator,
    subjects,
  });
const cell = cellIn('programme', 'programme');
const total = (numerator: number, subjects: number, denominator = 0) => cell(TOTAL, '*', numerator, subjects, denominator);

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

/** What each cell (by period, dimension and value) is: its withholding reason, or null when shown. */
const decisions = (cells: readonly CellSums[], values: readonly CellValue[]) =>
  Object.fromEntries(cells.map((c, i) => [`${c.period} ${c.dimension}=${c.value}`, values[i].suppressed]));

/**
 * Someone with every shown figure and the sums that hold among them: a total is the sum of each
 * partitioning breakdown's cells, and where periods add up a period is the sum of its sub-periods.
 * They solve every sum with exactly one unknown figure, again and again. Returns the withheld
 * cells they recover, and the sums whose whole is known and whose unknown parts cover fewer than
 * the threshold together.
 */
const subtract = (indicator: IndicatorDefinition, cells: readonly CellSums[], values: readonly CellValue[], minCellSize: number) => {
  const key = (c: Pick<CellSums, 'period' | 'dimension' | 'value'>) => `${c.period} ${c.dimension}=${c.value}`;
  const at = new Map(cells.map((c) => [key(c), c]));
  const sums = new Map<string, { whole: string; parts: string[] }>();
  const add = (whole: CellSums | undefined, name: string, part: CellSums) => {
    if (!whole) return;
    const sum = sums.get(`${key(whole)}#${name}`) ?? { whole: key(whole), parts: [] };
    sum.parts.push(key(part));
    sums.set(`${key(whole)}#${name}`, sum);
  };
  const types = periodTypes.filter((type) => indicator.periodTypes.includes(type));
  for (const c of cells) {
    if (indicator.breakdowns.includes(c.dimension as Dimension) && !indicator.overlappingBreakdowns?.includes(c.dimension as Dimension)) {
      add(at.get(key({ ...c, dimension: TOTAL, value: '*' })), c.dimension, c);
    }
    const coarser = types[types.indexOf(c.periodType) + 1];
    if (periodsAddUp(indicator) && coarser && c.periodType !== 'programme') {
      add(at.get(key({ period: enclosingPeriod(c.periodType, c.period, coarser), dimension: c.dimension, value: c.value })), c.periodType, c);
    }
  }
  const subjectsOf = (names: readonly string[]) => names.reduce((sum, name) => sum + at.get(name)!.subjects, 0);
  // Units of the whole in no part of a breakdown: unknown, like a withheld part.
  const unplaced = ({ whole, parts }: { whole: string; parts: string[] }) => at.get(whole)!.subjects - subjectsOf(parts);
  const known = new Set(cells.filter((_, i) => !values[i].suppressed).map(key));
  for (let solved = true; solved; ) {
    solved = false;
    for (const sum of sums.values()) {
      const unknown = [sum.whole, ...sum.parts].filter((name) => !known.has(name));
      if (unknown.length !== 1 || unplaced(sum) > 0) continue;
      known.add(unknown[0]);
      solved = true;
    }
  }
  const recovered = cells.filter((c, i) => values[i].suppressed && known.has(key(c))).map(key);
  const tooSmall = [...sums.values()]
    .filter((sum) => {
      const hidden = sum.parts.filter((part) => !known.has(part));
      return known.has(sum.whole) && hidden.length > 0 && subjectsOf(hidden) + unplaced(sum) < minCellSize;
    })
    .map((sum) => sum.whole);
  return { recovered, tooSmall };
};

describe('suppressSmallCells', () => {
  it('given the minimum cell size of the design brief, when it is read, then it is 5', () => {
    expect(MIN_CELL_SIZE).toBe(5);
  });

  describe('given an indicator whose subject is none', () => {
    it('when cells are built from 1 and 2 subjects, then nothing is withheld and the sums are shown', () => {
      const values = suppressSmallCells(budget, [total(3000, 2, 10000), cell('resourceLine', 'R6', 3000, 1, 10000)], MIN_CELL_SIZE);
      expect(values).toEqual([
        { dimension: 'total', value: '*', numerator: 3000, denominator: 10000, subjects: 2, result: 3000, suppressed: null },
        { dimension: 'resourceLine', value: 'R6', numerator: 3000, denominator: 10000, subjects: 1, result: 3000, suppressed: null },
      ]);
    });
  });

  describe('given an indicator about persons', () => {
    it.each([1, 2, 3, 4])('when a cell is built from %i subject(s), then all of its figures are null and it is flagged small-cell', (subjects) => {
      expect(suppressSmallCells(staffTrained, [total(subjects, subjects)], MIN_CELL_SIZE)).toEqual([withheld('total', '*', 'small-cell')]);
    });

    it('when a cell is built from 5 subjects, then it is shown', () => {
      expect(suppressSmallCells(staffTrained, [total(5, 5)], MIN_CELL_SIZE)).toEqual([
        { dimension: 'total', value: '*', numerator: 5, denominator: 0, subjects: 5, result: 5, suppressed: null },
      ]);
    });

    it('when a cell is built from 0 subjects, then it is not withheld', () => {
      expect(suppressSmallCells(staffTrained, [total(0, 0)], MIN_CELL_SIZE)).toEqual([
        { dimension: 'total', value: '*', numerator: 0, denominator: 0, subjects: 0, result: 0, suppressed: null },
      ]);
    });
  });

  describe('given a threshold of 3 (as Statistics Denmark) instead of 5', () => {
    const cells = [total(14, 14), cell('housingArea', 'urbanplanen', 2, 2), cell('housingArea', 'mjolnerparken', 3, 3), cell('housingArea', 'bispeparken', 4, 4), cell('housingArea', 'folehaven', 5, 5)];

    it('when suppressed with 3, then only the cell of 2 is small, and the smallest other cell (3) is its complement', () => {
      expect(decisions(cells, suppressSmallCells(staffTrained, cells, 3))).toEqual({
        'programme total=*': null,
        'programme housingArea=urbanplanen': 'small-cell',
        'programme housingArea=mjolnerparken': 'complementary',
        'programme housingArea=bispeparken': null,
        'programme housingArea=folehaven': null,
      });
    });

    it('when suppressed with 5, then the cells of 2, 3 and 4 are small and cover 9 together, so nothing more is withheld', () => {
      expect(decisions(cells, suppressSmallCells(staffTrained, cells, 5))).toEqual({
        'programme total=*': null,
        'programme housingArea=urbanplanen': 'small-cell',
        'programme housingArea=mjolnerparken': 'small-cell',
        'programme housingArea=bispeparken': 'small-cell',
        'programme housingArea=folehaven': null,
      });
    });
  });

  describe('given a partitioning breakdown (each person in one housing area) with exactly one small cell, a zero cell and two larger cells', () => {
    const cells = [
      total(15, 15),
      cell('housingArea', 'tingbjerg-husum', 2, 2),
      cell('housingArea', 'mjolnerparken', 7, 7),
      cell('housingArea', 'urbanplanen', 6, 6),
      cell('housingArea', 'sydhavnen', 0, 0),
      cell('role', 'frontline', 8, 8),
      cell('role', 'teacher', 7, 7),
    ];

    it('when it is suppressed, then the smallest other non-zero cell of the same breakdown is withheld as complementary, since the total minus the shown cells would give the small cell', () => {
      const values = suppressSmallCells(staffTrained, cells, MIN_CELL_SIZE);
      expect(find(values, 'housingArea', 'tingbjerg-husum')).toEqual(withheld('housingArea', 'tingbjerg-husum', 'small-cell'));
      expect(find(values, 'housingArea', 'urbanplanen')).toEqual(withheld('housingArea', 'urbanplanen', 'complementary'));
      expect(subtract(staffTrained, cells, values, MIN_CELL_SIZE)).toEqual({ recovered: [], tooSmall: [] });
    });

    it('when it is suppressed, then the zero cell, the larger cell, the total and the other breakdown stay visible', () => {
      const values = suppressSmallCells(staffTrained, cells, MIN_CELL_SIZE);
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

    it('when it is given in another order, then the same cells are withheld', () => {
      const reversed = [...cells].reverse();
      expect(decisions(reversed, suppressSmallCells(staffTrained, reversed, MIN_CELL_SIZE))).toEqual(decisions(cells, suppressSmallCells(staffTrained, cells, MIN_CELL_SIZE)));
    });
  });

  describe('given an overlapping breakdown (one person trained in several workshop topics) with one small cell', () => {
    const cells = [
      total(12, 12),
      cell('workshopTopic', 'good-collaboration', 2, 2),
      cell('workshopTopic', 'parent-involvement', 9, 9),
      cell('workshopTopic', 'good-practice-helhedsplaner', 7, 7),
    ];

    it('when it is suppressed, then only the small cell is withheld: the topics add up to 18 of 12 persons, so subtraction reveals nothing', () => {
      expect(decisions(cells, suppressSmallCells(staffTrained, cells, MIN_CELL_SIZE))).toEqual({
        'programme total=*': null,
        'programme workshopTopic=good-collaboration': 'small-cell',
        'programme workshopTopic=parent-involvement': null,
        'programme workshopTopic=good-practice-helhedsplaner': null,
      });
    });

    it('when the same cells are a partitioning breakdown (housing areas of 11 persons), then a complement is withheld too', () => {
      const partition = [total(11, 11), cell('housingArea', 'horgarden', 2, 2), cell('housingArea', 'bispeparken', 9, 9)];
      expect(find(suppressSmallCells(staffTrained, partition, MIN_CELL_SIZE), 'housingArea', 'bispeparken').suppressed).toBe('complementary');
    });

    it('when a representative attended sessions of several course modules, then a small module is withheld alone', () => {
      const modules = [total(9, 9), cell('courseModule', 'citizenship', 3, 3), cell('courseModule', 'rights', 8, 8)];
      expect(suppressSmallCells(representativesTrained, modules, MIN_CELL_SIZE).map((value) => value.suppressed)).toEqual([null, 'small-cell', null]);
    });
  });

  describe('given a breakdown with one small cell whose only other non-zero cell is large', () => {
    it('when it is suppressed, then that large cell is the complement even though a zero cell is smaller', () => {
      const values = suppressSmallCells(
        staffTrained,
        [total(11, 11), cell('housingArea', 'tingbjerg-husum', 2, 2), cell('housingArea', 'sydhavnen', 0, 0), cell('housingArea', 'folehaven', 9, 9)],
        MIN_CELL_SIZE,
      );
      expect(find(values, 'housingArea', 'folehaven').suppressed).toBe('complementary');
      expect(find(values, 'housingArea', 'sydhavnen').suppressed).toBeNull();
    });
  });

  describe('given a breakdown with one small cell and two equally small candidates', () => {
    it('when it is suppressed, then exactly one of them is withheld as complementary, the first by value', () => {
      const values = suppressSmallCells(
        staffTrained,
        [total(15, 15), cell('housingArea', 'tingbjerg-husum', 3, 3), cell('housingArea', 'mjolnerparken', 6, 6), cell('housingArea', 'akacieparken', 6, 6)],
        MIN_CELL_SIZE,
      );
      expect(values.filter((v) => v.suppressed === 'complementary').map((v) => v.value)).toEqual(['akacieparken']);
      expect(values.filter((v) => v.suppressed === 'small-cell')).toHaveLength(1);
    });
  });

  describe('given a breakdown with two small cells', () => {
    it('when they cover 5 together, then no extra cell is withheld', () => {
      const values = suppressSmallCells(
        staffTrained,
        [total(13, 13), cell('housingArea', 'tingbjerg-husum', 2, 2), cell('housingArea', 'mjolnerparken', 3, 3), cell('housingArea', 'urbanplanen', 8, 8)],
        MIN_CELL_SIZE,
      );
      expect(find(values, 'housingArea', 'tingbjerg-husum').suppressed).toBe('small-cell');
      expect(find(values, 'housingArea', 'mjolnerparken').suppressed).toBe('small-cell');
      expect(find(values, 'housingArea', 'urbanplanen').suppressed).toBeNull();
      expect(values.filter((v) => v.suppressed === 'complementary')).toEqual([]);
    });

    it('when they cover only 3 together, then the total minus the shown cells would show a group of 3, so the smallest shown cell is withheld too', () => {
      const values = suppressSmallCells(
        staffTrained,
        [total(19, 19), cell('housingArea', 'tingbjerg-husum', 1, 1), cell('housingArea', 'mjolnerparken', 2, 2), cell('housingArea', 'urbanplanen', 7, 7), cell('housingArea', 'folehaven', 9, 9)],
        MIN_CELL_SIZE,
      );
      expect(values.map((v) => [v.value, v.suppressed])).toEqual([
        ['*', null],
        ['tingbjerg-husum', 'small-cell'],
        ['mjolnerparken', 'small-cell'],
        ['urbanplanen', 'complementary'],
        ['folehaven', null],
      ]);
    });
  });

  describe('given the total against its breakdown', () => {
    it('when the total is small, then it and its cells are withheld as small cells and nothing else is touched', () => {
      const values = suppressSmallCells(staffTrained, [total(3, 3), cell('role', 'frontline', 3, 3)], MIN_CELL_SIZE);
      expect(values).toEqual([withheld('total', '*', 'small-cell'), withheld('role', 'frontline', 'small-cell')]);
    });

    it('when 2 of the 20 persons have no value for the breakdown, then the total minus the shown cells would give those 2, so a cell is withheld', () => {
      const cells = [total(20, 20), cell('housingArea', 'mjolnerparken', 10, 10), cell('housingArea', 'urbanplanen', 8, 8)];
      const values = suppressSmallCells(staffTrained, cells, MIN_CELL_SIZE);
      expect(decisions(cells, values)).toEqual({ 'programme total=*': null, 'programme housingArea=mjolnerparken': null, 'programme housingArea=urbanplanen': 'complementary' });
    });

    it('when 7 of the 15 persons have no value and one shown cell is small, then the withheld cell and those 7 are 9 together, and nothing more is withheld', () => {
      const cells = [total(15, 15), cell('housingArea', 'mjolnerparken', 2, 2), cell('housingArea', 'urbanplanen', 6, 6)];
      expect(decisions(cells, suppressSmallCells(staffTrained, cells, MIN_CELL_SIZE))).toEqual({
        'programme total=*': null,
        'programme housingArea=mjolnerparken': 'small-cell',
        'programme housingArea=urbanplanen': null,
      });
    });
  });

  describe('given a count of persons over the quarters of 2010: 6, 3, 5 and 6 (half-years 9 and 11, the year and the programme 20)', () => {
    const quarter = (n: number, subjects: number) => cellIn('quarter', `2010-Q${n}`)(TOTAL, '*', subjects, subjects);
    const cells = [
      quarter(1, 6),
      quarter(2, 3),
      quarter(3, 5),
      quarter(4, 6),
      cellIn('half-year', '2010-H1')(TOTAL, '*', 9, 9),
      cellIn('half-year', '2010-H2')(TOTAL, '*', 11, 11),
      cellIn('year', '2010')(TOTAL, '*', 20, 20),
      total(20, 20),
    ];

    it('when suppressed, then the second quarter is small and the first is withheld too: the half-year (9) or the year (20) minus the shown quarters would give it', () => {
      const values = suppressSmallCells(personsCounted, cells, MIN_CELL_SIZE);
      expect(decisions(cells, values)).toEqual({
        '2010-Q1 total=*': 'complementary',
        '2010-Q2 total=*': 'small-cell',
        '2010-Q3 total=*': null,
        '2010-Q4 total=*': null,
        '2010-H1 total=*': null,
        '2010-H2 total=*': null,
        '2010 total=*': null,
        'programme total=*': null,
      });
      expect(subtract(personsCounted, cells, values, MIN_CELL_SIZE)).toEqual({ recovered: [], tooSmall: [] });
    });

    it('when the same persons are counted once a year (a distinct count), then only the small quarter is withheld: a year of distinct persons is not the sum of its quarters', () => {
      expect(suppressSmallCells(staffTrained, cells, MIN_CELL_SIZE).filter((value) => value.suppressed).map((value) => value.suppressed)).toEqual(['small-cell']);
    });

    it('when they are seats held at the end of each quarter (a ratio of stocks), then only the small quarter is withheld: the year is the last quarter again', () => {
      expect(suppressSmallCells(seatShare, cells, MIN_CELL_SIZE).filter((value) => value.suppressed)).toHaveLength(1);
    });

    it('when they are responses to an average score, then a sibling quarter is withheld too: responses and scores add up over the quarters', () => {
      const scored = cells.map((c) => ({ ...c, numerator: c.subjects * 4, denominator: c.subjects }));
      expect(decisions(scored, suppressSmallCells(learning, scored, MIN_CELL_SIZE))['2010-Q1 total=*']).toBe('complementary');
    });

    it('when each period is asked for with the cells of every period, then each view shows the decisions made over all of them', () => {
      const stored = cells.map((c): IndicatorCell => ({ indicator: 'ACT-GOOD-PRACTICE-ANALYSES', ...c, sums: { numerator: c.numerator, denominator: c.denominator, subjects: c.subjects } }));
      const shown = (periodType: PeriodType, period: string) => indicatorView(personsCounted, periodType, period, stored, MIN_CELL_SIZE).total.suppressed;
      expect(suppressionSpansPeriods(personsCounted)).toBe(true);
      expect([shown('quarter', '2010-Q1'), shown('quarter', '2010-Q2'), shown('quarter', '2010-Q3'), shown('half-year', '2010-H1'), shown('year', '2010')]).toEqual([
        'complementary',
        'small-cell',
        null,
        null,
        null,
      ]);
    });
  });

  describe('given a count of persons by housing area in two quarters, with one small area in the first', () => {
    const q1 = cellIn('quarter', '2010-Q1');
    const q2 = cellIn('quarter', '2010-Q2');
    const h1 = cellIn('half-year', '2010-H1');
    const year = cellIn('year', '2010');
    const both = (at: ReturnType<typeof cellIn>, areas: Record<string, number>) => [
      at(TOTAL, '*', Object.values(areas).reduce((sum, n) => sum + n, 0), Object.values(areas).reduce((sum, n) => sum + n, 0)),
      ...Object.entries(areas).map(([area, n]) => at('housingArea', area, n, n)),
    ];
    const cells = [
      ...both(q1, { 'tingbjerg-husum': 2, mjolnerparken: 7, urbanplanen: 6 }),
      ...both(q2, { 'tingbjerg-husum': 8, mjolnerparken: 9, urbanplanen: 5 }),
      ...both(h1, { 'tingbjerg-husum': 10, mjolnerparken: 16, urbanplanen: 11 }),
      ...both(year, { 'tingbjerg-husum': 10, mjolnerparken: 16, urbanplanen: 11 }),
      ...both(cell, { 'tingbjerg-husum': 10, mjolnerparken: 16, urbanplanen: 11 }),
    ];

    it('when suppressed, then the withheld cells form a rectangle of two areas in two quarters, and no figure can be recovered by subtraction', () => {
      const values = suppressSmallCells(personsCounted, cells, MIN_CELL_SIZE);
      expect(Object.entries(decisions(cells, values)).filter(([, reason]) => reason)).toEqual([
        ['2010-Q1 housingArea=tingbjerg-husum', 'small-cell'],
        ['2010-Q1 housingArea=urbanplanen', 'complementary'],
        ['2010-Q2 housingArea=tingbjerg-husum', 'complementary'],
        ['2010-Q2 housingArea=urbanplanen', 'complementary'],
      ]);
      expect(subtract(personsCounted, cells, values, MIN_CELL_SIZE)).toEqual({ recovered: [], tooSmall: [] });
    });

    it('when the first quarter is decided without the other periods, then only its own breakdown is protected, which is why every period of such an indicator is read', () => {
      const alone = cells.filter((c) => c.period === '2010-Q1');
      expect(suppressSmallCells(personsCounted, alone, MIN_CELL_SIZE).filter((value) => value.suppressed)).toHaveLength(2);
    });
  });

  describe('given counts of persons generated over eight quarters, by role, housing area and (overlapping) workshop topics', () => {
    /** A count whose units are persons, with the staff breakdowns: workshopTopic overlaps, role, employer and housingArea partition. */
    const countedStaff: IndicatorDefinition = { ...staffTrained, aggregation: 'count' };
    const generated = (seed: number, persons: number): CellSums[] => {
      let state = seed;
      const next = (n: number) => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return Math.floor(state / 65536) % n; // the high bits: the low ones of this generator repeat quickly
      };
      const sums = new Map<string, CellSums>();
      const count = (periodType: PeriodType, period: string, dimension: string, value: string) => {
        const key = `${period}|${dimension}|${value}`;
        const c = sums.get(key) ?? cellIn(periodType, period)(dimension, value, 0, 0);
        sums.set(key, { ...c, numerator: c.numerator + 1, subjects: c.subjects + 1 });
      };
      for (let p = 0; p < persons; p++) {
        const quarter = `${2010 + next(2)}-Q${1 + next(4)}`;
        const periods: [PeriodType, string][] = [
          ['quarter', quarter],
          ['half-year', enclosingPeriod('quarter', quarter, 'half-year')],
          ['year', enclosingPeriod('quarter', quarter, 'year')],
          ['programme', 'programme'],
        ];
        const dims: [string, string][] = [
          ['role', ['frontline', 'teacher', 'manager'][next(3)]],
          ['employer', ['municipality', 'school'][next(2)]],
          ['housingArea', ['mjolnerparken', 'urbanplanen', 'sydhavnen', 'folehaven'][next(4)]],
          ...(['parent-involvement', 'good-collaboration'] as const).filter(() => next(3) > 0).map((topic): [string, string] => ['workshopTopic', topic]),
        ];
        for (const [periodType, period] of periods) for (const [dimension, value] of [[TOTAL, '*'], ...dims]) count(periodType, period, dimension, value);
      }
      return [...sums.values()];
    };

    it.each([1, 2, 3, 4, 5])('when seed %i is suppressed, then no withheld figure can be recovered by subtraction, and no sum of withheld parts is small', (seed) => {
      const cells = generated(seed, 60);
      const values = suppressSmallCells(countedStaff, cells, MIN_CELL_SIZE);
      expect(values.some((value) => value.suppressed === 'small-cell')).toBe(true);
      expect(subtract(countedStaff, cells, values, MIN_CELL_SIZE)).toEqual({ recovered: [], tooSmall: [] });
      expect(values.filter((value, i) => value.suppressed === 'complementary' && cells[i].dimension === TOTAL && cells[i].periodType === 'programme')).toEqual([]);
    });

    it('when only the small cells are withheld, as each period on its own would, then subtraction recovers some of them', () => {
      const cells = generated(1, 60);
      const primaryOnly = cells.map((c): CellValue => (c.subjects > 0 && c.subjects < MIN_CELL_SIZE ? withheld(c.dimension, c.value, 'small-cell') : { ...c, result: c.numerator, suppressed: null }));
      expect(subtract(countedStaff, cells, primaryOnly, MIN_CELL_SIZE).recovered.length).toBeGreaterThan(0);
    });
  });

  describe('given the results of cells by aggregation', () => {
    it('when a ratio has a denominator, then its result is numerator over denominator', () => {
      const [shown] = suppressSmallCells(seatShare, [total(3, 12, 12)], MIN_CELL_SIZE);
      expect(shown.result).toBe(0.25);
    });

    it('when a ratio has a denominator of 0, then its result is null but it is not withheld', () => {
      const [shown] = suppressSmallCells(seatShare, [total(0, 0, 0)], MIN_CELL_SIZE);
      expect(shown).toEqual({ dimension: 'total', value: '*', numerator: 0, denominator: 0, subjects: 0, result: null, suppressed: null });
    });

    it('when an average has responses, then its result is the sum of scores over the responses', () => {
      const [shown] = suppressSmallCells(learning, [total(38, 10, 10)], MIN_CELL_SIZE);
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

describe('the catalogue against the facts the projections give', () => {
  /** One association, staff member, course, representative, workshop and forum, each falling in several cells where it can. */
  const history = new ProgrammeHistory();
  registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
  assess(history, 'a1', 'baseline', { governance: 2, finances: 3 }, '2010-02-10T10:00:00.000Z');
  assess(history, 'a1', 'follow-up', { governance: 4, finances: 3 }, '2010-11-05T10:00:00.000Z');
  registerStaff(history, 's1', 'frontline', 'municipality', 'tingbjerg-husum', '2010-01-04T09:00:00.000Z');
  for (const [workshopId, topic, at] of [['w1', 'parent-involvement', '2010-03-10T13:00:00.000Z'], ['w2', 'good-collaboration', '2010-03-24T13:00:00.000Z']] as const) {
    history.record(`workshop-${workshopId}`, 'WorkshopHeld', { workshopId, topic, housingArea: 'tingbjerg-husum', participantStaffIds: ['s1'] }, at);
  }
  const course = { courseId: 'c1', title: 'Medborgerskab', housingArea: 'tingbjerg-husum', modules: ['citizenship', 'rights'], plannedSessions: 2 } as const;
  history.record('course-c1', 'CourseDesigned', course, '2010-02-01T10:00:00.000Z');
  history.record('course-c1', 'CourseStarted', { courseId: 'c1' }, '2010-02-15T10:00:00.000Z');
  history.record('course-c1', 'AssociationEnrolled', { courseId: 'c1', associationId: 'a1', representativeIds: ['rep-1'] }, '2010-02-16T10:00:00.000Z');
  history.record('course-c1', 'CourseSessionHeld', { courseId: 'c1', sessionNumber: 1, module: 'citizenship', attendeeIds: ['rep-1'] }, '2010-03-01T10:00:00.000Z');
  history.record('course-c1', 'CourseSessionHeld', { courseId: 'c1', sessionNumber: 2, module: 'rights', attendeeIds: ['rep-1'] }, '2010-03-15T10:00:00.000Z');
  history.record('course-c1', 'CourseCompleted', { courseId: 'c1', completedAssociationIds: ['a1'] }, '2010-06-15T10:00:00.000Z');
  establishNetwork(history, 'n1', 'tingbjerg-husum', '2010-01-10T10:00:00.000Z');
  join(history, 'n1', 'association', 'a1', '2010-02-01T10:00:00.000Z');
  join(history, 'n1', 'staff', 's1', '2010-02-02T10:00:00.000Z');
  history.record('network-n1', 'JointActivityOrganised', { networkId: 'n1', activityId: 'ja-1', associationId: 'a1', staffId: 's1', title: 'Sommerfest' }, '2010-05-20T14:00:00.000Z');
  const agree = (...statements: string[]) => statements.map((statement) => ({ statement, score: 5 }));
  history.record(
    'respondent-r1',
    'SurveyAnswered',
    { respondentId: 'r1', respondentKind: 'association-representative', associationId: 'a1', wave: 'follow-up', answers: agree('assoc-better-communication', 'assoc-more-influence') },
    '2010-11-10T10:00:00.000Z',
  );
  history.record(
    'respondent-r2',
    'SurveyAnswered',
    { respondentId: 'r2', respondentKind: 'staff', staffId: 's1', wave: 'follow-up', answers: agree('staff-better-involvement', 'staff-better-dialogue') },
    '2010-11-10T11:00:00.000Z',
  );
  history.record('workshop-w1', 'WorkshopFeedbackRecorded', { workshopId: 'w1', staffId: 's1', reactionScore: 4, learningScore: 4 }, '2010-03-11T09:00:00.000Z');
  history.record('forum-f1', 'ForumRegistered', { forumId: 'f1', name: 'Afdelingsbestyrelsen', forumType: 'resident-board', housingArea: 'mjolnerparken', seats: 7 }, '2010-01-05T10:00:00.000Z');
  history.record('forum-f1', 'ForumSeatTaken', { forumId: 'f1', seatHolderId: 'h1', background: 'ethnic-minority', nominatedByAssociationId: 'a1' }, '2010-02-01T18:00:00.000Z');
  history.record('forum-f1', 'ForumSeatLeft', { forumId: 'f1', seatHolderId: 'h1' }, '2010-09-01T18:00:00.000Z');
  const projected = given(history);
  const documents = [
    ['associations', 'a1'],
    ['staff', 's1'],
    ['courses', 'c1'],
    ['representatives', 'rep-1'],
    ['workshops', 'w1'],
    ['forums', 'f1'],
  ] as const;

  const factsByIndicator = new Map<IndicatorCode, IndicatorFact[][]>();
  for (const [collection, id] of documents) {
    const byIndicator = new Map<IndicatorCode, IndicatorFact[]>();
    for (const fact of projected.facts(collection, id)) byIndicator.set(fact.indicator, [...(byIndicator.get(fact.indicator) ?? []), fact]);
    for (const [code, facts] of byIndicator) factsByIndicator.set(code, [...(factsByIndicator.get(code) ?? []), facts]);
  }
  const seen = indicatorCatalogue.filter((d) => factsByIndicator.has(d.code));

  it('given the history, when its documents are read, then they give facts for most of the catalogue', () => {
    expect(seen.length).toBeGreaterThan(indicatorCatalogue.length / 2);
  });

  it('when a document falls in several cells of a breakdown (or only in its cells, not in the total), then exactly those breakdowns are declared overlapping', () => {
    const overlapsOf = (d: IndicatorDefinition) =>
      d.breakdowns.filter((dimension) =>
        factsByIndicator.get(d.code)!.some((facts) => {
          const values = new Set(facts.flatMap((fact) => [fact.dims?.[dimension] ?? []].flat()));
          return values.size > 1 || facts.some((fact) => fact.only === dimension);
        }),
      );
    const declared = (d: IndicatorDefinition) => (d.overlappingBreakdowns ?? []).filter((breakdown) => breakdown !== 'period');
    expect(Object.fromEntries(seen.map((d) => [d.code, declared(d)]))).toEqual(Object.fromEntries(seen.map((d) => [d.code, overlapsOf(d)])));
  });

  it('when an indicator counts holdings at period ends (facts from a date) or distinct subjects, then its periods do not add up; observations at a moment do', () => {
    const addsUp = (d: IndicatorDefinition) => d.aggregation !== 'distinct-count' && factsByIndicator.get(d.code)!.flat().every((fact) => fact.at !== undefined);
    expect(Object.fromEntries(seen.map((d) => [d.code, periodsAddUp(d)]))).toEqual(Object.fromEntries(seen.map((d) => [d.code, addsUp(d)])));
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

const zero = (dimension: string, value: string, result: number | null = 0): CellValue => ({ dimension, value, numerator: 0, denominator: 0, subjects: 0, result, suppressed: null });

describe('indicatorView', () => {
  describe('given no cells at all for a count indicator', () => {
    it('when the view is built, then the total is a zero, every breakdown lists every code of its reference data as 0, and progress is 0', () => {
      const view = indicatorView(staffTrained, 'quarter', '2010-Q2', [], MIN_CELL_SIZE);
      expect(view.total).toEqual({ dimension: 'total', value: '*', numerator: 0, denominator: 0, subjects: 0, result: 0, suppressed: null });
      expect(view.breakdowns.role).toEqual(['frontline', 'housing-officer', 'manager', 'other', 'social-worker', 'teacher'].map((role) => zero('role', role)));
      expect(view.breakdowns.employer.map((c) => c.value)).toEqual(['helhedsplan', 'housing-association', 'municipality', 'other', 'school']);
      expect(view.breakdowns.housingArea).toHaveLength(8);
      expect(view.breakdowns.workshopTopic).toHaveLength(4);
      expect(view.suppressedCells).toBe(0);
      expect(view.progress).toEqual({ baseline: 0, target: 120, direction: 'increase', achieved: 0 });
    });

    it('when the view is built, then it names the indicator, its node, unit, aggregation and period', () => {
      const view = indicatorView(staffTrained, 'quarter', '2010-Q2', [], MIN_CELL_SIZE);
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
      const view = indicatorView(seatShare, 'quarter', '2010-Q2', [stored('LT-MINORITY-SEAT-SHARE', 'forumType', 'resident-board', 0, 0, 0)], MIN_CELL_SIZE);
      expect(view.total).toEqual({ dimension: 'total', value: '*', numerator: 0, denominator: 0, subjects: 0, result: null, suppressed: null });
      expect(view.progress.achieved).toBeNull();
    });

    it('when a forum type has no seats, then it is listed with 0 and no share, never withheld', () => {
      const view = indicatorView(seatShare, 'quarter', '2010-Q2', [stored('LT-MINORITY-SEAT-SHARE', 'forumType', 'resident-board', 2, 10, 10)], MIN_CELL_SIZE);
      expect(view.breakdowns.forumType.find((c) => c.value === 'school-board')).toEqual(zero('forumType', 'school-board', null));
      expect(view.breakdowns.forumType.find((c) => c.value === 'resident-board')).toMatchObject({ result: 0.2, suppressed: null });
    });
  });

  describe('given breakdown cells stored in no particular order', () => {
    it('when the view is built, then each breakdown list is sorted by value, with the categories where nothing happened as 0', () => {
      const view = indicatorView(
        staffTrained,
        'quarter',
        '2010-Q2',
        [
          stored('PRD-STAFF-TRAINED', 'total', '*', 30, 30),
          stored('PRD-STAFF-TRAINED', 'housingArea', 'urbanplanen', 10, 10),
          stored('PRD-STAFF-TRAINED', 'role', 'teacher', 12, 12),
          stored('PRD-STAFF-TRAINED', 'housingArea', 'akacieparken', 8, 8),
          stored('PRD-STAFF-TRAINED', 'role', 'frontline', 18, 18),
          stored('PRD-STAFF-TRAINED', 'housingArea', 'mjolnerparken', 12, 12),
        ],
        MIN_CELL_SIZE,
      );
      expect(view.breakdowns.housingArea.map((v) => [v.value, v.result])).toEqual([
        ['akacieparken', 8],
        ['bispeparken', 0],
        ['folehaven', 0],
        ['horgarden', 0],
        ['mjolnerparken', 12],
        ['sydhavnen', 0],
        ['tingbjerg-husum', 0],
        ['urbanplanen', 10],
      ]);
      expect(view.breakdowns.role.filter((v) => v.result !== 0).map((v) => v.value)).toEqual(['frontline', 'teacher']);
      expect(view.breakdowns.workshopTopic.every((v) => v.result === 0 && v.suppressed === null)).toBe(true);
      expect(view.total.result).toBe(30);
    });

    it('when a value outside the reference data occurred, then it is listed beside the codes', () => {
      const view = indicatorView(staffTrained, 'quarter', '2010-Q2', [stored('PRD-STAFF-TRAINED', 'total', '*', 9, 9), stored('PRD-STAFF-TRAINED', 'role', 'retired-role', 9, 9)], MIN_CELL_SIZE);
      expect(view.breakdowns.role.map((v) => v.value)).toContain('retired-role');
      expect(view.breakdowns.role).toHaveLength(7);
    });
  });

  describe('given a breakdown with one small cell', () => {
    it('when the view is built, then the small and the complementary cell are counted as suppressed, and the zero areas are shown', () => {
      const view = indicatorView(
        staffTrained,
        'quarter',
        '2010-Q2',
        [
          stored('PRD-STAFF-TRAINED', 'total', '*', 20, 20),
          stored('PRD-STAFF-TRAINED', 'housingArea', 'urbanplanen', 2, 2),
          stored('PRD-STAFF-TRAINED', 'housingArea', 'akacieparken', 8, 8),
          stored('PRD-STAFF-TRAINED', 'housingArea', 'mjolnerparken', 10, 10),
        ],
        MIN_CELL_SIZE,
      );
      expect(view.suppressedCells).toBe(2);
      expect(view.breakdowns.housingArea.filter((v) => v.result !== 0).map((v) => [v.value, v.suppressed])).toEqual([
        ['akacieparken', 'complementary'],
        ['mjolnerparken', null],
        ['urbanplanen', 'small-cell'],
      ]);
    });
  });

  describe('given a small total', () => {
    it('when the view is built, then the total is withheld and progress is not computed', () => {
      const view = indicatorView(staffTrained, 'quarter', '2010-Q2', [stored('PRD-STAFF-TRAINED', 'total', '*', 4, 4)], MIN_CELL_SIZE);
      expect(view.total.suppressed).toBe('small-cell');
      expect(view.progress.achieved).toBeNull();
    });

    it('when the threshold is 3, then the same total of 4 is shown', () => {
      const view = indicatorView(staffTrained, 'quarter', '2010-Q2', [stored('PRD-STAFF-TRAINED', 'total', '*', 4, 4)], 3);
      expect(view.total).toMatchObject({ result: 4, suppressed: null });
    });
  });

  describe('given values between baseline and target', () => {
    it('when progress is computed for a share (baseline 0.3, target 0.6, value 9/20 = 0.45), then achieved is (0.45 - 0.3) / (0.6 - 0.3) = 0.5', () => {
      const view = indicatorView(communication, 'year', '2011', [{ ...stored('MED-ASSOCIATIONS-BETTER-COMMUNICATION', 'total', '*', 9, 20, 20), periodType: 'year', period: '2011' }], MIN_CELL_SIZE);
      expect(view.total.result).toBe(0.45);
      expect(view.progress.baseline).toBe(0.3);
      expect(view.progress.target).toBe(0.6);
      expect(view.progress.achieved).toBeCloseTo(0.5, 10);
    });

    it('when progress is computed for an average score (baseline 3, target 4, value 35/10 = 3.5), then achieved is 0.5', () => {
      const view = indicatorView(learning, 'year', '2010', [{ ...stored('PRD-WORKSHOP-LEARNING', 'total', '*', 35, 10, 10), periodType: 'year', period: '2010' }], MIN_CELL_SIZE);
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
