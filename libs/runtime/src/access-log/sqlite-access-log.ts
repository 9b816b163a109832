import Database from 'better-sqlite3';
import { AccessAction, AccessEntry, AccessLog, AccessLogFilter, AccessLogPage, LoggedAccess } from './access-log';

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
 * The access log in its own SQLite file, the embedded default. Triggers refuse UPDATE and DELETE
 * from any client, this one included.
 */
export class SqliteAccessLog extends AccessLog {
  private readonly insert: Database.Statement<unknown[]>;

  private constructor(private readonly db: Database.Database) {
    super();
    this.insert = db.prepare(
      `INSERT INTO access_log (at, principal_subject, principal_name, role, action, method, route, target, query, status, correlation_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  static open(file: string): SqliteAccessLog {
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
    return new SqliteAccessLog(db);
  }

  async append(entry: AccessEntry): Promise<void> {
    this.insert.run(entry.at, entry.principalSubject, entry.principalName, entry.role, entry.action, entry.method, entry.route, entry.target, JSON.stringify(entry.query), entry.status, entry.correlationId);
  }

  async page(filter: AccessLogFilter): Promise<AccessLogPage> {
    const given = CRITERIA.filter(([name]) => filter[name] !== undefined);
    const where = given.length ? `WHERE ${given.map(([, condition]) => condition).join(' AND ')}` : '';
    const rows = this.db
      .prepare(`SELECT * FROM access_log ${where} ORDER BY id LIMIT ?`)
      .all(...given.map(([name]) => filter[name]), filter.limit) as AccessRow[];
    const entries = rows.map(entryOf);
    return { entries, nextCursor: entries.length === filter.limit ? entries[entries.length - 1].id : null };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
