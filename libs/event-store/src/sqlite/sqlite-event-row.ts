import { EventMetadata, RecordedEvent } from '@toc/domain';

/** The columns that make up a recorded event; the rest of the row is derived from its metadata. */
export interface EventRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata';

export const toRecorded = (row: EventRow): RecordedEvent => ({
  streamId: row.stream_id,
  revision: row.revision,
  position: row.position,
  type: row.type,
  data: JSON.parse(row.data),
  metadata: JSON.parse(row.metadata),
});

/**
 * Time columns hold UTC ISO strings so that range filters compare correctly as text even when
 * callers write offsets or other precisions; the metadata keeps the caller's original string.
 */
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const normaliseTime = (value: string): string => {
  if (CANONICAL_UTC.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
};

/** Columns copied out of the metadata for indexed filtering (not part of the hash, so checked separately). */
export const derivedColumns = (metadata: EventMetadata) => ({
  occurred_at: normaliseTime(metadata.occurredAt),
  recorded_at: normaliseTime(metadata.recordedAt),
  actor_user: metadata.actor?.userId,
  actor_role: metadata.actor?.role,
  source_app: metadata.sourceApp,
  correlation_id: metadata.correlationId,
  causation_id: metadata.causationId ?? null,
});

export type DerivedColumns = ReturnType<typeof derivedColumns>;
