import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsPositive, IsString, Matches, Max, MaxLength } from 'class-validator';
import { ResourceUnit, resourceKinds, resourceLines, resourceUnits } from '@toc/domain';
import { CodeField, CommandDto, IdField } from '../command.dto';

/** Every unit of any kind; the decider checks that the unit fits the kind. */
const units: readonly ResourceUnit[] = [...new Set(Object.values(resourceUnits).flat())];

const DATE_RULE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_AMOUNT = 1_000_000_000;
// FTE and hours come in fractions; two decimals are enough for both and for kroner and øre.
const AMOUNT = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 };

export class AllocateResourceDto extends CommandDto {
  @IdField('Client-chosen id of the allocation')
  allocationId!: string;

  @ApiProperty({ enum: resourceLines, description: 'Resource node of the theory of change' })
  @IsIn(resourceLines)
  resourceLine!: (typeof resourceLines)[number];

  @CodeField(resourceKinds)
  kind!: (typeof resourceKinds)[number];

  @ApiProperty({ enum: units, description: 'fte or hours for staff-time, dkk for budget' })
  @IsIn(units)
  unit!: ResourceUnit;

  @ApiProperty({ description: 'Planned amount in the unit, greater than 0', example: 1 })
  @IsNumber(AMOUNT)
  @IsPositive()
  @Max(MAX_AMOUNT)
  amount!: number;

  @ApiProperty({ description: 'First day of the allocation (YYYY-MM-DD, inclusive)', example: '2010-01-01' })
  @Matches(DATE_RULE, { message: '$property must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  periodStart!: string;

  @ApiProperty({ description: 'Last day of the allocation (YYYY-MM-DD, inclusive)', example: '2010-12-31' })
  @Matches(DATE_RULE, { message: '$property must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  periodEnd!: string;
}

export class RecordResourceUseDto extends CommandDto {
  @ApiProperty({ description: 'Amount used, in the allocation unit; more than allocated is accepted and reported', example: 0.5 })
  @IsNumber(AMOUNT)
  @IsPositive()
  @Max(MAX_AMOUNT)
  amount!: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note?: string;
}
