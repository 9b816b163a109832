import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, Role } from '@toc/runtime';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';

export const KEY_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _.:@-]{0,79}$/u;

export class CreateApiKeyDto {
  @ApiProperty({ description: 'What the key is for, e.g. the internal app that uses it', example: 'registration-form' })
  @Matches(KEY_NAME, { message: 'name must be 1-80 letters, digits, spaces or _ . : @ -, starting with a letter or digit' })
  name!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['recorder'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ description: 'May record on behalf of someone else (X-On-Behalf-Of)', default: false })
  @IsOptional()
  @IsBoolean()
  mayActOnBehalf?: boolean;
}
