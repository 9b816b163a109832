import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DocumentChange, ReadModelStore } from './read-model-store.port';

/** This process among all that share a store: host, process id and a random tag (a pid can be reused). */
export const processTag = (): string => `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;

/** A lease as its holder has it: `epoch` counts the tenures, so a write of an earlier tenure is told apart. */
export interface Lease {
  readonly name: string;
  readonly holder: string;
  readonly epoch: number;
}

/** A lease as stored: who has it, and until when unless renewed (on the store's clock). */
export interface LeaseState {
  readonly holder: string;
  readonly epoch: number;
  readonly expiresAt: string;
}

/**
 * Leases kept in a read-model store, so that of several processes one at a time runs each
 * projection. Each call is a compare-and-set on the store, timed by the store's clock. Adapters:
 * SQLite and MongoDB, which both pass `lease.contract.ts`.
 */
export interface LeaseStore {
  /**
   * Takes the lease for `ttlMs` when it is free, has expired, or `holder` has it already (a new
   * tenure: the epoch moves on either way); null while another holder has it.
   */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<Lease | null>;
  /** Extends the lease by `ttlMs` from now if this tenure still has it; false when another has taken it. */
  renewLease(lease: Lease, ttlMs: number): Promise<boolean>;
  /** Lets the lease go at once, if this tenure still has it. */
  releaseLease(lease: Lease): Promise<void>;
  readLease(name: string): Promise<LeaseState | null>;
  /**
   * `ReadModelStore.commit`, with `fence`: only while that tenure still has the lease, checked in
   * the commit's own transaction; otherwise LeaseNotHeldError and nothing is written.
   */
  commit(changes: readonly DocumentChange[], fence?: Lease): Promise<void>;
}

/** This process does not hold the lease (any more): another process runs the projection. */
export class LeaseNotHeldError extends Error {
  constructor(
    readonly lease: string,
    readonly holder: LeaseState | null = null,
  ) {
    super(
      holder
        ? `lease ${lease} is held by ${holder.holder} (until ${holder.expiresAt}, unless renewed), not by this process`
        : `lease ${lease} is not held by this process`,
    );
    this.name = 'LeaseNotHeldError';
  }
}

export interface LeaseOptions {
  /** How long the lease lasts unless renewed: the time a standby waits before it takes over from a holder that died. */
  readonly ttlMs?: number;
  /** How often the holder renews, and a standby tries to take the lease. */
  readonly renewIntervalMs?: number;
  /** This process in the lease; host, process id and a random part unless given. */
  readonly holder?: string;
}

export interface LeaseListener {
  acquired(): void;
  lost(): void;
}

/**
 * Holds a lease for this process: tries to take it, and then renews it every interval, or,
 * while another process has it, keeps trying. A holder that cannot renew gives the lease up
 * one renewal interval before it can have expired in the store (counted from when the last
 * renewal was sent), so it has stopped writing by the time another process can take over;
 * commits through `fenced` are refused by the store itself once another tenure has begun.
 */
export class LeaseKeeper {
  readonly holder: string;
  /** The store as the holder writes to it: each commit is fenced by the lease, and nothing is dropped without it. */
  readonly fenced: ReadModelStore;
  private readonly ttlMs: number;
  private readonly renewIntervalMs: number;
  private lease?: Lease;
  /** performance.now() from which the lease counts as lost here. */
  private validUntil = 0;
  private listener?: LeaseListener;
  private ticker?: NodeJS.Timeout;
  private expiry?: NodeJS.Timeout;
  private attempt?: Promise<void>;

  constructor(
    private readonly store: ReadModelStore & LeaseStore,
    readonly name: string,
    options: LeaseOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 10_000;
    this.renewIntervalMs = options.renewIntervalMs ?? 2_500;
    if (this.renewIntervalMs * 2 >= this.ttlMs) throw new RangeError(`the lease must be renewed at least twice per ttl: renewIntervalMs ${this.renewIntervalMs}, ttlMs ${this.ttlMs}`);
    this.holder = options.holder ?? processTag();
    this.fenced = fencedStore(store, () => this.fence());
  }

  /** Tries to take the lease now (resolving after that attempt), and goes on renewing or trying every interval. */
  async start(listener: LeaseListener): Promise<void> {
    this.listener = listener;
    clearInterval(this.ticker);
    this.ticker = setInterval(() => void this.tick(), this.renewIntervalMs);
    await this.tick();
  }

  /** Stops trying and releases the lease, so that a standby takes over at its next attempt. */
  async stop(): Promise<void> {
    clearInterval(this.ticker);
    this.listener = undefined;
    await this.attempt;
    const lease = this.lease;
    this.drop();
    // A store that cannot be reached lets the lease run out by itself.
    if (lease) await this.store.releaseLease(lease).catch(() => undefined);
  }

  get held(): boolean {
    return this.lease !== undefined && performance.now() < this.validUntil;
  }

  /** The lease to fence a write with. */
  private fence(): Lease {
    if (!this.held) throw new LeaseNotHeldError(this.name);
    return this.lease!;
  }

  /** Gives the lease up here at once: it ran out before it could be renewed, or a fenced write found another tenure. */
  lost(): void {
    if (!this.lease) return;
    this.drop();
    this.listener?.lost();
  }

  current(): Promise<LeaseState | null> {
    return this.store.readLease(this.name);
  }

  private drop() {
    this.lease = undefined;
    clearTimeout(this.expiry);
  }

  /** One attempt at a time; a failed one (the store unavailable) is tried again at the next tick. */
  private tick(): Promise<void> {
    this.attempt ??= this.renewOrAcquire()
      .catch(() => undefined)
      .finally(() => (this.attempt = undefined));
    return this.attempt;
  }

  private async renewOrAcquire() {
    const sent = performance.now();
    const lease = this.lease;
    if (lease) {
      const renewed = await this.store.renewLease(lease, this.ttlMs);
      if (this.lease !== lease) return;
      if (renewed) this.extend(sent);
      else this.lost();
      return;
    }
    if (!this.listener) return;
    const acquired = await this.store.acquireLease(this.name, this.holder, this.ttlMs);
    if (!acquired) return;
    this.lease = acquired;
    this.extend(sent);
    this.listener?.acquired();
  }

  /** The store's expiry is at least `ttlMs` after the request was sent; the lease is given up a renewal interval before that. */
  private extend(sent: number) {
    this.validUntil = sent + this.ttlMs - this.renewIntervalMs;
    clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.lost(), Math.max(0, this.validUntil - performance.now()));
  }
}

const fencedStore = (store: ReadModelStore & LeaseStore, fence: () => Lease): ReadModelStore => ({
  get: (collection, id) => store.get(collection, id),
  getMany: (collection, ids) => store.getMany(collection, ids),
  find: (collection, options) => store.find(collection, options),
  commit: async (changes) => store.commit(changes, fence()),
  ensureIndex: (collection, fields) => store.ensureIndex(collection, fields),
  dropCollection: async (collection) => {
    fence();
    await store.dropCollection(collection);
  },
  listCollections: () => store.listCollections(),
  close: () => store.close(),
});
