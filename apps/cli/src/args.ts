import { MomentBound, momentInputRule, parseMomentInput } from '@toc/domain';

/** `command sub --flag value --switch` → { positional: [command, sub], flags: { flag: value, switch: 'true' } } */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly flags: Readonly<Record<string, string>>;
}

export const parseArgs = (argv: readonly string[]): ParsedArgs => {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    // Only the first '=' separates: a value may itself hold one (`--api=http://host/?a=b`).
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals < 0 ? undefined : equals);
    if (equals >= 0) flags[name] = arg.slice(equals + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) flags[name] = argv[++i];
    else flags[name] = 'true';
  }
  return { positional, flags };
};

export class UsageError extends Error {}

export const oneOfFlag = <T extends string>(flags: ParsedArgs['flags'], name: string, allowed: readonly T[], fallback: T): T => {
  const value = flags[name] ?? fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
};

/** A time flag as the UTC instant it stands for: a time with its offset, or a date in Copenhagen read as the bound says. */
export const isoFlag = (flags: ParsedArgs['flags'], name: string, bound: MomentBound): string | undefined => {
  const value = flags[name];
  if (value === undefined) return undefined;
  const instant = parseMomentInput(value, bound);
  if (instant === null) throw new UsageError(`--${name} must be an ISO-8601 date or time, got "${value}": ${momentInputRule(bound)}`);
  return instant;
};

export const integerFlag = (flags: ParsedArgs['flags'], name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number => {
  const value = flags[name];
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return number;
};
