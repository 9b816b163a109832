import { Injectable } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Command, Decider, DomainEvent, ruleBroken } from '@toc/domain';
import { CommandEnvelope, CommandResult } from '@toc/event-store';
import { Runtime } from '@toc/runtime';
import { Clock } from '../runtime.module';
import { CommandDto } from './command.dto';

/** A stream the command refers to that must already exist, and the input field that names it. */
export interface Reference {
  readonly streamId: string;
  readonly field: string;
}

/** The one command message on the bus: any decider, any stream. */
export class RunDomainCommand {
  constructor(
    readonly decider: Decider<Command, DomainEvent, unknown>,
    readonly streamId: string,
    readonly command: Command,
    readonly envelope: CommandEnvelope,
    readonly references: readonly Reference[],
  ) {}
}

@CommandHandler(RunDomainCommand)
export class RunDomainCommandHandler implements ICommandHandler<RunDomainCommand, CommandResult> {
  constructor(private readonly runtime: Runtime) {}

  async execute({ decider, streamId, command, envelope, references }: RunDomainCommand): Promise<CommandResult> {
    for (const reference of references) {
      const [first] = await this.runtime.events.readStream(reference.streamId, { limit: 1 });
      if (!first) ruleBroken('unknown-reference', `${reference.streamId} does not exist`, reference.field);
    }
    return this.runtime.commands.run(decider, streamId, command, envelope);
  }
}

/** What controllers call: builds the command from a validated DTO and the request envelope. */
@Injectable()
export class CommandSender {
  constructor(
    private readonly bus: CommandBus,
    private readonly clock: Clock,
  ) {}

  send<C extends Command, E extends DomainEvent, S, T extends C['type']>(
    decider: Decider<C, E, S>,
    streamId: string,
    type: T,
    data: Extract<C, { type: T }>['data'],
    dto: CommandDto,
    envelope: CommandEnvelope,
    references: readonly Reference[] = [],
  ): Promise<CommandResult> {
    const command = { type, data, context: { occurredAt: dto.occurredAt, now: this.clock.now().toISOString(), actor: envelope.actor } } as unknown as C;
    const correction = dto.correction ? { correctionOf: { eventId: dto.correction.eventId, reason: dto.correction.reason } } : {};
    return this.bus.execute(
      new RunDomainCommand(decider as unknown as Decider<Command, DomainEvent, unknown>, streamId, command, { ...envelope, ...correction }, references),
    );
  }
}
