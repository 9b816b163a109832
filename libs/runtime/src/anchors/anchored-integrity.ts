import { ChainLink, EventLogReader, IntegrityReport, IntegrityVerifier } from '@toc/event-store';
import { PublishedAnchor, latestAnchor } from './anchor-file';

/**
 * How long a request may take from reading the clock for its recording time to its append. An
 * event stored after an anchor but recorded more than this before the anchor was published was
 * not appended by the service (or a clock went back).
 */
export const RECORDING_TOLERANCE_MS = 5 * 60_000;
const MAX_REPORTED = 10;

export interface BackdatedEvent {
  readonly position: number;
  readonly streamId: string;
  readonly eventId: string;
  readonly recordedAt: string;
}

export interface AnchoredIntegrityReport extends IntegrityReport {
  /** The anchor checked, with the time it was published when it came from the anchor file. */
  readonly anchor?: NonNullable<IntegrityReport['anchor']> & { readonly publishedAt?: string };
  /** Events stored after the published anchor although recorded before it was published (the first ten). */
  readonly recordedBeforeAnchor?: readonly BackdatedEvent[];
}

export type VerifiableEventStore = IntegrityVerifier & EventLogReader;

/**
 * Verifies the chain through `anchor`. Through a published anchor, every later event must also
 * have been recorded after it was published: that catches an event forged onto the chain after
 * it with an earlier recording time, which the chain alone cannot tell from a genuine one.
 */
export const verifyThrough = async (events: VerifiableEventStore, anchor?: ChainLink | PublishedAnchor): Promise<AnchoredIntegrityReport> => {
  const report = await events.verifyIntegrity(anchor);
  if (!anchor || !('publishedAt' in anchor) || !report.anchor) return report;
  const recordedTo = new Date(Date.parse(anchor.publishedAt) - RECORDING_TOLERANCE_MS).toISOString();
  const backdated = await events.queryLog({ after: anchor.position, recordedTo, limit: MAX_REPORTED });
  const checked = { ...report, anchor: { ...report.anchor, publishedAt: anchor.publishedAt } };
  if (backdated.length === 0) return checked;
  return {
    ...checked,
    ok: false,
    recordedBeforeAnchor: backdated.map(({ position, streamId, metadata }) => ({ position, streamId, eventId: metadata.eventId, recordedAt: metadata.recordedAt })),
  };
};

/** What `verify` and `GET /v1/admin/integrity` check: through the anchor given, else through the newest one in the anchor file. */
export const verifyEventStore = async (events: VerifiableEventStore, anchorFile: string | undefined, given?: ChainLink): Promise<AnchoredIntegrityReport> =>
  verifyThrough(events, given ?? (anchorFile ? ((await latestAnchor(anchorFile)) ?? undefined) : undefined));

/** What the report found wrong, a sentence each; none when the store checked out. */
export const integrityProblems = (report: AnchoredIntegrityReport): string[] => {
  const problems: string[] = [];
  if (report.fileDamage) problems.push(`DAMAGED FILE (SQLite's quick_check): ${report.fileDamage.join('; ')}`);
  const broken = report.firstBrokenLink;
  if (broken) problems.push(`BROKEN at position ${broken.position} (${broken.streamId}, event ${broken.eventId}): ${broken.reason}`);
  const removed = report.removedNewest;
  if (removed) problems.push(`REMOVED: the store numbered events up to position ${removed.upTo}, but its newest is at ${removed.after}`);
  const anchor = report.anchor;
  if (anchor && !anchor.ok) {
    problems.push(
      `ANCHOR ${anchor.position} ${anchor.found === null ? 'is gone: events were removed' : `does not match: the chain now has ${anchor.found} there, so history up to it was rewritten`}`,
    );
  }
  for (const event of report.recordedBeforeAnchor ?? []) {
    problems.push(
      `FORGED? event ${event.eventId} (${event.streamId}) at position ${event.position} was recorded at ${event.recordedAt}, before anchor ${anchor!.position} was published at ${anchor!.publishedAt}, yet it is stored after it`,
    );
  }
  return problems;
};
