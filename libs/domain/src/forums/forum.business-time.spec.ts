import { contextAt, deciderSpec } from '../testing/decider-specification';
import { LeaveForumSeat, RecordForumInput, RegisterForum, TakeForumSeat, forumDecider } from './forum.decider';
import { ForumInputGiven, ForumRegistered, ForumSeatLeft, ForumSeatTaken } from './forum.events';

const spec = deciderSpec(forumDecider);
const forumId = 'f-1';

const registered = (seats = 2): ForumRegistered => ({
  type: 'ForumRegistered',
  data: { forumId, name: 'Beboerbestyrelsen Mjølnerparken', forumType: 'resident-board', housingArea: 'mjolnerparken', seats },
});
const seatTaken = (seatHolderId: string): ForumSeatTaken => ({ type: 'ForumSeatTaken', data: { forumId, seatHolderId, background: 'not-disclosed' } });
const seatLeft = (seatHolderId: string): ForumSeatLeft => ({ type: 'ForumSeatLeft', data: { forumId, seatHolderId } });
const inputGiven = (inputId = 'i-1'): ForumInputGiven => ({
  type: 'ForumInputGiven',
  data: { forumId, inputId, kind: 'hearing-response', summary: 'Høringssvar om helhedsplanen' },
});

const register = (occurredAt: string, seats = 2): RegisterForum => ({ type: 'RegisterForum', data: registered(seats).data, context: contextAt(occurredAt) });
const take = (occurredAt: string, seatHolderId: string): TakeForumSeat => ({
  type: 'TakeForumSeat',
  data: seatTaken(seatHolderId).data,
  context: contextAt(occurredAt),
});
const leave = (occurredAt: string, seatHolderId: string): LeaveForumSeat => ({
  type: 'LeaveForumSeat',
  data: seatLeft(seatHolderId).data,
  context: contextAt(occurredAt),
});
const giveInput = (occurredAt: string, inputId = 'i-1'): RecordForumInput => ({
  type: 'RecordForumInput',
  data: inputGiven(inputId).data,
  context: contextAt(occurredAt),
});

/** Two seats from January; h-1 and h-2 seated in February, h-1 leaves in May; an input in September. */
const history = [
  ['2010-01-10T10:00:00Z', registered()],
  ['2010-02-01T10:00:00Z', seatTaken('h-1')],
  ['2010-02-15T10:00:00Z', seatTaken('h-2')],
  ['2010-05-01T10:00:00Z', seatLeft('h-1')],
  ['2010-09-01T10:00:00Z', inputGiven()],
] as const;

/** The same, with h-3 taking the seat h-1 left, in June. */
const withNewcomer = [...history, ['2010-06-01T10:00:00Z', seatTaken('h-3')]] as const;

