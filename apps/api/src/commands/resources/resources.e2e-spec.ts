import { streamName } from '@toc/domain';
import { TestApp, startTestApp } from '../../../../../test/api.harness';
import { AT, accept, correctAndWithdrawCreation, postAccepted, refuse } from '../../../../../test/command-assertions';
import { given } from '../../../../../test/given';

describe('resource allocations (v1/resource-allocations)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const allocation = (allocationId: string, overrides: object = {}) => ({
    occurredAt: '2010-01-04T09:00:00+01:00',
    allocationId,
    resourceLine: 'R1',
    kind: 'staff-time',
    unit: 'fte',
    amount: 1,
    periodStart: '2010-01-01',
    periodEnd: '2010-12-31',
    ...overrides,
  });

  /** The R1 staff-time figure of a period, once the projection has applied everything stored. */
  const staffTime = async (periodType: string, period: string) => {
    const minPosition = await t.runtime.events.headPosition();
    const response = await t.http.get('/v1/indicators/RES-STAFF-TIME').query({ periodType, period, minPosition });
    expect(response.status).toBe(200);
    return response.body.indicator.breakdowns.resourceLine.find((cell: { value: string }) => cell.value === 'R1');
  };

  it('allocates staff time in FTE, keeping the hours per FTE-year it is planned at', async () => {
    await accept(t, '/v1/resource-allocations', allocation('r-1'), {
      streamId: 'resource-r-1',
      type: 'ResourceAllocated',
      data: { allocationId: 'r-1', resourceLine: 'R1', kind: 'staff-time', unit: 'fte', amount: 1, periodStart: '2010-01-01', periodEnd: '2010-12-31', hoursPerFteYear: 1924 },
    });
  });

  it('records staff time as hours, with and without a note', async () => {
    await accept(t, '/v1/resource-allocations/r-1/uses', { occurredAt: AT, hours: 37.5, note: 'course preparation' }, {
      streamId: 'resource-r-1',
      type: 'ResourceUsed',
      data: { allocationId: 'r-1', hours: 37.5, note: 'course preparation' },
    });
    await accept(t, '/v1/resource-allocations/r-1/uses', { occurredAt: AT, hours: 12.25 }, {
      streamId: 'resource-r-1',
      type: 'ResourceUsed',
      data: { allocationId: 'r-1', hours: 12.25 },
    });
  });

  it('records 0.9 FTE in 2010-Q1 as 426.97 hours with the FTE, the period and the rate, and counts them in 2010-Q1', async () => {
    await accept(t, '/v1/resource-allocations/r-1/uses', { occurredAt: '2010-03-31T16:00:00+02:00', fte: 0.9, period: '2010-Q1' }, {
      streamId: 'resource-r-1',
      type: 'ResourceUsed',
      data: { allocationId: 'r-1', hours: expect.closeTo(426.97, 2), fte: 0.9, period: '2010-Q1', hoursPerFteYear: 1924 },
    });
    // 37.5 + 12.25 hours on 15 March, and the 426.97 hours of the quarter.
    expect((await staffTime('quarter', '2010-Q1')).numerator).toBeCloseTo(476.719863, 5);
  });

  it('keeps the figures recorded before the hours per FTE-year changed, and converts later records at the new rate', async () => {
    const before = await staffTime('quarter', '2010-Q1');
    // As after a restart with HOURS_PER_FTE_YEAR=1600.
    (t.runtime.config as { hoursPerFteYear: number }).hoursPerFteYear = 1600;
    try {
      await accept(t, '/v1/resource-allocations/r-1/uses', { occurredAt: '2010-06-30T16:00:00+02:00', fte: 0.5, period: '2010-Q2' }, {
        streamId: 'resource-r-1',
        type: 'ResourceUsed',
        // 0.5 × 1,600 × 91 / 365
        data: { allocationId: 'r-1', hours: expect.closeTo(199.45, 2), fte: 0.5, period: '2010-Q2', hoursPerFteYear: 1600 },
      });
      await accept(t, '/v1/resource-allocations', allocation('r-1600', { resourceLine: 'R2' }), {
        streamId: 'resource-r-1600',
        type: 'ResourceAllocated',
        data: { allocationId: 'r-1600', resourceLine: 'R2', kind: 'staff-time', unit: 'fte', amount: 1, periodStart: '2010-01-01', periodEnd: '2010-12-31', hoursPerFteYear: 1600 },
      });
    } finally {
      (t.runtime.config as { hoursPerFteYear: number }).hoursPerFteYear = 1924;
    }
    expect(await staffTime('quarter', '2010-Q1')).toEqual(before);
    // Planned at the rate the allocation keeps: 1,924 × 91 / 365 hours in 2010-Q2.
    expect((await staffTime('quarter', '2010-Q2')).denominator).toBeCloseTo(479.682192, 5);
  });

  it('reads records stored before the rate and hours were kept: FTE-years of 1,924 hours', async () => {
    const stream = streamName('resource', 'r-old');
    await given(t, [
      {
        stream,
        occurredAt: '2010-01-04T09:00:00+01:00',
        type: 'ResourceAllocated',
        data: { allocationId: 'r-old', resourceLine: 'R3', kind: 'staff-time', unit: 'fte', amount: 0.5, periodStart: '2010-01-01', periodEnd: '2010-12-31' },
      },
      { stream, occurredAt: '2010-09-30T10:00:00+02:00', type: 'ResourceUsed', data: { allocationId: 'r-old', amount: 0.25 } },
    ]);
    const minPosition = await t.runtime.events.headPosition();
    const response = await t.http.get('/v1/indicators/RES-STAFF-TIME').query({ periodType: 'quarter', period: '2010-Q3', minPosition });
    const r3 = response.body.indicator.breakdowns.resourceLine.find((cell: { value: string }) => cell.value === 'R3');
    // Used 0.25 × 1,924 = 481 hours; planned 0.5 × 1,924 × 92 / 365 = 242.476712.
    expect(r3.numerator).toBe(481);
    expect(r3.denominator).toBeCloseTo(242.476712, 5);
  });

  it('refuses a unit that cannot measure the kind with 422 unit-not-allowed', async () => {
    await refuse(t, '/v1/resource-allocations', allocation('r-2', { kind: 'budget' }), { status: 422, field: 'unit', rule: 'unit-not-allowed' }, 'resource-r-2');
  });

  it('refuses use outside the allocation period with 422 outside-period', async () => {
    const body = { occurredAt: '2011-02-01T10:00:00+01:00', hours: 5 };
    await refuse(t, '/v1/resource-allocations/r-1/uses', body, { status: 422, field: 'occurredAt', rule: 'outside-period' }, 'resource-r-1');
  });

  it('refuses FTE over a period outside the allocation with 422 period-outside-allocation', async () => {
    const body = { occurredAt: '2010-12-31T10:00:00+01:00', fte: 0.5, period: '2011-Q1' };
    await refuse(t, '/v1/resource-allocations/r-1/uses', body, { status: 422, field: 'period', rule: 'period-outside-allocation' }, 'resource-r-1');
  });

  it('refuses an amount of staff time, which would be read as FTE-years, with 422 use-unit-not-allowed', async () => {
    await refuse(t, '/v1/resource-allocations/r-1/uses', { occurredAt: AT, amount: 0.9 }, { status: 422, field: 'amount', rule: 'use-unit-not-allowed' }, 'resource-r-1');
  });

  it('refuses use of an allocation that does not exist with 404', async () => {
    await refuse(t, '/v1/resource-allocations/r-404/uses', { occurredAt: AT, hours: 1 }, { status: 404, field: null, rule: 'not-found' }, 'resource-r-404');
  });

  it('refuses a date that is not on the calendar', async () => {
    const response = await refuse(t, '/v1/resource-allocations', allocation('r-2', { periodStart: '2010-02-30' }), { status: 400, field: 'periodStart', rule: 'isIso8601' }, 'resource-r-2');
    expect(response.body.message).toContain('periodStart must be a date on the calendar (2010-02-30 is not)');
  });

  it('refuses an unknown resource kind', async () => {
    await refuse(t, '/v1/resource-allocations', allocation('r-2', { kind: 'volunteers' }), { status: 400, field: 'kind', rule: 'isIn' }, 'resource-r-2');
  });

  it.each([
    ['a negative amount', { amount: -1 }, 'amount', 'isPositive', 'amount must be greater than 0'],
    ['hours as text', { hours: '7.5' }, 'hours', 'isNumber', 'hours must be a number with at most 2 decimals'],
    ['hours with three decimals', { hours: 7.125 }, 'hours', 'isNumber', 'hours must be a number with at most 2 decimals'],
    ['fte with five decimals', { fte: 0.33333, period: '2010-Q1' }, 'fte', 'isNumber', 'fte must be a number with at most 4 decimals'],
    ['more hours than any use', { hours: 2e9 }, 'hours', 'max', 'hours must be at most 1,000,000,000'],
    ['the programme as the period', { fte: 0.5, period: 'programme' }, 'period', 'isQuarterHalfYearOrYear', 'period must be a quarter (2010-Q3), a half-year (2010-H2) or a year (2010)'],
  ])('refuses %s with a 400 naming the field and the rule', async (_case, use, field, rule, message) => {
    const response = await refuse(t, '/v1/resource-allocations/r-1/uses', { occurredAt: AT, ...use }, { status: 400, field, rule }, 'resource-r-1');
    expect(response.body.errors).toContainEqual({ field, rule, message });
    expect(response.body.message.join(' ')).not.toMatch(/conforming to the specified constraints/);
  });

  it.each([
    ['no quantity', { note: 'forgot the figure' }, 'hours', 'isDefined'],
    ['fte without a period', { fte: 0.5 }, 'period', 'isDefined'],
    ['a period without fte', { hours: 5, period: '2010-Q1' }, 'fte', 'isDefined'],
    ['hours and fte together', { hours: 5, fte: 0.5, period: '2010-Q1' }, 'fte', 'statedOnce'],
    ['an amount and hours together', { amount: 100, hours: 5 }, 'hours', 'statedOnce'],
  ])('refuses a use stated with %s with a 400 naming the field and the rule', async (_case, use, field, rule) => {
    await refuse(t, '/v1/resource-allocations/r-1/uses', { occurredAt: AT, ...use }, { status: 400, field, rule }, 'resource-r-1');
  });

  it('corrects the allocation (half the amount) and withdraws it, refusing uses until it is allocated again', async () => {
    await correctAndWithdrawCreation(t, {
      path: '/v1/resource-allocations',
      streamId: 'resource-r-fix',
      body: allocation('r-fix'),
      corrected: allocation('r-fix', { amount: 0.5 }),
      later: { path: '/v1/resource-allocations/r-fix/uses', body: { occurredAt: AT, fte: 0.25, period: '2010-Q1' } },
    });
  });

  it('refuses to shorten an allocation so that a use of FTE would fall outside it, and writes nothing', async () => {
    const [created] = (await postAccepted(t, '/v1/resource-allocations', allocation('r-short'))).body.events;
    await postAccepted(t, '/v1/resource-allocations/r-short/uses', { occurredAt: '2010-04-15T10:00:00+02:00', fte: 1, period: '2010-Q2' });
    const shortened = { ...allocation('r-short', { periodEnd: '2010-05-31' }), correction: { eventId: created.eventId, reason: 'five months only' } };
    const response = await refuse(t, '/v1/resource-allocations', shortened, { status: 422, field: null, rule: 'invalidates-record' }, 'resource-r-short');
    expect(response.body.errors[0].message).toContain('period-outside-allocation');
  });
});
