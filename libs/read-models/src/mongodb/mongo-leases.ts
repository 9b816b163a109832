import type { ClientSession, Collection, Db, MongoClient } from 'mongodb';
import { Lease, LeaseNotHeldError, LeaseState, processTag } from '../lease';

interface LeaseDocument {
  _id: string;
  holder: string;
  epoch: number;
  expiresAt: Date;
  /** The holder's client (its appName), whose transactions are ended when another process takes over. */
  app?: string;
  /** Raised by every fenced commit: see assertHeld. */
  fencedCommits?: number;
}

const MAJORITY = { writeConcern: { w: 'majority' as const } };

/**
 * A lease call that waits longer than this share of the ttl for a lock gives up, so that the next
 * attempt comes soon enough: the lock may be held by a transaction whose client is gone.
 */
const patience = (ttlMs: number) => ({ ...MAJORITY, maxTimeMS: Math.ceil(ttlMs / 4) });

/** A client name of its own for each store, so that the transactions of one that died can be told apart. */
export const uniqueAppName = () => `toc-read-models/${processTag()}`;

/**
 * Leases in a collection of the read-model database. Expiry is on the server's clock ($$NOW),
 * so processes on hosts whose clocks disagree still agree on when a lease has run out.
 */
export class MongoLeases {
  private readonly leases: Collection<LeaseDocument>;
  private readonly app?: string;

  constructor(
    private readonly client: MongoClient,
    db: Db,
  ) {
    this.leases = db.collection<LeaseDocument>('projection_leases');
    this.app = client.options.appName;
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    // The tenure that ran out may have left a transaction open, this process's own included (its
    // connection lost in the middle of one); none of its writes may land any more.
    const expired = await this.leases.findOne({ _id: name, $expr: { $lte: ['$expiresAt', '$$NOW'] } });
    if (expired?.app) await this.endTransactionsOf(expired.app);
    // One atomic update that changes nothing while another holder has the lease and it has not
    // run out (a missing expiry compares below any date, so a new lease is free).
    const free = { $or: [{ $eq: ['$holder', holder] }, { $lte: ['$expiresAt', '$$NOW'] }] };
    const after = await this.leases.findOneAndUpdate(
      { _id: name },
      [
        {
          $set: {
            holder: { $cond: [free, holder, '$holder'] },
            epoch: { $cond: [free, { $add: [{ $ifNull: ['$epoch', 0] }, 1] }, '$epoch'] },
            expiresAt: { $cond: [free, { $add: ['$$NOW', ttlMs] }, '$expiresAt'] },
            app: { $cond: [free, this.app ?? null, '$app'] },
          },
        },
      ],
      { upsert: true, returnDocument: 'after', ...patience(ttlMs) },
    );
    return after?.holder === holder ? { name, holder, epoch: after.epoch } : null;
  }

  /**
   * Ends the idle transactions of a client whose tenure ran out: left by a process that died, or
   * whose connection dropped, in the middle of one. The server keeps them, with their locks on
   * the lease and on the build's documents, for transactionLifetimeLimitSeconds (60 s by
   * default), which would hold up the takeover that long. Best effort: a user that may not list
   * or end them leaves it to the server.
   */
  private async endTransactionsOf(app: string) {
    const admin = this.client.db('admin');
    const open = await admin
      .aggregate<{ lsid: object }>([{ $currentOp: { idleSessions: true } }, { $match: { type: 'idleSession', appName: app, transaction: { $exists: true } } }])
      .toArray()
      .catch(() => []);
    if (open.length > 0) await admin.command({ killSessions: open.map((op) => op.lsid) }).catch(() => undefined);
  }

  async renew(lease: Lease, ttlMs: number): Promise<boolean> {
    const renewed = await this.leases.updateOne(tenure(lease), [{ $set: { expiresAt: { $add: ['$$NOW', ttlMs] } } }], patience(ttlMs));
    return renewed.matchedCount === 1;
  }

  async release(lease: Lease): Promise<void> {
    await this.leases.updateOne(tenure(lease), [{ $set: { expiresAt: '$$NOW' } }], MAJORITY);
  }

  async read(name: string): Promise<LeaseState | null> {
    const found = await this.leases.findOne({ _id: name });
    return found && { holder: found.holder, epoch: found.epoch, expiresAt: found.expiresAt.toISOString() };
  }

  /**
   * Inside a commit's transaction: throws unless this tenure still has the lease. A write, not a
   * read, so that a takeover committed after the transaction's snapshot conflicts with it (and
   * the transaction is retried, and then refused) instead of slipping past the snapshot.
   */
  async assertHeld(lease: Lease, session: ClientSession): Promise<void> {
    const fenced = await this.leases.updateOne(tenure(lease), { $inc: { fencedCommits: 1 } }, { session });
    if (fenced.matchedCount === 0) throw new LeaseNotHeldError(lease.name);
  }
}

const tenure = (lease: Lease) => ({ _id: lease.name, holder: lease.holder, epoch: lease.epoch });
