import Database from 'better-sqlite3';
import { Lease, LeaseNotHeldError, LeaseState } from '../lease';

interface LeaseRow {
  readonly holder: string;
  readonly epoch: number;
  readonly expires_at: number;
}

/**
 * Leases in a table of the read-model file. The processes sharing a SQLite file share a host,
 * so the host's clock is the store's clock. Every change takes the write lock, so it is
 * serialised with the commits that check the lease.
 */
export class SqliteLeases {
  private statements?: {
    readonly read: Database.Statement<[string], LeaseRow>;
    readonly write: Database.Statement<[string, string, number, number]>;
    readonly expire: Database.Statement<[number, string, string, number]>;
  };

  constructor(private readonly db: Database.Database) {}

  acquire(name: string, holder: string, ttlMs: number): Lease | null {
    const s = this.prepared();
    return this.db
      .transaction((): Lease | null => {
        const now = Date.now();
        const row = s.read.get(name);
        if (row && row.holder !== holder && row.expires_at > now) return null;
        const epoch = (row?.epoch ?? 0) + 1;
        s.write.run(name, holder, epoch, now + ttlMs);
        return { name, holder, epoch };
      })
      .immediate();
  }

  renew(lease: Lease, ttlMs: number): boolean {
    return this.prepared().expire.run(Date.now() + ttlMs, lease.name, lease.holder, lease.epoch).changes === 1;
  }

  release(lease: Lease): void {
    this.prepared().expire.run(0, lease.name, lease.holder, lease.epoch);
  }

  read(name: string): LeaseState | null {
    const row = this.prepared().read.get(name);
    return row ? { holder: row.holder, epoch: row.epoch, expiresAt: new Date(row.expires_at).toISOString() } : null;
  }

  /** Inside a commit's transaction: throws unless this tenure still has the lease. */
  assertHeld(lease: Lease): void {
    const row = this.prepared().read.get(lease.name);
    if (row?.holder !== lease.holder || row.epoch !== lease.epoch) throw new LeaseNotHeldError(lease.name);
  }

  private prepared() {
    if (!this.statements) {
      this.db.exec('CREATE TABLE IF NOT EXISTS projection_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, epoch INTEGER NOT NULL, expires_at INTEGER NOT NULL)');
      this.statements = {
        read: this.db.prepare('SELECT holder, epoch, expires_at FROM projection_leases WHERE name = ?'),
        write: this.db.prepare(
          'INSERT INTO projection_leases (name, holder, epoch, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, epoch = excluded.epoch, expires_at = excluded.expires_at',
        ),
        expire: this.db.prepare('UPDATE projection_leases SET expires_at = ? WHERE name = ? AND holder = ? AND epoch = ?'),
      };
    }
    return this.statements;
  }
}
