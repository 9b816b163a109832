import Database from 'better-sqlite3';
import { Principal, Role } from './principal';
import { ApiKeyInfo, ApiKeyStore, IssuedApiKey, NewApiKey, keyDigest, newKeyId, newKeySecret, principalOfKey } from './api-key-store';

interface KeyRow {
  id: string;
  name: string;
  roles: string;
  on_behalf: number;
  created_at: string;
  revoked_at: string | null;
}

const info = (row: KeyRow): ApiKeyInfo => ({
  id: row.id,
  name: row.name,
  roles: JSON.parse(row.roles) as Role[],
  mayActOnBehalf: row.on_behalf === 1,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/**
 * API keys in their own SQLite file beside the event store, the embedded default. The CLI on the
 * host and the running service open the same file.
 */
export class SqliteApiKeyStore extends ApiKeyStore {
  /** Every request verifies its key: the lookup is prepared once. */
  private readonly activeByHash: Database.Statement<[string], KeyRow>;

  private constructor(private readonly db: Database.Database) {
    super();
    this.activeByHash = db.prepare('SELECT * FROM api_keys WHERE hash = ? AND revoked_at IS NULL');
  }

  static open(file: string): SqliteApiKeyStore {
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
    return new SqliteApiKeyStore(db);
  }

  async create(key: NewApiKey, now: Date = new Date(), secret = newKeySecret()): Promise<IssuedApiKey> {
    const row: KeyRow = {
      id: newKeyId(),
      name: key.name,
      roles: JSON.stringify(key.roles),
      on_behalf: key.mayActOnBehalf ? 1 : 0,
      created_at: now.toISOString(),
      revoked_at: null,
    };
    this.db
      .prepare('INSERT INTO api_keys (id, name, roles, on_behalf, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.id, row.name, row.roles, row.on_behalf, keyDigest(secret), row.created_at);
    return { ...info(row), key: secret };
  }

  async list(): Promise<ApiKeyInfo[]> {
    return (this.db.prepare('SELECT * FROM api_keys ORDER BY created_at, id').all() as KeyRow[]).map(info);
  }

  async revoke(id: string, now: Date = new Date()): Promise<boolean> {
    return this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now.toISOString(), id).changes === 1;
  }

  async verify(presented: string): Promise<Principal | null> {
    const row = this.activeByHash.get(keyDigest(presented));
    return row ? principalOfKey(info(row)) : null;
  }

  async isEmpty(): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM api_keys LIMIT 1').get() === undefined;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
