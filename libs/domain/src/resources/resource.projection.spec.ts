import { ProgrammeHistory, given } from '../testing/programme-specification';

describe('resource projection', () => {
  // Stored before the rate and hours were kept: an FTE allocation without hoursPerFteYear, and
  // uses as an amount in the allocation's unit (FTE-years for an allocation in FTE).
  describe('given records in the shape stored before staff time was given in hours: allocations (1 FTE for 2010, 600 hours from July 2010 to June 2011, 10,000 DKK for the first half of 2010) and uses', () => {
    const resourceHistory = () => {
      const history = new ProgrammeHistory();
      history.record(
        'resource-r1',
        'ResourceAllocated',
        { allocationId: 'r1', resourceLine: 'R1', kind: 'staff-time', unit: 'fte', amount: 1, periodStart: '2010-01-01', periodEnd: '2010-12-31' },
        '2009-12-15T10:00:00.000Z',
      );
      history.record('resource-r1', 'ResourceUsed', { allocationId: 'r1', amount: 0.25, note: 'januar-februar' }, '2010-02-15T10:00:00.000Z');
      history.record('resource-r1', 'ResourceUsed', { allocationId: 'r1', amount: 0.1 }, '2010-05-10T10:00:00.000Z');
      history.record(
        'resource-r2',
        'ResourceAllocated',
        { allocationId: 'r2', resourceLine: 'R2', kind: 'staff-time', unit: 'hours', amount: 600, periodStart: '2010-07-01', periodEnd: '2011-06-30' },
        '2010-06-01T10:00:00.000Z',
      );
      history.record('resource-r2', 'ResourceUsed', { allocationId: 'r2', amount: 37.5 }, '2010-09-01T08:00:00.000Z');
      history.record(
        'resource-r6',
        'ResourceAllocated',
        { allocationId: 'r6', resourceLine: 'R6', kind: 'budget', unit: 'dkk', amount: 10000, periodStart: '2010-01-01', periodEnd: '2010-06-30' },
        '2009-12-15T10:00:00.000Z',
      );
      history.record('resource-r6', 'ResourceUsed', { allocationId: 'r6', amount: 2500, note: 'tryk af undervisningsmateriale' }, '2010-03-01T10:00:00.000Z');
      return history;
    };

    it('when the cells are summed, then 1 FTE plans 1,924 hours for the year, split by days per quarter (90, 91, 92, 92 of 365)', () => {
      const { cell } = given(resourceHistory());
      // 1924 * 90 / 365 = 474.410959; * 91 / 365 = 479.682192; * 92 / 365 = 484.953425.
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q1', 'resourceLine', 'R1')!.denominator).toBeCloseTo(474.410959, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q2', 'resourceLine', 'R1')!.denominator).toBeCloseTo(479.682192, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q3', 'resourceLine', 'R1')!.denominator).toBeCloseTo(484.953425, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q4', 'resourceLine', 'R1')!.denominator).toBeCloseTo(484.953425, 5);
      // Half-years: 181 and 184 days.
      expect(cell('RES-STAFF-TIME', 'half-year', '2010-H1', 'resourceLine', 'R1')!.denominator).toBeCloseTo(954.093151, 5);
      expect(cell('RES-STAFF-TIME', 'half-year', '2010-H2', 'resourceLine', 'R1')!.denominator).toBeCloseTo(969.906849, 5);
      expect(cell('RES-STAFF-TIME', 'year', '2010', 'resourceLine', 'R1')!.denominator).toBeCloseTo(1924, 6);
      expect(cell('RES-STAFF-TIME', 'year', '2011', 'resourceLine', 'R1')).toBeUndefined();
    });

    it('when the cells are summed, then uses of an FTE allocation are read as FTE-years of the standard 1,924 hours', () => {
      const { cell } = given(resourceHistory());
      // 0.25 * 1924 = 481; 0.1 * 1924 = 192.4.
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q1', 'resourceLine', 'R1')!.numerator).toBeCloseTo(481, 6);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q2', 'resourceLine', 'R1')!.numerator).toBeCloseTo(192.4, 6);
      expect(cell('RES-STAFF-TIME', 'year', '2010', 'resourceLine', 'R1')!.numerator).toBeCloseTo(673.4, 6);
    });

    it('when the cells are summed, then hours are planned pro rata by days across the year boundary and used as given', () => {
      const { cell } = given(resourceHistory());
      // 600 hours over 365 days: 92, 92, 90, 91 days -> 151.232877, 151.232877, 147.945205, 149.589041.
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q3', 'resourceLine', 'R2')!.denominator).toBeCloseTo(151.232877, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q4', 'resourceLine', 'R2')!.denominator).toBeCloseTo(151.232877, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2011-Q1', 'resourceLine', 'R2')!.denominator).toBeCloseTo(147.945205, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2011-Q2', 'resourceLine', 'R2')!.denominator).toBeCloseTo(149.589041, 5);
      expect(cell('RES-STAFF-TIME', 'year', '2011', 'resourceLine', 'R2')!.denominator).toBeCloseTo(297.534247, 5);
      expect(cell('RES-STAFF-TIME', 'programme', 'programme', 'resourceLine', 'R2')!.denominator).toBeCloseTo(600, 6);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q3', 'resourceLine', 'R2')!.numerator).toBe(37.5);
    });

    it('when the cells are summed, then the total adds the resource lines', () => {
      const { cell } = given(resourceHistory());
      // Q3 2010: planned 484.953425 + 151.232877, used 0 + 37.5.
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q3')!.denominator).toBeCloseTo(636.186301, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q3')!.numerator).toBe(37.5);
      // 2010: planned 1924 + 302.465753, used 673.4 + 37.5.
      expect(cell('RES-STAFF-TIME', 'year', '2010')!.denominator).toBeCloseTo(2226.465753, 5);
      expect(cell('RES-STAFF-TIME', 'year', '2010')!.numerator).toBeCloseTo(710.9, 6);
    });

    it('when the cells are summed, then a budget is planned pro rata by days and spent in DKK', () => {
      const { cell } = given(resourceHistory());
      // 10,000 DKK over 181 days: 90 -> 4972.375691, 91 -> 5027.624309.
      expect(cell('RES-BUDGET', 'quarter', '2010-Q1')!.denominator).toBeCloseTo(4972.375691, 5);
      expect(cell('RES-BUDGET', 'quarter', '2010-Q2')!.denominator).toBeCloseTo(5027.624309, 5);
      expect(cell('RES-BUDGET', 'quarter', '2010-Q1')!.numerator).toBe(2500);
      expect(cell('RES-BUDGET', 'half-year', '2010-H1', 'resourceLine', 'R6')!.denominator).toBeCloseTo(10000, 6);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q1', 'resourceLine', 'R6')).toBeUndefined();
    });
  });

  describe('given staff time allocated in FTE at its rate and used as hours or as FTE over a period', () => {
    const allocation = (allocationId: string, resourceLine: 'R1' | 'R2', hoursPerFteYear: number) => ({
      allocationId,
      resourceLine,
      kind: 'staff-time',
      unit: 'fte',
      amount: 1,
      periodStart: '2010-01-01',
      periodEnd: '2010-12-31',
      hoursPerFteYear,
    }) as const;
    const q1 = (0.9 * 1924 * 90) / 365;
    const h1 = (0.5 * 1600 * 181) / 365;
    const staffHistory = () => {
      const history = new ProgrammeHistory();
      history.record('resource-r1', 'ResourceAllocated', allocation('r1', 'R1', 1924), '2010-01-04T09:00:00.000Z');
      const fteUse = history.record('resource-r1', 'ResourceUsed', { allocationId: 'r1', hours: q1, fte: 0.9, period: '2010-Q1', hoursPerFteYear: 1924 }, '2010-04-06T10:00:00.000Z');
      history.record('resource-r1', 'ResourceUsed', { allocationId: 'r1', hours: 12.5 }, '2010-05-10T10:00:00.000Z');
      history.record('resource-r2', 'ResourceAllocated', allocation('r2', 'R2', 1600), '2010-01-04T09:00:00.000Z');
      // Recorded after the rate was set to 1,600: the hours are the ones converted then.
      history.record('resource-r2', 'ResourceUsed', { allocationId: 'r2', hours: h1, fte: 0.5, period: '2010-H1', hoursPerFteYear: 1600 }, '2010-06-30T10:00:00.000Z');
      return { history, fteUse };
    };

    it('when the cells are summed, then 0.9 FTE in 2010-Q1 counts its 426.97 hours in 2010-Q1, though recorded in April', () => {
      const { cell } = given(staffHistory().history);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q1', 'resourceLine', 'R1')!.numerator).toBeCloseTo(426.969863, 5);
      // The hours given on 10 May count in 2010-Q2 alone.
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q2', 'resourceLine', 'R1')!.numerator).toBe(12.5);
    });

    it('when the cells are summed, then FTE over a half-year are spread over its quarters by days (90 and 91 of 181)', () => {
      const { cell } = given(staffHistory().history);
      // 0.5 × 1,600 × 181 / 365 = 396.712329 hours: 197.260274 in Q1, 199.452055 in Q2.
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q1', 'resourceLine', 'R2')!.numerator).toBeCloseTo(197.260274, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q2', 'resourceLine', 'R2')!.numerator).toBeCloseTo(199.452055, 5);
      expect(cell('RES-STAFF-TIME', 'half-year', '2010-H1', 'resourceLine', 'R2')!.numerator).toBeCloseTo(396.712329, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q3', 'resourceLine', 'R2')!.numerator).toBe(0);
    });

    it('when the cells are summed, then each FTE allocation is planned at the rate it keeps, by the same conversion as FTE used', () => {
      const { cell } = given(staffHistory().history);
      // 1 FTE in 2010-Q1 planned and 1 FTE used in it are the same hours.
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q1', 'resourceLine', 'R1')!.denominator).toBeCloseTo(q1 / 0.9, 9);
      // 1 FTE at 1,600 hours: 1,600 × 90 / 365 = 394.520548 in Q1, 1,600 for the year.
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q1', 'resourceLine', 'R2')!.denominator).toBeCloseTo(394.520548, 5);
      expect(cell('RES-STAFF-TIME', 'year', '2010', 'resourceLine', 'R2')!.denominator).toBeCloseTo(1600, 6);
      expect(cell('RES-STAFF-TIME', 'year', '2010')!.denominator).toBeCloseTo(3524, 6);
    });

    it('when a use stated in FTE is corrected to hours, then its period no longer holds it', () => {
      const { history, fteUse } = staffHistory();
      history.correct(fteUse, { allocationId: 'r1', hours: 300 }, '2010-04-06T10:00:00.000Z', 'time sheets in hours');
      const { cell } = given(history);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q1', 'resourceLine', 'R1')!.numerator).toBe(0);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q2', 'resourceLine', 'R1')!.numerator).toBe(312.5);
    });
  });
});
