import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { PeriodType, periodTypes } from '@toc/domain';

export const PERIOD_RULE = /^(programme|\d{4}|\d{4}-Q[1-4]|\d{4}-H[12])$/;

export class PeriodQueryDto {
  @ApiPropertyOptional({ enum: periodTypes, default: 'programme' })
  @IsOptional()
  @IsIn(periodTypes)
  periodType?: PeriodType;

  @ApiPropertyOptional({ description: "'programme', '2010', '2010-H2' or '2010-Q3'; defaults to the latest period with values" })
  @IsOptional()
  @Matches(PERIOD_RULE, { message: "period must be 'programme', a year (2010), a half-year (2010-H2) or a quarter (2010-Q3)" })
  period?: string;

  @ApiPropertyOptional({ description: 'Wait (up to 5 s) until the read model has applied this event position: read your own writes' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}

/** A period key must belong to its period type. */
export const periodMatchesType = (periodType: PeriodType, period: string): boolean =>
  ({
    programme: /^programme$/,
    year: /^\d{4}$/,
    'half-year': /^\d{4}-H[12]$/,
    quarter: /^\d{4}-Q[1-4]$/,
  })[periodType].test(period);

/** The period asked for (or `fallback`), refused with a 400 when it is not of the period type. */
export const checkedPeriod = (periodType: PeriodType, period: string | undefined, fallback = 'programme'): string => {
  const chosen = period ?? fallback;
  if (!periodMatchesType(periodType, chosen)) {
    const message = `period ${chosen} is not a ${periodType}`;
    throw new BadRequestException({ statusCode: 400, message: [message], errors: [{ field: 'period', rule: 'matchesPeriodType', message }] });
  }
  return chosen;
};
