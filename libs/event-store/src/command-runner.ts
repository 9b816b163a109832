import { createHash, randomUUID } from 'node:crypto';
import {
  Actor,
  Command,
  CommandContext,
  Decider,
  DomainError,
  DomainEvent,
  EventToAppend,
  RecordedEvent,
  RECORD_RETRACTED,
  RecordRetracted,
  UpcasterChain,
  effectiveHistory,
  entityWithdrawal,
  TimedRecord,
  createsEntity,
  decideInBusinessTime,
  retractionOf,
  notFound,
  ruleBroken,
  withdrawalDecider,
} from '@toc/domain';
import { commandDigest } from './command-digest';
import { EventStore, WrongExpectedVersionError } from './event-store.port';
import { KeyedQueue } from './keyed-queue';
import { StreamsInFlight } from './streams-in-flight';

/** Who sent a command and why, as taken from the request; copied into every event's metadata. */
export interface CommandEnvelope {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  readonly sourceApp: string;
  /**
   * A retried request with the same key appends nothing and gets the first result back; the
   * key is scoped to the stream and command type, and reused with another body it is refused.
   */
  readonly idempotencyKey?: string;
  /** The client's If-Match: the revision it read. A mismatch fails instead of deciding. */
  readonly expectedRevision?: number;
  /**
   * Replace an earlier event of the stream: it is retracted and the command's events take its
   * place. Withdrawing (a retraction without replacement) the creating record withdraws the
   * entity: every current record of the stream is retracted with it.
   */
  readonly correctionOf?: { readonly eventId: string; readonly reason: string };
}

export interface CommandResult {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
  /** Revision of the stream's last event: the ETag a client sends back as If-Match. */
  readonly nextExpectedRevision: number;
  readonly position: number;
  /** True when an idempotent retry found the events already stored. */
  readonly replayed: boolean;
}

/**
 * How often a command sent without If-Match is re-read and re-decided after losing a race on its
 * stream to another process before the conflict is reported (writers in one process are queued
 * per stream and never race). Each retry waits a random time that doubles with the attempt, so
 * racing processes spread out.
 */
export const CONFLICT_RETRIES = 8;

const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** attempt));

/**
 * The one command path: read the stream, fold its effective history, decide, append with the
 * revision that was read. A concurrent writer makes the append fail with
 * WrongExpectedVersionError; nothing is ever overwritten. Without If-Match the command is
 * decided again on the new history; with it the client's view no longer holds and it fails.
 */
export class CommandRunner {
  constructor(
    private readonly store: EventStore,
    private readonly upcasters: UpcasterChain,
    private readonly newEventId: () => string = randomUUID,
  ) {
    this.inFlight = new StreamsInFlight(store, upcasters);
  }

  private readonly streams = new KeyedQueue();
  private readonly inFlight: StreamsInFlight;

