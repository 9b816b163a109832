import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { MAX_HOURS_PER_FTE_YEAR, MIN_CELL_SIZE, STANDARD_HOURS_PER_FTE_YEAR, isCalendarDate } from '@toc/domain';
import { kurrentDbConnectionStringProblem, redactConnectionString } from '@toc/event-store';
import { AuthSettings, loadAuthSettings } from './access/auth-config';

/** Settings come from the environment and are checked at start-up; a bad value stops the process. */
export interface AppConfig {
  readonly port: number;
  /** Where apps/projector answers /health/live, /health/ready and /metrics (0: any free port). */
  readonly projectorPort: number;
  /** The address the api (and apps/projector's health port) listens on: loopback unless an operator opens it up. */
  readonly host: string;
  /** Bounds that keep any one request or client from exhausting the api. */
  readonly http: HttpLimits;
  readonly dataDir: string;
  readonly eventStore: 'sqlite' | 'kurrentdb';
  /** The KurrentDB connection string, with EVENT_STORE=kurrentdb. */
  readonly kurrentdbUrl?: string;
  readonly readModelStore: 'sqlite' | 'mongodb';
  readonly mongodbUrl?: string;
  readonly mongodbDatabase: string;
  /** Run the projections inside the api process (the embedded default) or leave them to apps/projector. */
  readonly embeddedProjector: boolean;
  /** How often the projector process brings the replay index up to the live build. */
  readonly replayIndexIntervalMs: number;
  /** The lease that lets one of several projector processes run the projection, and its retries (docs/operations.md). */
  readonly projection: ProjectionSettings;
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
  /** Who may sign in: API keys always, people's tokens when an identity provider is configured. */
  readonly auth: AuthSettings;
  /** Where the head of the hash chain is published outside the store. */
  readonly anchors: AnchorSettings;
}

/** Publishing anchors is off unless a file or a webhook is set. */
export interface AnchorSettings {
  /** Gets a line `position:hash at <time>` per anchor; verify checks the chain against its newest line. */
  readonly file?: string;
  /** Gets each anchor POSTed as JSON. */
  readonly webhookUrl?: string;
  readonly intervalMs: number;
}

export interface ProjectionSettings {
  /** How long the lease lasts unless renewed: a standby takes over this long after the holder died. */
  readonly leaseTtlMs: number;
  /** How often the holder renews the lease and a standby tries to take it; below half the ttl. */
  readonly leaseRenewMs: number;
  /** First wait after a store error, doubled while errors go on, up to `retryMaxMs`. */
  readonly retryMs: number;
  readonly retryMaxMs: number;
  /** Wait before an event the projection could not apply is tried again. */
  readonly failedRetryMs: number;
}

export interface HttpLimits {
  readonly maxBodyBytes: number;
  /** Origins a browser may call the api from; none by default. */
  readonly corsOrigins: readonly string[];
  /** Requests per client (credential, else address) and window; 0 turns the limit off. */
  readonly rateLimit: number;
  readonly rateLimitWindowMs: number;
  /** The longest a read waits for the read model to reach `minPosition`. */
  readonly maxReadWaitMs: number;
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

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

const host = (env: NodeJS.ProcessEnv): string => {
  const raw = env.HOST || '127.0.0.1';
  if (!isIP(raw) && !HOST_NAME.test(raw)) throw new ConfigError(`HOST must be an IP address or a host name, got "${raw}"`);
  return raw;
};

/** Origins exactly as a browser sends them: scheme, host and port, no path. */
const origins = (env: NodeJS.ProcessEnv): string[] =>
  (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
      if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin)
        throw new ConfigError(`CORS_ORIGINS must be comma-separated origins such as https://app.example.org, got "${origin}"`);
      return origin;
    });

const anchors = (env: NodeJS.ProcessEnv): AnchorSettings => {
  const webhookUrl = env.ANCHOR_WEBHOOK_URL || undefined;
  if (webhookUrl && !(URL.canParse(webhookUrl) && ['http:', 'https:'].includes(new URL(webhookUrl).protocol))) {
    throw new ConfigError('ANCHOR_WEBHOOK_URL must be an http or https URL');
  }
  return {
    file: env.ANCHOR_FILE ? resolve(process.cwd(), env.ANCHOR_FILE) : undefined,
    webhookUrl,
    intervalMs: integer(env, 'ANCHOR_INTERVAL_MS', 3_600_000, 1000, 86_400_000),
  };
};

