import { readFileSync, writeFileSync } from 'node:fs';
import { StoreDamage, StoreUnavailableError } from '../event-store.port';

/** Appended to a store file's name, names the file that records its damage. */
export const DAMAGE_MARKER = '.damaged';

/**
 * The damage found in a store's file, also written beside it (`<file>.damaged`) so that it
 * outlives the process that found it: the store refuses writes after a restart too, and a service
 * asking `current()` picks up what another process (the CLI's verify) found. An operator removes
 * the marker once the file is restored from a backup.
 */
export class DamageRecord {
  readonly marker: string;
  private damage: StoreDamage | null;

  constructor(private readonly file: string) {
    this.marker = `${file}${DAMAGE_MARKER}`;
    this.damage = this.readMarker();
  }

  /** What this process knows, without looking at the marker again (for the append path). */
  get known(): StoreDamage | null {
    return this.damage;
  }

  /** The damage found so far, here or by another process. */
  current(): StoreDamage | null {
    this.damage ??= this.readMarker();
    return this.damage;
  }

  /** Keeps the first damage found: it is where an operator starts. */
  record(check: StoreDamage['check'], detail: string): void {
    if (this.current()) return;
    this.damage = { check, detail, detectedAt: new Date().toISOString() };
    console.error(this.refusal().message);
    try {
      writeFileSync(this.marker, `${JSON.stringify(this.damage)}\n`);
    } catch (error) {
      console.error(`cannot write ${this.marker} (${error instanceof Error ? error.message : error}): only this process refuses writes`);
    }
  }

  refusal(): StoreUnavailableError {
    const { check, detail, detectedAt } = this.damage!;
    return new StoreUnavailableError(
      'damaged',
      `${this.file} is damaged (${check}: ${detail}; found ${detectedAt}): writes are refused until it is restored from a backup and ${this.marker} is removed`,
    );
  }

  private readMarker(): StoreDamage | null {
    let text: string;
    try {
      text = readFileSync(this.marker, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as StoreDamage;
    } catch {
      // The marker's existence is what counts; its text only explains.
      return { check: 'file', detail: `${this.marker} says: ${text.trim().slice(0, 200)}`, detectedAt: new Date().toISOString() };
    }
  }
}
