import { Command } from '../core/command';
import { defineDecider } from '../core/decider';
import { alreadyExists, notFound, ruleBroken } from '../core/domain-error';
import { forumInputKinds, forumTypes, housingAreas, seatHolderBackgrounds } from '../model/reference-data';
import { ForumEvent, ForumInputGiven, ForumRegistered, ForumSeatLeft, ForumSeatTaken } from './forum.events';
import { assertCode, requiredText } from '../core/input';

export type RegisterForum = Command<'RegisterForum', ForumRegistered['data']>;
export type TakeForumSeat = Command<'TakeForumSeat', ForumSeatTaken['data']>;
export type LeaveForumSeat = Command<'LeaveForumSeat', ForumSeatLeft['data']>;
export type RecordForumInput = Command<'RecordForumInput', ForumInputGiven['data']>;

export type ForumCommand = RegisterForum | TakeForumSeat | LeaveForumSeat | RecordForumInput;

export const forumCommandTypes = [
  'RegisterForum',
  'TakeForumSeat',
  'LeaveForumSeat',
  'RecordForumInput',
] as const satisfies readonly ForumCommand['type'][];

export type ForumState =
  | { readonly status: 'not-registered' }
  | {
      readonly status: 'registered';
      readonly seats: number;
      readonly seatHolderIds: ReadonlySet<string>;
      readonly inputIds: ReadonlySet<string>;
    };

type Registered = Extract<ForumState, { status: 'registered' }>;

const registered = (state: ForumState, forumId: string): Registered =>
  state.status === 'not-registered' ? notFound(`forum ${forumId}`) : state;

const registerForum = ({ data }: RegisterForum, state: ForumState): ForumEvent[] => {
  if (state.status !== 'not-registered') return alreadyExists(`forum ${data.forumId}`);
  const name = requiredText('name-required', data.name, 'name', `forum ${data.forumId} needs a non-empty name`);
  assertCode('unknown-forum-type', forumTypes, data.forumType, 'forumType');
  assertCode('unknown-housing-area', housingAreas, data.housingArea, 'housingArea');
  if (!Number.isInteger(data.seats) || data.seats < 1) {
    ruleBroken('invalid-seat-count', `seats ${data.seats} is not a whole number of 1 or more`, 'seats');
  }
  return [
    {
      type: 'ForumRegistered',
      data: { forumId: data.forumId, name, forumType: data.forumType, housingArea: data.housingArea, seats: data.seats },
    },
  ];
};

const takeSeat = ({ data }: TakeForumSeat, state: ForumState): ForumEvent[] => {
  const forum = registered(state, data.forumId);
  // "not-disclosed" is a valid background (GDPR art. 9), so only values outside the list are refused.
  assertCode('unknown-background', seatHolderBackgrounds, data.background, 'background');
  if (forum.seatHolderIds.has(data.seatHolderId)) {
    ruleBroken('already-seated', `seat holder ${data.seatHolderId} already has a seat in forum ${data.forumId}`, 'seatHolderId');
  }
  // Representation is measured as a share of seats, so occupied seats can never exceed the forum's size.
  if (forum.seatHolderIds.size >= forum.seats) {
    ruleBroken('forum-full', `all ${forum.seats} seats of forum ${data.forumId} are taken`);
  }
  return [
    {
      type: 'ForumSeatTaken',
      data: {
        forumId: data.forumId,
        seatHolderId: data.seatHolderId,
        background: data.background,
        ...(data.nominatedByAssociationId !== undefined && { nominatedByAssociationId: data.nominatedByAssociationId }),
      },
    },
  ];
};

const leaveSeat = ({ data }: LeaveForumSeat, state: ForumState): ForumEvent[] => {
  const forum = registered(state, data.forumId);
  if (!forum.seatHolderIds.has(data.seatHolderId)) {
    ruleBroken('not-seated', `seat holder ${data.seatHolderId} has no seat in forum ${data.forumId}`, 'seatHolderId');
  }
  return [{ type: 'ForumSeatLeft', data: { forumId: data.forumId, seatHolderId: data.seatHolderId } }];
};

const recordInput = ({ data }: RecordForumInput, state: ForumState): ForumEvent[] => {
  const forum = registered(state, data.forumId);
  if (forum.inputIds.has(data.inputId)) {
    ruleBroken('input-already-recorded', `input ${data.inputId} to forum ${data.forumId} is already recorded`, 'inputId');
  }
  assertCode('unknown-input-kind', forumInputKinds, data.kind, 'kind');
  const summary = requiredText('summary-required', data.summary, 'summary', `input ${data.inputId} needs a non-empty summary`);
  return [
    {
      type: 'ForumInputGiven',
      data: {
        forumId: data.forumId,
        inputId: data.inputId,
        kind: data.kind,
        ...(data.associationId !== undefined && { associationId: data.associationId }),
        summary,
      },
    },
  ];
};

const decide = (command: ForumCommand, state: ForumState): ForumEvent[] => {
  switch (command.type) {
    case 'RegisterForum':
      return registerForum(command, state);
    case 'TakeForumSeat':
      return takeSeat(command, state);
    case 'LeaveForumSeat':
      return leaveSeat(command, state);
    case 'RecordForumInput':
      return recordInput(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown forum command ${(unknown as Command).type}`);
    }
  }
};

// decide only lets valid histories through; an event whose predecessor was retracted leaves the state as is.
const evolve = (state: ForumState, event: ForumEvent): ForumState => {
  switch (event.type) {
    case 'ForumRegistered':
      return { status: 'registered', seats: event.data.seats, seatHolderIds: new Set(), inputIds: new Set() };
    case 'ForumSeatTaken':
      return state.status === 'registered' ? { ...state, seatHolderIds: new Set(state.seatHolderIds).add(event.data.seatHolderId) } : state;
    case 'ForumSeatLeft': {
      if (state.status !== 'registered') return state;
      const seatHolderIds = new Set(state.seatHolderIds);
      seatHolderIds.delete(event.data.seatHolderId);
      return { ...state, seatHolderIds };
    }
    case 'ForumInputGiven':
      return state.status === 'registered' ? { ...state, inputIds: new Set(state.inputIds).add(event.data.inputId) } : state;
    default: {
      const unknown: never = event;
      throw new Error(`unknown forum event ${(unknown as ForumEvent).type}`);
    }
  }
};

export const forumDecider = defineDecider<ForumCommand, ForumEvent, ForumState>({
  recordedBy: {
    ForumRegistered: 'RegisterForum',
    ForumSeatTaken: 'TakeForumSeat',
    ForumSeatLeft: 'LeaveForumSeat',
    ForumInputGiven: 'RecordForumInput',
  },
  initialState: () => ({ status: 'not-registered' }),
  decide,
  evolve,
});
