import { contextAt, deciderSpec } from '../testing/decider-specification';
import { CorrectStaffMemberDetails, RegisterStaffMember, staffDecider } from './staff.decider';
import { StaffMemberDetailsCorrected, StaffMemberRegistered } from './staff.events';

const spec = deciderSpec(staffDecider);
const staffId = 's-1';

const registered: StaffMemberRegistered = {
  type: 'StaffMemberRegistered',
  data: { staffId, role: 'frontline', employer: 'municipality', housingArea: 'mjolnerparken' },
};
const corrected = (changes: Omit<StaffMemberDetailsCorrected['data'], 'staffId' | 'reason'>, reason = 'seconded'): StaffMemberDetailsCorrected => ({
  type: 'StaffMemberDetailsCorrected',
  data: { staffId, ...changes, reason },
});
const seconded = corrected({ employer: 'housing-association' });

const register = (occurredAt: string, data: Partial<RegisterStaffMember['data']> = {}): RegisterStaffMember => ({
  type: 'RegisterStaffMember',
  data: { ...registered.data, ...data },
  context: contextAt(occurredAt),
});
const correct = (occurredAt: string, event: StaffMemberDetailsCorrected): CorrectStaffMemberDetails => ({
  type: 'CorrectStaffMemberDetails',
  data: event.data,
  context: contextAt(occurredAt),
});

/** Registered in January, seconded to the housing association in April. */
const history = [
  ['2010-01-10T10:00:00Z', registered],
  ['2010-04-01T10:00:00Z', seconded],
] as const;

describe('staff rules in business time', () => {
  it('given a staff member registered in January, when a correction of the previous December arrives, then it is refused as before the first record', () => {
    spec.recorded(history).when(correct('2009-12-01T10:00:00Z', corrected({ role: 'manager' }))).thenFails('rule', 'before-first-record', 'occurredAt');
  });

  it('given a staff member registered in January, when a second registration of the previous December arrives, then it is refused as a duplicate', () => {
    spec.recorded(history).when(register('2009-12-01T10:00:00Z', { role: 'manager' })).thenFails('already-exists', 'already-exists');
  });

  it('given a secondment of April, when a role correction of February arrives late, then it is recorded', () => {
    const promoted = corrected({ role: 'manager' }, 'promoted');
    spec.recorded(history).when(correct('2010-02-01T10:00:00Z', promoted)).then([promoted]);
  });

  it('given a secondment of April, when a February correction back to the registered employer arrives, then it is refused: that was still the employer then', () => {
    spec.recorded(history).when(correct('2010-02-01T10:00:00Z', corrected({ employer: 'municipality' }))).thenFails('rule', 'no-change');
  });

  it('given a secondment of April, when a February correction to the same employer arrives late, then it is refused: the April secondment would change nothing', () => {
    spec.recorded(history).when(correct('2010-02-01T10:00:00Z', seconded)).thenFails('rule', 'invalidates-record');
  });

  it('given a secondment of April, when it is corrected to March, then the replacement is recorded', () => {
    spec.recorded(history).whenCorrecting(1, correct('2010-03-01T10:00:00Z', seconded)).then([seconded]);
  });

  it('given a secondment of April, when it is corrected to a day before the registration, then it is refused as before the first record', () => {
    spec.recorded(history).whenCorrecting(1, correct('2010-01-05T10:00:00Z', seconded)).thenFails('rule', 'before-first-record', 'occurredAt');
  });

  it('given a secondment of April, when the registration is corrected to May, then it is refused: the secondment would come before it', () => {
    spec.recorded(history).whenCorrecting(0, register('2010-05-01T10:00:00Z')).thenFails('rule', 'invalidates-record');
  });

  it('given a secondment of April, when the registration is corrected to an earlier day with another area, then the replacement is recorded', () => {
    spec
      .recorded(history)
      .whenCorrecting(0, register('2010-01-04T10:00:00Z', { housingArea: 'akacieparken' }))
      .then([{ ...registered, data: { ...registered.data, housingArea: 'akacieparken' } }]);
  });

  it('given a staff member with a secondment, when the secondment is withdrawn, then nothing else is at stake', () => {
    spec.recorded(history).whenWithdrawing(1).then([]);
  });
});
