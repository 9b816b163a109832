import { ProgrammeCommand, commandTarget, ruleBroken } from '@toc/domain';
import { CommandEnvelope, CommandResult, CommandRunner } from './command-runner';
import { EventStore } from './event-store.port';

/**
 * The one handler every entry point dispatches to (HTTP, CLI, demo seeder): resolves the
 * command's stream through its aggregate's routes, checks that the streams it refers to exist,
 * then decides and appends through the runner. Retractions take the same path.
 */
export class CommandService {
  constructor(
    private readonly store: EventStore,
    private readonly runner: CommandRunner,
  ) {}

  async handle(command: ProgrammeCommand, envelope: CommandEnvelope): Promise<CommandResult> {
    const target = commandTarget(command);
    if (target.kind === 'retract') {
      return this.runner.retract(target.streamId, command.context, { ...envelope, correctionOf: { eventId: target.eventId, reason: target.reason } });
    }
    for (const reference of target.references) {
      if (!(await this.exists(reference.streamId))) ruleBroken('unknown-reference', `${reference.streamId} does not exist`, reference.field);
    }
    return this.runner.run(target.decider, target.streamId, command, envelope);
  }

  private async exists(streamId: string): Promise<boolean> {
    const [first] = await this.store.readStream(streamId, { limit: 1 });
    return first !== undefined;
  }
}
