import { AuditEntry } from '@toc/event-store';
import { CsvOptions, csvLine } from './csv';

export const EVENT_COLUMNS = [
  'position',
  'streamId',
  'revision',
  'eventId',
  'type',
  'schemaVersion',
  'occurredAt',
  'recordedAt',
  'actorUserId',
  'actorRole',
  'onBehalfOf',
  'sourceApp',
  'correlationId',
  'causationId',
  'amends',
  'amendedBy',
  'data',
] as const;

export const eventRow = (entry: AuditEntry): unknown[] => [
  entry.position,
  entry.streamId,
  entry.revision,
  entry.eventId,
  entry.type,
  entry.schemaVersion,
  entry.occurredAt,
  entry.recordedAt,
  entry.actor.userId,
  entry.actor.role,
  entry.actor.onBehalfOf ?? null,
  entry.sourceApp,
  entry.correlationId,
  entry.causationId,
  entry.amends,
  entry.amendedBy.map((amendment) => amendment.retractionEventId).join(' ') || null,
  entry.data,
];

/** One JSON object per line: the audit entry as the API shows it. */
export const ndjsonLine = (entry: AuditEntry): string => JSON.stringify(entry) + '\n';

export const csvEventLine = (entry: AuditEntry, options: CsvOptions): string => csvLine(eventRow(entry), { ...options, decimalComma: false });
