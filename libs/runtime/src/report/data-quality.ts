import { RECORD_RETRACTED, associationsAwaitingFollowUp, domainUpcasters } from '@toc/domain';
import { EventStore } from '@toc/event-store';

/** Recorded this long after it happened, a record is late: earlier reports could not include it. */
export const LATE_AFTER_DAYS = 30;
const DAY_MS = 86_400_000;

export interface DataQuality {
  readonly events: number;
  readonly retractions: number;
  readonly corrections: number;
  readonly lateRecordings: number;
  readonly lateRecordingsByType: Readonly<Record<string, number>>;
  /** Associations (organisations, so they may be named) with a baseline capacity assessment but no follow-up: their change is not measured yet. */
  readonly associationsAwaitingFollowUp: readonly string[];
}

/** Counts the records that an evaluator should know about when reading the figures. */
export const dataQuality = async (events: Pick<EventStore, 'readAll'>, until?: string): Promise<DataQuality> => {
  const limit = until === undefined ? Infinity : Date.parse(until);
  let count = 0;
  let retractions = 0;
  let corrections = 0;
  const late: Record<string, number> = {};
  const awaitingFollowUp = associationsAwaitingFollowUp();
  for (let after = 0; ; ) {
    const page = await events.readAll({ after, limit: 5000 });
    if (page.length === 0) break;
    after = page[page.length - 1].position;
    for (const event of page) {
      if (Date.parse(event.metadata.recordedAt) > limit) continue;
      count++;
      awaitingFollowUp.apply(domainUpcasters.upcast(event));
      if (event.type === RECORD_RETRACTED) retractions++;
      if (event.metadata.correctionOf) corrections++;
      if (Date.parse(event.metadata.recordedAt) - Date.parse(event.metadata.occurredAt) > LATE_AFTER_DAYS * DAY_MS) {
        late[event.type] = (late[event.type] ?? 0) + 1;
      }
    }
  }
  const lateRecordings = Object.values(late).reduce((sum, n) => sum + n, 0);
  // A correction is a retraction plus its replacement; count the plain retractions apart.
  return { events: count, retractions: retractions - corrections, corrections, lateRecordings, lateRecordingsByType: late, associationsAwaitingFollowUp: awaitingFollowUp.ids() };
};
