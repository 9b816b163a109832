import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ID_FORMAT, ID_PATTERN } from '@toc/domain';

/**
 * Field decorators for command bodies. They check the shape of input; code lists, scales and
 * bounds come from the domain, whose deciders enforce them again for the CLI and the demo.
 */

const textRules = (maxLength: number) => [IsString(), IsNotEmpty(), MaxLength(maxLength)];

/** Required, non-blank text of bounded length. */
export const TextField = (maxLength: number, description?: string) =>
  applyDecorators(ApiProperty({ maxLength, description }), ...textRules(maxLength));

/** Text that may be left out, but is not blank when given. */
export const OptionalTextField = (maxLength: number, description?: string) =>
  applyDecorators(ApiPropertyOptional({ maxLength, description }), IsOptional(), ...textRules(maxLength));

/** Replace an earlier record of the same stream: it is retracted and this command's events take its place. */
export class CorrectionDto {
  @TextField(100, 'Id of the event being corrected')
  eventId!: string;

  @TextField(1000, 'Why the earlier record was wrong')
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

const ID_MESSAGE = `$property must be ${ID_FORMAT}`;

const idRule = (each = false) => Matches(ID_PATTERN, { each, message: each ? `each value in ${ID_MESSAGE}` : ID_MESSAGE });

/** An entity id chosen by the client. */
export const IdField = (description?: string) => applyDecorators(ApiProperty({ description }), idRule());

/** An id that may be left out. */
export const OptionalIdField = (description?: string) => applyDecorators(ApiPropertyOptional({ description }), IsOptional(), idRule());

/** A list of distinct ids; an empty list is refused only when minItems is given. */
export const IdListField = ({ maxItems, minItems, description }: { maxItems: number; minItems?: number; description: string }) =>
  applyDecorators(
    ApiProperty({ type: [String], minItems, maxItems, description }),
    IsArray(),
    ...(minItems === undefined ? [] : [ArrayMinSize(minItems)]),
    ArrayMaxSize(maxItems),
    ArrayUnique(),
    idRule(true),
  );

/** One value of a code list. */
export const CodeField = (codes: readonly string[], description?: string) =>
  applyDecorators(ApiProperty({ enum: codes, description }), IsIn(codes));

/** One value of a code list, or left out. */
export const OptionalCodeField = (codes: readonly string[]) => applyDecorators(ApiPropertyOptional({ enum: codes }), IsOptional(), IsIn(codes));

/** A whole number within bounds. */
export const IntegerField = (minimum: number, maximum: number, description?: string) =>
  applyDecorators(ApiProperty({ minimum, maximum, description }), IsInt(), Min(minimum), Max(maximum));

/** One nested object of the given class. */
export const NestedField = (type: new () => object, description?: string) =>
  applyDecorators(ApiProperty({ type, description }), IsObject(), ValidateNested(), Type(() => type));

/** A bounded list of nested objects; `uniqueBy` names what two entries must not share. */
export const NestedListField = <T extends object>(
  type: new () => T,
  { minItems, maxItems, uniqueBy }: { minItems: number; maxItems: number; uniqueBy?: (entry: T) => unknown },
) =>
  applyDecorators(
    ApiProperty({ type: [type], minItems, maxItems }),
    ArrayMinSize(minItems),
    ArrayMaxSize(maxItems),
    ...(uniqueBy ? [ArrayUnique(uniqueBy)] : []),
    ValidateNested({ each: true }),
    Type(() => type),
  );
