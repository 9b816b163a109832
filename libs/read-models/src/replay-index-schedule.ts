import { ReadModelDefinition } from '@toc/domain';
import { ReadModelStore } from './read-model-store.port';
import { ReplayIndexer } from './replay-indexer';
import { storedBuilds } from './stored-builds';

/**
 * Keeps the replay index behind the projections: every interval it indexes the live build and
 * a build being rebuilt (so that replays are fast as soon as it goes live). Only the process
 * that runs the projector indexes; a failed round is logged and the next one tries again.
 */
export class ReplayIndexSchedule {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly indexer: ReplayIndexer,
    private readonly store: ReadModelStore,
    private readonly definition: ReadModelDefinition,
    private readonly intervalMs: number,
  ) {}

  /** Indexes now and then once per interval until stopped. */
  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.round(), this.intervalMs);
    this.round();
  }

  /** Waits until the live build's index has caught up with the build (for tests and tools); returns its position. */
  async catchUp(): Promise<number> {
    await this.running;
    return this.indexer.catchUp((await storedBuilds(this.store, this.definition)).live);
  }

  /** Stops the schedule and waits for a round in progress to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private round(): void {
    if (this.running || this.stopped) return;
    // At most half of each interval, so that an api in the same process keeps most of the
    // thread under heavy writing; the index catches up when writing calms down.
    const until = Date.now() + this.intervalMs / 2;
    const shouldStop = () => this.stopped || Date.now() >= until;
    this.running = storedBuilds(this.store, this.definition)
      .then(async ({ live, rebuilding }) => {
        for (const namespace of rebuilding ? [live, rebuilding] : [live]) await this.indexer.catchUp(namespace, shouldStop);
      })
      .catch((error) => console.error(`replay index: ${error instanceof Error ? error.message : error}`))
      .finally(() => (this.running = undefined));
  }
}
