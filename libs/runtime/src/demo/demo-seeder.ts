import { ProgrammeCommand, RETRACT_RECORD } from '@toc/domain';
import { CommandEnvelope, CommandService } from '@toc/event-store';
import { demoProgramme } from './demo-programme';
import { DemoStep } from './demo-step';

/** Where a labelled step's event was recorded, for the step that corrects or retracts it. */
interface RecordedEvent {
  readonly streamId: string;
  readonly eventId: string;
}

/**
 * Records the demo programme through the one command service, so every step passes the same
 * reference check and rules as a command sent over HTTP. Each step carries the idempotency key
 * `demo-<index>`, so seeding a store a second time appends nothing.
 */
export const seedDemo = async (runtime: { readonly commands: Pick<CommandService, 'handle'> }): Promise<{ commands: number; lastPosition: number }> => {
  const steps = demoProgramme();
  const recorded = new Map<string, RecordedEvent>();
  const recordedBy = (label: string): RecordedEvent => {
    const event = recorded.get(label);
    if (!event) throw new Error(`demo step "${label}" must come before the step that corrects or retracts it`);
    return event;
  };
  /** The command as sent: a retraction names the stream and event its labelled step recorded. */
  const commandOf = (step: DemoStep): ProgrammeCommand =>
    step.retraction === undefined
      ? step.command
      : { type: RETRACT_RECORD, data: { ...recordedBy(step.retraction), reason: step.command.data.reason }, context: step.command.context };

  let lastPosition = 0;
  for (const [index, step] of steps.entries()) {
    const envelope: CommandEnvelope = {
      correlationId: `demo-${index}`,
      causationId: null,
      actor: step.command.context.actor,
      sourceApp: step.sourceApp,
      idempotencyKey: `demo-${index}`,
      ...(step.correctionOf && { correctionOf: { eventId: recordedBy(step.correctionOf.label).eventId, reason: step.correctionOf.reason } }),
    };
    const result = await runtime.commands.handle(commandOf(step), envelope);
    if (step.label) recorded.set(step.label, { streamId: result.streamId, eventId: result.events[result.events.length - 1].metadata.eventId });
    lastPosition = Math.max(lastPosition, result.position);
  }
  return { commands: steps.length, lastPosition };
};
