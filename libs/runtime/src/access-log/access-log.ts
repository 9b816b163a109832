import Database from 'better-sqlite3';

/** What is logged: reading, recording and erasing personal data, and the reads and admin acts that reach every record. */
export const accessActions = [
  'read-person',
  'record-person',
  'erase-person',
  'export',
  'replay',
  'report',
  'rebuild-projection',
  'cancel-rebuild',
  'restart-projection',
  'read-access-log',
  'create-api-key',
  'revoke-api-key',
] as const;
export type AccessAction = (typeof accessActions)[number];

/** One access: who (as authenticated), what, where, with which query (never a body), and how it ended. */
export interface AccessEntry {
  readonly at: string;
  readonly principalSubject: string;
  readonly principalName: string;
  /** The role that admitted the principal. */
  readonly role: string;
  readonly action: AccessAction;
  readonly method: string;
  /** The path as requested: /v1/people/rep-1. */
  readonly route: string;
  /** Whom or what the access was about (the subject read or erased, the projection rebuilt). */
  readonly target: string | null;
  readonly query: Readonly<Record<string, unknown>>;
  readonly status: number;
  readonly correlationId: string;
}

export interface LoggedAccess extends AccessEntry {
  readonly id: number;
}

/** Every given criterion must hold; `from` is inclusive and `to` exclusive, both UTC ISO-8601. */
export interface AccessLogFilter {
  readonly subject?: string;
  readonly action?: AccessAction;
  readonly target?: string;
  readonly from?: string;
  readonly to?: string;
  /** Cursor: entries after this id. */
  readonly after?: number;
  readonly limit: number;
}

export interface AccessLogPage {
  readonly entries: readonly LoggedAccess[];
  /** Pass as `after` for the next page; null at the end. */
  readonly nextCursor: number | null;
}

interface AccessRow {
  id: number;
  at: string;
  principal_subject: string;
  principal_name: string;
  role: string;
  action: AccessAction;
  method: string;
  route: string;
  target: string | null;
  query: string;
  status: number;
  correlation_id: string;
}

const entryOf = (row: AccessRow): LoggedAccess => ({
  id: row.id,
  at: row.at,
  principalSubject: row.principal_subject,
  principalName: row.principal_name,
  role: row.role,
  action: row.action,
  method: row.method,
  route: row.route,
  target: row.target,
  query: JSON.parse(row.query) as Record<string, unknown>,
  status: row.status,
  correlationId: row.correlation_id,
});

/** Columns a filter criterion compares, with how. */
const CRITERIA: readonly [keyof AccessLogFilter, string][] = [
  ['subject', 'principal_subject = ?'],
  ['action', 'action = ?'],
  ['target', 'target = ?'],
  ['from', 'at >= ?'],
  ['to', 'at < ?'],
  ['after', 'id > ?'],
];

/**
 * Who accessed personal data or everything at once, in its own SQLite file. Append-only: there is
 * no method to change or delete an entry, and triggers refuse UPDATE and DELETE from any client.
 */
export class AccessLog {
  private readonly insert: Database.Statement<unknown[]>;

  private constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO access_log (at, principal_subject, principal_name, role, action, method, route, target, query, status, correlation_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  static open(file: string): AccessLog {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(`
      CREATE TABLE IF NOT EXISTS access_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        principal_subject TEXT NOT NULL,
        principal_name TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        method TEXT NOT NULL,
        route TEXT NOT NULL,
        target TEXT,
        query TEXT NOT NULL,
        status INTEGER NOT NULL,
        correlation_id TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS access_log_by_subject ON access_log (principal_subject, id);
      CREATE INDEX IF NOT EXISTS access_log_by_target ON access_log (target, id);
      CREATE TRIGGER IF NOT EXISTS access_log_no_update BEFORE UPDATE ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS access_log_no_delete BEFORE DELETE ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
    `);
    return new AccessLog(db);
  }

  append(entry: AccessEntry): void {
    this.insert.run(entry.at, entry.principalSubject, entry.principalName, entry.role, entry.action, entry.method, entry.route, entry.target, JSON.stringify(entry.query), entry.status, entry.correlationId);
  }

  /** Entries in the order they were written. */
  page(filter: AccessLogFilter): AccessLogPage {
    const given = CRITERIA.filter(([name]) => filter[name] !== undefined);
    const where = given.length ? `WHERE ${given.map(([, condition]) => condition).join(' AND ')}` : '';
    const rows = this.db
      .prepare(`SELECT * FROM access_log ${where} ORDER BY id LIMIT ?`)
      .all(...given.map(([name]) => filter[name]), filter.limit) as AccessRow[];
    const entries = rows.map(entryOf);
    return { entries, nextCursor: entries.length === filter.limit ? entries[entries.length - 1].id : null };
  }

  /** Every entry the filter admits, in order, a page at a time. */
  *pages(filter: Omit<AccessLogFilter, 'after' | 'limit'>, pageSize = 1000): Generator<readonly LoggedAccess[]> {
    for (let after = 0; ; ) {
      const page = this.page({ ...filter, after, limit: pageSize });
      if (page.entries.length > 0) yield page.entries;
      if (page.nextCursor === null) return;
      after = page.nextCursor;
    }
  }

  close(): void {
    this.db.close();
  }
}
