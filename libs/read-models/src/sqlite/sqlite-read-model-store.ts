import { renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fileDamage, isDamagedFile } from '@toc/event-store';
import type {
  Document,
  DocumentChange,
  FieldValue,
  FindOptions,
  ReadModelStore,
  StoredDocument,
} from '../read-model-store.port';
import { Lease, LeaseState, LeaseStore } from '../lease';
import { SqliteLeases } from './sqlite-leases';

export interface SqliteReadModelStoreOptions {
  /** FULL survives power loss; NORMAL in WAL mode only risks the last commits on power loss. */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

interface Row {
  readonly id: string;
  readonly position: number;
  readonly doc: string;
}

interface CollectionStatements {
  readonly get: Database.Statement<[string], Row>;
  readonly upsert: Database.Statement<[string, number, string]>;
  readonly remove: Database.Statement<[string, number]>;
  readonly byIds: Map<number, Database.Statement<string[], Row>>;
  readonly finds: Map<string, Database.Statement<unknown[], Row>>;
}

// Names are interpolated into SQL (tables, JSON paths), so they are restricted to this set.
const NAME = /^[A-Za-z0-9_]+$/;
// getMany pads each chunk up to one of these sizes, so a handful of statements serve every call
// and no statement comes near SQLite's bound-parameter limit.
const ID_BUCKETS = [1, 8, 64, 500] as const;
const MAX_IDS_PER_QUERY = ID_BUCKETS[ID_BUCKETS.length - 1];

const assertCollection = (collection: string): void => {
  // sqlite_ names are reserved for SQLite's own tables.
  if (!NAME.test(collection) || /^sqlite_/i.test(collection)) {
    throw new Error(`Invalid collection name ${JSON.stringify(collection)}: use [A-Za-z0-9_]+`);
  }
};

const assertField = (field: string): void => {
  if (!NAME.test(field)) throw new Error(`Invalid field name ${JSON.stringify(field)}: use [A-Za-z0-9_]+`);
};

const table = (collection: string): string => `"${collection}"`;
// The same text in queries and in ensureIndex, so SQLite can match the expression index.
const fieldExpr = (field: string): string => `json_extract(doc, '$."${field}"')`;

// Duck-typed: the native addon keeps the SqliteError class of whichever context loaded it first,
// so under vm sandboxes (Jest) `instanceof Error` can be false for a genuine SqliteError.
const isMissingTable = (error: unknown): boolean => {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && /no such table/i.test(message);
};

const serialise = (change: DocumentChange & { doc: Document }): string => {
  if (change.doc.id !== change.id) {
    throw new Error(`Document id ${JSON.stringify(change.doc.id)} does not match change id ${JSON.stringify(change.id)}`);
  }
  return JSON.stringify(change.doc);
};

const toStored = (row: Row): StoredDocument => ({ doc: JSON.parse(row.doc) as Document, position: row.position });

/**
 * Read-model store on one SQLite file: a table per collection holding each document as JSON with
 * the position of the last event applied to it. Other processes may read the same file (WAL).
 */
export class SqliteReadModelStore implements ReadModelStore, LeaseStore {
  private readonly tables = new Set<string>();
  private readonly leases: SqliteLeases;
  private readonly statements = new Map<string, CollectionStatements>();
  private readonly tableExists: Database.Statement<[string], { name: string }>;
  private readonly listTables: Database.Statement<[], { name: string }>;

  private constructor(private readonly db: Database.Database) {
    this.tableExists = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?");
    this.listTables = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    );
    this.leases = new SqliteLeases(db);
  }

  /**
   * Read models are always rebuilt from the events, so a file that is no database or that fails
   * SQLite's check is moved aside (kept for a post-mortem) and an empty one takes its place; the
   * projections then rebuild. Any other failure to open (permissions, a directory in the way) is
   * the operator's to fix and is thrown.
   */
  static open(filePath: string, options: SqliteReadModelStoreOptions = {}): SqliteReadModelStore {
    const synchronous = options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL';
    const opened = openSound(filePath, synchronous);
    if (typeof opened !== 'string') return new SqliteReadModelStore(opened);
    const aside = moveAside(filePath);
    console.warn(`${filePath} is unusable (${opened}): moved it to ${aside} and started an empty one; the projections rebuild from the events`);
    return new SqliteReadModelStore(connect(filePath, synchronous));
  }

