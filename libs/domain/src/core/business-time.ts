import { Command } from './command';
import { Decider } from './decider';
import { DomainError, ruleBroken } from './domain-error';
import { DomainEvent, EventMetadata } from './event';

/** A current record of a stream as the rules see it: the event, its business time and who recorded it when. */
export interface TimedRecord<E extends DomainEvent = DomainEvent> {
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: Pick<EventMetadata, 'eventId' | 'occurredAt' | 'recordedAt' | 'actor'>;
}

/** What a command or a withdrawal changes in a stream's history. */
export interface HistoryChange<E extends DomainEvent, S> {
  /** Business time of the change: of the new record, or of the record a withdrawal takes away. */
  readonly occurredAt: string;
  /** The current record it corrects or withdraws. */
  readonly replaces?: string;
  /** Decides the new records on the state as of `occurredAt`; a withdrawal decides none. */
  readonly decide: (state: S) => readonly E[];
}

const instant = (iso: string) => Date.parse(iso);

/** Where a record sits in business time: its instant, then its recording order among records of the same instant. */
type Place = readonly [at: number, order: number];

const isAfter = (a: Place, b: Place) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/** Oldest business time first; records of the same business time keep their recording order. */
export const inBusinessTimeOrder = <R extends TimedRecord>(records: readonly R[]): R[] =>
  placed(records).map(({ record }) => record);

const placed = <R extends TimedRecord>(records: readonly R[]) =>
  records
    .map((record, order) => ({ record, place: [instant(record.metadata.occurredAt), order] as Place }))
    .sort((a, b) => a.place[0] - b.place[0] || a.place[1] - b.place[1]);

/**
 * Judges a change to a stream in business time, whatever order records arrive in:
 * - the change is decided on the state folded from the records that had happened by its own
 *   business time, so a late recording meets the rules of its day;
 * - every record it could affect (the later ones, and those after the record a correction or
 *   withdrawal takes away) is judged again, by the command that records it, on the new history.
 *   A change that would leave one of them invalid is refused: that record is corrected or
 *   withdrawn first. A record that was invalid already without the change (recorded before
 *   these rules held) does not block it.
 * Among records of the same business time a new record comes last and a replacement takes the
 * place of the record it replaces. A record dated before everything else about an entity that
 * does not exist by then is refused as such, not as an unknown entity.
 */
export const decideInBusinessTime = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  history: readonly TimedRecord<E>[],
  change: HistoryChange<E, S>,
): readonly E[] => {
  const replacedOrder = change.replaces === undefined ? -1 : history.findIndex((record) => record.metadata.eventId === change.replaces);
  const replaced = replacedOrder < 0 ? undefined : history[replacedOrder];
  const records = placed(history).filter(({ record }) => record !== replaced);
  const changePlace: Place = [instant(change.occurredAt), replaced ? replacedOrder : history.length];
  const replacedPlace: Place | undefined = replaced && [instant(replaced.metadata.occurredAt), replacedOrder];
  const affectedFrom = replacedPlace && isAfter(changePlace, replacedPlace) ? replacedPlace : changePlace;

  let state = decider.initialState();
  let decided: readonly E[] | undefined;
  const decideHere = () => {
    decided = decideAfter(records[0]?.record, change, () => change.decide(state));
    state = decided.reduce(decider.evolve, state);
  };
  for (const { record, place } of records) {
    if (decided === undefined && isAfter(place, changePlace)) decideHere();
    if (isAfter(place, affectedFrom)) judgeAgain(decider, state, record, () => wasValid(decider, history, record));
    state = decider.evolve(state, record as unknown as E);
  }
  if (decided === undefined) decideHere();
  return decided!;
};

/** The command that records an event, rebuilt from the stored record so its rules can run again. */
const recordingCommand = <C extends Command, E extends DomainEvent>(decider: Pick<Decider<C, E, never>, 'recordedBy'>, record: TimedRecord<E>): C =>
  ({
    type: decider.recordedBy[record.type as E['type']],
    data: record.data,
    context: { occurredAt: record.metadata.occurredAt, now: record.metadata.recordedAt, actor: record.metadata.actor },
  }) as unknown as C;

const judgeAgain = <C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, state: S, record: TimedRecord<E>, wasValidBefore: () => boolean) => {
  try {
    decider.decide(recordingCommand(decider, record), state);
  } catch (error) {
    // A duplicate of a record dated later is still a duplicate: answered as such.
    if (!(error instanceof DomainError) || error.kind === 'already-exists') throw error;
    if (!wasValidBefore()) return;
    ruleBroken(
      'invalidates-record',
      `this would leave the ${record.type} record ${record.metadata.eventId} of ${record.metadata.occurredAt} invalid ` +
        `(${error.code}: ${error.message}); correct or withdraw that record first`,
    );
  }
};

/** Whether a record passes its rules on the history as it stands, without the change. */
const wasValid = <C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, history: readonly TimedRecord<E>[], target: TimedRecord<E>) => {
  let state = decider.initialState();
  for (const record of inBusinessTimeOrder(history)) {
    if (record === target) {
      try {
        decider.decide(recordingCommand(decider, record), state);
        return true;
      } catch {
        return false;
      }
    }
    state = decider.evolve(state, record as unknown as E);
  }
  return false;
};

/** Runs the decision; an entity first recorded after the change's business time did not exist yet. */
const decideAfter = <E extends DomainEvent>(first: TimedRecord<E> | undefined, change: Pick<HistoryChange<E, never>, 'occurredAt'>, decide: () => readonly E[]) => {
  try {
    return decide();
  } catch (error) {
    const beforeFirst = first !== undefined && instant(first.metadata.occurredAt) > instant(change.occurredAt);
    if (!(error instanceof DomainError) || error.kind !== 'not-found' || !beforeFirst) throw error;
    return ruleBroken(
      'before-first-record',
      `${error.message} as of ${change.occurredAt}: its first record (${first.type}) is of ${first.metadata.occurredAt}`,
      'occurredAt',
    );
  }
};

/**
 * Whether the first record of a history creates its entity: without it, the next record is
 * about nothing (a course's start without its design). A respondent's first answer does not
 * create anything: the next answer stands on its own.
 */
export const createsEntity = <C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, history: readonly TimedRecord<E>[]): boolean => {
  if (history.length < 2) return true;
  try {
    decider.decide(recordingCommand(decider, history[1]), decider.initialState());
    return false;
  } catch (error) {
    return error instanceof DomainError && error.kind === 'not-found';
  }
};
