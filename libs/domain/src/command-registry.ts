import { Command } from './core/command';
import { CommandOf, CommandRoute, Reference } from './core/command-routing';
import { Decider } from './core/decider';
import { DomainEvent } from './core/event';
import { programmeAggregates } from './programme';


/** Any command an aggregate decides. */
export type AggregateCommand = CommandOf<(typeof programmeAggregates)[number]>;

/** Withdraws an earlier record of any stream without a replacement. */
export type RetractRecord = Command<'RetractRecord', { readonly streamId: string; readonly eventId: string; readonly reason: string }>;

/** Every command the service accepts, whichever entry point sends it. */
export type ProgrammeCommand = AggregateCommand | RetractRecord;

export type ProgrammeCommandType = ProgrammeCommand['type'];

export const RETRACT_RECORD = 'RetractRecord' satisfies RetractRecord['type'];

/** The data a command of one type carries. */
export type CommandData<T extends ProgrammeCommandType> = Extract<ProgrammeCommand, { type: T }>['data'];

/** Where a command goes: the decider and stream it is decided on, or the stream a retraction withdraws from. */
export type CommandTarget =
  | {
      readonly kind: 'decide';
      readonly decider: Decider<Command, DomainEvent, unknown>;
      readonly streamId: string;
      readonly references: readonly Reference[];
    }
  | { readonly kind: 'retract'; readonly streamId: string; readonly eventId: string; readonly reason: string };

type ErasedAggregate = { readonly decider: Decider<Command, DomainEvent, unknown>; readonly routes: Readonly<Record<string, CommandRoute<Command>>> };

// The mapped types of each aggregate guarantee a route per command; erased here once for lookup by type.
const byType = new Map<string, { decider: ErasedAggregate['decider']; route: CommandRoute<Command> }>(
  (programmeAggregates as readonly unknown[] as readonly ErasedAggregate[]).flatMap((aggregate) =>
    Object.entries(aggregate.routes).map(([type, route]) => [type, { decider: aggregate.decider, route }] as const),
  ),
);

const byEventType = new Map<string, ErasedAggregate['decider']>(
  (programmeAggregates as readonly unknown[] as readonly ErasedAggregate[]).flatMap((aggregate) =>
    Object.keys(aggregate.decider.recordedBy).map((type) => [type, aggregate.decider] as const),
  ),
);

/** The decider whose rules a stream follows, found from the type of one of its records. */
export const deciderRecording = (eventType: string): ErasedAggregate['decider'] => {
  const decider = byEventType.get(eventType);
  if (!decider) throw new Error(`no aggregate records ${eventType}`);
  return decider;
};

const routeRecording = (eventType: string): CommandRoute<Command> => byType.get(deciderRecording(eventType).recordedBy[eventType])!.route;

/** The streams a stored record refers to, found by the route of the command that records it. */
export const recordReferences = (eventType: string, data: unknown): readonly Reference[] => routeRecording(eventType).references?.(data) ?? [];

/** The event types whose records can refer to other streams. */
export const referringEventTypes: readonly string[] = [...byEventType.keys()].filter((type) => routeRecording(type).references !== undefined);

/** Resolves a command to its stream, decider and references. */
export const commandTarget = (command: ProgrammeCommand): CommandTarget => {
  if (command.type === RETRACT_RECORD) {
    const { streamId, eventId, reason } = command.data as RetractRecord['data'];
    return { kind: 'retract', streamId, eventId, reason };
  }
  const entry = byType.get(command.type);
  if (!entry) throw new Error(`no aggregate handles command ${command.type}`);
  return {
    kind: 'decide',
    decider: entry.decider,
    streamId: entry.route.stream(command.data),
    references: entry.route.references?.(command.data) ?? [],
  };
};
