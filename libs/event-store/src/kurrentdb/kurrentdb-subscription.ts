import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import { RecordedEvent } from '@toc/domain';
import { SubscribeOptions, Subscription } from '../event-store.port';
import { isTransient, toReadPosition, toRecordedEvent } from './kurrentdb-mapping';

/** Opens a server-side catch-up subscription to $all for the events after `after`. */
export type OpenSubscription = (after: number) => AllStreamSubscription;

export interface ReconnectPolicy {
  /** Wait before the first resubscription after a drop; doubles with each failed attempt. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RECONNECT: ReconnectPolicy = { initialDelayMs: 100, maxDelayMs: 5_000 };
const DEFAULT_BATCH_SIZE = 500;

/** Set while a subscription's handler runs, so close() called from inside it does not wait on itself. */
const handlerContext = new AsyncLocalStorage<KurrentDbSubscription>();

/**
 * One port subscription over KurrentDB catch-up subscriptions. Events arrive from the server
 * into a buffer (the server stream is paused while the buffer is full); the buffer is handed to
 * `onEvents` a batch at a time, each batch awaited before the next. When the connection drops
 * (server restart, leader change, timeout), it resubscribes after a growing pause from the last
 * position it received, so nothing is delivered twice or skipped; buffered events are kept.
 * Errors that would repeat (access denied, an event it cannot map) stop it through `onError`,
 * after the events received before them have been delivered.
 */
class KurrentDbSubscription implements Subscription {
  private closed = false;
  private failure: { readonly error: unknown } | null = null;
  private readonly buffer: RecordedEvent[] = [];
  /** Position of the last event taken into the buffer: where a resubscription starts. */
  private received: number;
  private source: AllStreamSubscription | undefined;
  private paused = false;
  private failedAttempts = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private wakeUp: (() => void) | null = null;
  private readonly batchSize: number;
  private readonly done: Promise<void>;

  constructor(
    private readonly open: OpenSubscription,
    private readonly options: SubscribeOptions,
    private readonly reconnect: ReconnectPolicy,
    private readonly onStopped: (subscription: KurrentDbSubscription) => void,
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(this.batchSize) || this.batchSize <= 0) throw new RangeError(`batchSize must be a positive integer, got ${this.batchSize}`);
    toReadPosition(options.after);
    this.received = options.after;
    this.done = this.run();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.disconnect();
    this.wake();
    if (handlerContext.getStore() === this) return;
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    try {
      // Start on a later turn so the handler never runs before subscribeToAll has returned.
      await yieldToEventLoop();
      if (!this.closed) this.connect();
      while (!this.closed) {
        if (this.buffer.length === 0) {
          if (this.failure) throw this.failure.error;
          await this.idle();
          continue;
        }
        // Let events already on their way join this batch.
        await yieldToEventLoop();
        if (this.closed) break;
        const batch = this.buffer.splice(0, this.batchSize);
        this.resumeIfDrained();
        await handlerContext.run(this, () => this.options.onEvents(batch));
      }
    } catch (error) {
      this.closed = true;
      this.disconnect();
      // Without an onError the failure surfaces as an unhandled rejection rather than a projection
      // that silently stops.
      if (!this.options.onError) throw error;
      this.options.onError(error);
    } finally {
      this.disconnect();
      this.onStopped(this);
    }
  }

  private connect(): void {
    let source: AllStreamSubscription;
    try {
      source = this.open(this.received);
    } catch (error) {
      return this.fail(error);
    }
    this.source = source;
    this.paused = false;
    source.on('confirmation', () => {
      if (source === this.source) this.failedAttempts = 0;
    });
    source.on('data', (resolved: AllStreamResolvedEvent) => this.receive(source, resolved));
    source.on('error', (error: Error) => this.dropped(source, error));
    source.on('end', () => this.dropped(source, undefined));
  }

  private receive(source: AllStreamSubscription, resolved: AllStreamResolvedEvent): void {
    if (source !== this.source) return;
    let event: RecordedEvent | undefined;
    try {
      event = toRecordedEvent(resolved);
    } catch (error) {
      return this.fail(error);
    }
    if (!event || event.position <= this.received) return;
    this.failedAttempts = 0;
    this.received = event.position;
    this.buffer.push(event);
    if (!this.paused && this.buffer.length >= 2 * this.batchSize) {
      this.paused = true;
      source.pause();
    }
    this.wake();
  }

  private resumeIfDrained(): void {
    if (!this.paused || this.buffer.length >= this.batchSize) return;
    this.paused = false;
    this.source?.resume();
  }

  /** The server stream failed or ended without being asked to: resubscribe, or stop for good. */
  private dropped(source: AllStreamSubscription, error: Error | undefined): void {
    if (source !== this.source || this.closed) return;
    this.disconnect();
    if (error !== undefined && !isTransient(error)) return this.fail(error);
    const delay = Math.min(this.reconnect.maxDelayMs, this.reconnect.initialDelayMs * 2 ** this.failedAttempts);
    this.failedAttempts += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.closed && !this.failure) this.connect();
    }, delay);
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
    this.disconnect();
    this.wake();
  }

  private disconnect(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const source = this.source;
    this.source = undefined;
    // The listeners stay attached: a late 'error' from a cancelled stream must not go unhandled.
    if (source) source.unsubscribe().catch(() => undefined);
  }

  private wake(): void {
    this.wakeUp?.();
  }

  private idle(): Promise<void> {
    if (this.closed || this.failure || this.buffer.length > 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.wakeUp = () => {
        this.wakeUp = null;
        resolve();
      };
    });
  }
}

/** The store's running subscriptions, so that closing the store stops them all. */
export class KurrentDbSubscriptions {
  private readonly running = new Set<KurrentDbSubscription>();
  private readonly forget = (stopped: KurrentDbSubscription): void => {
    this.running.delete(stopped);
  };

  constructor(
    private readonly open: OpenSubscription,
    private readonly reconnect: ReconnectPolicy = DEFAULT_RECONNECT,
  ) {}

  start(options: SubscribeOptions): Subscription {
    const subscription = new KurrentDbSubscription(this.open, options, this.reconnect, this.forget);
    this.running.add(subscription);
    return subscription;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.running].map((subscription) => subscription.close()));
  }
}
