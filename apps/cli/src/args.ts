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
    const [name, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) flags[name] = inline;
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

export const isoFlag = (flags: ParsedArgs['flags'], name: string): string | undefined => {
  const value = flags[name];
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value))) throw new UsageError(`--${name} must be an ISO-8601 date or time, got "${value}"`);
  return value;
};
