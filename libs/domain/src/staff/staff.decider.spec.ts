import { deciderSpec, testContext } from '../testing/decider-specification';
import { CorrectStaffMemberDetails, StaffCommand, staffCommandTypes, staffDecider } from './staff.decider';
import { StaffMemberRegistered } from './staff.events';

const spec = deciderSpec(staffDecider);
const context = testContext();

const registered: StaffMemberRegistered = {
  type: 'StaffMemberRegistered',
  data: { staffId: 's-1', role: 'frontline', employer: 'municipality', housingArea: 'mjolnerparken' },
};

const register = (data: Record<string, unknown> = {}): StaffCommand => ({
  type: 'RegisterStaffMember',
  data: { ...registered.data, ...data } as StaffMemberRegistered['data'],
  context,
});

const correct = (data: Partial<CorrectStaffMemberDetails['data']>): StaffCommand => ({
  type: 'CorrectStaffMemberDetails',
  data: { staffId: 's-1', reason: 'wrong employer at registration', ...data },
  context,
});

describe('staff decider', () => {
  it('lists every command type it decides', () => {
    expect([...staffCommandTypes]).toEqual(['RegisterStaffMember', 'CorrectStaffMemberDetails']);
  });

  it('refuses a command whose business time lies after the clock', () => {
    spec
      .given([])
      .when({ ...register(), context: testContext({ occurredAt: '2010-05-02T00:00:00.000Z' }) })
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });

  describe('RegisterStaffMember', () => {
    it('registers a staff member', () => {
      spec.given([]).when(register()).then([registered]);
    });

    it('registers a staff member only once', () => {
      spec.given([registered]).when(register({ role: 'manager' })).thenFails('already-exists', 'already-exists');
    });

    it.each([
      ['role', 'unknown-staff-role', { role: 'volunteer' }],
      ['employer', 'unknown-employer', { employer: 'private-firm' }],
      ['housingArea', 'unknown-housing-area', { housingArea: 'vollsmose' }],
    ])('refuses a %s outside its code list', (field, code, data) => {
      spec.given([]).when(register(data)).thenFails('rule', code, field);
    });
  });

  describe('CorrectStaffMemberDetails', () => {
    it('records only the fields that change, with the reason trimmed', () => {
      spec
        .given([registered])
        .when(correct({ role: 'frontline', employer: 'housing-association', reason: ' seconded to the housing association ' }))
        .then([
          {
            type: 'StaffMemberDetailsCorrected',
            data: { staffId: 's-1', employer: 'housing-association', reason: 'seconded to the housing association' },
          },
        ]);
    });

    it('judges a later correction against the corrected details', () => {
      const corrected = { role: 'manager', employer: 'helhedsplan', housingArea: 'bispeparken' } as const;
      spec
        .given([registered, { type: 'StaffMemberDetailsCorrected', data: { staffId: 's-1', ...corrected, reason: 'new post' } }])
        .when(correct(corrected))
        .thenFails('rule', 'no-change');
    });

    it('refuses to correct a staff member who is not registered', () => {
      spec.given([]).when(correct({ role: 'manager' })).thenFails('not-found', 'not-found');
    });

    it('refuses a correction without a reason', () => {
      spec.given([registered]).when(correct({ role: 'manager', reason: '' })).thenFails('rule', 'reason-required', 'reason');
    });

    it('refuses a correction that changes nothing', () => {
      spec.given([registered]).when(correct({ role: 'frontline', housingArea: 'mjolnerparken' })).thenFails('rule', 'no-change');
      spec.given([registered]).when(correct({})).thenFails('rule', 'no-change');
    });

    it.each([
      ['role', 'unknown-staff-role', { role: 'volunteer' }],
      ['employer', 'unknown-employer', { employer: 'private-firm' }],
      ['housingArea', 'unknown-housing-area', { housingArea: 'vollsmose' }],
    ])('refuses a corrected %s outside its code list', (field, code, data) => {
      spec
        .given([registered])
        .when(correct(data as Partial<CorrectStaffMemberDetails['data']>))
        .thenFails('rule', code, field);
    });
  });
});
