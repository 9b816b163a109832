import { analysisCommands } from './analyses/analysis.commands';
import { associationCommands } from './associations/association.commands';
import { Command } from './core/command';
import { CommandOf, CommandRoute, Reference } from './core/command-routing';
import { Decider } from './core/decider';
import { DomainEvent } from './core/event';
import { courseCommands } from './courses/course.commands';
import { evaluationCommands } from './evaluation/evaluation.commands';
import { forumCommands } from './forums/forum.commands';
import { networkCommands } from './network/network.commands';
import { resourceCommands } from './resources/resource.commands';
import { seminarCommands } from './seminars/seminar.commands';
import { staffCommands } from './staff/staff.commands';
import { surveyCommands } from './surveys/survey.commands';
import { workshopCommands } from './workshops/workshop.commands';

/** Every aggregate's command service, each listed once. */
export const aggregates = [
  associationCommands,
  staffCommands,
  resourceCommands,
  analysisCommands,
  courseCommands,
  workshopCommands,
  seminarCommands,
  networkCommands,
  surveyCommands,
  forumCommands,
  evaluationCommands,
] as const;

/** Any command an aggregate decides. */
export type AggregateCommand = CommandOf<(typeof aggregates)[number]>;

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
  (aggregates as readonly unknown[] as readonly ErasedAggregate[]).flatMap((aggregate) =>
    Object.entries(aggregate.routes).map(([type, route]) => [type, { decider: aggregate.decider, route }] as const),
  ),
);

export const isProgrammeCommandType = (type: string): type is ProgrammeCommandType => type === RETRACT_RECORD || byType.has(type);

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
