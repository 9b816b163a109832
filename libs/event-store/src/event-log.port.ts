import { RecordedEvent } from '@toc/domain';

/**
 * Filter for reading the audit log. All given criteria must hold (AND). Time bounds are ISO-8601
 * strings: `...From` is inclusive, `...To` exclusive.
 *
 * Pagination is keyset by global position, so a page stays cheap however deep it is:
 * forwards returns ascending positions (pass the last position of a page as the next `after`);
 * backwards returns descending positions (pass the last position of a page as the next `before`;
 * omit it to start at the newest event). `after` and `before` bound either direction.
 */
export interface EventLogFilter {
  readonly limit: number;
  readonly direction?: 'forwards' | 'backwards';
  /** Positions strictly greater than this (the forwards cursor). */
  readonly after?: number;
  /** Positions strictly less than this (the backwards cursor). */
  readonly before?: number;
  readonly actorUserId?: string;
  readonly actorRole?: string;
  readonly sourceApp?: string;
  readonly types?: readonly string[];
  readonly streamId?: string;
  /** Category prefix of stream ids, e.g. 'course-'. */
  readonly streamPrefix?: string;
  readonly occurredFrom?: string;
  readonly occurredTo?: string;
  readonly recordedFrom?: string;
  readonly recordedTo?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly eventIds?: readonly string[];
}

/** Read side of the audit log, for evaluators and auditors. */
export interface EventLogReader {
  queryLog(filter: EventLogFilter): Promise<RecordedEvent[]>;
}
