import { TestApp, startTestApp } from '../../../../../test/api.harness';
import { AT, accept, correctAndWithdrawCreation, refuse } from '../../../../../test/command-assertions';

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

  it('allocates a resource', async () => {
    await accept(t, '/v1/resource-allocations', allocation('r-1'), {
      streamId: 'resource-r-1',
      type: 'ResourceAllocated',
      data: { allocationId: 'r-1', resourceLine: 'R1', kind: 'staff-time', unit: 'fte', amount: 1, periodStart: '2010-01-01', periodEnd: '2010-12-31' },
    });
  });

  it('records use of an allocation, with and without a note', async () => {
    await accept(t, '/v1/resource-allocations/r-1/uses', { occurredAt: AT, amount: 0.5, note: 'course preparation' }, {
      streamId: 'resource-r-1',
      type: 'ResourceUsed',
      data: { allocationId: 'r-1', amount: 0.5, note: 'course preparation' },
    });
    await accept(t, '/v1/resource-allocations/r-1/uses', { occurredAt: AT, amount: 0.25 }, {
      streamId: 'resource-r-1',
      type: 'ResourceUsed',
      data: { allocationId: 'r-1', amount: 0.25 },
    });
  });

  it('refuses a unit that cannot measure the kind with 422 unit-not-allowed', async () => {
    await refuse(t, '/v1/resource-allocations', allocation('r-2', { kind: 'budget' }), { status: 422, field: 'unit', rule: 'unit-not-allowed' }, 'resource-r-2');
  });

  it('refuses use outside the allocation period with 422 outside-period', async () => {
    const body = { occurredAt: '2011-02-01T10:00:00+01:00', amount: 0.5 };
    await refuse(t, '/v1/resource-allocations/r-1/uses', body, { status: 422, field: 'occurredAt', rule: 'outside-period' }, 'resource-r-1');
  });

  it('refuses use of an allocation that does not exist with 404', async () => {
    await refuse(t, '/v1/resource-allocations/r-404/uses', { occurredAt: AT, amount: 1 }, { status: 404, field: null, rule: 'not-found' }, 'resource-r-404');
  });

  it('refuses a date that is not on the calendar', async () => {
    await refuse(t, '/v1/resource-allocations', allocation('r-2', { periodStart: '2010-02-30' }), { status: 400, field: 'periodStart', rule: 'isIso8601' }, 'resource-r-2');
  });

  it('refuses an unknown resource kind', async () => {
    await refuse(t, '/v1/resource-allocations', allocation('r-2', { kind: 'volunteers' }), { status: 400, field: 'kind', rule: 'isIn' }, 'resource-r-2');
  });

  it('refuses a negative amount of use', async () => {
    await refuse(t, '/v1/resource-allocations/r-1/uses', { occurredAt: AT, amount: -1 }, { status: 400, field: 'amount', rule: 'isPositive' }, 'resource-r-1');
  });

  it('corrects the allocation (half the amount) and withdraws it, refusing uses until it is allocated again', async () => {
    await correctAndWithdrawCreation(t, {
      path: '/v1/resource-allocations',
      streamId: 'resource-r-fix',
      body: allocation('r-fix'),
      corrected: allocation('r-fix', { amount: 0.5 }),
      later: { path: '/v1/resource-allocations/r-fix/uses', body: { occurredAt: AT, amount: 0.25 } },
    });
  });
});
