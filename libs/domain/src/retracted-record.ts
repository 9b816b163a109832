import { RecordedEvent } from './core/event';
import { RECORD_RETRACTED, RecordRetracted } from './core/retraction';
import { Upcaster } from './core/upcasting';
import { withoutFreeText } from './free-text';

/**
 * The retraction of a current record. It names the record by event id and keeps of it only what
 * projections route by (its type, business time, ids and codes), never its free text: what the
 * record says is in the record, once.
 */
export const retractionOf = (target: RecordedEvent, reason: string): RecordRetracted => ({
  type: RECORD_RETRACTED,
  data: {
    retractedEventId: target.metadata.eventId,
    reason,
    retracted: { eventId: target.metadata.eventId, type: target.type, occurredAt: target.metadata.occurredAt, data: withoutFreeText(target.type, target.data) },
  },
});

/**
 * Schema version 1 of RecordRetracted copied the whole record, free text and all. Read as
 * version 2, the copy loses its free text, so no reader shows it twice; the stored bytes stay
 * as they are, since the hash chain covers them.
 */
export const recordRetractedV1ToV2: Upcaster = {
  type: RECORD_RETRACTED,
  fromVersion: 1,
  upcast: (data) => {
    const v1 = data as RecordRetracted['data'];
    return { ...v1, retracted: { ...v1.retracted, data: withoutFreeText(v1.retracted.type, v1.retracted.data) } };
  },
};