  async run<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    envelope: CommandEnvelope,
  ): Promise<CommandResult> {
    return this.write(streamId, command, envelope, {
      decide: (history, replaces) =>
        decideInBusinessTime(decider, history as readonly TimedRecord<E>[], {
          occurredAt: command.context.occurredAt,
          replaces,
          decide: (state) => decider.decide(command, state),
        }),
    });
  }

  /**
   * Withdraws an earlier record of the stream without a replacement. The records after it are
   * judged again by the stream's rules (`deciderOf` finds them from its records): withdrawing a
   * course's start while its sessions stand is refused. Withdrawing the record that creates the
   * entity withdraws everything about it, so nothing is left to judge.
   */
  async retract(
    streamId: string,
    context: CommandContext,
    envelope: CommandEnvelope & { correctionOf: NonNullable<CommandEnvelope['correctionOf']> },
    deciderOf: (eventType: string) => Decider<Command, DomainEvent, unknown>,
  ) {
    const withdrawal = { type: RECORD_RETRACTED, data: {}, context } as const;
    const withdrawsEntity = (history: readonly RecordedEvent[], eventId: string) =>
      history[0]?.metadata.eventId === eventId && createsEntity(deciderOf(history[0].type), history);
    return this.write(streamId, withdrawal, envelope, {
      withdrawsEntity,
      decide: (history, replaces, entity) => {
        withdrawalDecider.decide(withdrawal, null);
        const withdrawn = history.find((event) => event.metadata.eventId === replaces);
        if (withdrawn === undefined || entity) return [];
        return decideInBusinessTime(deciderOf(history[0].type), history, { occurredAt: withdrawn.metadata.occurredAt, replaces, decide: () => [] });
      },
    });
  }

  private write(streamId: string, command: Command, envelope: CommandEnvelope, plan: Plan): Promise<CommandResult> {
    return this.inFlight.writing(streamId, async (read) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.streams.run(streamId, async () => this.attempt(streamId, await read(), command, envelope, plan));
        } catch (error) {
          const retry = error instanceof WrongExpectedVersionError && envelope.expectedRevision === undefined && attempt < CONFLICT_RETRIES;
          if (!retry) throw error;
          await backoff(attempt);
        }
      }
    });
  }

  private async attempt(streamId: string, stored: readonly RecordedEvent[], command: Command, envelope: CommandEnvelope, plan: Plan): Promise<CommandResult> {
    const revision = stored.length - 1;
    const eventId = this.eventIdFactory(envelope.idempotencyKey, streamId, command.type);
    const digest = envelope.idempotencyKey
      ? commandDigest({ type: command.type, data: command.data, occurredAt: command.context.occurredAt, correction: envelope.correctionOf })
      : undefined;

    const alreadyStored = stored.filter((event) => event.metadata.eventId.startsWith(eventId.prefix));
    if (envelope.idempotencyKey && alreadyStored.length > 0) {
      assertSameRequest(alreadyStored[0], digest, envelope.idempotencyKey, streamId, command.type);
      const last = alreadyStored[alreadyStored.length - 1];
      // The first answer again: its revision, not the stream's current one, so the ETag covers only what it saw.
      return { streamId, events: alreadyStored, nextExpectedRevision: last.revision, position: last.position, replayed: true };
    }
    const withdrawal = command.type === RECORD_RETRACTED;
    // Without this, withdrawing from a stream that never existed would be an unknown event; it is a 404 like any other command.
    if (withdrawal && stored.length === 0) notFound(`stream ${streamId}`);
    if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== revision) {
      throw new WrongExpectedVersionError(streamId, envelope.expectedRevision, revision < 0 ? 'no-stream' : revision);
    }

    const history = effectiveHistory(stored);
    const correction = envelope.correctionOf;
    const entity = correction !== undefined && (plan.withdrawsEntity?.(history, correction.eventId) ?? false);
    const retractions = correction ? this.retractions(history, correction, entity) : [];
    const decided = [...retractions, ...decideUnlessWithdrawn(streamId, stored, () => plan.decide(history, correction?.eventId, entity))];
    if (decided.length === 0) return { streamId, events: [], nextExpectedRevision: revision, position: 0, replayed: false };

    const toAppend: EventToAppend[] = decided.map((event, index) => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: eventId.next(index),
        schemaVersion: this.upcasters.currentVersion(event.type),
        correlationId: envelope.correlationId,
        causationId: envelope.causationId,
        actor: envelope.actor,
        sourceApp: envelope.sourceApp,
        occurredAt: command.context.occurredAt,
        recordedAt: command.context.now,
        ...(envelope.correctionOf && event.type !== RECORD_RETRACTED ? { correctionOf: envelope.correctionOf.eventId } : {}),
        ...(digest ? { commandDigest: digest } : {}),
      },
    }));
    const result = await this.store.append(streamId, toAppend, revision < 0 ? 'no-stream' : revision);
    return { streamId, events: toAppend, ...result, replayed: false };
  }

  /**
   * The retractions that precede a correction or make a withdrawal; refuses what cannot be
   * retracted. Withdrawing the creating record (the first of the effective history) withdraws
   * the entity: the records about it go too, newest first and the creating one last, so no
   * fact about it survives in any read model and it can be recorded again from scratch.
   */
  private retractions(history: readonly RecordedEvent[], correction: { eventId: string; reason: string }, entity: boolean): RecordRetracted[] {
    const index = history.findIndex((event) => event.metadata.eventId === correction.eventId);
    if (index < 0) ruleBroken('unknown-event', `event ${correction.eventId} is not a current record of this stream`, 'correctionOf');
    if (!correction.reason.trim()) ruleBroken('reason-required', 'a correction needs a reason', 'reason');
    const targets = entity ? [...history].reverse() : [history[index]];
    return targets.map((target) => retractionOf(target, correction.reason));
  }

  /**
   * With an idempotency key, event ids derive from it (same key, same ids), so a retry is
   * recognised by the ids already in the stream; without one they are random.
   */
  private eventIdFactory(idempotencyKey: string | undefined, streamId: string, commandType: string) {
    if (!idempotencyKey) return { prefix: '\u0000', next: () => this.newEventId() };
    const digest = createHash('sha256').update(`${streamId}\u0000${commandType}\u0000${idempotencyKey}`).digest('hex');
    const prefix = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 28)}`;
    return { prefix, next: (index: number) => `${prefix}${index.toString(16).padStart(4, '0')}` };
  }
}

interface Plan {
  /**
   * Decides the command on the effective history; `replaces` is the record a correction or
   * withdrawal takes away, `entity` whether taking it away withdraws the whole entity.
   */
  readonly decide: (history: readonly RecordedEvent[], replaces: string | undefined, entity: boolean) => readonly DomainEvent[];
  /** For a withdrawal: whether taking the record away withdraws the whole entity, every record of the stream with it. */
  readonly withdrawsEntity?: (history: readonly RecordedEvent[], eventId: string) => boolean;
}

/** A key names one request: the same key with another body is a client bug, never a retry to answer. */
const assertSameRequest = (first: RecordedEvent, digest: string | undefined, key: string, streamId: string, commandType: string): void => {
  // Events stored before digests were kept cannot be compared; they are answered as retries.
  if (first.metadata.commandDigest === undefined || first.metadata.commandDigest === digest) return;
  ruleBroken(
    'idempotency-key-reused',
    `Idempotency-Key "${key}" was already used for a different ${commandType} on ${streamId}; send a new key with a new request`,
    'header:Idempotency-Key',
  );
};

/**
 * A command on a withdrawn entity finds no creating record, which the decider calls not found;
 * the client is told instead that it was withdrawn, why, and that recording it again is possible.
 */
const decideUnlessWithdrawn = (streamId: string, stored: readonly RecordedEvent[], decide: () => readonly DomainEvent[]): readonly DomainEvent[] => {
  try {
    return decide();
  } catch (error) {
    const withdrawal = error instanceof DomainError && error.kind === 'not-found' ? entityWithdrawal(stored) : undefined;
    if (!withdrawal) throw error;
    const { retracted, reason } = withdrawal.data;
    return ruleBroken(
      'record-withdrawn',
      `${streamId} was withdrawn on ${withdrawal.metadata.recordedAt} ("${reason}"): its ${retracted.type} record was retracted. ` +
        `Record it again with the command that records ${retracted.type}; until then it takes no other records`,
    );
  }
};
