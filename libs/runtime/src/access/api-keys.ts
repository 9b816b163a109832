import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { Principal, Role } from './principal';

export interface ApiKeyInfo {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly mayActOnBehalf: boolean;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** A key as created: the secret is in `key` and is never stored or shown again. */
export interface IssuedApiKey extends ApiKeyInfo {
  readonly key: string;
}

export interface NewApiKey {
  readonly name: string;
  readonly roles: readonly Role[];
  readonly mayActOnBehalf?: boolean;
}

interface KeyRow {
  id: string;
  name: string;
  roles: string;
  on_behalf: number;
  created_at: string;
  revoked_at: string | null;
}

/** Keys are 256 random bits, so a plain SHA-256 is enough to make the stored hash useless to a thief. */
const digest = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

const info = (row: KeyRow): ApiKeyInfo => ({
  id: row.id,
  name: row.name,
  roles: JSON.parse(row.roles) as Role[],
  mayActOnBehalf: row.on_behalf === 1,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/** The smallest key an operator may seed: as strong as a generated one. */
export const MIN_SEEDED_KEY_LENGTH = 32;

/**
 * API keys of internal apps, in their own SQLite file beside the event store: only a hash of each
 * key is kept; revoking keeps the row, so the audit trail's `key:<id>` actors stay explainable.
 * The CLI on the host and the running service open the same file, so a key created or revoked
 * there counts at the next request.
 */
export class ApiKeyStore {
  /** Every request verifies its key: the lookup is prepared once. */
  private readonly activeByHash: Database.Statement<[string], KeyRow>;

  private constructor(private readonly db: Database.Database) {
    this.activeByHash = db.prepare('SELECT * FROM api_keys WHERE hash = ? AND revoked_at IS NULL');
  }

  static open(file: string): ApiKeyStore {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(`CREATE TABLE IF NOT EXISTS api_keys (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      roles TEXT NOT NULL,
      on_behalf INTEGER NOT NULL,
      hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    )`);
    return new ApiKeyStore(db);
  }

  /** Creates a key; `secret` is for an operator seeding a key they generated themselves. */
  create(key: NewApiKey, now: Date = new Date(), secret = `toc_${randomBytes(32).toString('base64url')}`): IssuedApiKey {
    const row: KeyRow = {
      id: randomBytes(6).toString('hex'),
      name: key.name,
      roles: JSON.stringify(key.roles),
      on_behalf: key.mayActOnBehalf ? 1 : 0,
      created_at: now.toISOString(),
      revoked_at: null,
    };
    this.db
      .prepare('INSERT INTO api_keys (id, name, roles, on_behalf, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.id, row.name, row.roles, row.on_behalf, digest(secret), row.created_at);
    return { ...info(row), key: secret };
  }

  list(): ApiKeyInfo[] {
    return (this.db.prepare('SELECT * FROM api_keys ORDER BY created_at, id').all() as KeyRow[]).map(info);
  }

  /** False when there is no such key or it was already revoked. */
  revoke(id: string, now: Date = new Date()): boolean {
    return this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), id).changes === 1;
  }

  /** The principal of a presented key, or null for an unknown or revoked one. */
  verify(presented: string): Principal | null {
    const row = this.activeByHash.get(digest(presented));
    if (!row) return null;
    const key = info(row);
    return { subject: `key:${key.id}`, kind: 'api-key', name: key.name, roles: key.roles, mayActOnBehalf: key.mayActOnBehalf };
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM api_keys LIMIT 1').get() === undefined;
  }

  close(): void {
    this.db.close();
  }
}