describe('forum rules in business time', () => {
  describe('seats', () => {
    it('given a forum registered in January, when a seat taken in the previous December arrives, then it is refused as before the first record', () => {
      spec.recorded(history).when(take('2009-12-01T10:00:00Z', 'h-3')).thenFails('rule', 'before-first-record', 'occurredAt');
    });

    it('given h-2 seated on 15 February, when h-2 leaving on 10 February arrives late, then it is refused: h-2 had no seat yet', () => {
      spec.recorded(history).when(leave('2010-02-10T10:00:00Z', 'h-2')).thenFails('rule', 'not-seated', 'seatHolderId');
    });

    it('given both seats taken until May, when a seat taken in March arrives late, then it is refused although a seat is free now', () => {
      spec.recorded(history).when(take('2010-03-01T10:00:00Z', 'h-3')).thenFails('rule', 'forum-full');
    });

    it('given a seat free from May, when a seat taken in June arrives late, then it is recorded', () => {
      spec.recorded(history).when(take('2010-06-01T10:00:00Z', 'h-3')).then([seatTaken('h-3')]);
    });

    it('given h-1 seated from February to May, when h-1 taking a seat in March arrives late, then it is refused: h-1 was seated then', () => {
      spec.recorded(history).when(take('2010-03-01T10:00:00Z', 'h-1')).thenFails('rule', 'already-seated', 'seatHolderId');
    });

    it('given h-1 left in May, when h-1 taking a seat again in June arrives late, then it is recorded', () => {
      spec.recorded(history).when(take('2010-06-01T10:00:00Z', 'h-1')).then([seatTaken('h-1')]);
    });

    it('given both seats taken in February, when a seat taken in January arrives late, then it is refused: h-2 would have found the forum full', () => {
      spec.recorded(history).when(take('2010-01-20T10:00:00Z', 'h-3')).thenFails('rule', 'invalidates-record');
    });

    it('given h-3 seated in June in the seat h-1 left, when the leave is withdrawn, then it is refused: h-3 would have found the forum full', () => {
      spec.recorded(withNewcomer).whenWithdrawing(3).thenFails('rule', 'invalidates-record');
    });

    it('given no one seated after h-1 left, when the leave is withdrawn, then nothing else is at stake', () => {
      spec.recorded(history).whenWithdrawing(3).then([]);
    });

    it('given h-3 seated in June, when h-1 leaving is corrected to April, then the replacement is recorded', () => {
      spec.recorded(withNewcomer).whenCorrecting(3, leave('2010-04-01T10:00:00Z', 'h-1')).then([seatLeft('h-1')]);
    });

    it('given h-3 seated in June, when h-1 leaving is corrected to July, then it is refused: h-3 would have found the forum full', () => {
      spec.recorded(withNewcomer).whenCorrecting(3, leave('2010-07-01T10:00:00Z', 'h-1')).thenFails('rule', 'invalidates-record');
    });

    it('given h-1 seated in February, when h-1 leaving is corrected to January, then it is refused: h-1 had no seat yet', () => {
      spec.recorded(history).whenCorrecting(3, leave('2010-01-20T10:00:00Z', 'h-1')).thenFails('rule', 'not-seated', 'seatHolderId');
    });

    it('given two seat holders at once in February, when the forum is corrected to one seat, then it is refused: h-2 would have found the forum full', () => {
      spec.recorded(history).whenCorrecting(0, register('2010-01-10T10:00:00Z', 1)).thenFails('rule', 'invalidates-record');
    });

    it('given two seat holders at once in February, when the forum is corrected to three seats, then the replacement is recorded', () => {
      spec.recorded(history).whenCorrecting(0, register('2010-01-10T10:00:00Z', 3)).then([registered(3)]);
    });

    it('given seats taken in February, when the registration is corrected to March, then it is refused: the seats would be taken before it', () => {
      spec.recorded(history).whenCorrecting(0, register('2010-03-01T10:00:00Z')).thenFails('rule', 'invalidates-record');
    });
  });

  describe('inputs', () => {
    it('given a forum registered in January, when an input of the previous December arrives, then it is refused as before the first record', () => {
      spec.recorded(history).when(giveInput('2009-12-01T10:00:00Z', 'i-2')).thenFails('rule', 'before-first-record', 'occurredAt');
    });

    it('given an input of September, when another input of June arrives late, then it is recorded', () => {
      spec.recorded(history).when(giveInput('2010-06-01T10:00:00Z', 'i-2')).then([inputGiven('i-2')]);
    });

    it('given input i-1 of September, when input i-1 of October arrives, then it is refused: it is already recorded', () => {
      spec.recorded(history).when(giveInput('2010-10-01T10:00:00Z')).thenFails('rule', 'input-already-recorded', 'inputId');
    });

    it('given input i-1 of September, when input i-1 of June arrives late, then it is refused: the September record would repeat it', () => {
      spec.recorded(history).when(giveInput('2010-06-01T10:00:00Z')).thenFails('rule', 'invalidates-record');
    });

    it('given input i-1 of September, when it is corrected to March, then the replacement is recorded', () => {
      spec.recorded(history).whenCorrecting(4, giveInput('2010-03-01T10:00:00Z')).then([inputGiven()]);
    });
  });
});
