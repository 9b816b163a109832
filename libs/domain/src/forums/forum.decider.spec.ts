import { ForumInputKind, ForumType, HousingArea, SeatHolderBackground } from '../model/reference-data';
import { deciderSpec, testContext } from '../testing/decider-specification';
import { forumCommandTypes, forumDecider, LeaveForumSeat, RecordForumInput, RegisterForum, TakeForumSeat } from './forum.decider';
import { ForumEvent, ForumRegistered, ForumSeatTaken } from './forum.events';

const spec = deciderSpec(forumDecider);
const context = testContext();
const forumId = 'f-1';

const registeredData: ForumRegistered['data'] = {
  forumId,
  name: 'Beboerbestyrelsen Mjølnerparken',
  forumType: 'resident-board',
  housingArea: 'mjolnerparken',
  seats: 2,
};
const registered: ForumRegistered = { type: 'ForumRegistered', data: registeredData };
const seatTaken = (seatHolderId: string): ForumSeatTaken => ({
  type: 'ForumSeatTaken',
  data: { forumId, seatHolderId, background: 'not-disclosed' },
});
const seatLeft = (seatHolderId: string): ForumEvent => ({ type: 'ForumSeatLeft', data: { forumId, seatHolderId } });

const register = (data: Partial<RegisterForum['data']> = {}): RegisterForum => ({
  type: 'RegisterForum',
  data: { ...registeredData, ...data },
  context,
});
const take = (data: Partial<TakeForumSeat['data']> = {}): TakeForumSeat => ({
  type: 'TakeForumSeat',
  data: { forumId, seatHolderId: 'h-1', background: 'not-disclosed', ...data },
  context,
});
const leave = (seatHolderId: string): LeaveForumSeat => ({ type: 'LeaveForumSeat', data: { forumId, seatHolderId }, context });
const input = (data: Partial<RecordForumInput['data']> = {}): RecordForumInput => ({
  type: 'RecordForumInput',
  data: { forumId, inputId: 'i-1', kind: 'hearing-response', summary: 'Høringssvar om helhedsplanen', ...data },
  context,
});

