import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real file system small enough to fill up: a tmpfs of a few MiB. */
export interface SmallDisk {
  readonly dir: string;
  /** Takes every free block with a filler file, as a log or a backup filling the disk would. */
  fill(): void;
  /** Gives the filler's blocks back. */
  free(): void;
  unmount(): void;
}

/**
 * Mounts a small disk, or returns undefined where that is not allowed: mounting needs root, so
 * elsewhere the tests that need one report themselves as not run.
 */
export const mountSmallDisk = (sizeMiB: number): SmallDisk | undefined => {
  const dir = mkdtempSync(join(tmpdir(), 'toc-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill: () => {
      const fd = openSync(filler, 'a');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    unmount: () => {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
