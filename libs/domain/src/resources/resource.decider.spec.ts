import { deciderSpec, testContext } from '../testing/decider-specification';
import { ResourceCommand, resourceCommandTypes, resourceDecider } from './resource.decider';
import { ResourceAllocated, ResourceUsed } from './resource.events';

const spec = deciderSpec(resourceDecider);
const context = testContext();

const allocated: ResourceAllocated = {
  type: 'ResourceAllocated',
  data: {
    allocationId: 'r-1',
    resourceLine: 'R6',
    kind: 'budget',
    unit: 'dkk',
    amount: 50000,
    periodStart: '2010-01-01',
    periodEnd: '2010-12-31',
  },
};

const allocate = (data: Record<string, unknown> = {}): ResourceCommand => ({
  type: 'AllocateResource',
  data: { ...allocated.data, ...data } as ResourceAllocated['data'],
  context,
});

const use = (data: Partial<ResourceUsed['data']> = {}, occurredAt?: string): ResourceCommand => ({
  type: 'RecordResourceUse',
  data: { allocationId: 'r-1', amount: 1200, ...data },
  context: occurredAt ? testContext({ occurredAt, now: '2012-01-01T00:00:00.000Z' }) : context,
});

const used = (data: Partial<ResourceUsed['data']> = {}): ResourceUsed => ({
  type: 'ResourceUsed',
  data: { allocationId: 'r-1', amount: 1200, ...data },
});

