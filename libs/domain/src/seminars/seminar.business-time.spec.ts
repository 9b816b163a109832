import { contextAt, deciderSpec } from '../testing/decider-specification';
import { HoldSeminar, seminarDecider } from './seminar.decider';
import { SeminarHeld } from './seminar.events';

const spec = deciderSpec(seminarDecider);

const held = (data: Partial<SeminarHeld['data']> = {}): SeminarHeld => ({
  type: 'SeminarHeld',
  data: {
    seminarId: 'sem-1',
    format: 'seminar',
    title: 'Samarbejde på tværs',
    housingArea: 'urbanplanen',
    participantsByTargetGroup: { staff: 12, associations: 5, citizens: 30 },
    associationIds: ['a-1', 'a-2'],
    staffIds: ['s-1'],
    ...data,
  },
});

const hold = (occurredAt: string, event = held()): HoldSeminar => ({ type: 'HoldSeminar', data: event.data, context: contextAt(occurredAt) });

/** Held in May. */
const history = [['2010-05-20T10:00:00Z', held()]] as const;

describe('seminar rules in business time', () => {
  it('given no record of the seminar, when it arrives months after it was held, then it is recorded', () => {
    spec.recorded([]).when(hold('2010-01-20T10:00:00Z')).then([held()]);
  });

  it('given a seminar held in May, when the same seminar of April arrives late, then it is refused as a duplicate', () => {
    spec.recorded(history).when(hold('2010-04-01T10:00:00Z', held({ format: 'event' }))).thenFails('already-exists', 'already-exists');
  });

  it('given a seminar held in May, when the same seminar of June arrives, then it is refused as a duplicate', () => {
    spec.recorded(history).when(hold('2010-06-01T10:00:00Z', held({ format: 'event' }))).thenFails('already-exists', 'already-exists');
  });

  it('given a seminar held in May, when it is corrected to the day before with other head counts, then the replacement is recorded', () => {
    const recounted = held({ participantsByTargetGroup: { staff: 10, associations: 5, citizens: 41 } });
    spec.recorded(history).whenCorrecting(0, hold('2010-05-19T10:00:00Z', recounted)).then([recounted]);
  });

  it('given a seminar held in May, when it is corrected to June, then the replacement is recorded', () => {
    spec.recorded(history).whenCorrecting(0, hold('2010-06-02T10:00:00Z')).then([held()]);
  });
});
