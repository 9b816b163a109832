import { Command } from '../core/command';
import { defineDecider } from '../core/decider';
import { alreadyExists, notFound, ruleBroken } from '../core/domain-error';
import { housingAreas, MemberKind, memberKinds } from '../model/reference-data';
import {
  JointActivityOrganised,
  NetworkEstablished,
  NetworkEvent,
  NetworkMeetingHeld,
  NetworkMember,
  NetworkMemberJoined,
  NetworkMemberLeft,
} from './network.events';
import { assertCode, assertNoRepeats, assertNotEmpty, requiredText } from '../core/input';

export type EstablishNetwork = Command<'EstablishNetwork', NetworkEstablished['data']>;
export type JoinNetwork = Command<'JoinNetwork', NetworkMemberJoined['data']>;
export type LeaveNetwork = Command<'LeaveNetwork', NetworkMemberLeft['data']>;
export type HoldNetworkMeeting = Command<'HoldNetworkMeeting', NetworkMeetingHeld['data']>;
export type OrganiseJointActivity = Command<'OrganiseJointActivity', JointActivityOrganised['data']>;

export type NetworkCommand = EstablishNetwork | JoinNetwork | LeaveNetwork | HoldNetworkMeeting | OrganiseJointActivity;

export const networkCommandTypes = [
  'EstablishNetwork',
  'JoinNetwork',
  'LeaveNetwork',
  'HoldNetworkMeeting',
  'OrganiseJointActivity',
] as const satisfies readonly NetworkCommand['type'][];

/** Current members by kind: an association and a staff member may share an id without clashing. */
type Members = { readonly [kind in MemberKind]: ReadonlySet<string> };

export type NetworkState =
  | { readonly status: 'not-established' }
  | {
      readonly status: 'established';
      readonly members: Members;
      readonly meetingIds: ReadonlySet<string>;
      readonly activityIds: ReadonlySet<string>;
    };

type Established = Extract<NetworkState, { status: 'established' }>;

const isMember = (members: Members, member: NetworkMember): boolean => members[member.kind]?.has(member.id) ?? false;

const withMember = (members: Members, { kind, id }: NetworkMember, present: boolean): Members => {
  const ids = new Set(members[kind]);
  if (present) ids.add(id);
  else ids.delete(id);
  return { ...members, [kind]: ids };
};

const label = (member: NetworkMember): string => `${member.kind} ${member.id}`;

/** An association and a staff member may share an id, so a member is its kind and id together. */
const memberKey = (member: NetworkMember): string => `${member.kind}:${member.id}`;

const established = (state: NetworkState, networkId: string): Established =>
  state.status === 'not-established' ? notFound(`network ${networkId}`) : state;

const establishNetwork = ({ data }: EstablishNetwork, state: NetworkState): NetworkEvent[] => {
  if (state.status !== 'not-established') return alreadyExists(`network ${data.networkId}`);
  const name = requiredText('name-required', data.name, 'name', `network ${data.networkId} needs a non-empty name`);
  assertCode('unknown-housing-area', housingAreas, data.housingArea, 'housingArea');
  return [{ type: 'NetworkEstablished', data: { networkId: data.networkId, name, housingArea: data.housingArea } }];
};

const joinNetwork = ({ data }: JoinNetwork, state: NetworkState): NetworkEvent[] => {
  const network = established(state, data.networkId);
  assertCode('unknown-member-kind', memberKinds, data.member.kind, 'member.kind');
  // Only a current member is refused: leaving and rejoining later is a real pattern the indicators should see.
  if (isMember(network.members, data.member)) {
    ruleBroken('already-member', `${label(data.member)} is already a member of network ${data.networkId}`, 'member');
  }
  return [{ type: 'NetworkMemberJoined', data: { networkId: data.networkId, member: { kind: data.member.kind, id: data.member.id } } }];
};

const leaveNetwork = ({ data }: LeaveNetwork, state: NetworkState): NetworkEvent[] => {
  const network = established(state, data.networkId);
  if (!isMember(network.members, data.member)) {
    ruleBroken('not-a-member', `${label(data.member)} is not a member of network ${data.networkId}`, 'member');
  }
  return [
    {
      type: 'NetworkMemberLeft',
      data: {
        networkId: data.networkId,
        member: { kind: data.member.kind, id: data.member.id },
        ...(data.reason !== undefined && { reason: data.reason }),
      },
    },
  ];
};