const projection = (env: NodeJS.ProcessEnv): ProjectionSettings => {
  const leaseTtlMs = integer(env, 'PROJECTION_LEASE_TTL_MS', 10_000, 1000, 600_000);
  const leaseRenewMs = integer(env, 'PROJECTION_LEASE_RENEW_MS', Math.round(leaseTtlMs / 4), 100, 300_000);
  if (leaseRenewMs * 2 >= leaseTtlMs) throw new ConfigError(`PROJECTION_LEASE_RENEW_MS must be below half of PROJECTION_LEASE_TTL_MS (${leaseTtlMs}), got "${leaseRenewMs}"`);
  const retryMs = integer(env, 'PROJECTION_RETRY_MS', 500, 10, 600_000);
  return {
    leaseTtlMs,
    leaseRenewMs,
    retryMs,
    retryMaxMs: integer(env, 'PROJECTION_RETRY_MAX_MS', Math.max(retryMs, 30_000), retryMs, 3_600_000),
    failedRetryMs: integer(env, 'PROJECTION_FAILED_RETRY_MS', 60_000, 10, 86_400_000),
  };
};

/** With EVENT_STORE=kurrentdb, KURRENTDB_URL is required and checked with the client's own parser. */
const kurrentdbUrl = (env: NodeJS.ProcessEnv, eventStore: AppConfig['eventStore']): string | undefined => {
  if (eventStore !== 'kurrentdb') return undefined;
  const raw = env.KURRENTDB_URL;
  if (!raw) throw new ConfigError('EVENT_STORE=kurrentdb needs KURRENTDB_URL, a connection string such as kurrentdb://localhost:2113?tls=false');
  const problem = kurrentDbConnectionStringProblem(raw);
  if (problem) throw new ConfigError(`KURRENTDB_URL must be a KurrentDB connection string (${problem}), got "${redactConnectionString(raw)}"`);
  return raw;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const readModelStore = oneOf(env, 'READ_MODEL_STORE', ['sqlite', 'mongodb'], env.MONGODB_URL ? 'mongodb' : 'sqlite');
  if (readModelStore === 'mongodb' && !env.MONGODB_URL) throw new ConfigError('READ_MODEL_STORE=mongodb needs MONGODB_URL');
  const dataDir = env.DATA_DIR || './data';
  const eventStore = oneOf(env, 'EVENT_STORE', ['sqlite', 'kurrentdb'] as const, 'sqlite');
  const config: AppConfig = {
    port: integer(env, 'PORT', 3000, 0, 65535),
    projectorPort: integer(env, 'PROJECTOR_PORT', 3001, 0, 65535),
    host: host(env),
    http: {
      maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1_048_576, 1024, 104_857_600),
      corsOrigins: origins(env),
      rateLimit: integer(env, 'RATE_LIMIT', 6000, 0, 1_000_000_000),
      rateLimitWindowMs: integer(env, 'RATE_LIMIT_WINDOW_MS', 60_000, 1000, 3_600_000),
      maxReadWaitMs: integer(env, 'MAX_READ_WAIT_MS', 5000, 0, 60_000),
    },
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(process.cwd(), dataDir),
    eventStore,
    kurrentdbUrl: kurrentdbUrl(env, eventStore),
    readModelStore,
    mongodbUrl: env.MONGODB_URL || undefined,
    mongodbDatabase: env.MONGODB_DATABASE || 'toc_monitor',
    embeddedProjector: oneOf(env, 'EMBEDDED_PROJECTOR', ['true', 'false'], 'true') === 'true',
    replayIndexIntervalMs: integer(env, 'REPLAY_INDEX_INTERVAL_MS', 1_000, 50, 3_600_000),
    projection: projection(env),
    maxProjectionLagEvents: integer(env, 'MAX_PROJECTION_LAG_EVENTS', 10_000, 0, Number.MAX_SAFE_INTEGER),
    // At least 2: a threshold of 1 would withhold nothing.
    minCellSize: integer(env, 'MIN_CELL_SIZE', MIN_CELL_SIZE, 2, 100),
    programmeStart: date(env, 'PROGRAMME_START', '2010-01-01'),
    programmeEnd: date(env, 'PROGRAMME_END', '2011-12-31'),
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'], 'FULL'),
    hoursPerFteYear: integer(env, 'HOURS_PER_FTE_YEAR', STANDARD_HOURS_PER_FTE_YEAR, 1, MAX_HOURS_PER_FTE_YEAR),
    auth: loadAuthSettings(env, (message) => {
      throw new ConfigError(message);
    }),
    anchors: anchors(env),
  };
  if (config.programmeEnd < config.programmeStart) throw new ConfigError('PROGRAMME_END must not be before PROGRAMME_START');
  return config;
};