  async get(collection: string, id: string): Promise<StoredDocument | null> {
    return this.read(collection, null, (s) => {
      const row = s.get.get(id);
      return row ? toStored(row) : null;
    });
  }

  async getMany(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    if (ids.length === 0) return new Map();
    return this.read(collection, new Map(), (s) => {
      const found = new Map<string, StoredDocument>();
      const unique = [...new Set(ids)];
      for (let start = 0; start < unique.length; start += MAX_IDS_PER_QUERY) {
        const chunk = unique.slice(start, start + MAX_IDS_PER_QUERY);
        const size = ID_BUCKETS.find((bucket) => bucket >= chunk.length) ?? MAX_IDS_PER_QUERY;
        // Padding repeats an id already asked for, which IN (...) ignores.
        while (chunk.length < size) chunk.push(chunk[0]);
        for (const row of this.byIds(collection, s, size).all(...chunk)) found.set(row.id, toStored(row));
      }
      return found;
    });
  }

  async find(collection: string, options: FindOptions = {}): Promise<StoredDocument[]> {
    const limit = options.limit ?? -1;
    if (options.limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
      throw new Error(`Invalid limit ${options.limit}: use a non-negative integer`);
    }
    const where = Object.entries(options.where ?? {});
    const conditions: string[] = [];
    const params: unknown[] = [];
    const key: string[] = [];
    for (const [field, value] of where) {
      assertField(field);
      const expr = fieldExpr(field);
      const kind = kindOf(field, value);
      key.push(`${field}:${kind}`);
      if (kind === 'null') {
        conditions.push(`${expr} IS NULL`);
      } else if (kind === 'true' || kind === 'false') {
        // json_extract yields 1/0 for booleans; json_type keeps a numeric 1/0 from matching.
        conditions.push(`${expr} = ? AND json_type(doc, '$."${field}"') = '${kind}'`);
        params.push(kind === 'true' ? 1 : 0);
      } else {
        conditions.push(`${expr} = ?`);
        params.push(value);
      }
    }
    return this.read(collection, [], (s) => {
      const cacheKey = key.join(',');
      let statement = s.finds.get(cacheKey);
      if (!statement) {
        const filter = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
        statement = this.db.prepare<unknown[], Row>(
          `SELECT id, position, doc FROM ${table(collection)}${filter} ORDER BY id LIMIT ?`,
        );
        s.finds.set(cacheKey, statement);
      }
      return statement.all(...params, limit).map(toStored);
    });
  }

  async commit(changes: readonly DocumentChange[], fence?: Lease): Promise<void> {
    if (changes.length === 0) return;
    const created: string[] = [];
    const apply = this.db.transaction(() => {
      if (fence) this.leases.assertHeld(fence);
      for (const change of changes) {
        assertCollection(change.collection);
        if (!this.tables.has(change.collection)) {
          this.db.exec(createTableSql(change.collection));
          this.tables.add(change.collection);
          created.push(change.collection);
        }
        const s = this.collectionStatements(change.collection);
        if (change.doc === null) s.remove.run(change.id, change.position);
        else s.upsert.run(change.id, change.position, serialise({ ...change, doc: change.doc }));
      }
    });
    try {
      // IMMEDIATE takes the write lock up front, so a concurrent writer makes us wait rather than
      // fail half-way with SQLITE_BUSY.
      apply.immediate();
    } catch (error) {
      // The rollback also undid CREATE TABLE, so the caches must not remember those tables.
      for (const collection of created) this.forget(collection);
      throw error;
    }
  }

  async acquireLease(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    return this.leases.acquire(name, holder, ttlMs);
  }

  async renewLease(lease: Lease, ttlMs: number): Promise<boolean> {
    return this.leases.renew(lease, ttlMs);
  }

  async releaseLease(lease: Lease): Promise<void> {
    this.leases.release(lease);
  }

  async readLease(name: string): Promise<LeaseState | null> {
    return this.leases.read(name);
  }

