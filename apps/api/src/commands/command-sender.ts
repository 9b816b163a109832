import { Injectable } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Response } from 'express';
import { CommandData, DomainError, ProgrammeCommand, ProgrammeCommandType } from '@toc/domain';
import { CommandEnvelope, CommandResult, CommandService, WrongExpectedVersionError } from '@toc/event-store';
import { Metrics } from '../metrics/metrics';
import { Clock } from '../runtime.module';
import { AcceptedCommand, acceptedCommand } from './command-response';
import { CommandDto } from './command.dto';

/** The one command message on the bus: plain command data and who sent it. */
export class ExecuteCommand {
  constructor(
    readonly command: ProgrammeCommand,
    readonly envelope: CommandEnvelope,
  ) {}
}

@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, CommandResult> {
  constructor(
    private readonly commands: CommandService,
    private readonly metrics: Metrics,
  ) {}

  async execute({ command, envelope }: ExecuteCommand): Promise<CommandResult> {
    const stop = this.metrics.commands.startTimer({ type: command.type });
    try {
      const result = await this.commands.handle(command, envelope);
      stop({ result: result.replayed ? 'replayed' : 'accepted' });
      if (!result.replayed) this.metrics.appendedEvents.inc(result.events.length);
      return result;
    } catch (error) {
      stop({ result: error instanceof DomainError ? error.code : error instanceof WrongExpectedVersionError ? 'version-conflict' : 'error' });
      throw error;
    }
  }
}

/** What controllers call: a command from a validated DTO and the request envelope, answered as accepted. */
@Injectable()
export class CommandSender {
  constructor(
    private readonly bus: CommandBus,
    private readonly clock: Clock,
  ) {}

  async send<T extends ProgrammeCommandType>(
    response: Response,
    type: T,
    data: CommandData<T>,
    dto: Pick<CommandDto, 'occurredAt' | 'correction'>,
    envelope: CommandEnvelope,
  ): Promise<AcceptedCommand> {
    const context = { occurredAt: dto.occurredAt, now: this.clock.now().toISOString(), actor: envelope.actor };
    const correction = dto.correction ? { correctionOf: { eventId: dto.correction.eventId, reason: dto.correction.reason } } : {};
    const command = { type, data, context } as ProgrammeCommand;
    const result = await this.bus.execute<ExecuteCommand, CommandResult>(new ExecuteCommand(command, { ...envelope, ...correction }));
    return acceptedCommand(response, result);
  }
}
