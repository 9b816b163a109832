import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { EventMetadata } from '@toc/domain';
import { ChainLink, IntegrityReport } from '../event-store.port';
import { DerivedColumns, EventRow, derivedColumns } from './sqlite-event-row';

/** An event row with the columns the chain hashes, and its link (null before it is chained). */
export interface AuditedRow extends EventRow {
  readonly occurred_at: string;
  readonly recorded_at: string;
  readonly actor_user: string;
  readonly actor_role: string;
  readonly source_app: string;
  readonly correlation_id: string;
  readonly causation_id: string | null;
  readonly hash: string | null;
}

/** The link before the first event. */
export const GENESIS_HASH = '0'.repeat(64);
const VERIFY_CHUNK = 10_000;

/**
 * Link of the tamper-evidence chain: sha256 over the previous row's hash and a canonical form of
 * the row. `data` and `metadata` enter as the stored JSON text, so verification hashes exactly the
 * bytes on disk and never depends on how a JSON parser orders keys.
 */
export const chainHash = (previousHash: string, row: EventRow): string =>
  createHash('sha256')
    .update(previousHash)
    .update(JSON.stringify([row.position, row.stream_id, row.revision, row.event_id, row.type, row.data, row.metadata]))
    .digest('hex');

const prepareStatements = (db: Database.Database) => ({
  lastLink: db.prepare<[], ChainLink>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1'),
  verifyChunk: db.prepare<[number, number], AuditedRow>('SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?'),
  hashAt: db.prepare<[number], { hash: string }>('SELECT hash FROM events WHERE position = ?'),
  // AUTOINCREMENT's high-water mark: positions are never reused, even after a row is removed.
  highWater: db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'"),
});

/** Reads and checks the hash chain that the appender extends with every event. */
export class SqliteHashChain {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  /** The newest stored link; inside an append's transaction, the one the next event chains onto. */
  lastLink(): ChainLink | undefined {
    return this.statements.lastLink.get();
  }

  /** The highest position ever given to an event, whether or not its row is still there (0 for none). */
  highWater(): number {
    return this.statements.highWater.get()?.seq ?? 0;
  }

  /**
   * Recomputes the chain in position order, a chunk at a time so that memory stays flat and the
   * event loop keeps running on large stores. Each link is checked against the stored hash of its
   * predecessor, so the report names the row that was altered rather than everything after it.
   * The store numbers its events 1, 2, 3, ... and SQLite remembers the highest number it gave, so
   * a gap in the positions and a head below that number show removed rows even when the chain
   * was recomputed over them. A chain kept only inside the file cannot show that the whole chain
   * and that number were rewritten; comparing with a link kept elsewhere (an anchor) covers that.
   */
  async verifyIntegrity(anchor?: ChainLink): Promise<IntegrityReport> {
    // Read first: events appended while the walk runs raise it, and the walk reaches them too.
    const highWater = this.highWater();
    const anchorCheck = anchor && {
      ...anchor,
      found: this.statements.hashAt.get(anchor.position)?.hash ?? null,
    };
    const withAnchor = (report: Omit<IntegrityReport, 'anchor'>): IntegrityReport => {
      if (!anchorCheck) return report;
      const anchorOk = anchorCheck.found === anchorCheck.hash;
      return { ...report, ok: report.ok && anchorOk, anchor: { ...anchorCheck, ok: anchorOk } };
    };
    let head: ChainLink | null = null;
    let after = 0;
    let eventsChecked = 0;
    for (;;) {
      const rows = this.statements.verifyChunk.all(after, VERIFY_CHUNK);
      for (const row of rows) {
        const reason = brokenLinkReason(head ?? { position: 0, hash: GENESIS_HASH }, row);
        if (reason) {
          return withAnchor({ ok: false, eventsChecked, head, firstBrokenLink: { position: row.position, streamId: row.stream_id, eventId: row.event_id, reason } });
        }
        eventsChecked += 1;
        head = { position: row.position, hash: row.hash! };
      }
      if (rows.length < VERIFY_CHUNK) {
        const newest = head?.position ?? 0;
        if (newest < highWater) return withAnchor({ ok: false, eventsChecked, head, removedNewest: { after: newest, upTo: highWater } });
        return withAnchor({ ok: true, eventsChecked, head });
      }
      after = rows[rows.length - 1].position;
      await yieldToEventLoop();
    }
  }
}

const brokenLinkReason = (previous: ChainLink, row: AuditedRow): string | undefined => {
  const expected = previous.position + 1;
  if (row.position !== expected) {
    return `${row.position - expected === 1 ? `position ${expected} is` : `positions ${expected} to ${row.position - 1} are`} missing: events were removed`;
  }
  if (row.hash !== chainHash(previous.hash, row)) return 'hash does not match the event content and the previous link';
  let derived: DerivedColumns;
  try {
    derived = derivedColumns(JSON.parse(row.metadata) as EventMetadata);
  } catch {
    return 'metadata is not valid JSON';
  }
  for (const [column, value] of Object.entries(derived)) {
    if (row[column as keyof AuditedRow] !== value) return `column ${column} does not match the event metadata`;
  }
  return undefined;
};
