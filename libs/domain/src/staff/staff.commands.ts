import { aggregateCommands } from '../core/command-routing';
import { streamName } from '../core/stream-name';
import { staffDecider } from './staff.decider';

const staffMember = (data: { staffId: string }) => streamName('staff', data.staffId);

export const staffCommands = aggregateCommands(staffDecider, {
  RegisterStaffMember: { stream: staffMember },
  CorrectStaffMemberDetails: { stream: staffMember },
});
