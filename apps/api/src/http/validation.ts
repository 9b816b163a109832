import { HttpException, ValidationError, ValidationPipe } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

/** Enough to correct a request; a request with thousands of bad fields does not get thousands of lines back. */
export const MAX_FIELD_ERRORS = 20;

export interface FieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

const flatten = (errors: readonly ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknownField' : rule,
      message: rule === 'whitelistValidation' ? `${field} is not an accepted field` : message.replace(error.property, field),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });

const refusalBody = (statusCode: number, errors: readonly FieldError[]) => ({ statusCode, error: STATUS_CODES[statusCode], message: errors.map((error) => error.message), errors });

/** The one shape of a refused request: every refused field with the rule it broke. */
export const refusal = (statusCode: number, errors: readonly FieldError[]) => new HttpException(refusalBody(statusCode, errors), statusCode);

export const invalidInput = (errors: readonly FieldError[]) => refusal(400, errors);

/** A 503 the client should retry; `retryAfter` (seconds) also goes out as the Retry-After header. */
export const retryLater = (retryAfter: number, errors: readonly FieldError[]) =>
  new HttpException({ ...refusalBody(503, errors), retryAfter }, 503);

/** Unknown fields are refused and every message names the field and the rule it broke. */
export const validationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidInput(flatten(errors).slice(0, MAX_FIELD_ERRORS)),
  });
