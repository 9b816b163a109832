import { ReadModelDefinition, RecordedEvent, UpcasterChain } from '@toc/domain';
import { EventStore, Subscription } from '@toc/event-store';
import { CHECKPOINTS, ProjectionError, applyEvents, namespaceOf } from './projection-engine';
import { bulkBuild } from './bulk-build';
import { replayIndexPosition } from './replay-indexer';
import { PROJECTION_STATUS, ProjectionStatusView, StoredProjectionStatus } from './projection-status';
import { ReadModelStore } from './read-model-store.port';

export interface ProjectionRunnerOptions {
  readonly batchSize?: number;
  readonly now?: () => Date;
  /** How often rebuild progress is written to the status document. */
  readonly progressIntervalMs?: number;
  /** Pause after a small live batch so that the next one gathers more events (adds at most this much lag). */
  readonly liveBatchDelayMs?: number;
  /** Events read per page by a bulk build (see bulk-build.ts). */
  readonly bulkPageSize?: number;
  /** Records a bulk build holds in memory before it folds in partitions (see bulk-build.ts). */
  readonly bulkRecordsInMemory?: number;
}

/** A subscription feeding one build (namespace) of the read model. */
interface Follower {
  readonly namespace: string;
  readonly build: number;
  rebuilding: boolean;
  checkpoint: number;
  subscription?: Subscription;
}

/**
 * Runs a read model from the event store's subscription with a stored checkpoint, and rebuilds
 * it blue/green: the new build fills its own collections beside the live one, and readers switch
 * to it once it has caught up; the old build is then dropped. A rebuild survives a restart.
 */
