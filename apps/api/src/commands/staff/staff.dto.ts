import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { employers, housingAreas, staffRoles } from '@toc/domain';
import { CodeField, CommandDto, IdField, TextField } from '../command.dto';

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
  @ApiPropertyOptional({ enum: staffRoles })
  @IsOptional()
  @IsIn(staffRoles)
  role?: (typeof staffRoles)[number];

  @ApiPropertyOptional({ enum: employers })
  @IsOptional()
  @IsIn(employers)
  employer?: (typeof employers)[number];

  @ApiPropertyOptional({ enum: housingAreas })
  @IsOptional()
  @IsIn(housingAreas)
  housingArea?: (typeof housingAreas)[number];

  @TextField(1000, 'Why the registered details were wrong')
  reason!: string;
}
