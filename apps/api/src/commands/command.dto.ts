import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

/** Replace an earlier record of the same stream: it is retracted and this command's events take its place. */
export class CorrectionDto {
  @ApiProperty({ description: 'Id of the event being corrected' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  eventId!: string;

  @ApiProperty({ description: 'Why the earlier record was wrong' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

/** Business time: an ISO-8601 instant that states its time zone, so it never depends on the server's. */
export const BusinessTime = (description = 'Business time: when it happened (ISO-8601 with time zone); not in the future') =>
  applyDecorators(
    ApiProperty({ description, example: '2010-03-15T10:00:00+01:00' }),
    IsISO8601({ strict: true, strictSeparator: true }),
    Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: '$property must state its time zone (Z or an offset such as +01:00)' }),
  );

/** Fields every command carries besides its own data. */
export class CommandDto {
  @BusinessTime()
  occurredAt!: string;

  @ApiPropertyOptional({ type: CorrectionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CorrectionDto)
  correction?: CorrectionDto;
}

/** Ids are pseudonymous keys: letters, digits and _ . : - (a UUID fits). */
export const ID_RULE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
export const ID_MESSAGE = '$property must be 1-100 letters, digits or _ . : - starting with a letter or digit';

/** An entity id chosen by the client. */
export const IdField = (description?: string) =>
  applyDecorators(ApiProperty({ description }), Matches(ID_RULE, { message: ID_MESSAGE }));

/** Required, non-blank text of bounded length. */
export const TextField = (maxLength: number, description?: string) =>
  applyDecorators(ApiProperty({ maxLength, description }), IsString(), IsNotEmpty(), MaxLength(maxLength));

/** One value of a code list. */
export const CodeField = (codes: readonly string[]) => applyDecorators(ApiProperty({ enum: codes }), IsIn(codes));
