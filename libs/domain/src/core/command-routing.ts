import { Command } from './command';
import { Decider } from './decider';
import { DomainEvent } from './event';

/** A stream a command refers to that must already exist, and the input field that names it. */
export interface Reference {
  readonly streamId: string;
  readonly field: string;
}

/** How one command type finds the stream it is decided on, and which other streams it names. */
export interface CommandRoute<C extends Command> {
  readonly stream: (data: C['data']) => string;
  readonly references?: (data: C['data']) => readonly Reference[];
}

/** One route for every command type of an aggregate: a missing or misspelt type fails to compile. */
export type CommandRoutes<C extends Command> = { readonly [T in C['type']]: CommandRoute<Extract<C, { type: T }>> };

/**
 * An aggregate's command service: its decider and how each of its commands is routed. Every
 * entry point (HTTP, CLI, seeders, importers) dispatches through these, so all go through the
 * same reference check and the same runner.
 */
export interface AggregateCommands<C extends Command = Command, E extends DomainEvent = DomainEvent, S = unknown> {
  readonly decider: Decider<C, E, S>;
  readonly routes: CommandRoutes<C>;
}

export const aggregateCommands = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  routes: CommandRoutes<C>,
): AggregateCommands<C, E, S> => ({ decider, routes });

/** The command union an aggregate's service handles. */
export type CommandOf<A> = A extends AggregateCommands<infer C, infer _E, infer _S> ? C : never;

/** Optional references: only the ids that are given are checked. */
export const referencesOf = (...candidates: readonly (Reference | false | undefined)[]): Reference[] =>
  candidates.filter((candidate): candidate is Reference => Boolean(candidate));
