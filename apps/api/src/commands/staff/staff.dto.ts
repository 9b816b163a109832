import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { employers, housingAreas, staffRoles } from '@toc/domain';
import { CommandDto, ID_MESSAGE, ID_RULE } from '../command.dto';

export class RegisterStaffMemberDto extends CommandDto {
  @ApiProperty({ description: 'Client-chosen pseudonymous id of the staff member (no name, no personal number)' })
  @Matches(ID_RULE, { message: ID_MESSAGE })
  staffId!: string;

  @ApiProperty({ enum: staffRoles })
  @IsIn(staffRoles)
  role!: (typeof staffRoles)[number];

  @ApiProperty({ enum: employers })
  @IsIn(employers)
  employer!: (typeof employers)[number];

  @ApiProperty({ enum: housingAreas })
  @IsIn(housingAreas)
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

  @ApiProperty({ description: 'Why the registered details were wrong' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
