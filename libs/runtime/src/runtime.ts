import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { IndicatorView, ReadModelDefinition, domainUpcasters, programmeReadModel } from '@toc/domain';
import { CommandRunner, CommandService, EventLogReader, EventStore, IntegrityVerifier, SqliteEventStore } from '@toc/event-store';
import {
  IndicatorQuery,
  MongoReadModelStore,
  PROJECTION_STATUS,
  ProjectionRunner,
  ReadModelStore,
  ReplayMoment,
  SqliteReadModelStore,
  StoredProjectionStatus,
  REPLAY_NAMESPACE,
  ReplayIndexer,
  indexedReplay,
  namespaceOf,
  queryIndicators,
  replayReadModel,
} from '@toc/read-models';
import { AppConfig } from './config';

/** The event store the apps need: appending, reading, the audit log and tamper evidence. */
export type AuditableEventStore = EventStore & EventLogReader & IntegrityVerifier;

/**
 * The composition root shared by the api, the projector and the CLI: opens the stores named by
 * the configuration and wires the command runner and the programme projection around them.
 */
export class Runtime {
  private indexing?: { timer: NodeJS.Timeout; running?: Promise<unknown>; stopped: boolean };

  private constructor(
    readonly config: AppConfig,
    readonly events: AuditableEventStore,
    readonly readModels: ReadModelStore,
    /** The one command path of every entry point. */
    readonly commands: CommandService,
    readonly programme: ReadModelDefinition,
    readonly projector: ProjectionRunner,
    readonly replayIndexer: ReplayIndexer,
  ) {}

  static async open(config: AppConfig): Promise<Runtime> {
    mkdirSync(config.dataDir, { recursive: true });
    const events = SqliteEventStore.open(join(config.dataDir, 'events.sqlite'), { synchronous: config.sqliteSynchronous });
    const readModels =
      config.readModelStore === 'mongodb'
        ? await MongoReadModelStore.connect(config.mongodbUrl!, config.mongodbDatabase)
        : SqliteReadModelStore.open(join(config.dataDir, 'read-models.sqlite'), { synchronous: config.sqliteSynchronous });
    const programme = programmeReadModel({ start: config.programmeStart, end: config.programmeEnd });
    const projector = new ProjectionRunner(events, readModels, programme, domainUpcasters);
    const replayIndexer = new ReplayIndexer(events, readModels, programme, domainUpcasters);
    const commands = new CommandService(events, new CommandRunner(events, domainUpcasters));
    return new Runtime(config, events, readModels, commands, programme, projector, replayIndexer);
  }

  /**
   * Starts the projections and, behind them, the replay index of the live build and of a build
   * being rebuilt (so that replays are fast as soon as it goes live). Only the process that runs
   * the projector indexes.
   */
  async startProjector(): Promise<void> {
    await this.projector.start();
    const indexing = { stopped: false } as NonNullable<Runtime['indexing']>;
    const tick = () => {
      if (indexing.running || indexing.stopped) return;
      // At most half of each interval, so that an api in the same process keeps most of the
      // thread under heavy writing; the index catches up when writing calms down.
      const until = Date.now() + this.config.replayIndexIntervalMs / 2;
      const stop = () => indexing.stopped || Date.now() >= until;
      indexing.running = this.indexedNamespaces()
        .then(async (namespaces) => {
          for (const namespace of namespaces) await this.replayIndexer.catchUp(namespace, stop);
        })
        .catch((error) => console.error(`replay index: ${error instanceof Error ? error.message : error}`))
        .finally(() => (indexing.running = undefined));
    };
    indexing.timer = setInterval(tick, this.config.replayIndexIntervalMs);
    this.indexing = indexing;
    tick();
  }

  /** Waits until the replay index has caught up with the live build (for tests and tools). */
  async indexReplays(): Promise<number> {
    await this.indexing?.running;
    return this.replayIndexer.catchUp(await this.activeNamespace());
  }

  private async indexedNamespaces(): Promise<string[]> {
    const stored = (await this.readModels.get(PROJECTION_STATUS, this.programme.name))?.doc as StoredProjectionStatus | undefined;
    if (!stored) return [namespaceOf(this.programme, 1)];
    return stored.rebuild ? [stored.namespace, stored.rebuild.namespace] : [stored.namespace];
  }

  /** The live build's namespace, from the stored status so that every process agrees. */
  async activeNamespace(): Promise<string> {
    const stored = await this.readModels.get(PROJECTION_STATUS, this.programme.name);
    return (stored?.doc as StoredProjectionStatus | undefined)?.namespace ?? namespaceOf(this.programme, 1);
  }

  /**
   * Indicator values now (the live read model) or at a past moment: from the replay index of
   * the live build, or, before the index exists, by replaying the same projection code in
   * memory. The returned function answers many period queries cheaply.
   */
  async indicatorSource(moment: ReplayMoment = {}): Promise<(query: IndicatorQuery) => Promise<IndicatorView[]>> {
    if (moment.asOf === undefined && moment.knownAt === undefined) {
      const namespace = await this.activeNamespace();
      return (query) => queryIndicators(this.readModels, namespace, query);
    }
    const indexed = await indexedReplay(this.events, this.readModels, await this.activeNamespace(), this.programme, domainUpcasters, moment);
    if (indexed) return indexed;
    const replayed = await replayReadModel(this.events, this.programme, domainUpcasters, moment);
    return (query) => queryIndicators(replayed, REPLAY_NAMESPACE, query);
  }

  async close(): Promise<void> {
    if (this.indexing) {
      this.indexing.stopped = true;
      clearInterval(this.indexing.timer);
      await this.indexing.running;
    }
    await this.projector.stop();
    await this.readModels.close();
    await this.events.close();
  }
}
