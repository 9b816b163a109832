import { ruleBroken } from './domain-error';

/**
 * Checks deciders share. The API validates input first, but deciders also serve the CLI and
 * the demo, so they refuse bad codes and blank text themselves.
 */
export const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export const assertCode = (code: string, allowed: readonly string[], value: unknown, field: string): void => {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    ruleBroken(code, `${field} "${String(value)}" is not one of ${allowed.join(', ')}`, field);
  }
};
