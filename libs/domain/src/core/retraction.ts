import { Command } from './command';
import { defineDecider } from './decider';
import { DomainEvent, RecordedEvent } from './event';

/**
 * A record is never edited in place. A retraction appends `RecordRetracted` to the same stream,
 * naming the record it retracts by event id with what projections route it by, so they can undo
 * its effect without a lookup (see retracted-record.ts).
 * A correction is a retraction followed, in the same append, by the replacement event whose
 * metadata has `correctionOf` set to the retracted event id.
 */
export const RECORD_RETRACTED = 'RecordRetracted';

export interface RetractedRecord {
  readonly eventId: string;
  readonly type: string;
  /** The record's data without its free text: the ids and codes it is routed by. */
  readonly data: unknown;
  readonly occurredAt: string;
}

export type RecordRetracted = DomainEvent<
  typeof RECORD_RETRACTED,
  { readonly retractedEventId: string; readonly reason: string; readonly retracted: RetractedRecord }
>;

/**
 * A withdrawal decides no events of its own (the runner appends the retraction), but it is a
 * decision like any other, so its business time is checked where every decider's is.
 */
export const withdrawalDecider = defineDecider<Command<typeof RECORD_RETRACTED, Record<string, never>>, never, null>({
  recordedBy: {},
  initialState: () => null,
  decide: () => [],
  evolve: (state) => state,
});

export const isRetraction = (event: DomainEvent): event is RecordRetracted => event.type === RECORD_RETRACTED;

/**
 * The history that counts: stream events in order, minus retracted ones and the retractions
 * themselves, with each replacement in the place of the record it corrects (so a corrected
 * creating record still comes first). Deciders fold this, so a correction is judged against
 * the state without the record it replaces.
 */
export const effectiveHistory = <E extends RecordedEvent>(events: readonly E[]): E[] => {
  const retracted = new Set<string>();
  const replacements = new Map<string, E[]>();
  for (const event of events) {
    const corrected = event.metadata.correctionOf;
    if (isRetraction(event)) retracted.add(event.data.retractedEventId);
    else if (corrected !== undefined) replacements.set(corrected, [...(replacements.get(corrected) ?? []), event]);
  }
  const inPlace = (event: E): E[] => (retracted.has(event.metadata.eventId) ? (replacements.get(event.metadata.eventId) ?? []).flatMap(inPlace) : [event]);
  return events.filter((event) => !isRetraction(event) && event.metadata.correctionOf === undefined).flatMap(inPlace);
};

/**
 * The retraction that withdrew the stream's entity, while it stays withdrawn: withdrawing the
 * creating record retracts every current record of the stream, the creating one last, so a
 * stream with records but no effective history ends with that retraction.
 */
export const entityWithdrawal = (events: readonly RecordedEvent[]): (RecordedEvent & RecordRetracted) | undefined => {
  const last = events[events.length - 1];
  return last && isRetraction(last) && effectiveHistory(events).length === 0 ? (last as RecordedEvent & RecordRetracted) : undefined;
};
