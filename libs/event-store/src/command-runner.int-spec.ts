import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandData, DomainError, ProgrammeCommand, ProgrammeCommandType, RecordedEvent, domainUpcasters, effectiveHistory } from '@toc/domain';
import { CommandEnvelope, CommandResult, CommandRunner } from './command-runner';
import { CommandService } from './command-service';
import { WrongExpectedVersionError } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** The service clock of every command, and the business time of most: well after it. */
const NOW = '2011-06-30T12:00:00.000Z';
const AT = '2010-03-15T10:00:00+01:00';
const actor = { userId: 'case-worker-1', role: 'case-worker' };

const command = <T extends ProgrammeCommandType>(type: T, data: CommandData<T>): ProgrammeCommand =>
  ({ type, data, context: { occurredAt: AT, now: NOW, actor } }) as ProgrammeCommand;

const envelope = (overrides: Partial<CommandEnvelope> = {}): CommandEnvelope => ({
  correlationId: randomUUID(),
  causationId: null,
  actor,
  sourceApp: 'int-spec',
  ...overrides,
});

const seat = (seatHolderId: string) => command('TakeForumSeat', { forumId: 'f-1', seatHolderId, background: 'ethnic-minority' });

describe('CommandService and CommandRunner on a SQLite event store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let service: CommandService;

  /** Sends a command that must be accepted; what a test builds on. */
  const accepted = (toSend: ProgrammeCommand, overrides: Partial<CommandEnvelope> = {}): Promise<CommandResult> => service.handle(toSend, envelope(overrides));

  /** Checks that the refusal left the whole store as it was. */
  const expectUnchanged = async (before: readonly RecordedEvent[]) => expect(await store.readAll()).toEqual(before);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'toc-command-runner-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    service = new CommandService(store, new CommandRunner(store, domainUpcasters));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('idempotency', () => {
    it('answers a command sent again with the same key with the first result and appends nothing', async () => {
      const register = command('RegisterStaffMember', { staffId: 's-1', role: 'frontline', employer: 'municipality', housingArea: 'tingbjerg-husum' });
      const first = await accepted(register, { idempotencyKey: 'register-s-1' });
      const stored = await store.readAll();

      const retry = await accepted(register, { idempotencyKey: 'register-s-1' });

      expect(first.replayed).toBe(false);
      // The retry reads its events back from the store, so they carry their stream and positions too.
      expect(retry).toMatchObject({ ...first, replayed: true });
      await expectUnchanged(stored);
    });

    it('runs the same command with a new key as a new command, which the decider refuses', async () => {
      const register = command('RegisterStaffMember', { staffId: 's-1', role: 'frontline', employer: 'municipality', housingArea: 'tingbjerg-husum' });
      await accepted(register, { idempotencyKey: 'register-s-1' });
      const stored = await store.readAll();

      await expect(accepted(register, { idempotencyKey: 'register-s-1-again' })).rejects.toMatchObject({ kind: 'already-exists' });
      await expectUnchanged(stored);
    });
    describe('the same key with another body', () => {
      const register = (role: CommandData<'RegisterStaffMember'>['role']) => command('RegisterStaffMember', { staffId: 's-1', role, employer: 'municipality', housingArea: 'tingbjerg-husum' });

      it('refuses it with idempotency-key-reused and writes nothing', async () => {
        await accepted(register('frontline'), { idempotencyKey: 'register-s-1' });
        const stored = await store.readAll();

        const reused = accepted(register('manager'), { idempotencyKey: 'register-s-1' });

        await expect(reused).rejects.toThrow(DomainError);
        await expect(reused).rejects.toMatchObject({ kind: 'rule', code: 'idempotency-key-reused', field: 'header:Idempotency-Key' });
        await expectUnchanged(stored);
      });

      it('refuses another business time or another correction under the same key', async () => {
        const first = await accepted(register('frontline'), { idempotencyKey: 'register-s-1' });
        const later = { ...register('frontline'), context: { ...register('frontline').context, occurredAt: '2010-03-16T10:00:00+01:00' } } as ProgrammeCommand;
        const correction = { eventId: first.events[0].metadata.eventId, reason: 'typo' };

        await expect(accepted(later, { idempotencyKey: 'register-s-1' })).rejects.toMatchObject({ code: 'idempotency-key-reused' });
        await expect(accepted(register('frontline'), { idempotencyKey: 'register-s-1', correctionOf: correction })).rejects.toMatchObject({ code: 'idempotency-key-reused' });
      });

      it('lets exactly one of 50 concurrent different bodies through and refuses the others', async () => {
        const CONCURRENT = 50;
        const use = (index: number) => command('RecordResourceUse', { allocationId: 'r-1', hours: 481, note: `use ${index}` });
        await accepted(
          command('AllocateResource', { allocationId: 'r-1', resourceLine: 'R1', kind: 'staff-time', unit: 'fte', amount: 100, periodStart: '2010-01-01', periodEnd: '2010-12-31' }),
        );

        const outcomes = await Promise.allSettled(Array.from({ length: CONCURRENT }, (_, index) => accepted(use(index), { idempotencyKey: 'use-once' })));

        const fulfilled = outcomes.filter((outcome): outcome is PromiseFulfilledResult<CommandResult> => outcome.status === 'fulfilled');
        const rejected = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        expect(fulfilled).toHaveLength(1);
        expect(fulfilled[0].value.replayed).toBe(false);
        expect(rejected.map(({ reason }) => (reason as DomainError).code)).toEqual(Array(CONCURRENT - 1).fill('idempotency-key-reused'));
        const uses = (await store.readStream('resource-r-1')).slice(1);
        expect(uses.map((event) => event.data)).toEqual([fulfilled[0].value.events[0].data]);
      });
    });
  });

  describe('If-Match (expected revision)', () => {
    const correction = (reason: string) => command('CorrectStaffMemberDetails', { staffId: 's-1', role: 'manager', reason });

    beforeEach(async () => {
      await accepted(command('RegisterStaffMember', { staffId: 's-1', role: 'frontline', employer: 'municipality', housingArea: 'tingbjerg-husum' }));
      await accepted(command('CorrectStaffMemberDetails', { staffId: 's-1', employer: 'housing-association', reason: 'employer mistyped' }));
    });

    it('fails a stale expected revision with WrongExpectedVersionError and writes nothing', async () => {
      const stored = await store.readAll();
      const stale = accepted(correction('promoted'), { expectedRevision: 0 });

      await expect(stale).rejects.toThrow(WrongExpectedVersionError);
      await expect(stale).rejects.toMatchObject({ streamId: 'staff-s-1', expected: 0, actual: 1 });
      await expectUnchanged(stored);
    });

    it('accepts the current revision and answers with the next', async () => {
      const result = await accepted(correction('promoted'), { expectedRevision: 1 });

      expect(result.nextExpectedRevision).toBe(2);
      expect(await store.readStream('staff-s-1')).toHaveLength(3);
    });
  });

  describe('corrections', () => {
    let secondSeat: string;

    beforeEach(async () => {
      await accepted(command('RegisterForum', { forumId: 'f-1', name: 'Resident board', forumType: 'resident-board', housingArea: 'tingbjerg-husum', seats: 2 }));
      await accepted(seat('sh-1'));
      secondSeat = (await accepted(seat('sh-2'))).events[0].metadata.eventId;
    });

    it('appends the retraction and the replacement together, judged without the corrected record', async () => {
      // The forum is full: the replacement passes only because the seat it replaces no longer counts.
      const result = await accepted(seat('sh-3'), { correctionOf: { eventId: secondSeat, reason: 'seat holder mistyped' } });

      expect(result.nextExpectedRevision).toBe(4);
      const [retraction, replacement] = (await store.readStream('forum-f-1')).slice(-2);
      expect(retraction).toMatchObject({ revision: 3, type: 'RecordRetracted', data: { retractedEventId: secondSeat, reason: 'seat holder mistyped' } });
      expect(retraction.metadata.correctionOf).toBeUndefined();
      expect(replacement).toMatchObject({ revision: 4, type: 'ForumSeatTaken', data: { seatHolderId: 'sh-3' }, metadata: { correctionOf: secondSeat } });
      expect(replacement.position).toBe(retraction.position + 1);
    });

    it('writes neither the retraction nor the replacement when the replacement breaks a rule', async () => {
      const stored = await store.readAll();
      const refused = accepted(seat('sh-1'), { correctionOf: { eventId: secondSeat, reason: 'seat holder mistyped' } });

      await expect(refused).rejects.toThrow(DomainError);
      await expect(refused).rejects.toMatchObject({ code: 'already-seated', field: 'seatHolderId' });
      await expectUnchanged(stored);
    });

    it('withdraws a record through RetractRecord, after which it no longer counts', async () => {
      const retract = command('RetractRecord', { streamId: 'forum-f-1', eventId: secondSeat, reason: 'never took the seat' });
      const result = await accepted(retract);

      expect(result.events).toMatchObject([{ type: 'RecordRetracted', data: { retractedEventId: secondSeat, reason: 'never took the seat' } }]);
      expect(result.events[0].metadata.correctionOf).toBeUndefined();
      await expect(accepted(seat('sh-3'))).resolves.toMatchObject({ nextExpectedRevision: 4 });
    });
  });

  describe('a stream without a creating record', () => {
    const answer = (wave: 'baseline' | 'follow-up') =>
      command('AnswerSurvey', {
        respondentId: 'resp-1',
        respondentKind: 'association-representative',
        associationId: 'a-1',
        wave,
        answers: [{ statement: 'assoc-better-communication', score: 3 }],
      });

    it("withdraws only a respondent's first answer: the follow-up stands on its own", async () => {
      await accepted(command('RegisterAssociation', { associationId: 'a-1', name: 'Forening', housingArea: 'tingbjerg-husum', associationType: 'women', sizeBand: '11-50' }));
      const baseline = (await accepted(answer('baseline'))).events[0].metadata.eventId;
      const followUp = (await accepted(answer('follow-up'))).events[0].metadata.eventId;

      const result = await accepted(command('RetractRecord', { streamId: 'respondent-resp-1', eventId: baseline, reason: 'answered by someone else' }));

      expect(result.events.map((event) => (event.data as { retractedEventId: string }).retractedEventId)).toEqual([baseline]);
      expect(effectiveHistory(await store.readStream('respondent-resp-1')).map((event) => event.metadata.eventId)).toEqual([followUp]);
    });
  });

  describe('the creating record', () => {
    let creation: string;
    const register = (seats: number) => command('RegisterForum', { forumId: 'f-1', name: 'Resident board', forumType: 'resident-board', housingArea: 'tingbjerg-husum', seats });

    beforeEach(async () => {
      creation = (await accepted(register(2))).events[0].metadata.eventId;
      await accepted(seat('sh-1'));
      await accepted(seat('sh-2'));
    });

    it('is corrected like any record: the replacement takes its place and the later records still count', async () => {
      const result = await accepted(register(3), { correctionOf: { eventId: creation, reason: 'the board has three seats' } });

      expect(result.events).toMatchObject([
        { type: 'RecordRetracted', data: { retractedEventId: creation, reason: 'the board has three seats' } },
        { type: 'ForumRegistered', data: { seats: 3 }, metadata: { correctionOf: creation } },
      ]);
      await expect(accepted(seat('sh-1'))).rejects.toMatchObject({ code: 'already-seated' });
      await accepted(seat('sh-3'));
      await expect(accepted(seat('sh-4'))).rejects.toMatchObject({ code: 'forum-full' });
    });

    it('refuses a correction of the creating record that breaks a rule, and writes nothing', async () => {
      const stored = await store.readAll();

      await expect(accepted(register(0), { correctionOf: { eventId: creation, reason: 'typo' } })).rejects.toMatchObject({ code: 'invalid-seat-count' });
      await expectUnchanged(stored);
    });

    it('withdrawn, takes every record about the entity with it, newest first and the creating one last', async () => {
      const before = (await store.readStream('forum-f-1')).map((event) => event.metadata.eventId);
      const result = await accepted(command('RetractRecord', { streamId: 'forum-f-1', eventId: creation, reason: 'the board was never set up' }));

      expect(result.events.map((event) => (event.data as { retractedEventId: string }).retractedEventId)).toEqual([...before].reverse());
      expect(result.events.every((event) => event.type === 'RecordRetracted' && (event.data as { reason: string }).reason === 'the board was never set up')).toBe(true);
    });

    it('withdrawn, refuses later commands with record-withdrawn until it is recorded again', async () => {
      await accepted(command('RetractRecord', { streamId: 'forum-f-1', eventId: creation, reason: 'the board was never set up' }));
      const stored = await store.readAll();

      const refused = accepted(seat('sh-3'));
      await expect(refused).rejects.toMatchObject({ kind: 'rule', code: 'record-withdrawn' });
      await expect(refused).rejects.toThrow(/forum-f-1 was withdrawn .*"the board was never set up".*ForumRegistered record was retracted\. Record it again/);
      await expectUnchanged(stored);

      await accepted(register(1));
      // The withdrawn seats are gone with it: the one seat is free for a holder who had one before.
      await accepted(seat('sh-1'));
      await expect(accepted(seat('sh-2'))).rejects.toMatchObject({ code: 'forum-full' });
    });
  });

  describe('references', () => {
    it('refuses a command naming a stream that does not exist with unknown-reference and writes nothing', async () => {
      await accepted(command('DesignCourse', { courseId: 'c-1', title: 'Rights', housingArea: 'tingbjerg-husum', modules: ['rights'], plannedSessions: 4 }));
      const stored = await store.readAll();
      const refused = accepted(command('EnrolAssociation', { courseId: 'c-1', associationId: 'a-404', representativeIds: ['rep-1'] }));

      await expect(refused).rejects.toThrow(DomainError);
      await expect(refused).rejects.toMatchObject({ kind: 'rule', code: 'unknown-reference', field: 'associationId' });
      await expectUnchanged(stored);
    });
  });

  describe('concurrent commands on one stream', () => {
    const CONCURRENT = 20;
    const concurrently = <T>(send: (index: number) => Promise<T>) => Promise.allSettled(Array.from({ length: CONCURRENT }, (_, index) => send(index)));
    const use = (index: number) => command('RecordResourceUse', { allocationId: 'r-1', hours: 481, note: `use ${index}` });

    beforeEach(async () => {
      await accepted(
        command('AllocateResource', { allocationId: 'r-1', resourceLine: 'R1', kind: 'staff-time', unit: 'fte', amount: 1, periodStart: '2010-01-01', periodEnd: '2010-12-31' }),
      );
    });

    it('lets every use of one allocation through when no If-Match is sent', async () => {
      const outcomes = await concurrently((index) => accepted(use(index)));

      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
      const uses = (await store.readStream('resource-r-1')).slice(1);
      expect(uses.map((event) => event.revision)).toEqual(Array.from({ length: CONCURRENT }, (_, index) => index + 1));
      expect(uses.map((event) => (event.data as { note: string }).note).sort()).toEqual(Array.from({ length: CONCURRENT }, (_, index) => `use ${index}`).sort());
    });

    it('lets every enrolment of a different association into one course through when no If-Match is sent', async () => {
      await accepted(command('DesignCourse', { courseId: 'c-1', title: 'Rights', housingArea: 'tingbjerg-husum', modules: ['rights'], plannedSessions: 4 }));
      for (let index = 0; index < CONCURRENT; index++) {
        await accepted(command('RegisterAssociation', { associationId: `a-${index}`, name: `Association ${index}`, housingArea: 'tingbjerg-husum', associationType: 'women', sizeBand: '11-50' }));
      }

      const outcomes = await concurrently((index) => accepted(command('EnrolAssociation', { courseId: 'c-1', associationId: `a-${index}`, representativeIds: [`rep-${index}`] })));

      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
      const enrolled = (await store.readStream('course-c-1')).slice(1).map((event) => (event.data as { associationId: string }).associationId);
      expect(enrolled.sort()).toEqual(Array.from({ length: CONCURRENT }, (_, index) => `a-${index}`).sort());
    });

    it('lets every use through when two processes on one file write the stream at once, each seeing the other\'s records', async () => {
      const other = SqliteEventStore.open(join(dir, 'events.sqlite'));
      const otherService = new CommandService(other, new CommandRunner(other, domainUpcasters));
      try {
        const outcomes = await concurrently((index) => (index % 2 === 0 ? accepted(use(index)) : otherService.handle(use(index), envelope())));

        expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
        const uses = (await store.readStream('resource-r-1')).slice(1);
        expect(uses.map((event) => event.revision)).toEqual(Array.from({ length: CONCURRENT }, (_, index) => index + 1));
        // A later command on either side decides on every record, whichever process wrote it.
        const last = await otherService.handle(use(CONCURRENT), envelope());
        expect(last.nextExpectedRevision).toBe(CONCURRENT + 1);
      } finally {
        await other.close();
      }
    });

    it('lets one command through and fails the others when all send the same If-Match', async () => {
      const outcomes = await concurrently((index) => accepted(use(index), { expectedRevision: 0 }));

      const rejected = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(rejected).toHaveLength(CONCURRENT - 1);
      for (const { reason } of rejected) expect(reason).toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream('resource-r-1')).toHaveLength(2);
    });
  });
});
