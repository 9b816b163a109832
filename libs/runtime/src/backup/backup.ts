import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DAMAGE_MARKER } from '@toc/event-store';
import { BACKED_UP_FILES, DATA_FILES } from '../data-files';

/**
 * Copies the stores of a data directory while the service runs. SQLite's online backup gives a
 * consistent snapshot of each file, with what is still in its write-ahead log, where copying the
 * file would take only what was checkpointed. Read models are left out: they are rebuilt.
 * Returns the files copied.
 */
export const backUp = async (dataDir: string, target: string): Promise<string[]> => {
  mkdirSync(target, { recursive: true });
  if (readdirSync(target).length > 0) throw new Error(`${target} is not empty: back up into a new directory`);
  const copied: string[] = [];
  for (const file of BACKED_UP_FILES) {
    const source = join(dataDir, file);
    if (!existsSync(source)) continue;
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await db.backup(join(target, file));
    } finally {
      db.close();
    }
    copied.push(file);
  }
  if (!copied.length) throw new Error(`${dataDir} holds no store to back up`);
  return copied;
};

/**
 * Puts a backup in place of a data directory's stores, with the service stopped. The read models
 * are removed, so that the next start rebuilds them from the restored events.
 */
export const restore = (backup: string, dataDir: string): string[] => {
  const files = BACKED_UP_FILES.filter((file) => existsSync(join(backup, file)));
  if (!files.includes(DATA_FILES.events)) throw new Error(`${backup} holds no ${DATA_FILES.events}: not a backup`);
  mkdirSync(dataDir, { recursive: true });
  // The old files go, with any marker of damage found in them: the restored store is checked afresh.
  const stale = (name: string) => ['.sqlite', '-wal', '-shm', DAMAGE_MARKER].some((ending) => name.endsWith(ending));
  for (const name of readdirSync(dataDir).filter(stale)) rmSync(join(dataDir, name));
  for (const file of files) copyFileSync(join(backup, file), join(dataDir, file));
  return files;
};
