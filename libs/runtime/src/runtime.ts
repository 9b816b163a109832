import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ReadModelDefinition, domainUpcasters, programmeReadModel } from '@toc/domain';
import { CommandRunner, CommandService, EventLogReader, EventStore, IntegrityVerifier, SqliteEventStore } from '@toc/event-store';
import {
  IndicatorReader,
  MongoReadModelStore,
  ProjectionRunner,
  ReadModelStore,
  ReplayIndexSchedule,
  ReplayIndexer,
  SqliteReadModelStore,
} from '@toc/read-models';
import { AppConfig } from './config';

/** The event store the apps need: appending, reading, the audit log and tamper evidence. */
export type AuditableEventStore = EventStore & EventLogReader & IntegrityVerifier;

const openReadModels = async (config: AppConfig): Promise<ReadModelStore> =>
  config.readModelStore === 'mongodb'
    ? MongoReadModelStore.connect(config.mongodbUrl!, config.mongodbDatabase)
    : SqliteReadModelStore.open(join(config.dataDir, 'read-models.sqlite'), { synchronous: config.sqliteSynchronous });

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
  ) {}

  static async open(config: AppConfig): Promise<Runtime> {
    mkdirSync(config.dataDir, { recursive: true });
    const events = SqliteEventStore.open(join(config.dataDir, 'events.sqlite'), { synchronous: config.sqliteSynchronous });
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
  }
}
