import { mkdirSync } from 'node:fs';
import { MongoClient } from 'mongodb';
import { join } from 'node:path';
import { ReadModelDefinition, domainUpcasters, programmeReadModel } from '@toc/domain';
import { CommandRunner, CommandService, EventLogReader, EventStore, IntegrityVerifier, SqliteEventStore, StoreHealth, openKurrentDbEventStore } from '@toc/event-store';
import {
  IndicatorReader,
  LeaseKeeper,
  LeaseStore,
  MongoReadModelStore,
  ProjectionRunner,
  ReadModelStore,
  ReplayIndexSchedule,
  ReplayIndexer,
  SqliteReadModelStore,
} from '@toc/read-models';
import { ApiKeyStore } from './access/api-key-store';
import { MongoApiKeyStore } from './access/mongo-api-key-store';
import { SqliteApiKeyStore } from './access/sqlite-api-key-store';
import { JwtVerifier } from './access/jwt-verifier';
import { AccessLog } from './access-log/access-log';
import { MongoAccessLog } from './access-log/mongo-access-log';
import { SqliteAccessLog } from './access-log/sqlite-access-log';
import { AnchorPublisher } from './anchors/anchor-publisher';
import { AppConfig } from './config';
import { DATA_FILES } from './data-files';
import { MongoPersonalDataStore } from './personal-data/mongo-personal-data-store';
import { PersonalDataStore } from './personal-data/personal-data-store.port';
import { SqlitePersonalDataStore } from './personal-data/sqlite-personal-data-store';

/** The event store the apps need: appending, reading, the audit log, tamper evidence and the damage it found. */
export type AuditableEventStore = EventStore & EventLogReader & IntegrityVerifier & StoreHealth;

/** Opens a store on its file, naming the file when it cannot: SQLite's own errors do not. */
const onFile = <T>(file: string, open: (file: string) => T): T => {
  try {
    return open(file);
  } catch (error) {
    // Duck-typed: under vm sandboxes (Jest) a SqliteError need not be an `instanceof Error` here.
    const message = (error as { message?: unknown } | null)?.message;
    throw new Error(`cannot open ${file}: ${typeof message === 'string' ? message : String(error)}`, { cause: error });
  }
};

/**
 * KurrentDB keeps the log; the audit-log queries and the hash chain are answered from a local
 * index of it in DATA_DIR, derived and rebuilt from the server when the file is removed.
 */
export const openEventStore = async (config: AppConfig): Promise<AuditableEventStore> => {
  mkdirSync(config.dataDir, { recursive: true });
  return config.eventStore === 'kurrentdb'
    ? openKurrentDbEventStore(config.kurrentdbUrl!, { logIndexFile: join(config.dataDir, DATA_FILES.kurrentDbLogIndex) })
    : onFile(join(config.dataDir, DATA_FILES.events), (file) => SqliteEventStore.open(file, { synchronous: config.sqliteSynchronous }));
};

const openReadModels = async (config: AppConfig): Promise<ReadModelStore & LeaseStore> =>
  config.readModelStore === 'mongodb'
    ? MongoReadModelStore.connect(config.mongodbUrl!, config.mongodbDatabase)
    : onFile(join(config.dataDir, DATA_FILES.readModels), (file) => SqliteReadModelStore.open(file, { synchronous: config.sqliteSynchronous }));

/**
 * A store kept where the read models are, so that a scaled-out deployment's instances all see the
 * same API keys, people and access log: on MongoDB through the read models' client (one pool of
 * connections per process), otherwise in a SQLite file of its own in DATA_DIR.
 */
const besideReadModels = async <T>(
  config: AppConfig,
  readModels: ReadModelStore,
  onMongo: (client: MongoClient, databaseName: string) => T | Promise<T>,
  file: string,
  onSqlite: (file: string) => T,
): Promise<T> =>
  readModels instanceof MongoReadModelStore ? onMongo(readModels.client, config.mongodbDatabase) : onFile(join(config.dataDir, file), onSqlite);

/**
 * The composition root shared by the api, the projector and the CLI, so that they cannot wire
 * things differently: opens the stores named by the configuration and composes the parts
 * around them. Each app hands on the parts its code needs.
 */
export class Runtime {
  private constructor(
    readonly config: AppConfig,
    readonly events: AuditableEventStore,
    readonly readModels: ReadModelStore,
    /** The one command path of every entry point. */
    readonly commands: CommandService,
    readonly programme: ReadModelDefinition,
    readonly projector: ProjectionRunner,
    readonly replayIndex: ReplayIndexSchedule,
    readonly indicators: IndicatorReader,
    /** API keys of internal apps and, when configured, the verifier of people's tokens. */
    readonly keys: ApiKeyStore,
    readonly jwt: JwtVerifier | undefined,
    /** Names and contact details of the people the events know by pseudonymous id. */
    readonly people: PersonalDataStore,
    /** Who read personal data, exported, replayed, reported or changed projections. */
    readonly accessLog: AccessLog,
    /** Publishes the chain's head outside the store, when ANCHOR_FILE or ANCHOR_WEBHOOK_URL is set. */
    readonly anchors: AnchorPublisher | undefined,
  ) {}

  static async open(config: AppConfig): Promise<Runtime> {
    const events = await openEventStore(config);
    const readModels = await openReadModels(config);
    const programme = programmeReadModel({ start: config.programmeStart, end: config.programmeEnd });
    const { leaseTtlMs, leaseRenewMs, retryMs, retryMaxMs, failedRetryMs } = config.projection;
    const lease = new LeaseKeeper(readModels, programme.name, { ttlMs: leaseTtlMs, renewIntervalMs: leaseRenewMs });
    // Only the process holding the lease indexes, fenced as the projection is.
    const replayIndex = new ReplayIndexSchedule(new ReplayIndexer(events, lease.fenced, programme, domainUpcasters), readModels, programme, config.replayIndexIntervalMs);
    const projector = new ProjectionRunner(events, readModels, programme, domainUpcasters, { lease, whileRunning: replayIndex, retryMs, retryMaxMs, failedRetryMs });
    return new Runtime(
      config,
      events,
      readModels,
      new CommandService(events, new CommandRunner(events, domainUpcasters)),
      programme,
      projector,
      replayIndex,
      new IndicatorReader(events, readModels, programme, domainUpcasters, config.minCellSize),
      await besideReadModels<ApiKeyStore>(config, readModels, MongoApiKeyStore.fromClient, DATA_FILES.keys, SqliteApiKeyStore.open),
      config.auth.jwt && new JwtVerifier(config.auth.jwt),
      await besideReadModels<PersonalDataStore>(config, readModels, MongoPersonalDataStore.fromClient, DATA_FILES.personalData, (file) =>
        SqlitePersonalDataStore.open(file, join(config.dataDir, DATA_FILES.personalDataKeys)),
      ),
      await besideReadModels<AccessLog>(config, readModels, MongoAccessLog.fromClient, DATA_FILES.accessLog, SqliteAccessLog.open),
      config.anchors.file || config.anchors.webhookUrl ? new AnchorPublisher(events, config.anchors, () => projector.runningHere) : undefined,
    );
  }

  /**
   * Starts the projections, the replay index behind them and the anchors, in the one process
   * that runs the projector. The projections (and the replay index with them) run while this
   * process holds their lease; until then it stands by.
   */
  async startProjector(): Promise<void> {
    await this.projector.start();
    this.anchors?.start();
  }

  async close(): Promise<void> {
    await this.anchors?.stop();
    await this.projector.stop();
    await this.readModels.close();
    await this.events.close();
    await this.keys.close();
    await this.people.close();
    await this.accessLog.close();
  }
}
