import { AggregateContribution } from '../core/projection';
import { IndicatorCode } from './indicator-catalogue';
import { IndicatorFact, cellId, indicatorContributions, indicatorParts } from './indicator-facts';
import { ProgrammeCalendar } from './periods';

const calendar: ProgrammeCalendar = { start: '2010-01-01', end: '2011-12-31' };

type Sums = { numerator: number; denominator: number; subjects: number };

/** The contributions of one document as a map from cell key to its sums. */
const cellsOf = (facts: IndicatorFact[]): Map<string, Sums> =>
  new Map(indicatorContributions(facts, calendar).map((c: AggregateContribution) => [c.key, c.sums as Sums]));

const keysOf = (facts: IndicatorFact[]): string[] => [...cellsOf(facts).keys()].sort();

describe('indicatorContributions', () => {
  describe('given one flow fact of a count indicator with two breakdown values', () => {
    const fact: IndicatorFact = {
      indicator: 'ACT-EVENTS-HELD',
      at: '2010-05-12T10:00:00Z',
      numerator: 1,
      subjects: 0,
      dims: { format: 'workshop', housingArea: 'urbanplanen' },
    };

    it('when it is turned into contributions, then it fans out to every period type and to total plus each breakdown', () => {
      expect(keysOf([fact])).toEqual(
        [
          'ACT-EVENTS-HELD|quarter|2010-Q2|total|*',
          'ACT-EVENTS-HELD|quarter|2010-Q2|format|workshop',
          'ACT-EVENTS-HELD|quarter|2010-Q2|housingArea|urbanplanen',
          'ACT-EVENTS-HELD|half-year|2010-H1|total|*',
          'ACT-EVENTS-HELD|half-year|2010-H1|format|workshop',
          'ACT-EVENTS-HELD|half-year|2010-H1|housingArea|urbanplanen',
          'ACT-EVENTS-HELD|year|2010|total|*',
          'ACT-EVENTS-HELD|year|2010|format|workshop',
          'ACT-EVENTS-HELD|year|2010|housingArea|urbanplanen',
          'ACT-EVENTS-HELD|programme|programme|total|*',
          'ACT-EVENTS-HELD|programme|programme|format|workshop',
          'ACT-EVENTS-HELD|programme|programme|housingArea|urbanplanen',
        ].sort(),
      );
      for (const sums of cellsOf([fact]).values()) expect(sums).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
    });

    it('when it is turned into contributions, then each row carries its cell fields and the key built from them', () => {
      const row = indicatorContributions([fact], calendar).find((c) => c.key === 'ACT-EVENTS-HELD|half-year|2010-H1|format|workshop')!;
      expect(row.fields).toEqual({ indicator: 'ACT-EVENTS-HELD', periodType: 'half-year', period: '2010-H1', dimension: 'format', value: 'workshop' });
      expect(cellId({ indicator: 'ACT-EVENTS-HELD', periodType: 'half-year', period: '2010-H1', dimension: 'format', value: 'workshop' })).toBe(row.key);
    });
  });

  describe('given a flow fact at 22:30 UTC on 30 June (00:30 on 1 July in Copenhagen)', () => {
    it('when it is turned into contributions, then it lands in the third quarter and the second half-year', () => {
      const keys = keysOf([{ indicator: 'ACT-GOOD-PRACTICE-ANALYSES', at: '2010-06-30T22:30:00Z', numerator: 1, subjects: 0 }]);
      expect(keys).toEqual(
        [
          'ACT-GOOD-PRACTICE-ANALYSES|quarter|2010-Q3|total|*',
          'ACT-GOOD-PRACTICE-ANALYSES|half-year|2010-H2|total|*',
          'ACT-GOOD-PRACTICE-ANALYSES|year|2010|total|*',
          'ACT-GOOD-PRACTICE-ANALYSES|programme|programme|total|*',
        ].sort(),
      );
    });
  });

  describe('given a fact without a value for one of its indicator\'s breakdowns, and a value for a dimension the indicator does not break down by', () => {
    it('when it is turned into contributions, then neither gets a cell, only the total and the given breakdown do', () => {
      const keys = keysOf([
        { indicator: 'ACT-EVENTS-HELD', at: '2010-05-12T10:00:00Z', numerator: 1, subjects: 0, dims: { format: 'seminar', capacityDomain: 'governance' } },
      ]).filter((key) => key.includes('|quarter|'));
      expect(keys).toEqual(['ACT-EVENTS-HELD|quarter|2010-Q2|format|seminar', 'ACT-EVENTS-HELD|quarter|2010-Q2|total|*']);
    });
  });

  describe('given a distinct-count fact whose topic dimension holds two values', () => {
    it('when it is turned into contributions, then the person counts once under each topic and once in the total', () => {
      const cells = cellsOf([
        {
          indicator: 'PRD-STAFF-TRAINED',
          at: '2010-02-10T09:00:00Z',
          numerator: 1,
          subjects: 1,
          dims: { workshopTopic: ['parent-involvement', 'good-collaboration'], role: 'frontline' },
        },
      ]);
      expect(cells.get('PRD-STAFF-TRAINED|quarter|2010-Q1|total|*')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cells.get('PRD-STAFF-TRAINED|quarter|2010-Q1|workshopTopic|parent-involvement')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cells.get('PRD-STAFF-TRAINED|quarter|2010-Q1|workshopTopic|good-collaboration')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cells.get('PRD-STAFF-TRAINED|quarter|2010-Q1|role|frontline')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
    });

    it('when the same person has two facts in one quarter with different topics, then each topic counts 1 and the total still counts 1', () => {
      const cells = cellsOf([
        { indicator: 'PRD-STAFF-TRAINED', at: '2010-02-10T09:00:00Z', numerator: 1, subjects: 1, dims: { workshopTopic: 'parent-involvement' } },
        { indicator: 'PRD-STAFF-TRAINED', at: '2010-03-03T09:00:00Z', numerator: 1, subjects: 1, dims: { workshopTopic: 'good-collaboration' } },
      ]);
      expect(cells.get('PRD-STAFF-TRAINED|quarter|2010-Q1|total|*')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cells.get('PRD-STAFF-TRAINED|quarter|2010-Q1|workshopTopic|parent-involvement')?.numerator).toBe(1);
      expect(cells.get('PRD-STAFF-TRAINED|quarter|2010-Q1|workshopTopic|good-collaboration')?.numerator).toBe(1);
    });
  });

  describe('given a count fact whose module dimension holds two values', () => {
    it('when it is turned into contributions, then the course counts under each module and once in the total', () => {
      const cells = cellsOf([
        { indicator: 'ACT-COURSES-DESIGNED', at: '2010-04-20T10:00:00Z', numerator: 1, subjects: 0, dims: { housingArea: 'bispeparken', courseModule: ['citizenship', 'rights'] } },
      ]);
      expect(cells.get('ACT-COURSES-DESIGNED|year|2010|total|*')?.numerator).toBe(1);
      expect(cells.get('ACT-COURSES-DESIGNED|year|2010|courseModule|citizenship')?.numerator).toBe(1);
      expect(cells.get('ACT-COURSES-DESIGNED|year|2010|courseModule|rights')?.numerator).toBe(1);
      expect(cells.get('ACT-COURSES-DESIGNED|year|2010|housingArea|bispeparken')?.numerator).toBe(1);
    });
  });

  describe('given one staff member\'s document with two workshops in one quarter and a third in a later quarter of the same year', () => {
    const facts: IndicatorFact[] = [
      { indicator: 'PRD-STAFF-TRAINED', at: '2010-02-10T09:00:00Z', numerator: 1, subjects: 1, dims: { workshopTopic: 'parent-involvement' } },
      { indicator: 'PRD-STAFF-TRAINED', at: '2010-03-03T09:00:00Z', numerator: 1, subjects: 1, dims: { workshopTopic: 'parent-involvement' } },
      { indicator: 'PRD-STAFF-TRAINED', at: '2010-08-20T09:00:00Z', numerator: 1, subjects: 1, dims: { workshopTopic: 'parent-involvement' } },
    ];

    it('when it is turned into contributions, then the quarter with two workshops counts the person once', () => {
      const cells = cellsOf(facts);
      expect(cells.get('PRD-STAFF-TRAINED|quarter|2010-Q1|total|*')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cells.get('PRD-STAFF-TRAINED|quarter|2010-Q1|workshopTopic|parent-involvement')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cells.get('PRD-STAFF-TRAINED|quarter|2010-Q3|total|*')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
    });

    it('when it is turned into contributions, then the half-years, the year and the programme each count the person once', () => {
      const cells = cellsOf(facts);
      expect(cells.get('PRD-STAFF-TRAINED|half-year|2010-H1|total|*')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cells.get('PRD-STAFF-TRAINED|half-year|2010-H2|total|*')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cells.get('PRD-STAFF-TRAINED|year|2010|total|*')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cells.get('PRD-STAFF-TRAINED|year|2010|workshopTopic|parent-involvement')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cells.get('PRD-STAFF-TRAINED|programme|programme|total|*')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
    });
  });

  describe('given one workshop document holding two count facts in one quarter', () => {
    it('when it is turned into contributions, then a count is not capped: both occurrences count', () => {
      const cells = cellsOf([
        { indicator: 'ACT-EVENTS-HELD', at: '2010-02-10T09:00:00Z', numerator: 1, subjects: 0, dims: { format: 'seminar' } },
        { indicator: 'ACT-EVENTS-HELD', at: '2010-03-10T09:00:00Z', numerator: 1, subjects: 0, dims: { format: 'event' } },
      ]);
      expect(cells.get('ACT-EVENTS-HELD|quarter|2010-Q1|total|*')?.numerator).toBe(2);
      expect(cells.get('ACT-EVENTS-HELD|quarter|2010-Q1|format|seminar')?.numerator).toBe(1);
      expect(cells.get('ACT-EVENTS-HELD|quarter|2010-Q1|format|event')?.numerator).toBe(1);
    });
  });

  describe('given sum facts: a planned amount and three uses', () => {
    it('when they are turned into contributions, then numerators and denominators add per period', () => {
      const dims = { resourceLine: 'R6' };
      const cells = cellsOf([
        { indicator: 'RES-BUDGET', at: '2010-01-01', numerator: 0, denominator: 5000, subjects: 0, dims },
        { indicator: 'RES-BUDGET', at: '2010-02-20T10:00:00Z', numerator: 1200, subjects: 0, dims },
        { indicator: 'RES-BUDGET', at: '2010-03-15T10:00:00Z', numerator: 800, subjects: 0, dims },
        { indicator: 'RES-BUDGET', at: '2010-05-15T10:00:00Z', numerator: 300, subjects: 0, dims },
      ]);
      expect(cells.get('RES-BUDGET|quarter|2010-Q1|total|*')).toEqual({ numerator: 2000, denominator: 5000, subjects: 0 });
      expect(cells.get('RES-BUDGET|quarter|2010-Q1|resourceLine|R6')).toEqual({ numerator: 2000, denominator: 5000, subjects: 0 });
      expect(cells.get('RES-BUDGET|quarter|2010-Q2|total|*')).toEqual({ numerator: 300, denominator: 0, subjects: 0 });
      expect(cells.get('RES-BUDGET|year|2010|total|*')).toEqual({ numerator: 2300, denominator: 5000, subjects: 0 });
    });
  });

  describe('given a stock fact held from mid-February to mid-August 2010', () => {
    const fact: IndicatorFact = {
      indicator: 'RSL-NETWORK-MEMBERS',
      from: '2010-02-15T10:00:00Z',
      until: '2010-08-15T10:00:00Z',
      numerator: 1,
      subjects: 1,
      dims: { memberKind: 'association', housingArea: 'folehaven' },
    };

    it('when it is turned into contributions, then it lands only on the period ends it covers', () => {
      expect(keysOf([fact]).filter((key) => key.endsWith('|total|*'))).toEqual(
        ['RSL-NETWORK-MEMBERS|quarter|2010-Q1|total|*', 'RSL-NETWORK-MEMBERS|quarter|2010-Q2|total|*', 'RSL-NETWORK-MEMBERS|half-year|2010-H1|total|*'].sort(),
      );
      expect(cellsOf([fact]).get('RSL-NETWORK-MEMBERS|quarter|2010-Q2|memberKind|association')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
    });
  });

  describe('given an open stock fact from May 2011', () => {
    it('when it is turned into contributions, then it lands on every period end up to the programme end', () => {
      const keys = keysOf([{ indicator: 'RSL-NETWORK-MEMBERS', from: '2011-05-10T10:00:00Z', until: null, numerator: 1, subjects: 1 }]);
      expect(keys).toEqual(
        [
          'RSL-NETWORK-MEMBERS|quarter|2011-Q2|total|*',
          'RSL-NETWORK-MEMBERS|quarter|2011-Q3|total|*',
          'RSL-NETWORK-MEMBERS|quarter|2011-Q4|total|*',
          'RSL-NETWORK-MEMBERS|half-year|2011-H1|total|*',
          'RSL-NETWORK-MEMBERS|half-year|2011-H2|total|*',
          'RSL-NETWORK-MEMBERS|year|2011|total|*',
          'RSL-NETWORK-MEMBERS|programme|programme|total|*',
        ].sort(),
      );
    });
  });

  describe('given a stock fact starting at 22:30 UTC on 31 March and ending at 22:30 UTC on 30 June (both after local midnight)', () => {
    it('when it is turned into contributions, then it misses the first quarter end and holds at the second', () => {
      const keys = keysOf([
        { indicator: 'RSL-NETWORK-MEMBERS', from: '2010-03-31T22:30:00Z', until: '2010-06-30T22:30:00Z', numerator: 1, subjects: 1 },
      ]);
      expect(keys).toEqual(['RSL-NETWORK-MEMBERS|half-year|2010-H1|total|*', 'RSL-NETWORK-MEMBERS|quarter|2010-Q2|total|*']);
    });
  });

  describe('given one forum document holding two nominated seats', () => {
    it('when they are turned into contributions, then a stock adds both seats and both subjects', () => {
      const dims = { forumType: 'resident-board', housingArea: 'akacieparken' };
      const cells = cellsOf([
        { indicator: 'LT-ASSOCIATION-NOMINATED-SEATS', from: '2010-01-20T10:00:00Z', until: null, numerator: 1, subjects: 1, dims },
        { indicator: 'LT-ASSOCIATION-NOMINATED-SEATS', from: '2010-02-20T10:00:00Z', until: '2010-05-01T10:00:00Z', numerator: 1, subjects: 1, dims },
      ]);
      expect(cells.get('LT-ASSOCIATION-NOMINATED-SEATS|quarter|2010-Q1|total|*')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cells.get('LT-ASSOCIATION-NOMINATED-SEATS|quarter|2010-Q1|forumType|resident-board')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cells.get('LT-ASSOCIATION-NOMINATED-SEATS|quarter|2010-Q2|total|*')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
    });
  });

  describe('given a fact limited to one dimension with `only`', () => {
    it('when it is turned into contributions, then it fills just that dimension\'s cells, not the total nor other breakdowns', () => {
      const keys = keysOf([
        {
          indicator: 'MED-CAPACITY-CHANGE',
          at: '2010-11-05T10:00:00Z',
          numerator: 2,
          denominator: 1,
          subjects: 1,
          dims: { capacityDomain: 'governance', housingArea: 'urbanplanen' },
          only: 'capacityDomain',
        },
      ]);
      expect(keys).toEqual(
        [
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|capacityDomain|governance',
          'MED-CAPACITY-CHANGE|half-year|2010-H2|capacityDomain|governance',
          'MED-CAPACITY-CHANGE|year|2010|capacityDomain|governance',
          'MED-CAPACITY-CHANGE|programme|programme|capacityDomain|governance',
        ].sort(),
      );
    });
  });

  describe('given a fact about an indicator that is not in the catalogue', () => {
    it('when it is turned into contributions, then it throws naming the indicator', () => {
      // A code from outside the type system, such as a fact read back from an older store.
      expect(() => indicatorContributions([{ indicator: 'NOT-AN-INDICATOR' as IndicatorCode, at: '2010-05-12T10:00:00Z', numerator: 1, subjects: 0 }], calendar)).toThrow(
        'unknown indicator NOT-AN-INDICATOR',
      );
    });
  });

  describe('given facts whose cells are worked out once and then remembered', () => {
    const held = (dims: IndicatorFact['dims'], at = '2010-05-12T10:00:00Z'): IndicatorFact => ({ indicator: 'ACT-EVENTS-HELD', at, numerator: 1, subjects: 0, dims });

    it('when two facts split the same text differently across their breakdowns, then each keeps its own cells', () => {
      const first = keysOf([held({ format: 'workshop|a', housingArea: 'b' })]);
      const second = keysOf([held({ format: 'workshop', housingArea: 'a|b' })]);
      expect(first).toContain('ACT-EVENTS-HELD|quarter|2010-Q2|housingArea|b');
      expect(second).toContain('ACT-EVENTS-HELD|quarter|2010-Q2|housingArea|a|b');
    });

    it('when a fact has the dimensions of another but another local date, then it lands in the periods of its own date', () => {
      keysOf([held({ format: 'workshop' }, '2010-03-31T21:00:00Z')]);
      // 23:00 in Copenhagen on 31 March UTC is already 1 April there: the second quarter.
      expect(keysOf([held({ format: 'workshop' }, '2010-03-31T22:30:00Z')])).toContain('ACT-EVENTS-HELD|quarter|2010-Q2|total|*');
      expect(keysOf([held({ format: 'workshop' }, '2010-03-31T21:00:00Z')])).toContain('ACT-EVENTS-HELD|quarter|2010-Q1|total|*');
    });
  });

  describe('given equal facts turned into parts in separate calls', () => {
    const fact = (numerator: number): IndicatorFact => ({
      indicator: 'ACT-EVENTS-HELD',
      at: '2010-05-12T10:00:00Z',
      numerator,
      subjects: 0,
      dims: { format: 'workshop', housingArea: 'urbanplanen' },
    });

    it('when two equal facts are turned into parts, then they get the very same part object, so a fold skips it by identity', () => {
      const [first] = indicatorParts([fact(1)], calendar);
      const [second] = indicatorParts([{ ...fact(1), dims: { format: 'workshop', housingArea: 'urbanplanen' } }], calendar);
      expect(second).toBe(first);
      expect(second.sums).toEqual([1, 0, 0]);
    });

    it('when the numerator differs, then the parts are other objects with other keys and sums, on the same cells', () => {
      const [one] = indicatorParts([fact(1)], calendar);
      const [two] = indicatorParts([fact(2)], calendar);
      expect(two).not.toBe(one);
      expect(two.key).not.toBe(one.key);
      expect(two.sums).toEqual([2, 0, 0]);
      expect(two.cells.map((c) => c.key)).toEqual(one.cells.map((c) => c.key));
      // Asked again, each numerator keeps its own part.
      expect(indicatorParts([fact(2), fact(1)], calendar)).toEqual([two, one]);
      const [again] = indicatorParts([fact(2)], calendar);
      expect(again).toBe(two);
    });
  });

  describe('given no facts', () => {
    it('when they are turned into contributions, then there are none', () => {
      expect(indicatorContributions([], calendar)).toEqual([]);
    });
  });
});