const holdMeeting = ({ data }: HoldNetworkMeeting, state: NetworkState): NetworkEvent[] => {
  const network = established(state, data.networkId);
  if (network.meetingIds.has(data.meetingId)) {
    ruleBroken('meeting-already-held', `meeting ${data.meetingId} of network ${data.networkId} is already recorded`, 'meetingId');
  }
  if (!isMember(network.members, data.convenedBy)) {
    ruleBroken('not-a-member', `convener ${label(data.convenedBy)} is not a member of network ${data.networkId}`, 'convenedBy');
  }
  assertNotEmpty('attendees-required', data.attendees, 'attendees', `meeting ${data.meetingId} needs at least one attendee`);
  assertNoRepeats('duplicate-attendee', data.attendees, 'attendees', (attendee) => `attendee ${label(attendee)}`, memberKey);
  data.attendees.forEach((attendee, i) => {
    if (!isMember(network.members, attendee)) {
      ruleBroken('not-a-member', `attendee ${label(attendee)} is not a member of network ${data.networkId}`, `attendees[${i}]`);
    }
  });
  return [
    {
      type: 'NetworkMeetingHeld',
      data: {
        networkId: data.networkId,
        meetingId: data.meetingId,
        convenedBy: { kind: data.convenedBy.kind, id: data.convenedBy.id },
        attendees: data.attendees.map(({ kind, id }) => ({ kind, id })),
      },
    },
  ];
};

const organiseJointActivity = ({ data }: OrganiseJointActivity, state: NetworkState): NetworkEvent[] => {
  const network = established(state, data.networkId);
  if (network.activityIds.has(data.activityId)) {
    ruleBroken('activity-already-organised', `activity ${data.activityId} of network ${data.networkId} is already recorded`, 'activityId');
  }
  const title = requiredText('title-required', data.title, 'title', `activity ${data.activityId} needs a non-empty title`);
  // A joint activity is evidence of the network working across groups, so both sides must be members now.
  if (!network.members.association.has(data.associationId)) {
    ruleBroken('not-a-member', `association ${data.associationId} is not a member of network ${data.networkId}`, 'associationId');
  }
  if (!network.members.staff.has(data.staffId)) {
    ruleBroken('not-a-member', `staff ${data.staffId} is not a member of network ${data.networkId}`, 'staffId');
  }
  return [
    {
      type: 'JointActivityOrganised',
      data: {
        networkId: data.networkId,
        activityId: data.activityId,
        associationId: data.associationId,
        staffId: data.staffId,
        title,
      },
    },
  ];
};

const decide = (command: NetworkCommand, state: NetworkState): NetworkEvent[] => {
  switch (command.type) {
    case 'EstablishNetwork':
      return establishNetwork(command, state);
    case 'JoinNetwork':
      return joinNetwork(command, state);
    case 'LeaveNetwork':
      return leaveNetwork(command, state);
    case 'HoldNetworkMeeting':
      return holdMeeting(command, state);
    case 'OrganiseJointActivity':
      return organiseJointActivity(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown network command ${(unknown as Command).type}`);
    }
  }
};

// decide only lets valid histories through; an event whose predecessor was retracted leaves the state as is.
const evolve = (state: NetworkState, event: NetworkEvent): NetworkState => {
  switch (event.type) {
    case 'NetworkEstablished':
      return {
        status: 'established',
        members: { association: new Set(), staff: new Set() },
        meetingIds: new Set(),
        activityIds: new Set(),
      };
    case 'NetworkMemberJoined':
      return state.status === 'established' ? { ...state, members: withMember(state.members, event.data.member, true) } : state;
    case 'NetworkMemberLeft':
      return state.status === 'established' ? { ...state, members: withMember(state.members, event.data.member, false) } : state;
    case 'NetworkMeetingHeld':
      return state.status === 'established' ? { ...state, meetingIds: new Set(state.meetingIds).add(event.data.meetingId) } : state;
    case 'JointActivityOrganised':
      return state.status === 'established' ? { ...state, activityIds: new Set(state.activityIds).add(event.data.activityId) } : state;
    default: {
      const unknown: never = event;
      throw new Error(`unknown network event ${(unknown as NetworkEvent).type}`);
    }
  }
};

export const networkDecider = defineDecider<NetworkCommand, NetworkEvent, NetworkState>({
  recordedBy: {
    NetworkEstablished: 'EstablishNetwork',
    NetworkMemberJoined: 'JoinNetwork',
    NetworkMemberLeft: 'LeaveNetwork',
    NetworkMeetingHeld: 'HoldNetworkMeeting',
    JointActivityOrganised: 'OrganiseJointActivity',
  },
  initialState: () => ({ status: 'not-established' }),
  decide,
  evolve,
});
