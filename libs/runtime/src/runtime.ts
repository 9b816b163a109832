import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ReadModelDefinition, domainUpcasters, programmeReadModel } from '@toc/domain';
import { CommandRunner, CommandService, EventLogReader, EventStore, IntegrityVerifier, SqliteEventStore, openKurrentDbEventStore } from '@toc/event-store';
import {
  IndicatorReader,
  MongoReadModelStore,
  ProjectionRunner,
  ReadModelStore,
  ReplayIndexSchedule,
  ReplayIndexer,
  SqliteReadModelStore,
} from '@toc/read-models';
import { ApiKeyStore } from './access/api-keys';
import { JwtVerifier } from './access/jwt-verifier';
import { AccessLog } from './access-log/access-log';
import { AppConfig } from './config';
import { MongoPersonalDataStore } from './personal-data/mongo-personal-data-store';
import { PersonalDataStore } from './personal-data/personal-data-store.port';
import { SqlitePersonalDataStore } from './personal-data/sqlite-personal-data-store';

/** The event store the apps need: appending, reading, the audit log and tamper evidence. */
export type AuditableEventStore = EventStore & EventLogReader & IntegrityVerifier;

/**
 * KurrentDB keeps the log; the audit-log queries and the hash chain are answered from a local
 * index of it in DATA_DIR, derived and rebuilt from the server when the file is removed.
 */
const openEvents = async (config: AppConfig): Promise<AuditableEventStore> =>
  config.eventStore === 'kurrentdb'
    ? openKurrentDbEventStore(config.kurrentdbUrl!, { logIndexFile: join(config.dataDir, 'kurrentdb-log-index.sqlite') })
    : SqliteEventStore.open(join(config.dataDir, 'events.sqlite'), { synchronous: config.sqliteSynchronous });

const openReadModels = async (config: AppConfig): Promise<ReadModelStore> =>
  config.readModelStore === 'mongodb'
    ? MongoReadModelStore.connect(config.mongodbUrl!, config.mongodbDatabase)
    : SqliteReadModelStore.open(join(config.dataDir, 'read-models.sqlite'), { synchronous: config.sqliteSynchronous });

/** People's details live where the read models do: a scaled-out api's instances must all see the same people. */
const openPersonalData = async (config: AppConfig): Promise<PersonalDataStore> =>
  config.readModelStore === 'mongodb'
    ? MongoPersonalDataStore.connect(config.mongodbUrl!, config.mongodbDatabase)
    : SqlitePersonalDataStore.open(join(config.dataDir, 'personal-data.sqlite'), join(config.dataDir, 'personal-data-keys.sqlite'));

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
  ) {}

  static async open(config: AppConfig): Promise<Runtime> {
    mkdirSync(config.dataDir, { recursive: true });
    const events = await openEvents(config);
    const readModels = await openReadModels(config);
    const programme = programmeReadModel({ start: config.programmeStart, end: config.programmeEnd });
    return new Runtime(
      config,
      events,
      readModels,
      new CommandService(events, new CommandRunner(events, domainUpcasters)),
      programme,
      new ProjectionRunner(events, readModels, programme, domainUpcasters),
      new ReplayIndexSchedule(new ReplayIndexer(events, readModels, programme, domainUpcasters), readModels, programme, config.replayIndexIntervalMs),
      new IndicatorReader(events, readModels, programme, domainUpcasters, config.minCellSize),
      ApiKeyStore.open(join(config.dataDir, 'access.sqlite')),
      config.auth.jwt && new JwtVerifier(config.auth.jwt),
      await openPersonalData(config),
      AccessLog.open(join(config.dataDir, 'access-log.sqlite')),
    );
  }

  /** Starts the projections and the replay index behind them, in the one process that runs the projector. */
  async startProjector(): Promise<void> {
    await this.projector.start();
    this.replayIndex.start();
  }

  async close(): Promise<void> {
    await this.replayIndex.stop();
    await this.projector.stop();
    await this.readModels.close();
    await this.events.close();
    this.keys.close();
    await this.people.close();
    this.accessLog.close();
  }
}
