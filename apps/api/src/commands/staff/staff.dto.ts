import { employers, housingAreas, staffRoles } from '@toc/domain';
import { CodeField, CommandDto, IdField, OptionalCodeField, TextField } from '../command.dto';

export class RegisterStaffMemberDto extends CommandDto {
  @IdField('Client-chosen pseudonymous id of the staff member (no name, no personal number)')
  staffId!: string;

  @CodeField(staffRoles)
  role!: (typeof staffRoles)[number];

  @CodeField(employers)
  employer!: (typeof employers)[number];

  @CodeField(housingAreas)
  housingArea!: (typeof housingAreas)[number];
}

export class CorrectStaffMemberDetailsDto extends CommandDto {
  @OptionalCodeField(staffRoles)
  role?: (typeof staffRoles)[number];

  @OptionalCodeField(employers)
  employer?: (typeof employers)[number];

  @OptionalCodeField(housingAreas)
  housingArea?: (typeof housingAreas)[number];

  @TextField(1000, 'Why the registered details were wrong')
  reason!: string;
}
