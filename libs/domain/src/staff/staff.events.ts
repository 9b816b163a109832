import { DomainEvent } from '../core/event';
import { Employer, HousingArea, StaffRole } from '../model/reference-data';

/** Stream `staff-<staffId>`. `staffId` is pseudonymous; names live outside the event store. */
export type StaffMemberRegistered = DomainEvent<
  'StaffMemberRegistered',
  { readonly staffId: string; readonly role: StaffRole; readonly employer: Employer; readonly housingArea: HousingArea }
>;

export type StaffMemberDetailsCorrected = DomainEvent<
  'StaffMemberDetailsCorrected',
  {
    readonly staffId: string;
    readonly role?: StaffRole;
    readonly employer?: Employer;
    readonly housingArea?: HousingArea;
    readonly reason: string;
  }
>;

export type StaffEvent = StaffMemberRegistered | StaffMemberDetailsCorrected;
