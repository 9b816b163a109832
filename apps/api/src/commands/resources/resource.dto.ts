import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsPositive, Matches, Max, ValidateBy } from 'class-validator';
import { CALENDAR_DATE_PATTERN, ResourceUnit, STATED_PERIOD_FORMAT, allResourceUnits, resourceKinds, resourceLines, statedPeriodSpan } from '@toc/domain';
import { FieldError } from '../../http/validation';
import { CodeField, CommandDto, IdField, OptionalTextField } from '../command.dto';

const MAX_AMOUNT = 1_000_000_000;

/** Decimals of a finite number in any notation: 5e-324 has 324, 1.5e-7 has 8, 1e21 has none. */
const decimalPlaces = (value: number): number => {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent));
};

/** In place of class-validator's IsNumber, whose decimal count throws on exponent notation (5e-324). */
const NumberWithDecimals = (decimals: number) =>
  ValidateBy({
    name: 'isNumber',
    validator: {
      validate: (value) => typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= decimals,
      defaultMessage: () => `$property must be a number with at most ${decimals} decimals`,
    },
  });

/** A number greater than 0 with at most `decimals` decimals; each message names the field and the rule it broke. */
const positiveNumber = (decimals: number) => [
  NumberWithDecimals(decimals),
  IsPositive({ message: '$property must be greater than 0' }),
  Max(MAX_AMOUNT, { message: `$property must be at most ${MAX_AMOUNT.toLocaleString('en')}` }),
];

const AmountField = (description: string, example: number, decimals: number) =>
  applyDecorators(ApiProperty({ description, example }), ...positiveNumber(decimals));

const OptionalAmountField = (description: string, example: number, decimals: number) =>
  applyDecorators(ApiPropertyOptional({ description, example }), IsOptional(), ...positiveNumber(decimals));

/** A calendar date written YYYY-MM-DD, checked to exist. */
const DateField = (description: string, example: string) =>
  applyDecorators(
    ApiProperty({ description, example }),
    Matches(CALENDAR_DATE_PATTERN, { message: '$property must be a date written YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a date on the calendar (2010-02-30 is not)' }),
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

  @AmountField('Planned amount in the unit, greater than 0; FTE are converted at the service\'s hours per FTE-year, kept with the allocation', 1, 4)
  amount!: number;

  @DateField('First day of the allocation (YYYY-MM-DD, inclusive)', '2010-01-01')
  periodStart!: string;

  @DateField('Last day of the allocation (YYYY-MM-DD, inclusive)', '2010-12-31')
  periodEnd!: string;
}

/** Use is stated as exactly one of these; more than allocated is accepted and reported. */
const QUANTITIES = ['amount', 'hours', 'fte'] as const;

export class RecordResourceUseDto extends CommandDto {
  @OptionalAmountField('DKK spent of a budget allocation', 2500, 2)
  amount?: number;

  @OptionalAmountField('Hours of staff time used', 37.5, 2)
  hours?: number;

  @OptionalAmountField(
    'Staff time as full-time equivalents over period, recorded as hours = fte × hours per FTE-year × days in the period / days in its year ' +
      '(0.9 FTE in 2010-Q1 = 0.9 × 1,924 × 90 / 365 = 426.97 hours), with the fte, the period and the rate it came from',
    0.9,
    4,
  )
  fte?: number;

  @ApiPropertyOptional({ description: `With fte: the period it was worked in, ${STATED_PERIOD_FORMAT}, inside the allocation's period`, example: '2010-Q1' })
  @IsOptional()
  @ValidateBy({
    name: 'isQuarterHalfYearOrYear',
    validator: { validate: (value) => statedPeriodSpan(value) !== undefined, defaultMessage: () => `period must be ${STATED_PERIOD_FORMAT}` },
  })
  period?: string;

  @OptionalTextField(1000)
  note?: string;
}

/** How a use is stated: exactly one of amount, hours and fte, and a period exactly when fte is given. */
export const statedUseErrors = (dto: RecordResourceUseDto): FieldError[] => {
  const given = QUANTITIES.filter((field) => dto[field] !== undefined);
  const errors: FieldError[] = [];
  if (given.length === 0) {
    errors.push({ field: 'hours', rule: 'isDefined', message: 'hours must be given, or fte with period for staff time, or amount in DKK for a budget' });
  }
  for (const field of given.slice(1)) {
    errors.push({ field, rule: 'statedOnce', message: `${field} cannot be given with ${given[0]}: state the use once, as hours, as fte with period, or as amount` });
  }
  if (dto.fte !== undefined && dto.period === undefined) {
    errors.push({ field: 'period', rule: 'isDefined', message: `period must be given with fte: ${STATED_PERIOD_FORMAT}` });
  }
  if (dto.period !== undefined && dto.fte === undefined) {
    errors.push({ field: 'fte', rule: 'isDefined', message: 'fte must be given with period: the full-time equivalents worked in it' });
  }
  return errors;
};
