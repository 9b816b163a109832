import { RECORD_RETRACTED, RecordRetracted, RecordedEvent, UpcasterChain } from '@toc/domain';
import { EventLogFilter, EventLogReader } from './event-log.port';

/** A later record that withdrew or replaced this one. */
export interface Amendment {
  readonly kind: 'retraction' | 'correction';
  /** The retraction event, and for a correction the replacement event. */
  readonly retractionEventId: string;
  readonly replacementEventId: string | null;
  readonly reason: string;
  /** Business time of the retraction, as its sender gave it. */
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: RecordedEvent['metadata']['actor'];
}

export interface AuditEntry {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: RecordedEvent['metadata']['actor'];
  readonly sourceApp: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** For a replacement: the record it corrects. For a retraction: the record it withdraws. */
  readonly amends: string | null;
  /** Later retractions or corrections of this record; empty while it stands. */
  readonly amendedBy: readonly Amendment[];
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  /** Pass as `after` (forwards) or `before` (backwards) for the next page; null at the end. */
  readonly nextCursor: number | null;
}

/**
 * The evaluators' view of the log: every record with who, when (both times), on whose behalf,
 * and the later records that amended it. Retractions name what they withdraw, and the
 * replacement of a correction carries `correctionOf`, so both directions are linked.
 */
export class AuditTrail {
  constructor(
    private readonly log: EventLogReader,
    private readonly upcasters: UpcasterChain,
  ) {}

  async page(filter: EventLogFilter): Promise<AuditPage> {
    const events = (await this.log.queryLog(filter)).map((event) => this.upcasters.upcast(event));
    const entries = await this.withAmendments(events);
    const last = events[events.length - 1];
    return { entries, nextCursor: events.length === filter.limit && last ? last.position : null };
  }

  /** The whole history of one stream, oldest first. */
  async stream(streamId: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for (let after = 0; ; ) {
      const page = await this.page({ streamId, after, limit: 1000 });
      entries.push(...page.entries);
      if (page.nextCursor === null) return entries;
      after = page.nextCursor;
    }
  }

  private async withAmendments(events: readonly RecordedEvent[]): Promise<AuditEntry[]> {
    const streams = [...new Set(events.map((event) => event.streamId))];
    const retractions = (
      await Promise.all(streams.map((streamId) => this.log.queryLog({ streamId, types: [RECORD_RETRACTED], limit: 10_000 })))
    ).flat() as (RecordedEvent & RecordRetracted)[];
    const amendedBy = new Map<string, Amendment[]>();
    for (const retraction of retractions) {
      const target = retraction.data.retractedEventId;
      // A correction's replacement follows its retraction in the same append and names the corrected id.
      const [next] = await this.log.queryLog({ streamId: retraction.streamId, after: retraction.position, limit: 1 });
      const replacement = next && next.metadata.correctionOf === target ? next.metadata.eventId : null;
      amendedBy.set(target, [
        ...(amendedBy.get(target) ?? []),
        {
          kind: replacement ? 'correction' : 'retraction',
          retractionEventId: retraction.metadata.eventId,
          replacementEventId: replacement,
          reason: retraction.data.reason,
          occurredAt: retraction.metadata.occurredAt,
          recordedAt: retraction.metadata.recordedAt,
          actor: retraction.metadata.actor,
        },
      ]);
    }
    return events.map((event) => ({
      position: event.position,
      streamId: event.streamId,
      revision: event.revision,
      eventId: event.metadata.eventId,
      type: event.type,
      schemaVersion: event.metadata.schemaVersion,
      data: event.data,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.metadata.recordedAt,
      actor: event.metadata.actor,
      sourceApp: event.metadata.sourceApp,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      amends: event.type === RECORD_RETRACTED ? (event as RecordedEvent & RecordRetracted).data.retractedEventId : (event.metadata.correctionOf ?? null),
      amendedBy: amendedBy.get(event.metadata.eventId) ?? [],
    }));
  }
}