export class ProjectionRunner {
  private status!: StoredProjectionStatus;
  private live?: Follower;
  private rebuild?: Follower;
  /** A bulk build in progress (before the rebuild follows the log) and its completion. */
  private bulk?: { cancelled: boolean };
  private bulkDone?: Promise<void>;
  private bulkPosition = 0;
  private failed = false;
  private rebuildStartedMs = 0;
  private rebuildStartPosition = 0;
  private lastProgressWrite = 0;
  private readonly waiters = new Set<{ readonly position: number; readonly resolve: () => void }>();
  private readonly batchSize: number;
  private readonly now: () => Date;
  private readonly progressIntervalMs: number;
  private readonly liveBatchDelayMs: number;
  private readonly bulkOptions: { readonly pageSize?: number; readonly recordsInMemory?: number };

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    private readonly definition: ReadModelDefinition,
    private readonly upcasters: UpcasterChain,
    options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.now = options.now ?? (() => new Date());
    this.progressIntervalMs = options.progressIntervalMs ?? 1000;
    this.liveBatchDelayMs = options.liveBatchDelayMs ?? 20;
    this.bulkOptions = { pageSize: options.bulkPageSize, recordsInMemory: options.bulkRecordsInMemory };
  }

  get name() {
    return this.definition.name;
  }

  /**
   * Follows the live build from its checkpoint and resumes a rebuild in progress. A start is a
   * fresh attempt: a failure recorded by an earlier run is cleared, and recorded again if its
   * cause is still there.
   */
  async start(): Promise<void> {
    const stored = (await this.store.get(PROJECTION_STATUS, this.definition.name))?.doc as StoredProjectionStatus | undefined;
    this.status = stored ?? this.initialStatus();
    if (!stored || stored.lastError) await this.saveStatus({ lastError: null });
    this.failed = false;
    // A rebuild left by other code (another version) holds documents this code did not write.
    const { rebuild } = this.status;
    if (rebuild && rebuild.version !== this.definition.version) {
      await this.dropNamespace(rebuild.namespace);
      await this.saveStatus({ rebuild: null });
    }
    // A build of an older version keeps serving readers, frozen, until the new version has caught up.
    if (this.status.version === this.definition.version) this.live = await this.follow(this.status.namespace, this.status.build, false);
    if (this.status.rebuild) await this.resumeRebuild(this.status.rebuild.namespace, this.status.rebuild.build);
    else if (this.status.version !== this.definition.version) await this.startRebuild();
  }

  async stop(): Promise<void> {
    if (this.bulk) this.bulk.cancelled = true;
    await this.bulkDone;
    this.bulk = this.bulkDone = undefined;
    await Promise.all([this.live?.subscription?.close(), this.rebuild?.subscription?.close()]);
    this.live = this.rebuild = undefined;
  }

  /** Clears a failure and starts again from the stored checkpoints (after a fix is deployed). */
  async restart(): Promise<void> {
    await this.stop();
    await this.saveStatus({ lastError: null });
    await this.start();
  }

  /** Starts building the next build beside the live one; a rebuild already running is kept. */
  async startRebuild(): Promise<RebuildStarted> {
    if (this.rebuild || this.bulk) return { build: this.status.rebuild!.build, alreadyRunning: true };
    const build = this.status.build + 1;
    const namespace = namespaceOf(this.definition, build);
    await this.dropNamespace(namespace);
    const targetPosition = await this.events.headPosition();
    const startedAt = this.now().toISOString();
    await this.saveStatus({ rebuild: { build, version: this.definition.version, namespace, startedAt, position: 0, targetPosition } });
    await this.resumeRebuild(namespace, build);
    return { build, alreadyRunning: false };
  }

  /**
   * A build with no checkpoint yet is built in bulk up to the rebuild's target (in the
   * background, so callers and the live build go on), then follows the log from there like any
   * build. A bulk build cut short leaves no checkpoint, so it starts again from nothing.
   */
  private async resumeRebuild(namespace: string, build: number) {
    if ((await this.readCheckpoint(namespace)) > 0) return this.followRebuild(namespace, build);
    const bulk = { cancelled: false };
    this.bulk = bulk;
    this.bulkDone = (async () => {
      await this.dropNamespace(namespace);
      const target = this.status.rebuild!.targetPosition;
      this.rebuildStartedMs = this.now().getTime();
      this.rebuildStartPosition = 0;
      const built = await bulkBuild(this.definition, this.events, this.upcasters, this.store, namespace, target, {
        ...this.bulkOptions,
        cancelled: () => bulk.cancelled,
        onProgress: (position) => this.bulkProgress(position),
      });
      this.bulk = undefined;
      // Cancelled or stopped after its last commit, the build is complete and resumes from its checkpoint.
      if (built && !bulk.cancelled) await this.followRebuild(namespace, build);
    })().catch((error) => {
      this.bulk = undefined;
      return this.fail(error);
    });
  }

  private async followRebuild(namespace: string, build: number) {
    const follower = await this.follow(namespace, build, true);
    this.rebuild = follower;
    // Nothing more may arrive to trigger the switch when the rebuild is already at the head.
    if (follower.checkpoint >= (await this.events.headPosition())) await this.switchTo(follower);
  }

  private async bulkProgress(position: number) {
    this.bulkPosition = position;
    const nowMs = this.now().getTime();
    if (nowMs - this.lastProgressWrite < this.progressIntervalMs) return;
    this.lastProgressWrite = nowMs;
    await this.saveStatus({ rebuild: { ...this.status.rebuild!, position } });
  }

  async cancelRebuild(): Promise<boolean> {
    if (this.bulk) {
      this.bulk.cancelled = true;
      await this.bulkDone;
    }
    const rebuild = this.status.rebuild;
    if (!rebuild) return false;
    // A follower is detached before waiting for its batch in flight, so that batch cannot switch readers to it.
    const follower = this.rebuild;
    if (follower) follower.rebuilding = false;
    this.rebuild = undefined;
    await follower?.subscription?.close();
    await this.dropNamespace(rebuild.namespace);
    await this.saveStatus({ rebuild: null });
    return true;
  }

  /**
   * Resolves true once the live build has applied every event up to `position`, or false when
   * `signal` aborts first; an abandoned wait leaves nothing behind.
   */
  waitFor(position: number, signal?: AbortSignal): Promise<boolean> {
    if (this.live && this.live.checkpoint >= position) return Promise.resolve(true);
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const abandon = () => {
        this.waiters.delete(waiter);
        resolve(false);
      };
      const waiter = {
        position,
        resolve: () => {
          signal?.removeEventListener('abort', abandon);
          resolve(true);
        },
      };
      signal?.addEventListener('abort', abandon, { once: true });
      this.waiters.add(waiter);
    });
  }

  /** The namespace readers should use. */
  get activeNamespace(): string {
    return this.status.namespace;
  }

  /**
   * Status as operators see it. A process that does not run this projection itself (an api
   * beside a separate projector) reads the stored status and checkpoint.
   */
  async statusView(): Promise<ProjectionStatusView> {
    const running = this.live !== undefined || this.rebuild !== undefined;
    const status = running ? this.status : await this.storedStatus();
    const headPosition = await this.events.headPosition();
    const checkpoint = this.live?.checkpoint ?? (await this.readCheckpoint(status.namespace));
    const lagEvents = Math.max(0, headPosition - checkpoint);
    const [oldestPending] = lagEvents > 0 ? await this.events.readAll({ after: checkpoint, limit: 1 }) : [];
    const lagSeconds = oldestPending ? Math.max(0, (this.now().getTime() - Date.parse(oldestPending.metadata.recordedAt)) / 1000) : 0;
    const state = this.failed || status.lastError ? 'failed' : status.rebuild ? 'rebuilding' : lagEvents > 0 ? 'catching-up' : 'live';
    const indexed = await replayIndexPosition(this.store, status.namespace);
    return {
      name: this.definition.name,
      version: status.version,
      build: status.build,
      state,
      runningHere: running,
      checkpoint,
      headPosition,
      lagEvents,
      lagSeconds,
      lastError: status.lastError,
      replayIndex: { position: indexed, lagEvents: headPosition - (indexed ?? 0) },
      rebuild: status.rebuild && this.rebuildView(status.rebuild, headPosition),
    };
  }

  private async storedStatus(): Promise<StoredProjectionStatus> {
    const stored = (await this.store.get(PROJECTION_STATUS, this.definition.name))?.doc as StoredProjectionStatus | undefined;
    return stored ?? this.initialStatus();
  }

  private initialStatus(): StoredProjectionStatus {
    return { id: this.definition.name, version: this.definition.version, build: 1, namespace: namespaceOf(this.definition, 1), rebuild: null, lastError: null, revision: 0 };
  }

  private rebuildView(rebuild: NonNullable<StoredProjectionStatus['rebuild']>, headPosition: number) {
    const position = this.rebuild?.checkpoint ?? (this.bulk ? this.bulkPosition : rebuild.position);
    const target = Math.max(rebuild.targetPosition, 1);
    const elapsedSeconds = (this.now().getTime() - this.rebuildStartedMs) / 1000;
    const eventsPerSecond = this.rebuildStartedMs && elapsedSeconds > 0 ? (position - this.rebuildStartPosition) / elapsedSeconds : 0;
    return {
      ...rebuild,
      position,
      percent: Math.min(100, (position / target) * 100),
      eventsPerSecond,
      etaSeconds: eventsPerSecond > 0 ? Math.max(0, headPosition - position) / eventsPerSecond : null,
    };
  }

  private async follow(namespace: string, build: number, rebuilding: boolean): Promise<Follower> {
    const follower: Follower = { namespace, build, rebuilding, checkpoint: await this.readCheckpoint(namespace) };
    if (rebuilding) {
      this.rebuildStartedMs = this.now().getTime();
      this.rebuildStartPosition = follower.checkpoint;
    }
    follower.subscription = this.events.subscribeToAll({
      after: follower.checkpoint,
      batchSize: this.batchSize,
      onEvents: (events) => this.apply(follower, events),
      onError: (error) => void this.fail(error),
    });
    return follower;
  }

  private async apply(follower: Follower, events: readonly RecordedEvent[]) {
    await applyEvents(this.definition, this.store, follower.namespace, events.map((event) => this.upcasters.upcast(event)));
    follower.checkpoint = events[events.length - 1].position;
    if (follower.rebuilding) await this.afterRebuildBatch(follower);
    if (follower === this.live) this.releaseWaiters(follower.checkpoint);
    // Live, a small batch means events trickle in: pausing lets the next batch gather more of
    // them, so a busy service commits read models a few times per second instead of per event.
    if (!follower.rebuilding && events.length < this.batchSize && this.liveBatchDelayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.liveBatchDelayMs));
    }
  }

  private async afterRebuildBatch(follower: Follower) {
    const head = await this.events.headPosition();
    if (follower.checkpoint >= head) return this.switchTo(follower);
    const nowMs = this.now().getTime();
    if (nowMs - this.lastProgressWrite < this.progressIntervalMs) return;
    this.lastProgressWrite = nowMs;
    await this.saveStatus({ rebuild: { ...this.status.rebuild!, position: follower.checkpoint } });
  }

  /** Readers move to the rebuilt build; the old one stops and is dropped. */
  private async switchTo(follower: Follower) {
    if (!follower.rebuilding) return;
    const previous = this.live;
    const previousNamespace = this.status.namespace;
    follower.rebuilding = false;
    this.live = follower;
    this.rebuild = undefined;
    await this.saveStatus({ version: this.definition.version, build: follower.build, namespace: follower.namespace, rebuild: null, lastError: null });
    await previous?.subscription?.close();
    await this.dropNamespace(previousNamespace);
    this.releaseWaiters(follower.checkpoint);
  }

  private async fail(error: unknown) {
    this.failed = true;
    const event = error instanceof ProjectionError ? error.event : null;
    const message = error instanceof Error ? error.message : String(error);
    await this.saveStatus({ lastError: { message, event: event && { position: event.position, streamId: event.streamId, eventId: event.eventId, type: event.type }, at: this.now().toISOString() } });
  }

  private releaseWaiters(checkpoint: number) {
    for (const waiter of this.waiters) {
      if (waiter.position > checkpoint) continue;
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  private async readCheckpoint(namespace: string): Promise<number> {
    const stored = await this.store.get(CHECKPOINTS, namespace);
    return (stored?.doc.position as number | undefined) ?? 0;
  }

  private async dropNamespace(namespace: string) {
    for (const collection of await this.store.listCollections()) {
      if (collection.startsWith(`${namespace}_`)) await this.store.dropCollection(collection);
    }
    await this.store.commit([{ collection: CHECKPOINTS, id: namespace, doc: null, position: Number.MAX_SAFE_INTEGER }]);
  }

  private async saveStatus(patch: Partial<Omit<StoredProjectionStatus, 'id' | 'revision'>>) {
    this.status = { ...this.status, ...patch, revision: this.status.revision + 1 };
    await this.store.commit([{ collection: PROJECTION_STATUS, id: this.status.id, doc: { ...this.status }, position: this.status.revision }]);
  }
}

export interface RebuildStarted {
  readonly build: number;
  readonly alreadyRunning: boolean;
}
