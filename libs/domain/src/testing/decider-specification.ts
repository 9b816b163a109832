import { HistoryChange, TimedRecord, decideInBusinessTime } from '../core/business-time';
import { Command, CommandContext } from '../core/command';
import { Decider } from '../core/decider';
import { DomainError, DomainErrorKind } from '../core/domain-error';
import { DomainEvent } from '../core/event';

/** What a spec expects of a decision: these events, or a refusal of this kind, code and field. */
const outcome = <E extends DomainEvent>(run: () => readonly E[]) => ({
  then: (expected: readonly E[]) => expect(run()).toEqual(expected),
  thenFails: (kind: DomainErrorKind, code?: string, field?: string) => {
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.kind).toBe(kind);
    if (code !== undefined) expect(error.code).toBe(code);
    if (field !== undefined) expect(error.field).toBe(field);
  },
});

/** A record of a stream for business-time specs: the business time it is for, and its event. */
export type Dated<E> = readonly [occurredAt: string, event: E];

/** A history as stored, in recording order: each record's id is its index, recorded when it happened. */
const storedHistory = <E extends DomainEvent>(records: readonly Dated<E>[]): TimedRecord<E>[] =>
  records.map(([occurredAt, event], index) => ({
    type: event.type,
    data: event.data,
    metadata: { eventId: `e${index}`, occurredAt, recordedAt: occurredAt, actor: { userId: 'user-1', role: 'case-worker' } },
  }));

/**
 * Given/when/then for deciders:
 *   spec(decider).given([...events]).when(command).then([...events])
 *   spec(decider).given([...events]).when(command).thenFails('rule', 'code', 'field')
 * and for rules in business time, with records given in the order they were recorded:
 *   spec(decider).recorded([[occurredAt, event], ...]).when(command)             (a late or new record)
 *   spec(decider).recorded([...]).whenCorrecting(index, command)                 (replaces record `index`)
 *   spec(decider).recorded([...]).whenWithdrawing(index)                         (takes record `index` away)
 */
export const deciderSpec = <C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) => {
  const judged = (records: readonly Dated<E>[], change: HistoryChange<E, S>) => () => decideInBusinessTime(decider, storedHistory(records), change);
  const decideCommand = (command: C) => (state: S) => decider.decide(command, state);
  return {
    given: (events: readonly E[]) => ({
      when: (command: C) => outcome(() => decider.decide(command, events.reduce(decider.evolve, decider.initialState()))),
    }),
    recorded: (records: readonly Dated<E>[]) => ({
      when: (command: C) => outcome(judged(records, { occurredAt: command.context.occurredAt, decide: decideCommand(command) })),
      whenCorrecting: (index: number, command: C) =>
        outcome(judged(records, { occurredAt: command.context.occurredAt, replaces: `e${index}`, decide: decideCommand(command) })),
      whenWithdrawing: (index: number) => outcome(judged(records, { occurredAt: records[index][0], replaces: `e${index}`, decide: () => [] })),
    }),
  };
};

/** A command context for specs: business time one hour before the clock. */
export const testContext = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  occurredAt: '2010-05-01T09:00:00.000Z',
  now: '2010-05-01T10:00:00.000Z',
  actor: { userId: 'user-1', role: 'case-worker' },
  ...overrides,
});

/** A command context for a business time, recorded at the clock of testContext (after any business time of 2010). */
export const contextAt = (occurredAt: string): CommandContext => testContext({ occurredAt, now: '2011-06-01T00:00:00.000Z' });
