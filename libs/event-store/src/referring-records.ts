import { RecordedEvent, effectiveHistory, recordReferences, referringEventTypes } from '@toc/domain';
import { EventLogReader } from './event-log.port';
import { EventStore } from './event-store.port';

const PAGE = 1_000;

/**
 * The current records of other streams that refer to a stream: an enrolment or a survey answer
 * to its association, a seat to the association that nominated it, a membership to its staff
 * member. Found by scanning the log for the event types that can refer to anything, so it is
 * asked only when the creating record of an entity is corrected or withdrawn, never on the
 * path of an ordinary command.
 */
export const referringRecords = async (store: EventStore & EventLogReader, streamId: string): Promise<RecordedEvent[]> => {
  const referring: RecordedEvent[] = [];
  for (let after = 0; ; ) {
    const page = await store.queryLog({ types: referringEventTypes, after, limit: PAGE });
    referring.push(...page.filter((event) => recordReferences(event.type, event.data).some((reference) => reference.streamId === streamId)));
    if (page.length < PAGE) break;
    after = page[page.length - 1].position;
  }
  // A referring record that was itself corrected or withdrawn no longer counts.
  const current: RecordedEvent[] = [];
  for (const stream of new Set(referring.map((event) => event.streamId))) {
    const standing = new Set(effectiveHistory(await store.readStream(stream)).map((event) => event.metadata.eventId));
    current.push(...referring.filter((event) => event.streamId === stream && standing.has(event.metadata.eventId)));
  }
  return current;
};
