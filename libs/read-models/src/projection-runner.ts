import { setTimeout as sleep } from 'node:timers/promises';
import { ReadModelDefinition, RecordedEvent, UpcasterChain, messageOf } from '@toc/domain';
import { EventStore, Subscription } from '@toc/event-store';
import { CHECKPOINTS, ProjectionError, applyEvents, buildNamespaceIn, namespaceOf } from './projection-engine';
import { bulkBuild } from './bulk-build';
import { LeaseKeeper, LeaseNotHeldError } from './lease';
import { replayIndexPosition } from './replay-indexer';
import { PROJECTION_STATUS, ProjectionFault, ProjectionStatusView, StoredProjectionStatus } from './projection-status';
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
  /**
   * The lease that lets one of several processes run the projection while the others stand by.
   * Without one, the runner takes itself to be the only process (a benchmark).
   */
  readonly lease?: LeaseKeeper;
  /** Work that runs only while this runner runs the projection (the replay index). */
  readonly whileRunning?: { start(): void; stop(): Promise<void> };
  /** Wait after a store error, doubled with each one in a row up to `retryMaxMs`. */
  readonly retryMs?: number;
  readonly retryMaxMs?: number;
  /** Wait before an event the projection could not apply is tried again (a fix or a retraction may have come). */
  readonly failedRetryMs?: number;
  /** How long the status waits for the read-model store before it answers with the figures read last. */
  readonly statusReadTimeoutMs?: number;
}

/** A subscription feeding one build (namespace) of the read model. */
interface Follower {
  readonly namespace: string;
  readonly build: number;
  rebuilding: boolean;
  checkpoint: number;
  /** Cleared when the follower is stopped: a batch it is still handed is not applied. */
  active: boolean;
  subscription?: Subscription;
}

/** A bulk build in progress, before the rebuild follows the log; `done` says whether it completed. */
interface Bulk {
  cancelled: boolean;
  done: Promise<boolean>;
}

/** How often a process that does not run the projection looks at the stored checkpoint for its waits. */
const STORED_CHECKPOINT_POLL_MS = 100;

/**
 * Runs a read model from the event store's subscription with a stored checkpoint, and rebuilds
 * it blue/green: the new build fills its own collections beside the live one, and readers switch
 * to it once it has caught up; the old build is then dropped. A rebuild survives a restart.
 *
 * Of the processes sharing the stores, the one holding the lease runs the projection, and only
 * it rebuilds, cancels or restarts (the others refuse with LeaseNotHeldError); every commit it
 * makes is fenced by the lease. Control calls and the switches they cause run one after another,
 * so concurrent calls leave one follower per build. A fault stops the followers and is tried
 * again by the runner itself (see `onFault`).
 */
