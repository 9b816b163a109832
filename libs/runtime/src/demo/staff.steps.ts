import { Employer, HousingArea, StaffRole } from '@toc/domain';
import { DemoStep, actors, at, demoCommand } from './demo-step';

/** Staff come in six kinds per area; staff-042 is the area's SSP consultant (role and employer "other"). */
const staffKinds: readonly (readonly [StaffRole, Employer])[] = [
  ['frontline', 'helhedsplan'],
  ['housing-officer', 'housing-association'],
  ['social-worker', 'municipality'],
  ['teacher', 'school'],
  ['frontline', 'municipality'],
  ['manager', 'helhedsplan'],
];
const staffAreas: readonly (readonly [HousingArea, string])[] = [
  ['tingbjerg-husum', '2010-01-25'],
  ['mjolnerparken', '2010-01-25'],
  ['akacieparken', '2010-01-26'],
  ['bispeparken', '2010-01-26'],
  ['urbanplanen', '2010-01-27'],
  ['horgarden', '2010-01-27'],
  ['sydhavnen', '2010-01-28'],
  ['folehaven', '2010-01-28'],
];
export const staffId = (n: number): string => `staff-${String(n).padStart(3, '0')}`;
/** `staffRange(1, 6)` = staff-001 .. staff-006. */
export const staffRange = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => staffId(from + i));
export const staffList = (...numbers: number[]): string[] => numbers.map(staffId);

const demoStaff = staffAreas.flatMap(([area, registered], a) =>
  staffKinds.map(([role, employer], k) => {
    const id = staffId(a * 6 + k + 1);
    const other = id === 'staff-042';
    return { id, area, role: other ? ('other' as StaffRole) : role, employer: other ? ('other' as Employer) : employer, registered };
  }),
);

/** Staff in the housing areas (pseudonymous ids only). */
export const staffSteps: readonly DemoStep[] = demoStaff.map((s) =>
  demoCommand('RegisterStaffMember', { staffId: s.id, role: s.role, employer: s.employer, housingArea: s.area }, at(s.registered, '09:30'), actors.secretary, 'staff-register'));
