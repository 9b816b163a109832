import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { PERIOD_KEY, PROGRAMME_PERIOD, PeriodType, isPeriodOfType, periodTypes } from '@toc/domain';
import { invalidInput } from '../http/validation';

export class PeriodQueryDto {
  @ApiPropertyOptional({ enum: periodTypes, default: 'programme' })
  @IsOptional()
  @IsIn(periodTypes)
  periodType?: PeriodType;

  @ApiPropertyOptional({ description: "'programme', '2010', '2010-H2' or '2010-Q3'; defaults to the latest period with values" })
  @IsOptional()
  @Matches(PERIOD_KEY, { message: "period must be 'programme', a year (2010), a half-year (2010-H2) or a quarter (2010-Q3)" })
  period?: string;

  @ApiPropertyOptional({
    description:
      'Read your own writes: wait until the read model has applied this event position (at most MAX_READ_WAIT_MS, 5 s by default, then 503 with Retry-After); ' +
      'a position beyond the last event written is a 400',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}

/** The period asked for (or `fallback`), refused with a 400 when it is not of the period type. */
export const checkedPeriod = (periodType: PeriodType, period: string | undefined, fallback = PROGRAMME_PERIOD): string => {
  const chosen = period ?? fallback;
  if (!isPeriodOfType(periodType, chosen)) {
    const message = `period ${chosen} is not a ${periodType}`;
    throw invalidInput([{ field: 'period', rule: 'matchesPeriodType', message }]);
  }
  return chosen;
};
