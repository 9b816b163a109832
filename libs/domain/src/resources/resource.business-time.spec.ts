import { contextAt, deciderSpec } from '../testing/decider-specification';
import { AllocateResource, RecordResourceUse, resourceDecider } from './resource.decider';
import { ResourceAllocated, ResourceUsed } from './resource.events';

const spec = deciderSpec(resourceDecider);
const allocationId = 'r-1';

/** A budget for the first half of 2010. */
type Period = Pick<ResourceAllocated['data'], 'periodStart' | 'periodEnd'>;
const allocated = (period: Period = { periodStart: '2010-01-01', periodEnd: '2010-06-30' }): ResourceAllocated => ({
  type: 'ResourceAllocated',
  data: { allocationId, resourceLine: 'R6', kind: 'budget', unit: 'dkk', amount: 50000, ...period },
});
const used = (amount = 1200): ResourceUsed => ({ type: 'ResourceUsed', data: { allocationId, amount } });

const allocate = (occurredAt: string, event = allocated()): AllocateResource => ({ type: 'AllocateResource', data: event.data, context: contextAt(occurredAt) });
const use = (occurredAt: string, event = used()): RecordResourceUse => ({ type: 'RecordResourceUse', data: event.data, context: contextAt(occurredAt) });

/** Allocated in December 2009 for January to June 2010; used in February and in May. */
const history = [
  ['2009-12-15T10:00:00Z', allocated()],
  ['2010-02-01T10:00:00Z', used(1200)],
  ['2010-05-01T10:00:00Z', used(800)],
] as const;

describe('resource rules in business time', () => {
  describe('use and the allocation period', () => {
    it('given an allocation recorded in mid-December, when a use of the start of December arrives, then it is refused as before the first record', () => {
      spec.recorded(history).when(use('2009-12-01T10:00:00Z')).thenFails('rule', 'before-first-record', 'occurredAt');
    });

    it('given an allocation recorded in February for a period from January, when a use of January arrives late, then it is refused as before the first record', () => {
      const retroactive = [['2010-02-01T10:00:00Z', allocated()]] as const;
      spec.recorded(retroactive).when(use('2010-01-15T10:00:00Z')).thenFails('rule', 'before-first-record', 'occurredAt');
    });

    it('given a period from January, when a use of late December arrives, then it is refused: it lies before the period', () => {
      spec.recorded(history).when(use('2009-12-20T10:00:00Z')).thenFails('rule', 'outside-period', 'occurredAt');
    });

    it('given a period to June, when a use of July arrives, then it is refused: it lies after the period', () => {
      spec.recorded(history).when(use('2010-07-10T10:00:00Z')).thenFails('rule', 'outside-period', 'occurredAt');
    });

    it('given uses of February and May, when a use of March arrives late, then it is recorded', () => {
      spec.recorded(history).when(use('2010-03-15T10:00:00Z', used(500))).then([used(500)]);
    });

    it('given a period from 1 January, when a use of the first hour of 1 January in Copenhagen arrives, then it is recorded', () => {
      spec.recorded(history).when(use('2009-12-31T23:30:00Z', used(500))).then([used(500)]);
    });

    it('given a period to 30 June, when a use of a UTC evening of 30 June that is 1 July in Copenhagen arrives, then it is refused: it lies after the period', () => {
      spec.recorded(history).when(use('2010-06-30T22:30:00Z')).thenFails('rule', 'outside-period', 'occurredAt');
    });

    it('given a use of May, when the use is corrected to another day of April, then the replacement is recorded', () => {
      spec.recorded(history).whenCorrecting(2, use('2010-04-20T10:00:00Z', used(800))).then([used(800)]);
    });

    it('given a period to June, when the May use is corrected to August, then it is refused: it would lie after the period', () => {
      spec.recorded(history).whenCorrecting(2, use('2010-08-01T10:00:00Z', used(800))).thenFails('rule', 'outside-period', 'occurredAt');
    });

    it('given uses of February and May, when the May use is withdrawn, then nothing else is at stake', () => {
      spec.recorded(history).whenWithdrawing(2).then([]);
    });
  });

  describe('corrections of the allocation', () => {
    it('given a use of May, when the period is corrected to end in April, then it is refused: the use would lie outside it', () => {
      spec
        .recorded(history)
        .whenCorrecting(0, allocate('2009-12-15T10:00:00Z', allocated({ periodStart: '2010-01-01', periodEnd: '2010-04-30' })))
        .thenFails('rule', 'invalidates-record');
    });

    it('given a use of February, when the period is corrected to start in March, then it is refused: the use would lie outside it', () => {
      spec
        .recorded(history)
        .whenCorrecting(0, allocate('2009-12-15T10:00:00Z', allocated({ periodStart: '2010-03-01', periodEnd: '2010-06-30' })))
        .thenFails('rule', 'invalidates-record');
    });

    it('given uses of February and May, when the period is corrected to run to December, then the replacement is recorded', () => {
      const wholeYear = allocated({ periodStart: '2010-01-01', periodEnd: '2010-12-31' });
      spec.recorded(history).whenCorrecting(0, allocate('2009-12-15T10:00:00Z', wholeYear)).then([wholeYear]);
    });

    it('given a use of February, when the allocation record is corrected to March, then it is refused: the use would come before the allocation', () => {
      spec.recorded(history).whenCorrecting(0, allocate('2010-03-01T10:00:00Z')).thenFails('rule', 'invalidates-record');
    });

    it('given an allocation of mid-December, when a second allocation of November arrives, then it is refused as a duplicate', () => {
      spec.recorded(history).when(allocate('2009-11-01T10:00:00Z')).thenFails('already-exists', 'already-exists');
    });

    it('given a use recorded outside the period, when the period is corrected to end in May, then the older inconsistency does not block it', () => {
      const legacy = [...history, ['2010-08-01T10:00:00Z', used(300)]] as const;
      const toMay = allocated({ periodStart: '2010-01-01', periodEnd: '2010-05-31' });
      spec.recorded(legacy).whenCorrecting(0, allocate('2009-12-15T10:00:00Z', toMay)).then([toMay]);
    });
  });
});