export class ProjectionRunner {
  private status?: StoredProjectionStatus;
  private live?: Follower;
  private rebuild?: Follower;
  private bulk?: Bulk;
  private bulkPosition = 0;
  private started = false;
  /** Store errors in a row, for the backoff. */
  private failures = 0;
  private retryTimer?: NodeJS.Timeout;
  /** The last view read from the store, which serves while the store cannot be read. */
  private lastView?: ProjectionStatusView;
  private polling = false;
  private queue: Promise<unknown> = Promise.resolve();
  private rebuildStartedMs = 0;
  private rebuildStartPosition = 0;
  private lastProgressWrite = 0;
  private readonly waiters = new Set<{ readonly position: number; readonly resolve: () => void }>();
  /** The store as this runner writes to it: fenced by the lease. */
  private readonly writes: ReadModelStore;
  private readonly lease?: LeaseKeeper;
  private readonly whileRunning?: ProjectionRunnerOptions['whileRunning'];
  private readonly batchSize: number;
  private readonly now: () => Date;
  private readonly progressIntervalMs: number;
  private readonly liveBatchDelayMs: number;
  private readonly retryMs: number;
  private readonly retryMaxMs: number;
  private readonly failedRetryMs: number;
  private readonly statusReadTimeoutMs: number;
  private readonly bulkOptions: { readonly pageSize?: number; readonly recordsInMemory?: number };

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    private readonly definition: ReadModelDefinition,
    private readonly upcasters: UpcasterChain,
    options: ProjectionRunnerOptions = {},
  ) {
    this.lease = options.lease;
    this.writes = options.lease?.fenced ?? store;
    this.whileRunning = options.whileRunning;
    this.batchSize = options.batchSize ?? 500;
    this.now = options.now ?? (() => new Date());
    this.progressIntervalMs = options.progressIntervalMs ?? 1000;
    this.liveBatchDelayMs = options.liveBatchDelayMs ?? 20;
    this.retryMs = options.retryMs ?? 500;
    this.retryMaxMs = options.retryMaxMs ?? 30_000;
    this.failedRetryMs = options.failedRetryMs ?? 60_000;
    this.statusReadTimeoutMs = options.statusReadTimeoutMs ?? 2_000;
    this.bulkOptions = { pageSize: options.bulkPageSize, recordsInMemory: options.bulkRecordsInMemory };
  }

  get name() {
    return this.definition.name;
  }

  /** Whether this process runs the projection now: it was started and holds the lease. */
  get runningHere(): boolean {
    return this.started && (this.lease?.held ?? true);
  }

  /**
   * Runs the projection once this process holds the lease: at once when it is free, otherwise
   * as soon as the holder lets it go or dies. Each time it gets the lease is a fresh attempt: a
   * failure recorded by an earlier run is cleared, and recorded again if its cause is still there.
   */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (!this.lease) return this.background(() => this.lead(true));
    await this.lease.start({
      acquired: () => void this.background(() => this.lead(true)),
      lost: () => void this.exclusive(() => this.halt()),
    });
    await this.queue;
  }

  /** Stops projecting and lets the lease go. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.exclusive(() => this.halt());
    await this.lease?.stop();
  }

  /** Starts again from the stored checkpoints at once, clearing a failure (after a fix is deployed). */
  restart(): Promise<void> {
    return this.control(async () => {
      this.failures = 0;
      await this.lead(true);
    });
  }

  /** Starts building the next build beside the live one; a rebuild already running is kept. */
  startRebuild(): Promise<RebuildStarted> {
    return this.control(async (status) => (status.rebuild ? { build: status.rebuild.build, alreadyRunning: true } : this.beginRebuild(status)));
  }

  cancelRebuild(): Promise<boolean> {
    return this.control(async ({ rebuild }) => {
      if (!rebuild) return false;
      // Stopped before the status changes, so that no batch in flight can switch readers to the build.
      const [follower, bulk] = [this.rebuild, this.bulk];
      this.rebuild = this.bulk = undefined;
      if (follower) follower.active = false;
      if (bulk) bulk.cancelled = true;
      await Promise.all([follower?.subscription?.close(), bulk?.done.catch(() => undefined)]);
      await this.saveStatus({ rebuild: null });
      await this.dropNamespace(rebuild.namespace);
      return true;
    });
  }

  /**
   * Resolves true once the live build has applied every event up to `position`, or false when
   * `signal` aborts first; an abandoned wait leaves nothing behind. A process that does not run
   * the projection answers from the stored checkpoint.
   */
  waitFor(position: number, signal?: AbortSignal): Promise<boolean> {
    if (this.runningHere && this.live && this.live.checkpoint >= position) return Promise.resolve(true);
    if (signal?.aborted) return Promise.resolve(false);
    const waiting = new Promise<boolean>((resolve) => {
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
    void this.pollStoredCheckpoint();
    return waiting;
  }

  /** The namespace readers should use, as this runner last knew it. */
  get activeNamespace(): string {
    return this.status?.namespace ?? namespaceOf(this.definition, 1);
  }

  /**
   * Status as operators see it. A process that does not run this projection itself (an api
   * beside a separate projector, a standby) reads the stored status and checkpoint; while the
   * read-model store cannot be read, or does not answer within `statusReadTimeoutMs`, the
   * figures read last serve, with the state `retrying`.
   */
  async statusView(): Promise<ProjectionStatusView> {
    let timer: NodeJS.Timeout | undefined;
    // A store that does not answer (MongoDB waits 30 s to select a server) is a store that cannot be read.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.statusReadTimeoutMs} ms`)), this.statusReadTimeoutMs);
    });
    const headPosition = await Promise.race([this.events.headPosition(), timeout]).catch((error) => {
      clearTimeout(timer);
      throw error;
    });
    try {
      this.lastView = await Promise.race([this.readView(headPosition), timeout]);
      return this.lastView;
    } catch (error) {
      if (!this.lastView) throw error;
      const fault: ProjectionFault = { message: `the read-model store cannot be read: ${messageOf(error)}`, event: null, at: this.now().toISOString(), transient: true, retryAt: null };
      const lastError = this.runningHere && this.status?.lastError?.transient ? this.status.lastError : fault;
      const lagEvents = Math.max(0, headPosition - this.lastView.checkpoint);
      return { ...this.lastView, state: 'retrying', runningHere: this.runningHere, headPosition, lagEvents, lastError };
    } finally {
      clearTimeout(timer);
    }
  }

  private async readView(headPosition: number): Promise<ProjectionStatusView> {
    const running = this.runningHere && this.status !== undefined;
    const status = running ? this.status! : await this.storedStatus();
    const checkpoint = running && this.live ? this.live.checkpoint : await this.readCheckpoint(status.namespace);
    const lagEvents = Math.max(0, headPosition - checkpoint);
    const [oldestPending] = lagEvents > 0 ? await this.events.readAll({ after: checkpoint, limit: 1 }) : [];
    const lagSeconds = oldestPending ? Math.max(0, (this.now().getTime() - Date.parse(oldestPending.metadata.recordedAt)) / 1000) : 0;
    const fault = status.lastError;
    const state = fault ? (fault.transient ? 'retrying' : 'failed') : status.rebuild ? 'rebuilding' : lagEvents > 0 ? 'catching-up' : 'live';
    const indexed = await replayIndexPosition(this.store, status.namespace);
    return {
      name: this.definition.name,
      version: status.version,
      build: status.build,
      state,
      runningHere: this.runningHere,
      lease: (await this.lease?.current()) ?? null,
      checkpoint,
      headPosition,
      lagEvents,
      lagSeconds,
      lastError: fault,
      replayIndex: { position: indexed, lagEvents: headPosition - (indexed ?? 0) },
      rebuild: status.rebuild && this.rebuildView(status.rebuild, headPosition),
    };
  }

  /** Runs `work` after the control work and state changes queued before it. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Queued work whose failure is a fault of the projection; never rejects. */
  private background(work: () => Promise<void>): Promise<void> {
    return this.exclusive(() => work().catch((error) => this.onFault(error)));
  }

  /** A control call: only the lease holder acts; a store error on the way is a fault, and the caller hears of it too. */
  private control<T>(work: (status: StoredProjectionStatus) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      if (!this.runningHere) throw new LeaseNotHeldError(this.definition.name, (await this.lease?.current().catch(() => null)) ?? null);
      if (!this.status) throw new Error(`projection ${this.definition.name} has not read its status yet: the read-model store has not answered; try again`);
      try {
        return await work(this.status);
      } catch (error) {
        await this.onFault(error);
        throw error;
      }
    });
  }

  /**
   * Runs the projection from the stored status (another holder may have changed it): drops the
   * builds nobody uses, follows the live build from its checkpoint and resumes a rebuild in
   * progress, or starts one for a new version. `fresh` (a start, not a retry) also clears a
   * failure; an automatic retry clears only a store error, since the store answered again.
   */
  private async lead(fresh: boolean) {
    await this.halt();
    if (!this.runningHere) return;
    const stored = await this.readStatus();
    this.status = stored ?? this.initialStatus();
    const fault = this.status.lastError;
    if (!stored || (fault && (fresh || fault.transient))) await this.saveStatus({ lastError: null });
    // A rebuild left by other code (another version) holds documents this code did not write.
    const { rebuild } = this.status;
    if (rebuild && rebuild.version !== this.definition.version) {
      await this.saveStatus({ rebuild: null });
      await this.dropNamespace(rebuild.namespace);
    }
    await this.dropOrphans();
    // A build of an older version keeps serving readers, frozen, until the new version has caught up.
    if (this.status.version === this.definition.version) this.live = await this.follow(this.status.namespace, this.status.build, false);
    if (this.status.rebuild) await this.resumeRebuild(this.status.rebuild.namespace, this.status.rebuild.build);
    else if (this.status.version !== this.definition.version) await this.beginRebuild(this.status);
    this.whileRunning?.start();
  }

  /** Stops the followers, a bulk build, the work alongside and a pending retry, without writing anything. */
  private async halt() {
    clearTimeout(this.retryTimer);
    const followers = [this.live, this.rebuild].filter((follower) => follower !== undefined);
    const bulk = this.bulk;
    this.live = this.rebuild = this.bulk = undefined;
    for (const follower of followers) follower.active = false;
    if (bulk) bulk.cancelled = true;
    await Promise.all([...followers.map((follower) => follower.subscription?.close()), bulk?.done.catch(() => undefined), this.whileRunning?.stop()]);
    // Waits for the live build are answered from the store while this process does not run it.
    void this.pollStoredCheckpoint();
  }

  /**
   * A fault stops the projection here, and the runner tries again by itself: after a store
   * error soon, then less often while it lasts; after an event the projection could not apply
   * slowly, since only a fix or a retraction can help. The fault is recorded in the status when
   * the store takes it, and kept in memory either way. A fenced write refused means another
   * process holds the lease now: this one stands by. Never throws.
   */
  private async onFault(error: unknown): Promise<void> {
    await this.halt();
    if (error instanceof LeaseNotHeldError) return this.lease?.lost();
    if (!this.runningHere) return;
    const deterministic = error instanceof ProjectionError;
    this.failures = deterministic ? 0 : this.failures + 1;
    const delayMs = deterministic ? this.failedRetryMs : Math.min(this.retryMaxMs, this.retryMs * 2 ** (this.failures - 1));
    this.retryTimer = setTimeout(() => void this.background(() => this.lead(false)), delayMs);
    if (!this.status) return;
    const event = deterministic ? error.event : null;
    const fault: ProjectionFault = {
      message: messageOf(error),
      event: event && { position: event.position, streamId: event.streamId, eventId: event.eventId, type: event.type },
      at: this.now().toISOString(),
      transient: !deterministic,
      retryAt: new Date(this.now().getTime() + delayMs).toISOString(),
    };
    // The store may be what failed: then the fault is known here only, until the retry.
    await this.saveStatus({ lastError: fault }).catch(() => undefined);
  }

  private async beginRebuild(status: StoredProjectionStatus): Promise<RebuildStarted> {
    // Never the number of a build dropped before, which a process that lost the lease may still be dropping.
    const build = Math.max(status.build, status.lastBuild ?? 0) + 1;
    const namespace = namespaceOf(this.definition, build);
    await this.dropNamespace(namespace);
    const targetPosition = await this.events.headPosition();
    const startedAt = this.now().toISOString();
    await this.saveStatus({ lastBuild: build, rebuild: { build, version: this.definition.version, namespace, startedAt, position: 0, targetPosition } });
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
    const target = this.status!.rebuild!.targetPosition;
    const bulk: Bulk = { cancelled: false, done: Promise.resolve(false) };
    bulk.done = (async () => {
      await this.dropNamespace(namespace);
      this.rebuildStartedMs = this.now().getTime();
      this.rebuildStartPosition = 0;
      return bulkBuild(this.definition, this.events, this.upcasters, this.writes, namespace, target, {
        ...this.bulkOptions,
        cancelled: () => bulk.cancelled,
        onProgress: (position) => this.bulkProgress(bulk, position),
      });
    })();
    this.bulk = bulk;
    // Cancelled or stopped meanwhile, the bulk build is no longer this runner's to follow.
    void bulk.done.then(
      (built) =>
        this.background(async () => {
          if (this.bulk !== bulk) return;
          this.bulk = undefined;
          if (built) await this.followRebuild(namespace, build);
        }),
      (error) =>
        this.background(async () => {
          if (this.bulk === bulk) throw error;
        }),
    );
  }

  private async followRebuild(namespace: string, build: number) {
    const follower = await this.follow(namespace, build, true);
    this.rebuild = follower;
    // Nothing more may arrive to trigger the switch when the rebuild is already at the head.
    if (follower.checkpoint >= (await this.events.headPosition())) await this.switchTo(follower);
  }

  private async bulkProgress(bulk: Bulk, position: number) {
    this.bulkPosition = position;
    const nowMs = this.now().getTime();
    if (bulk.cancelled || nowMs - this.lastProgressWrite < this.progressIntervalMs) return;
    this.lastProgressWrite = nowMs;
    await this.saveStatus({ rebuild: { ...this.status!.rebuild!, position } });
  }

  private async storedStatus(): Promise<StoredProjectionStatus> {
    return (await this.readStatus()) ?? this.initialStatus();
  }

  private async readStatus(): Promise<StoredProjectionStatus | undefined> {
    return (await this.store.get(PROJECTION_STATUS, this.definition.name))?.doc as StoredProjectionStatus | undefined;
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
    const follower: Follower = { namespace, build, rebuilding, checkpoint: await this.readCheckpoint(namespace), active: true };
    if (rebuilding) {
      this.rebuildStartedMs = this.now().getTime();
      this.rebuildStartPosition = follower.checkpoint;
    } else this.releaseWaiters(follower.checkpoint);
    follower.subscription = this.events.subscribeToAll({
      after: follower.checkpoint,
      batchSize: this.batchSize,
      onEvents: (events) => this.apply(follower, events),
      onError: (error) =>
        void this.background(async () => {
          if (follower.active) throw error;
        }),
    });
    return follower;
  }

  private async apply(follower: Follower, events: readonly RecordedEvent[]) {
    if (!follower.active) return;
    await applyEvents(this.definition, this.writes, follower.namespace, events.map((event) => this.upcasters.upcast(event)));
    follower.checkpoint = events[events.length - 1].position;
    if (!follower.active) return;
    this.failures = 0;
    if (this.status!.lastError) await this.saveStatus({ lastError: null });
    if (follower.rebuilding) await this.afterRebuildBatch(follower);
    if (follower === this.live) this.releaseWaiters(follower.checkpoint);
    // Live, a small batch means events trickle in: pausing lets the next batch gather more of
    // them, so a busy service commits read models a few times per second instead of per event.
    if (!follower.rebuilding && events.length < this.batchSize && this.liveBatchDelayMs > 0) await sleep(this.liveBatchDelayMs);
  }

  private async afterRebuildBatch(follower: Follower) {
    const head = await this.events.headPosition();
    if (!follower.rebuilding) return;
    // Switching changes which builds run, so it waits its turn behind control calls.
    if (follower.checkpoint >= head) return void this.background(() => this.switchTo(follower));
    const nowMs = this.now().getTime();
    if (nowMs - this.lastProgressWrite < this.progressIntervalMs) return;
    this.lastProgressWrite = nowMs;
    await this.saveStatus({ rebuild: { ...this.status!.rebuild!, position: follower.checkpoint } });
  }

  /** Readers move to the rebuilt build; the old one stops and is dropped. */
  private async switchTo(follower: Follower) {
    if (follower !== this.rebuild || !follower.rebuilding) return;
    const previous = this.live;
    const previousNamespace = this.status!.namespace;
    // No longer rebuilding from here: a batch in flight writes no progress and asks for no second switch.
    follower.rebuilding = false;
    await this.saveStatus({ version: this.definition.version, build: follower.build, namespace: follower.namespace, rebuild: null, lastError: null });
    this.rebuild = undefined;
    this.live = follower;
    if (previous) previous.active = false;
    await previous?.subscription?.close();
    await this.dropNamespace(previousNamespace);
    this.releaseWaiters(follower.checkpoint);
  }

  /** Drops the builds of this read model that neither readers nor the rebuild use: left by a crash, or by a process that lost the lease. */
  private async dropOrphans() {
    const used = new Set([this.status!.namespace, this.status!.rebuild?.namespace]);
    const collections = await this.store.listCollections();
    const names = [...collections, ...(await this.store.find(CHECKPOINTS)).map(({ doc }) => doc.id)];
    const orphans = new Set(names.map((name) => buildNamespaceIn(this.definition.name, name)).filter((namespace) => namespace !== undefined && !used.has(namespace)));
    for (const namespace of orphans) await this.dropNamespace(namespace!, collections);
  }

  /** While this process does not run the projection, its waits are answered from the stored checkpoint of the live build. */
  private async pollStoredCheckpoint() {
    if (this.polling) return;
    this.polling = true;
    try {
      while (this.waiters.size > 0 && !this.runningHere) {
        // A store that cannot be read answers nothing: the waits run out.
        this.releaseWaiters(await this.storedStatus().then((status) => this.readCheckpoint(status.namespace)).catch(() => 0));
        if (this.waiters.size > 0) await sleep(STORED_CHECKPOINT_POLL_MS);
      }
    } finally {
      this.polling = false;
    }
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

  /** Drops a build's collections and checkpoint; `collections` spares listing them again when the caller just did. */
  private async dropNamespace(namespace: string, collections?: readonly string[]) {
    for (const collection of collections ?? (await this.store.listCollections())) {
      if (collection.startsWith(`${namespace}_`)) await this.writes.dropCollection(collection);
    }
    await this.writes.commit([{ collection: CHECKPOINTS, id: namespace, doc: null, position: Number.MAX_SAFE_INTEGER }]);
  }

  private async saveStatus(patch: Partial<Omit<StoredProjectionStatus, 'id' | 'revision'>>) {
    this.status = { ...this.status!, ...patch, revision: this.status!.revision + 1 };
    await this.writes.commit([{ collection: PROJECTION_STATUS, id: this.status.id, doc: { ...this.status }, position: this.status.revision }]);
  }
}

export interface RebuildStarted {
  readonly build: number;
  readonly alreadyRunning: boolean;
}
