import { ProgrammeCommand, Reference, assertNoPersonalDataInCommand, commandTarget, deciderRecording, effectiveHistory, inBusinessTimeOrder, ruleBroken } from '@toc/domain';
import { CommandEnvelope, CommandResult, CommandRunner } from './command-runner';
import { EventLogReader } from './event-log.port';
import { EventStore } from './event-store.port';
import { referringRecords } from './referring-records';

/** How many of the records a refused change would leave invalid are named in the refusal. */
const NAMED_RECORDS = 5;

/**
 * The one handler every entry point dispatches to (HTTP, CLI, demo seeder): resolves the
 * command's stream through its aggregate's routes, checks that the streams it refers to were
 * recorded by its business time, then decides and appends through the runner. Retractions take
 * the same path. Free text that looks like personal data is refused first, before anything is read.
 */
export class CommandService {
  constructor(
    private readonly store: EventStore & EventLogReader,
    private readonly runner: CommandRunner,
  ) {}

  async handle(command: ProgrammeCommand, envelope: CommandEnvelope): Promise<CommandResult> {
    assertNoPersonalDataInCommand(command, envelope.correctionOf?.reason);
    const target = commandTarget(command);
    if (target.kind === 'retract') {
      const correctionOf = { eventId: target.eventId, reason: target.reason };
      await this.assertReferringRecordsHold(target.streamId, target.eventId, undefined);
      return this.runner.retract(target.streamId, command.context, { ...envelope, correctionOf }, deciderRecording);
    }
    for (const reference of target.references) await this.assertRecordedBy(reference, command.context.occurredAt);
    if (envelope.correctionOf) await this.assertReferringRecordsHold(target.streamId, envelope.correctionOf.eventId, command.context.occurredAt);
    return this.runner.run(target.decider, target.streamId, command, envelope);
  }

  /**
   * An enrolment, attendance, seat or membership needs its association, staff member or forum to
   * exist at the record's own business time: recorded, not withdrawn, and first recorded as of
   * then or earlier.
   */
  private async assertRecordedBy({ streamId, field }: Reference, occurredAt: string): Promise<void> {
    const stored = await this.store.readStream(streamId);
    if (stored.length === 0) ruleBroken('unknown-reference', `${streamId} does not exist`, field);
    const [first] = inBusinessTimeOrder(effectiveHistory(stored));
    if (first === undefined) ruleBroken('reference-withdrawn', `${streamId} was withdrawn; record it again first`, field);
    if (Date.parse(first.metadata.occurredAt) > Date.parse(occurredAt)) {
      ruleBroken(
        'reference-not-yet-recorded',
        `${streamId} is first recorded as of ${first.metadata.occurredAt}, after this record's business time ${occurredAt}`,
        field,
      );
    }
  }

  /**
   * The same rule seen from the other side: the creating record of an entity that other streams
   * refer to is not withdrawn, nor corrected to a business time after theirs, while they stand.
   * `correctedTo` is the business time of the replacement; undefined for a withdrawal.
   */
  private async assertReferringRecordsHold(streamId: string, eventId: string, correctedTo: string | undefined): Promise<void> {
    const [creating] = effectiveHistory(await this.store.readStream(streamId));
    if (creating?.metadata.eventId !== eventId) return;
    const referring = await referringRecords(this.store, streamId);
    const broken = correctedTo === undefined ? referring : referring.filter((event) => Date.parse(event.metadata.occurredAt) < Date.parse(correctedTo));
    if (broken.length === 0) return;
    const named = broken.slice(0, NAMED_RECORDS).map((event) => `${event.type} ${event.metadata.eventId} of ${event.metadata.occurredAt} in ${event.streamId}`);
    const more = broken.length > NAMED_RECORDS ? ` and ${broken.length - NAMED_RECORDS} more` : '';
    ruleBroken(
      'invalidates-record',
      `${broken.length} record(s) of other streams refer to ${streamId} ${correctedTo === undefined ? '' : `before ${correctedTo} `}` +
        `(${named.join('; ')}${more}); correct or withdraw them first`,
    );
  }
}
