import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../event-store.port';

/** At most this many of SQLite's messages are kept: the first ones say where the damage is. */
const MAX_MESSAGES = 10;

// Duck-typed on better-sqlite3's `code`: under vm sandboxes (Jest) `instanceof SqliteError` can fail.
const sqliteCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** SQLite found its file to be no database or a damaged one. */
export const isDamagedFile = (error: unknown): boolean => {
  const code = sqliteCode(error);
  return code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT') === true;
};

/**
 * The port's error for a SQLite failure that is the file's fault rather than the request's, or
 * undefined for any other error. On a full disk SQLite rolls the transaction back, so nothing
 * was written and the same request succeeds once space is freed.
 */
export const sqliteStoreFailure = (error: unknown, file: string): StoreUnavailableError | undefined => {
  if (sqliteCode(error) === 'SQLITE_FULL') return new StoreUnavailableError('disk-full', `the disk holding ${file} is full: nothing was written; retry once space is freed`);
  if (isDamagedFile(error)) return new StoreUnavailableError('damaged', `${file} is damaged: ${(error as Error).message}`);
  return undefined;
};

/**
 * SQLite's own check of the file's structure (`PRAGMA quick_check`: pages, b-trees, index entry
 * counts); an empty list when the file is sound. It reads the whole file, about 1.5 s per million
 * events, and holds the thread meanwhile.
 */
export const fileDamage = (db: Database.Database): string[] => {
  try {
    const rows = db.pragma(`quick_check(${MAX_MESSAGES})`) as { quick_check: string }[];
    return rows
      .flatMap((row) => row.quick_check.split('\n'))
      .filter((message) => message !== 'ok' && !message.startsWith('*** in database'))
      .slice(0, MAX_MESSAGES);
  } catch (error) {
    if (isDamagedFile(error)) return [(error as Error).message];
    throw error;
  }
};
