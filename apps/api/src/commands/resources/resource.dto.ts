import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNumber, IsPositive, Matches, Max } from 'class-validator';
import { CALENDAR_DATE_PATTERN, ResourceUnit, allResourceUnits, resourceKinds, resourceLines } from '@toc/domain';
import { CodeField, CommandDto, IdField, OptionalTextField } from '../command.dto';

const MAX_AMOUNT = 1_000_000_000;

/** An amount greater than 0; FTE and hours come in fractions, and two decimals are enough for them and for kroner and øre. */
const AmountField = (description: string, example: number) =>
  applyDecorators(
    ApiProperty({ description, example }),
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }),
    IsPositive(),
    Max(MAX_AMOUNT),
  );

/** A calendar date written YYYY-MM-DD, checked to exist. */
const DateField = (description: string, example: string) =>
  applyDecorators(
    ApiProperty({ description, example }),
    Matches(CALENDAR_DATE_PATTERN, { message: '$property must be a date written YYYY-MM-DD' }),
    IsISO8601({ strict: true }),
  );

export class AllocateResourceDto extends CommandDto {
  @IdField('Client-chosen id of the allocation')
  allocationId!: string;

  @CodeField(resourceLines, 'Resource node of the theory of change')
  resourceLine!: (typeof resourceLines)[number];

  @CodeField(resourceKinds)
  kind!: (typeof resourceKinds)[number];

  // Any unit of any kind: the decider checks that the unit fits the kind.
  @CodeField(allResourceUnits, 'fte or hours for staff-time, dkk for budget')
  unit!: ResourceUnit;

  @AmountField('Planned amount in the unit, greater than 0', 1)
  amount!: number;

  @DateField('First day of the allocation (YYYY-MM-DD, inclusive)', '2010-01-01')
  periodStart!: string;

  @DateField('Last day of the allocation (YYYY-MM-DD, inclusive)', '2010-12-31')
  periodEnd!: string;
}

export class RecordResourceUseDto extends CommandDto {
  @AmountField('Amount used, in the allocation unit; more than allocated is accepted and reported', 0.5)
  amount!: number;

  @OptionalTextField(1000)
  note?: string;
}
