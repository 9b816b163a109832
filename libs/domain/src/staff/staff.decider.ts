import { Command } from '../core/command';
import { defineDecider } from '../core/decider';
import { alreadyExists, notFound, ruleBroken } from '../core/domain-error';
import { Employer, HousingArea, StaffRole, employers, housingAreas, staffRoles } from '../model/reference-data';
import { StaffEvent, StaffMemberDetailsCorrected, StaffMemberRegistered } from './staff.events';
import { assertCode, requiredText } from '../core/input';

export type RegisterStaffMember = Command<'RegisterStaffMember', StaffMemberRegistered['data']>;
export type CorrectStaffMemberDetails = Command<'CorrectStaffMemberDetails', StaffMemberDetailsCorrected['data']>;

export type StaffCommand = RegisterStaffMember | CorrectStaffMemberDetails;
export const staffCommandTypes = ['RegisterStaffMember', 'CorrectStaffMemberDetails'] as const satisfies readonly StaffCommand['type'][];

export type StaffState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly staffId: string;
      readonly role: StaffRole;
      readonly employer: Employer;
      readonly housingArea: HousingArea;
    };

const register = (command: RegisterStaffMember, state: StaffState): StaffMemberRegistered[] => {
  const { staffId, role, employer, housingArea } = command.data;
  if (state.status !== 'unregistered') return alreadyExists(`staff member ${staffId}`);
  assertCode('unknown-staff-role', staffRoles, role, 'role');
  assertCode('unknown-employer', employers, employer, 'employer');
  assertCode('unknown-housing-area', housingAreas, housingArea, 'housingArea');
  return [{ type: 'StaffMemberRegistered', data: { staffId, role, employer, housingArea } }];
};

const correct = (command: CorrectStaffMemberDetails, state: StaffState): StaffMemberDetailsCorrected[] => {
  const { staffId, role, employer, housingArea } = command.data;
  if (state.status !== 'registered') return notFound(`staff member ${staffId}`);
  const reason = requiredText('reason-required', command.data.reason, 'reason', 'a correction needs a reason');
  if (role !== undefined) assertCode('unknown-staff-role', staffRoles, role, 'role');
  if (employer !== undefined) assertCode('unknown-employer', employers, employer, 'employer');
  if (housingArea !== undefined) assertCode('unknown-housing-area', housingAreas, housingArea, 'housingArea');

  // Only the fields that really change go into the event, so the audit trail shows what moved.
  const changes = {
    ...(role !== undefined && role !== state.role && { role }),
    ...(employer !== undefined && employer !== state.employer && { employer }),
    ...(housingArea !== undefined && housingArea !== state.housingArea && { housingArea }),
  };
  if (Object.keys(changes).length === 0) {
    ruleBroken('no-change', `the correction of staff member ${staffId} changes none of their current details`);
  }
  return [{ type: 'StaffMemberDetailsCorrected', data: { staffId, ...changes, reason } }];
};

export const staffDecider = defineDecider<StaffCommand, StaffEvent, StaffState>({
  recordedBy: { StaffMemberRegistered: 'RegisterStaffMember', StaffMemberDetailsCorrected: 'CorrectStaffMemberDetails' },
  initialState: () => ({ status: 'unregistered' }),

  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterStaffMember':
        return register(command, state);
      case 'CorrectStaffMemberDetails':
        return correct(command, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown staff command ${(unknown as StaffCommand).type}`);
      }
    }
  },

  evolve: (state, event) => {
    switch (event.type) {
      case 'StaffMemberRegistered':
        return { status: 'registered', ...event.data };
      case 'StaffMemberDetailsCorrected': {
        if (state.status !== 'registered') return state;
        const { role, employer, housingArea } = event.data;
        return {
          ...state,
          role: role ?? state.role,
          employer: employer ?? state.employer,
          housingArea: housingArea ?? state.housingArea,
        };
      }
      default: {
        const unknown: never = event;
        throw new Error(`unknown staff event ${(unknown as StaffEvent).type}`);
      }
    }
  },
});
