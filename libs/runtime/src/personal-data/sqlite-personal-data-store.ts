import Database from 'better-sqlite3';
import { Erasure, PersonDetails, PersonLookup, PersonalDataStore, SubjectErasedError } from './personal-data-store.port';
import { newSubjectKey, openDetails, sealDetails } from './subject-cipher';

interface ErasureRow {
  subject_id: string;
  erased_at: string;
  erased_by: string;
}

/** The data file and the attached key file. */
const SCHEMAS = ['main', 'keyring'] as const;

const erasureOf = (row: ErasureRow): Erasure => ({ subjectId: row.subject_id, erasedAt: row.erased_at, erasedBy: row.erased_by });

/**
 * Personal data in two SQLite files: the ciphertexts and tombstones in one, the subject keys in
 * the other (attached to the same connection), so that the data file can be copied or backed up
 * without the keys. Deleted rows are overwritten (secure_delete) and the write-ahead logs
 * truncated after an erasure, so neither file keeps an erased key or ciphertext.
 */
export class SqlitePersonalDataStore implements PersonalDataStore {
  private constructor(private readonly db: Database.Database) {}

  static open(dataFile: string, keyFile: string): SqlitePersonalDataStore {
    const db = new Database(dataFile);
    db.pragma('busy_timeout = 5000');
    db.prepare('ATTACH DATABASE ? AS keyring').run(keyFile);
    for (const schema of SCHEMAS) {
      db.pragma(`${schema}.journal_mode = WAL`);
      db.pragma(`${schema}.secure_delete = ON`);
    }
    db.exec(`
      CREATE TABLE IF NOT EXISTS keyring.subject_keys (subject_id TEXT PRIMARY KEY, key BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS main.people (subject_id TEXT PRIMARY KEY, sealed BLOB NOT NULL, recorded_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS main.erasures (subject_id TEXT PRIMARY KEY, erased_at TEXT NOT NULL, erased_by TEXT NOT NULL);
    `);
    const store = new SqlitePersonalDataStore(db);
    // The two files commit apart: an erasure a crash cut short is finished here.
    store.shred();
    return store;
  }

  async record(subjectId: string, details: PersonDetails, at: Date): Promise<'created' | 'replaced'> {
    return this.db.transaction(() => {
      const erasure = this.erasure(subjectId);
      if (erasure) throw new SubjectErasedError(erasure);
      const existed = this.db.prepare('SELECT 1 FROM people WHERE subject_id = ?').get(subjectId) !== undefined;
      this.db.prepare('INSERT OR IGNORE INTO keyring.subject_keys (subject_id, key) VALUES (?, ?)').run(subjectId, newSubjectKey());
      const { key } = this.db.prepare('SELECT key FROM keyring.subject_keys WHERE subject_id = ?').get(subjectId) as { key: Buffer };
      this.db
        .prepare('INSERT INTO people (subject_id, sealed, recorded_at) VALUES (?, ?, ?) ON CONFLICT (subject_id) DO UPDATE SET sealed = excluded.sealed, recorded_at = excluded.recorded_at')
        .run(subjectId, sealDetails(key, subjectId, details), at.toISOString());
      return existed ? 'replaced' : 'created';
    })();
  }

  async find(subjectId: string): Promise<PersonLookup> {
    const erasure = this.erasure(subjectId);
    if (erasure) return { status: 'erased', erasure };
    const row = this.db
      .prepare('SELECT p.sealed, p.recorded_at, k.key FROM people p JOIN keyring.subject_keys k USING (subject_id) WHERE p.subject_id = ?')
      .get(subjectId) as { sealed: Buffer; recorded_at: string; key: Buffer } | undefined;
    if (!row) return { status: 'unknown' };
    return { status: 'recorded', subjectId, details: openDetails(row.key, subjectId, row.sealed), recordedAt: row.recorded_at };
  }

  async erase(subjectId: string, by: string, at: Date): Promise<Erasure | null> {
    // The tombstone commits first, so from then on the person is erased whatever happens to the shredding.
    const erasure = this.db.transaction(() => {
      const earlier = this.erasure(subjectId);
      if (earlier || !this.db.prepare('SELECT 1 FROM people WHERE subject_id = ?').get(subjectId)) return earlier ?? null;
      this.db.prepare('INSERT INTO erasures (subject_id, erased_at, erased_by) VALUES (?, ?, ?)').run(subjectId, at.toISOString(), by);
      return this.erasure(subjectId)!;
    })();
    if (erasure) this.shred();
    return erasure;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private erasure(subjectId: string): Erasure | undefined {
    const row = this.db.prepare('SELECT * FROM erasures WHERE subject_id = ?').get(subjectId) as ErasureRow | undefined;
    return row && erasureOf(row);
  }

  /** Deletes the key and ciphertext of every erased subject and truncates both logs, so no old page keeps them. */
  private shred(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM keyring.subject_keys WHERE subject_id IN (SELECT subject_id FROM erasures)');
      this.db.exec('DELETE FROM people WHERE subject_id IN (SELECT subject_id FROM erasures)');
    })();
    for (const schema of SCHEMAS) this.db.pragma(`${schema}.wal_checkpoint(TRUNCATE)`);
  }
}
