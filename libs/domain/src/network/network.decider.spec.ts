import { HousingArea, MemberKind } from '../model/reference-data';
import { deciderSpec, testContext } from '../testing/decider-specification';
import {
  EstablishNetwork,
  HoldNetworkMeeting,
  JoinNetwork,
  LeaveNetwork,
  networkCommandTypes,
  networkDecider,
  OrganiseJointActivity,
} from './network.decider';
import { NetworkEstablished, NetworkEvent, NetworkMember } from './network.events';

const spec = deciderSpec(networkDecider);
const context = testContext();
const networkId = 'n-1';

const association = (id: string): NetworkMember => ({ kind: 'association', id });
const staff = (id: string): NetworkMember => ({ kind: 'staff', id });

const establishedData: NetworkEstablished['data'] = { networkId, name: 'Netværk Tingbjerg', housingArea: 'tingbjerg-husum' };
const establishedEvent: NetworkEstablished = { type: 'NetworkEstablished', data: establishedData };
const joined = (member: NetworkMember): NetworkEvent => ({ type: 'NetworkMemberJoined', data: { networkId, member } });
const left = (member: NetworkMember): NetworkEvent => ({ type: 'NetworkMemberLeft', data: { networkId, member } });
const withMembers = [establishedEvent, joined(association('a-1')), joined(staff('s-1')), joined(staff('s-2'))];

const establish = (data: Partial<EstablishNetwork['data']> = {}): EstablishNetwork => ({
  type: 'EstablishNetwork',
  data: { ...establishedData, ...data },
  context,
});
const join = (member: NetworkMember): JoinNetwork => ({ type: 'JoinNetwork', data: { networkId, member }, context });
const leave = (member: NetworkMember, reason?: string): LeaveNetwork => ({
  type: 'LeaveNetwork',
  data: { networkId, member, ...(reason !== undefined && { reason }) },
  context,
});
const meeting = (data: Partial<HoldNetworkMeeting['data']> = {}): HoldNetworkMeeting => ({
  type: 'HoldNetworkMeeting',
  data: { networkId, meetingId: 'm-1', convenedBy: association('a-1'), attendees: [association('a-1'), staff('s-1')], ...data },
  context,
});
const activity = (data: Partial<OrganiseJointActivity['data']> = {}): OrganiseJointActivity => ({
  type: 'OrganiseJointActivity',
  data: { networkId, activityId: 'act-1', associationId: 'a-1', staffId: 's-1', title: 'Lektiecafé', ...data },
  context,
});
const meetingHeld = (meetingId: string): NetworkEvent => ({
  type: 'NetworkMeetingHeld',
  data: { networkId, meetingId, convenedBy: association('a-1'), attendees: [association('a-1')] },
});