  async dropCollection(collection: string): Promise<void> {
    assertCollection(collection);
    this.forget(collection);
    this.db.exec(`DROP TABLE IF EXISTS ${table(collection)}`);
  }

  async listCollections(): Promise<string[]> {
    return this.listTables.all().map((row) => row.name);
  }

  /** Expression index on the given top-level fields, for the `where` queries a projection runs. */
  async ensureIndex(collection: string, fields: readonly string[]): Promise<void> {
    assertCollection(collection);
    if (fields.length === 0) throw new Error('ensureIndex needs at least one field');
    fields.forEach(assertField);
    this.db.exec(createTableSql(collection));
    this.tables.add(collection);
    // ':' and ',' cannot occur in names, so distinct (collection, fields) never share an index name.
    const name = `"ix:${collection}:${fields.join(',')}"`;
    this.db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${table(collection)} (${fields.map(fieldExpr).join(', ')})`);
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.tables.clear();
    if (this.db.open) this.db.close();
  }

  /** Runs a read, treating a collection that does not exist (yet, or any more) as empty. */
  private read<T>(collection: string, empty: T, run: (s: CollectionStatements) => T): T {
    assertCollection(collection);
    if (!this.tables.has(collection)) {
      // Another connection to the same file may have created it since we last looked.
      if (!this.tableExists.get(collection)) return empty;
      this.tables.add(collection);
    }
    try {
      return run(this.collectionStatements(collection));
    } catch (error) {
      if (!isMissingTable(error)) throw error;
      this.forget(collection);
      return empty;
    }
  }

  private collectionStatements(collection: string): CollectionStatements {
    let s = this.statements.get(collection);
    if (!s) {
      const t = table(collection);
      s = {
        get: this.db.prepare(`SELECT id, position, doc FROM ${t} WHERE id = ?`),
        upsert: this.db.prepare(
          `INSERT INTO ${t} (id, position, doc) VALUES (?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET position = excluded.position, doc = excluded.doc
           WHERE excluded.position > ${t}.position`,
        ),
        remove: this.db.prepare(`DELETE FROM ${t} WHERE id = ? AND position < ?`),
        byIds: new Map(),
        finds: new Map(),
      };
      this.statements.set(collection, s);
    }
    return s;
  }

  private byIds(collection: string, s: CollectionStatements, size: number): Database.Statement<string[], Row> {
    let statement = s.byIds.get(size);
    if (!statement) {
      const placeholders = Array.from({ length: size }, () => '?').join(', ');
      statement = this.db.prepare<string[], Row>(
        `SELECT id, position, doc FROM ${table(collection)} WHERE id IN (${placeholders})`,
      );
      s.byIds.set(size, statement);
    }
    return statement;
  }

  private forget(collection: string): void {
    this.tables.delete(collection);
    this.statements.delete(collection);
  }
}

const connect = (filePath: string, synchronous: 'FULL' | 'NORMAL'): Database.Database => {
  const db = new Database(filePath);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};

/** The file opened, or what makes it unusable as a database (it is closed again then). */
const openSound = (filePath: string, synchronous: 'FULL' | 'NORMAL'): Database.Database | string => {
  let db: Database.Database;
  try {
    db = connect(filePath, synchronous);
  } catch (error) {
    if (isDamagedFile(error)) return (error as Error).message;
    throw error;
  }
  const damage = fileDamage(db);
  if (damage.length === 0) return db;
  db.close();
  return damage.join('; ');
};

/**
 * Renames the file aside, with the write-ahead log and shared memory that another connection
 * still holding the file keeps beside it: a log left behind would be replayed into the new file.
 */
const moveAside = (filePath: string): string => {
  const aside = `${filePath}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      renameSync(filePath + suffix, aside + suffix);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return aside;
};

const createTableSql = (collection: string): string =>
  `CREATE TABLE IF NOT EXISTS ${table(collection)} (id TEXT PRIMARY KEY, position INTEGER NOT NULL, doc TEXT NOT NULL)`;

const kindOf = (field: string, value: FieldValue): 'null' | 'true' | 'false' | 'value' => {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return 'value';
  throw new Error(`Invalid value for ${field}: only strings, finite numbers, booleans and null`);
};
