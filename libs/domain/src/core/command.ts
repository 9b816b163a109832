import { Actor } from './event';

/** What every command carries from outside: business time, the clock reading and the actor. */
export interface CommandContext {
  /** Business time of the fact (ISO-8601). */
  readonly occurredAt: string;
  /** The service clock when the command arrived (ISO-8601); deciders never read a clock. */
  readonly now: string;
  readonly actor: Actor;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly context: CommandContext;
}
