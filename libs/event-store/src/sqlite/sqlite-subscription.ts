import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { RecordedEvent } from '@toc/domain';
import { SubscribeOptions, Subscription } from '../event-store.port';

/** Reads up to `limit` events with a position greater than `after`. */
export type FetchAfter = (after: number, limit: number) => RecordedEvent[];

export const DEFAULT_POLL_INTERVAL_MS = 200;
const DEFAULT_BATCH_SIZE = 500;

/** Set while a subscription's handler runs, so close() called from inside it does not wait on itself. */
const handlerContext = new AsyncLocalStorage<SqliteSubscription>();

/** Catches up from its checkpoint batch by batch, then waits for a wake-up or the next poll. */
class SqliteSubscription implements Subscription {
  private closed = false;
  private woken = false;
  private wakeUp: (() => void) | null = null;
  private readonly done: Promise<void>;

  constructor(
    private readonly fetchAfter: FetchAfter,
    private readonly options: SubscribeOptions,
    private readonly pollIntervalMs: number,
    private readonly onStopped: (subscription: SqliteSubscription) => void,
  ) {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize <= 0) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    this.done = this.run(options.after, batchSize);
  }

  /** Called after this process commits an append, so live delivery does not wait for the poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeUp?.();
    if (handlerContext.getStore() === this) return;
    await this.done.catch(() => undefined);
  }

  private async run(after: number, batchSize: number): Promise<void> {
    let checkpoint = after;
    try {
      // Start on a later turn so the handler never runs before subscribeToAll has returned.
      await yieldToEventLoop();
      while (!this.closed) {
        this.woken = false;
        const batch = this.fetchAfter(checkpoint, batchSize);
        if (batch.length === 0) {
          await this.idle();
          continue;
        }
        await handlerContext.run(this, () => this.options.onEvents(batch));
        checkpoint = batch[batch.length - 1].position;
        // Catching up is synchronous SQLite work: let timers and HTTP requests in between batches.
        await yieldToEventLoop();
      }
    } catch (error) {
      this.closed = true;
      // Without an onError the failure surfaces as an unhandled rejection rather than a projection
      // that silently stops.
      if (!this.options.onError) throw error;
      this.options.onError(error);
    } finally {
      this.onStopped(this);
    }
  }

  private idle(): Promise<void> {
    if (this.woken || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(finish, this.pollIntervalMs);
      this.wakeUp = finish;
    });
  }
}

/**
 * The store's running subscriptions. Appends in this process wake them at once; appends by other
 * processes on the same file are only seen by polling, every `pollIntervalMs` while idle.
 */
export class SqliteSubscriptions {
  private readonly running = new Set<SqliteSubscription>();
  private readonly forget = (stopped: SqliteSubscription): void => {
    this.running.delete(stopped);
  };

  constructor(
    private readonly fetchAfter: FetchAfter,
    private readonly pollIntervalMs: number,
  ) {}

  start(options: SubscribeOptions): Subscription {
    const subscription = new SqliteSubscription(this.fetchAfter, options, this.pollIntervalMs, this.forget);
    this.running.add(subscription);
    return subscription;
  }

  wakeAll(): void {
    for (const subscription of this.running) subscription.wake();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.running].map((subscription) => subscription.close()));
  }
}