describe('resource decider', () => {
  it('lists every command type it decides', () => {
    expect([...resourceCommandTypes]).toEqual(['AllocateResource', 'RecordResourceUse']);
  });

  it('refuses a command whose business time lies after the clock', () => {
    spec
      .given([allocated])
      .when({ ...use(), context: testContext({ occurredAt: '2010-06-01T00:00:00.000Z' }) })
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });

  describe('AllocateResource', () => {
    it('allocates a budget in kroner', () => {
      spec.given([]).when(allocate()).then([allocated]);
    });

    it('allocates staff time in fractions of a full-time equivalent for a one-day period, at the rate the service passes', () => {
      const data = {
        ...allocated.data,
        resourceLine: 'R2',
        kind: 'staff-time',
        unit: 'fte',
        amount: 0.25,
        periodStart: '2010-03-01',
        periodEnd: '2010-03-01',
        hoursPerFteYear: 1628,
      } as const;
      spec.given([]).when(allocate(data)).then([{ type: 'ResourceAllocated', data }]);
    });

    it('keeps the standard 1,924 hours per FTE-year with an FTE allocation when no rate is passed', () => {
      spec
        .given([])
        .when(allocate({ kind: 'staff-time', unit: 'fte', amount: 1 }))
        .then([{ type: 'ResourceAllocated', data: { ...allocated.data, kind: 'staff-time', unit: 'fte', amount: 1, hoursPerFteYear: 1924 } }]);
    });

    it('keeps no rate with an allocation in hours or DKK, which it does not convert', () => {
      spec.given([]).when(allocate({ hoursPerFteYear: 1628 })).then([allocated]);
    });

    it.each([0, -1, 8785, Number.NaN])('refuses %p hours per FTE-year', (hoursPerFteYear) => {
      spec
        .given([])
        .when(allocate({ kind: 'staff-time', unit: 'fte', amount: 1, hoursPerFteYear }))
        .thenFails('rule', 'invalid-hours-per-fte-year', 'hoursPerFteYear');
    });

    it('allocates only once', () => {
      spec.given([allocated]).when(allocate()).thenFails('already-exists', 'already-exists');
    });

    it.each([
      ['resourceLine', 'unknown-resource-line', { resourceLine: 'R7' }],
      ['kind', 'unknown-resource-kind', { kind: 'volunteers' }],
    ])('refuses a %s outside its code list', (field, code, data) => {
      spec.given([]).when(allocate(data)).thenFails('rule', code, field);
    });

    it.each([
      ['hours of budget', { kind: 'budget', unit: 'hours' }],
      ['kroner of staff time', { kind: 'staff-time', unit: 'dkk' }],
    ])('refuses %s', (_case, data) => {
      spec.given([]).when(allocate(data)).thenFails('rule', 'unit-not-allowed', 'unit');
    });

    it.each([0, -100, Number.POSITIVE_INFINITY, Number.NaN])('refuses the amount %p', (amount) => {
      spec.given([]).when(allocate({ amount })).thenFails('rule', 'amount-not-positive', 'amount');
    });

    it.each([
      ['periodStart', '2010-1-1'],
      ['periodStart', '2010-02-30'],
      ['periodEnd', '2010-12-31T00:00:00Z'],
      ['periodEnd', '31-12-2010'],
    ])('refuses %s %p', (field, value) => {
      spec.given([]).when(allocate({ [field]: value })).thenFails('rule', 'invalid-date', field);
    });

    it('refuses a period that ends before it starts', () => {
      spec
        .given([])
        .when(allocate({ periodStart: '2010-07-01', periodEnd: '2010-06-30' }))
        .thenFails('rule', 'period-reversed', 'periodEnd');
    });
  });

  describe('RecordResourceUse of a budget', () => {
    it('records use with its note trimmed', () => {
      spec.given([allocated]).when(use({ note: ' printing of course material ' })).then([used({ note: 'printing of course material' })]);
    });

    it('leaves out a blank note', () => {
      spec.given([allocated]).when(use({ note: '  ' })).then([used()]);
    });

    it('records use beyond the allocated amount, so indicators can report use against plan', () => {
      spec.given([allocated, used({ amount: 49000 })]).when(use({ amount: 5000 })).then([used({ amount: 5000 })]);
    });

    it('accepts use on the first and the last day of the period', () => {
      spec.given([allocated]).when(use({}, '2010-01-01T00:00:00+01:00')).then([used()]);
      spec.given([allocated]).when(use({}, '2010-12-31T23:59:59+01:00')).then([used()]);
    });

    it('refuses use of an allocation that does not exist', () => {
      spec.given([]).when(use()).thenFails('not-found', 'not-found');
    });

    it.each([0, -5, Number.NaN])('refuses the amount %p', (amount) => {
      spec.given([allocated]).when(use({ amount })).thenFails('rule', 'amount-not-positive', 'amount');
    });

    it.each([
      ['hours', { amount: undefined, hours: 10 }],
      ['fte', { amount: undefined, fte: 0.5, period: '2010-Q1' }],
    ])('refuses %s of a budget, which is used in DKK', (field, data) => {
      spec.given([allocated]).when(use(data)).thenFails('rule', 'use-unit-not-allowed', field);
    });

    it('refuses use after the period ends', () => {
      spec.given([allocated]).when(use({}, '2011-01-01T00:00:00.000Z')).thenFails('rule', 'outside-period', 'occurredAt');
    });

    it('judges the period by the Copenhagen date of occurredAt, as the reporting periods do', () => {
      // 23:30 UTC on 31 December 2010 is already 1 January 2011 in Copenhagen.
      spec.given([allocated]).when(use({}, '2010-12-31T23:30:00Z')).thenFails('rule', 'outside-period', 'occurredAt');
    });

    it('refuses an occurredAt that is not a time', () => {
      spec.given([allocated]).when(use({}, 'yesterday')).thenFails('rule', 'invalid-time', 'occurredAt');
    });
  });

  describe('RecordResourceUse of staff time', () => {
    const staffTime = (data: Partial<ResourceAllocated['data']> = {}): ResourceAllocated => ({
      type: 'ResourceAllocated',
      data: { ...allocated.data, resourceLine: 'R1', kind: 'staff-time', unit: 'fte', amount: 1, hoursPerFteYear: 1924, ...data },
    });
    const staffUse = (data: Partial<ResourceUsed['data']>, occurredAt = '2010-03-31T12:00:00+02:00'): ResourceCommand => ({
      type: 'RecordResourceUse',
      data: { allocationId: 'r-1', ...data },
      context: testContext({ occurredAt, now: '2013-01-01T00:00:00.000Z' }),
    });
    const staffUsed = (data: Partial<ResourceUsed['data']>): ResourceUsed => ({ type: 'ResourceUsed', data: { allocationId: 'r-1', ...data } });

    it('records hours as given', () => {
      spec.given([staffTime()]).when(staffUse({ hours: 37.5 })).then([staffUsed({ hours: 37.5 })]);
    });

    it('records 0.9 FTE in 2010-Q1 as 0.9 × 1,924 × 90 / 365 = 426.97 hours, with the FTE, the period and the rate', () => {
      spec
        .given([staffTime()])
        .when(staffUse({ fte: 0.9, period: '2010-Q1', hoursPerFteYear: 1924, note: 'time sheets January to March' }))
        .then([staffUsed({ hours: expect.closeTo(426.97, 2), fte: 0.9, period: '2010-Q1', hoursPerFteYear: 1924, note: 'time sheets January to March' })]);
    });

    it('converts at the rate passed with the use, not the one the allocation keeps: 0.5 FTE in 2010-H1 at 1,600 hours is 0.5 × 1,600 × 181 / 365 = 396.71 hours', () => {
      spec
        .given([staffTime()])
        .when(staffUse({ fte: 0.5, period: '2010-H1', hoursPerFteYear: 1600 }, '2010-06-30T12:00:00+02:00'))
        .then([staffUsed({ hours: expect.closeTo(396.71, 2), fte: 0.5, period: '2010-H1', hoursPerFteYear: 1600 })]);
    });

    it('converts at the standard 1,924 hours when no rate is passed: 1 FTE for 2010 is 1,924 hours', () => {
      spec
        .given([staffTime()])
        .when(staffUse({ fte: 1, period: '2010' }, '2010-12-31T12:00:00+01:00'))
        .then([staffUsed({ hours: 1924, fte: 1, period: '2010', hoursPerFteYear: 1924 })]);
    });

    it('counts the days of a leap year: 1 FTE in 2012-Q1 is 1,924 × 91 / 366 = 478.37 hours', () => {
      spec
        .given([staffTime({ periodStart: '2012-01-01', periodEnd: '2012-12-31' })])
        .when(staffUse({ fte: 1, period: '2012-Q1', hoursPerFteYear: 1924 }, '2012-03-31T12:00:00+02:00'))
        .then([staffUsed({ hours: expect.closeTo(478.37, 2), fte: 1, period: '2012-Q1', hoursPerFteYear: 1924 })]);
    });

    it('judged again from its stored record, a converted use is the same use', () => {
      const stored = staffUsed({ hours: (0.9 * 1924 * 90) / 365, fte: 0.9, period: '2010-Q1', hoursPerFteYear: 1924 });
      spec.given([staffTime()]).when(staffUse(stored.data)).then([stored]);
    });

    it('refuses hours that are not the conversion of the FTE given with them', () => {
      spec.given([staffTime()]).when(staffUse({ hours: 400, fte: 0.9, period: '2010-Q1' })).thenFails('rule', 'hours-not-fte-conversion', 'hours');
    });

    it('refuses an amount, which for staff time in FTE would be read as FTE-years', () => {
      spec.given([staffTime()]).when(staffUse({ amount: 0.9 })).thenFails('rule', 'use-unit-not-allowed', 'amount');
    });

    it('refuses a use that gives neither hours nor FTE', () => {
      spec.given([staffTime()]).when(staffUse({ note: 'forgot the figure' })).thenFails('rule', 'use-missing', 'hours');
    });

    it('refuses FTE without the period they were worked in', () => {
      spec.given([staffTime()]).when(staffUse({ fte: 0.9 })).thenFails('rule', 'period-missing', 'period');
    });

    it('refuses a period without FTE', () => {
      spec.given([staffTime()]).when(staffUse({ hours: 30, period: '2010-Q1' })).thenFails('rule', 'period-without-fte', 'period');
    });

    it.each(['programme', '2010-Q5', '2010-03', 'Q1 2010'])('refuses the period %p, which is not a quarter, half-year or year', (period) => {
      spec.given([staffTime()]).when(staffUse({ fte: 0.9, period })).thenFails('rule', 'invalid-period', 'period');
    });

    it.each([
      ['after the allocation', {}, '2011-Q1'],
      ['partly before the allocation', { periodStart: '2010-03-01' }, '2010-Q1'],
      ['partly after the allocation', { periodEnd: '2010-06-30' }, '2010'],
    ])('refuses a period %s', (_case, allocation, period) => {
      spec.given([staffTime(allocation)]).when(staffUse({ fte: 0.5, period }, '2010-06-30T12:00:00+02:00')).thenFails('rule', 'period-outside-allocation', 'period');
    });

    it('refuses FTE for a period that has not begun by the business date of the use', () => {
      spec.given([staffTime()]).when(staffUse({ fte: 0.5, period: '2010-Q2' }, '2010-03-31T12:00:00+02:00')).thenFails('rule', 'period-not-begun', 'period');
    });

    it.each([
      ['fte', { fte: 0, period: '2010-Q1' }],
      ['fte', { fte: -0.5, period: '2010-Q1' }],
      ['hours', { hours: Number.NaN }],
      ['hours', { hours: 0 }],
    ])('refuses %s that is not greater than 0 (%p)', (field, data) => {
      spec.given([staffTime()]).when(staffUse(data)).thenFails('rule', `${field}-not-positive`, field);
    });

    it('refuses a rate beyond the hours of a year', () => {
      spec.given([staffTime()]).when(staffUse({ fte: 0.9, period: '2010-Q1', hoursPerFteYear: 9000 })).thenFails('rule', 'invalid-hours-per-fte-year', 'hoursPerFteYear');
    });
  });
});
