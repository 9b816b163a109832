import { Command } from './command';
import { DomainEvent } from './event';

/**
 * A pure decider: `decide` turns a command into events given the current state (or throws a
 * DomainError), `evolve` folds one event into the state. No I/O, no clock, no randomness.
 */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  readonly initialState: () => S;
  readonly decide: (command: C, state: S) => readonly E[];
  readonly evolve: (state: S, event: E) => S;
}

export const fold = <E extends DomainEvent, S>(decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());