describe('forum decider', () => {
  it('lists every command type', () => {
    expect(forumCommandTypes).toEqual(['RegisterForum', 'TakeForumSeat', 'LeaveForumSeat', 'RecordForumInput']);
  });

  it('refuses a fact dated after the service clock', () => {
    spec
      .given([registered])
      .when({ ...take(), context: testContext({ occurredAt: '2010-05-01T10:30:00.000Z' }) })
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });

  describe('RegisterForum', () => {
    it('registers a forum', () => {
      spec.given([]).when(register()).then([registered]);
    });

    it('registers a forum only once', () => {
      spec.given([registered]).when(register()).thenFails('already-exists', 'already-exists');
    });

    it('requires a name', () => {
      spec.given([]).when(register({ name: '' })).thenFails('rule', 'name-required', 'name');
    });

    it('stores the name without surrounding spaces', () => {
      spec.given([]).when(register({ name: ' Beboerbestyrelsen Mjølnerparken ' })).then([registered]);
    });

    it('refuses an unknown forum type', () => {
      spec
        .given([])
        .when(register({ forumType: 'parliament' as ForumType }))
        .thenFails('rule', 'unknown-forum-type', 'forumType');
    });

    it('refuses an unknown housing area', () => {
      spec
        .given([])
        .when(register({ housingArea: 'atlantis' as HousingArea }))
        .thenFails('rule', 'unknown-housing-area', 'housingArea');
    });

    it.each([0, -2, 1.5])('refuses %p seats', (seats) => {
      spec.given([]).when(register({ seats })).thenFails('rule', 'invalid-seat-count', 'seats');
    });

    it('accepts a forum of one seat', () => {
      spec
        .given([])
        .when(register({ seats: 1 }))
        .then([{ type: 'ForumRegistered', data: { ...registeredData, seats: 1 } }]);
    });
  });

  describe('TakeForumSeat', () => {
    it('records a seat taken', () => {
      spec.given([registered]).when(take()).then([seatTaken('h-1')]);
    });

    it('records a seat taken on the nomination of an association', () => {
      spec
        .given([registered])
        .when(take({ background: 'ethnic-minority', nominatedByAssociationId: 'a-1' }))
        .then([
          {
            type: 'ForumSeatTaken',
            data: { forumId, seatHolderId: 'h-1', background: 'ethnic-minority', nominatedByAssociationId: 'a-1' },
          },
        ]);
    });

    it('requires the forum to be registered', () => {
      spec.given([]).when(take()).thenFails('not-found', 'not-found');
    });

    it('refuses an unknown background', () => {
      spec
        .given([registered])
        .when(take({ background: 'danish' as SeatHolderBackground }))
        .thenFails('rule', 'unknown-background', 'background');
    });

    it('refuses a seat holder who is already seated', () => {
      spec.given([registered, seatTaken('h-1')]).when(take()).thenFails('rule', 'already-seated', 'seatHolderId');
    });

    it('refuses a seat when every seat is taken', () => {
      spec
        .given([registered, seatTaken('h-1'), seatTaken('h-2')])
        .when(take({ seatHolderId: 'h-3' }))
        .thenFails('rule', 'forum-full');
    });

    it('frees a seat when its holder leaves', () => {
      spec
        .given([registered, seatTaken('h-1'), seatTaken('h-2'), seatLeft('h-2')])
        .when(take({ seatHolderId: 'h-3' }))
        .then([seatTaken('h-3')]);
    });
  });

  describe('LeaveForumSeat', () => {
    it('records a seat holder leaving', () => {
      spec.given([registered, seatTaken('h-1')]).when(leave('h-1')).then([seatLeft('h-1')]);
    });

    it('requires the forum to be registered', () => {
      spec.given([]).when(leave('h-1')).thenFails('not-found', 'not-found');
    });

    it('refuses someone without a seat', () => {
      spec.given([registered, seatTaken('h-1')]).when(leave('h-2')).thenFails('rule', 'not-seated', 'seatHolderId');
    });

    it('refuses someone who already left', () => {
      spec.given([registered, seatTaken('h-1'), seatLeft('h-1')]).when(leave('h-1')).thenFails('rule', 'not-seated', 'seatHolderId');
    });
  });

  describe('RecordForumInput', () => {
    it('records an input from an association', () => {
      spec
        .given([registered])
        .when(input({ associationId: 'a-1' }))
        .then([
          {
            type: 'ForumInputGiven',
            data: { forumId, inputId: 'i-1', kind: 'hearing-response', associationId: 'a-1', summary: 'Høringssvar om helhedsplanen' },
          },
        ]);
    });

    it('records an input with no association', () => {
      spec
        .given([registered])
        .when(input({ kind: 'proposal' }))
        .then([{ type: 'ForumInputGiven', data: { forumId, inputId: 'i-1', kind: 'proposal', summary: 'Høringssvar om helhedsplanen' } }]);
    });

    it('requires the forum to be registered', () => {
      spec.given([]).when(input()).thenFails('not-found', 'not-found');
    });

    it('records each input once', () => {
      spec
        .given([registered, { type: 'ForumInputGiven', data: { forumId, inputId: 'i-1', kind: 'proposal', summary: 'Forslag' } }])
        .when(input())
        .thenFails('rule', 'input-already-recorded', 'inputId');
    });

    it('refuses an unknown input kind', () => {
      spec
        .given([registered])
        .when(input({ kind: 'petition' as ForumInputKind }))
        .thenFails('rule', 'unknown-input-kind', 'kind');
    });

    it('requires a summary', () => {
      spec.given([registered]).when(input({ summary: '   ' })).thenFails('rule', 'summary-required', 'summary');
    });

    it('stores the summary without surrounding spaces', () => {
      spec
        .given([registered])
        .when(input({ summary: '\tForslag om lektiecafé \n' }))
        .then([
          { type: 'ForumInputGiven', data: { forumId, inputId: 'i-1', kind: 'hearing-response', summary: 'Forslag om lektiecafé' } },
        ]);
    });
  });
});
