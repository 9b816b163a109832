import Database from 'better-sqlite3';

/** Below this size every plan is fast enough that planner statistics are not worth gathering. */
const ANALYZE_MIN_ROWS = 10_000;

/**
 * Audit queries combine time ranges with keyset order; only with sqlite_stat4 histograms can the
 * planner tell a narrow range (use the time index) from a wide one (walk positions): on a
 * million events, under a millisecond per page instead of 50-100 ms. ANALYZE takes about a
 * second per million rows, so it reruns only when the log has doubled since the last run, which
 * amortises to a couple of microseconds per appended event.
 */
export class PlannerStatistics {
  /** Head position at which statistics were last gathered (0 = never). */
  private analysedAt: number;
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly db: Database.Database,
    private readonly headPosition: () => number,
  ) {
    this.analysedAt = this.statisticsRowCount();
  }

  refreshIfStale(): void {
    if (this.isFresh(this.headPosition())) return;
    try {
      this.db.exec('ANALYZE events');
      this.analysedAt = this.statisticsRowCount();
    } catch {
      // Only an optimisation (another process may hold the write lock); the next append retries.
    }
  }

  /** After a commit: refreshes on a later turn when due, so the appends that made it due are not held up. */
  refreshSoonIfStale(head: number): void {
    if (this.isFresh(head) || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.stopped) this.refreshIfStale();
    });
  }

  /** Stops refreshes already scheduled; the database is about to close. */
  stop(): void {
    this.stopped = true;
  }

  private isFresh(head: number): boolean {
    return head < ANALYZE_MIN_ROWS || head < 2 * this.analysedAt;
  }

  /** Row count recorded by the last ANALYZE, 0 if there was none. */
  private statisticsRowCount(): number {
    const hasStats = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").get();
    if (!hasStats) return 0;
    const row = this.db.prepare<[], { stat: string }>("SELECT stat FROM sqlite_stat1 WHERE tbl = 'events' AND idx = 'events_by_type'").get();
    return row ? Number.parseInt(row.stat, 10) : 0;
  }
}
