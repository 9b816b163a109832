import { ruleBroken } from './domain-error';

/**
 * Checks deciders share. The API validates input first, but deciders also serve the CLI and
 * the demo, so they refuse bad codes, blank text and repeated list entries themselves.
 */
export const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export const assertCode = (code: string, allowed: readonly string[], value: unknown, field: string): void => {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    ruleBroken(code, `${field} "${String(value)}" is not one of ${allowed.join(', ')}`, field);
  }
};

/** The text trimmed; refused with `code` when nothing is left. */
export const requiredText = (code: string, value: unknown, field: string, message: string): string => {
  const text = trimmed(value);
  if (text === '') ruleBroken(code, message, field);
  return text;
};

export const assertNotEmpty = (code: string, values: unknown, field: string, message: string): void => {
  if (!Array.isArray(values) || values.length === 0) ruleBroken(code, message, field);
};

/** Refuses a list that names one entry twice, pointing at the second occurrence. */
export const assertNoRepeats = <T>(
  code: string,
  values: readonly T[],
  field: string,
  describe: (value: T) => string,
  key: (value: T) => unknown = (value) => value,
): void => {
  const seen = new Set<unknown>();
  values.forEach((value, i) => {
    if (seen.has(key(value))) ruleBroken(code, `${describe(value)} is listed twice`, `${field}[${i}]`);
    seen.add(key(value));
  });
};

/** How a calendar date is written: YYYY-MM-DD. */
export const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (so 2010-02-30 is refused). */
export const isCalendarDate = (value: unknown): value is string => {
  const match = typeof value === 'string' ? CALENDAR_DATE_PATTERN.exec(value) : null;
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
};
