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

    it('allocates staff time in fractions of a full-time equivalent for a one-day period', () => {
      const data = {
        ...allocated.data,
        resourceLine: 'R2',
        kind: 'staff-time',
        unit: 'fte',
        amount: 0.25,
        periodStart: '2010-03-01',
        periodEnd: '2010-03-01',
      } as const;
      spec.given([]).when(allocate(data)).then([{ type: 'ResourceAllocated', data }]);
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

  describe('RecordResourceUse', () => {
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
});