describe('network decider', () => {
  it('lists every command type', () => {
    expect(networkCommandTypes).toEqual(['EstablishNetwork', 'JoinNetwork', 'LeaveNetwork', 'HoldNetworkMeeting', 'OrganiseJointActivity']);
  });

  it('refuses a fact dated after the service clock', () => {
    spec
      .given(withMembers)
      .when({ ...join(staff('s-3')), context: testContext({ occurredAt: '2010-05-01T10:00:00.001Z' }) })
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });

  describe('EstablishNetwork', () => {
    it('establishes a network', () => {
      spec.given([]).when(establish()).then([establishedEvent]);
    });

    it('establishes a network only once', () => {
      spec.given([establishedEvent]).when(establish()).thenFails('already-exists', 'already-exists');
    });

    it('requires a name', () => {
      spec.given([]).when(establish({ name: ' ' })).thenFails('rule', 'name-required', 'name');
    });

    it('stores the name without surrounding spaces', () => {
      spec.given([]).when(establish({ name: ' Netværk Tingbjerg ' })).then([establishedEvent]);
    });

    it('refuses an unknown housing area', () => {
      spec
        .given([])
        .when(establish({ housingArea: 'atlantis' as HousingArea }))
        .thenFails('rule', 'unknown-housing-area', 'housingArea');
    });
  });

  describe('JoinNetwork', () => {
    it('lets an association join', () => {
      spec.given([establishedEvent]).when(join(association('a-1'))).then([joined(association('a-1'))]);
    });

    it('keeps kinds apart: a staff member may share an id with an association member', () => {
      spec.given([establishedEvent, joined(association('x-1'))]).when(join(staff('x-1'))).then([joined(staff('x-1'))]);
    });

    it('lets a member rejoin after leaving', () => {
      spec.given([...withMembers, left(staff('s-1'))]).when(join(staff('s-1'))).then([joined(staff('s-1'))]);
    });

    it('requires the network to be established', () => {
      spec.given([]).when(join(staff('s-1'))).thenFails('not-found', 'not-found');
    });

    it('refuses an unknown member kind', () => {
      spec
        .given([establishedEvent])
        .when(join({ kind: 'citizen' as MemberKind, id: 'c-1' }))
        .thenFails('rule', 'unknown-member-kind', 'member.kind');
    });

    it('refuses a current member', () => {
      spec.given(withMembers).when(join(staff('s-1'))).thenFails('rule', 'already-member', 'member');
    });
  });

  describe('LeaveNetwork', () => {
    it('lets a member leave, with a reason', () => {
      spec
        .given(withMembers)
        .when(leave(staff('s-1'), 'moved to another area'))
        .then([{ type: 'NetworkMemberLeft', data: { networkId, member: staff('s-1'), reason: 'moved to another area' } }]);
    });

    it('lets a member leave without a reason', () => {
      spec.given(withMembers).when(leave(staff('s-1'))).then([left(staff('s-1'))]);
    });

    it('requires the network to be established', () => {
      spec.given([]).when(leave(staff('s-1'))).thenFails('not-found', 'not-found');
    });

    it('refuses someone who never joined', () => {
      spec.given(withMembers).when(leave(staff('s-9'))).thenFails('rule', 'not-a-member', 'member');
    });

    it('refuses someone who already left', () => {
      spec.given([...withMembers, left(staff('s-1'))]).when(leave(staff('s-1'))).thenFails('rule', 'not-a-member', 'member');
    });
  });

  describe('HoldNetworkMeeting', () => {
    it('records a meeting of current members', () => {
      spec
        .given(withMembers)
        .when(meeting())
        .then([
          {
            type: 'NetworkMeetingHeld',
            data: { networkId, meetingId: 'm-1', convenedBy: association('a-1'), attendees: [association('a-1'), staff('s-1')] },
          },
        ]);
    });

    it('requires the network to be established', () => {
      spec.given([]).when(meeting()).thenFails('not-found', 'not-found');
    });

    it('records each meeting once', () => {
      spec.given([...withMembers, meetingHeld('m-1')]).when(meeting()).thenFails('rule', 'meeting-already-held', 'meetingId');
    });

    it('requires the convener to be a current member', () => {
      spec
        .given([...withMembers, left(association('a-1'))])
        .when(meeting({ attendees: [staff('s-1')] }))
        .thenFails('rule', 'not-a-member', 'convenedBy');
    });

    it.each([[[]], [undefined]])('requires at least one attendee, given %p', (attendees) => {
      spec
        .given(withMembers)
        .when(meeting({ attendees: attendees as unknown as NetworkMember[] }))
        .thenFails('rule', 'attendees-required', 'attendees');
    });

    it('refuses an attendee listed twice', () => {
      spec
        .given(withMembers)
        .when(meeting({ attendees: [staff('s-1'), association('a-1'), staff('s-1')] }))
        .thenFails('rule', 'duplicate-attendee', 'attendees[2]');
    });

    it('refuses an attendee who is not a current member', () => {
      spec
        .given([...withMembers, left(staff('s-2'))])
        .when(meeting({ attendees: [staff('s-1'), staff('s-2')] }))
        .thenFails('rule', 'not-a-member', 'attendees[1]');
    });
  });

  describe('OrganiseJointActivity', () => {
    it('records a joint activity of an association and a staff member', () => {
      spec
        .given(withMembers)
        .when(activity())
        .then([
          {
            type: 'JointActivityOrganised',
            data: { networkId, activityId: 'act-1', associationId: 'a-1', staffId: 's-1', title: 'Lektiecafé' },
          },
        ]);
    });

    it('requires the network to be established', () => {
      spec.given([]).when(activity()).thenFails('not-found', 'not-found');
    });

    it('records each activity once', () => {
      spec
        .given([
          ...withMembers,
          { type: 'JointActivityOrganised', data: { networkId, activityId: 'act-1', associationId: 'a-1', staffId: 's-2', title: 'Fest' } },
        ])
        .when(activity())
        .thenFails('rule', 'activity-already-organised', 'activityId');
    });

    it('requires a title', () => {
      spec.given(withMembers).when(activity({ title: '' })).thenFails('rule', 'title-required', 'title');
    });

    it('stores the title without surrounding spaces', () => {
      spec
        .given(withMembers)
        .when(activity({ title: ' Lektiecafé ' }))
        .then([
          {
            type: 'JointActivityOrganised',
            data: { networkId, activityId: 'act-1', associationId: 'a-1', staffId: 's-1', title: 'Lektiecafé' },
          },
        ]);
    });

    it('requires the association to be a current association member', () => {
      spec.given(withMembers).when(activity({ associationId: 's-1' })).thenFails('rule', 'not-a-member', 'associationId');
    });

    it('requires the staff member to be a current staff member', () => {
      spec.given(withMembers).when(activity({ staffId: 'a-1' })).thenFails('rule', 'not-a-member', 'staffId');
    });

    it('refuses a staff member who has left', () => {
      spec
        .given([...withMembers, left(staff('s-1'))])
        .when(activity())
        .thenFails('rule', 'not-a-member', 'staffId');
    });
  });
});
