import { Command } from './command';
import { DomainEvent } from './event';
import { assertNotInFuture } from './time';

/**
 * A pure decider: `decide` turns a command into events given the current state (or throws a
 * DomainError), `evolve` folds one event into the state. No I/O, no clock, no randomness.
 */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  readonly initialState: () => S;
  readonly decide: (command: C, state: S) => readonly E[];
  readonly evolve: (state: S, event: E) => S;
  /**
   * The command that records each event type (its data is the event's), so a stored record can
   * be judged again when an earlier one arrives late or is corrected (see business-time.ts).
   */
  readonly recordedBy: { readonly [T in E['type']]: C['type'] };
}

/**
 * Every decider is built here, so that each one refuses business time later than the clock
 * reading its command carries before any rule of its own, whoever calls it (the runner, the
 * CLI, the demo seeder, the specs). This is the only place the check runs.
 */
export const defineDecider = <C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>): Decider<C, E, S> => ({
  ...decider,
  decide: (command, state) => {
    assertNotInFuture(command.context);
    return decider.decide(command, state);
  },
});

export const fold = <E extends DomainEvent, S>(decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());
