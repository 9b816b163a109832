import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateBy } from 'class-validator';
import { MomentBound, momentInputRule, parseMomentInput } from '@toc/domain';

/**
 * A time of a query, passed on as the UTC instant it stands for: a time with its offset, or a date
 * in Copenhagen read as the bound says. Refused with the rule named isIso8601 otherwise.
 */
export const MomentQuery = (bound: MomentBound, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ description: [description, `ISO-8601: ${momentInputRule(bound)}`].filter(Boolean).join('. '), example: '2010-12-31' }),
    IsOptional(),
    // An accepted time becomes its UTC instant, which the validator accepts in turn; the rest stays as sent and is refused.
    Transform(({ value }) => (typeof value === 'string' ? (parseMomentInput(value, bound) ?? value) : value)),
    ValidateBy({
      name: 'isIso8601',
      validator: {
        validate: (value) => typeof value === 'string' && parseMomentInput(value, bound) !== null,
        defaultMessage: () => `$property must be an ISO-8601 date or time: ${momentInputRule(bound)}`,
      },
    }),
  );
