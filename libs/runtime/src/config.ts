import { isAbsolute, resolve } from 'node:path';
import { MAX_HOURS_PER_FTE_YEAR, MIN_CELL_SIZE, STANDARD_HOURS_PER_FTE_YEAR, isCalendarDate } from '@toc/domain';

/** Settings come from the environment and are checked at start-up; a bad value stops the process. */
export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly eventStore: 'sqlite';
  readonly readModelStore: 'sqlite' | 'mongodb';
  readonly mongodbUrl?: string;
  readonly mongodbDatabase: string;
  /** Run the projections inside the api process (the embedded default) or leave them to apps/projector. */
  readonly embeddedProjector: boolean;
  /** How often the projector process brings the replay index up to the live build. */
  readonly replayIndexIntervalMs: number;
  /** Health fails when a projection is more events behind than this. */
  readonly maxProjectionLagEvents: number;
  /** Groups of fewer associations or persons than this are withheld in every output (Statistics Denmark uses 3). */
  readonly minCellSize: number;
  /** The programme's start and end, for reporting periods. */
  readonly programmeStart: string;
  readonly programmeEnd: string;
  readonly sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Hours of one FTE-year, for staff time allocated or used in FTE; each record keeps the rate it was converted at. */
  readonly hoursPerFteYear: number;
}

export class ConfigError extends Error {}

const integer = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
};

const oneOf = <T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw as T)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
};

const date = (env: NodeJS.ProcessEnv, name: string, fallback: string): string => {
  const raw = env[name] || fallback;
  if (!isCalendarDate(raw)) throw new ConfigError(`${name} must be a date YYYY-MM-DD, got "${raw}"`);
  return raw;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const readModelStore = oneOf(env, 'READ_MODEL_STORE', ['sqlite', 'mongodb'], env.MONGODB_URL ? 'mongodb' : 'sqlite');
  if (readModelStore === 'mongodb' && !env.MONGODB_URL) throw new ConfigError('READ_MODEL_STORE=mongodb needs MONGODB_URL');
  const dataDir = env.DATA_DIR || './data';
  const config: AppConfig = {
    port: integer(env, 'PORT', 3000, 0, 65535),
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(process.cwd(), dataDir),
    eventStore: oneOf(env, 'EVENT_STORE', ['sqlite'] as const, 'sqlite'),
    readModelStore,
    mongodbUrl: env.MONGODB_URL || undefined,
    mongodbDatabase: env.MONGODB_DATABASE || 'toc_monitor',
    embeddedProjector: oneOf(env, 'EMBEDDED_PROJECTOR', ['true', 'false'], 'true') === 'true',
    replayIndexIntervalMs: integer(env, 'REPLAY_INDEX_INTERVAL_MS', 1_000, 50, 3_600_000),
    maxProjectionLagEvents: integer(env, 'MAX_PROJECTION_LAG_EVENTS', 10_000, 0, Number.MAX_SAFE_INTEGER),
    // At least 2: a threshold of 1 would withhold nothing.
    minCellSize: integer(env, 'MIN_CELL_SIZE', MIN_CELL_SIZE, 2, 100),
    programmeStart: date(env, 'PROGRAMME_START', '2010-01-01'),
    programmeEnd: date(env, 'PROGRAMME_END', '2011-12-31'),
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'], 'FULL'),
    hoursPerFteYear: integer(env, 'HOURS_PER_FTE_YEAR', STANDARD_HOURS_PER_FTE_YEAR, 1, MAX_HOURS_PER_FTE_YEAR),
  };
  if (config.programmeEnd < config.programmeStart) throw new ConfigError('PROGRAMME_END must not be before PROGRAMME_START');
  return config;
};
