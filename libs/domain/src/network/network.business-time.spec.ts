import { contextAt, deciderSpec } from '../testing/decider-specification';
import { HoldNetworkMeeting, JoinNetwork, LeaveNetwork, OrganiseJointActivity, networkDecider } from './network.decider';
import { NetworkEstablished, NetworkMeetingHeld, NetworkMember, NetworkMemberJoined, NetworkMemberLeft } from './network.events';

const spec = deciderSpec(networkDecider);
const networkId = 'n-1';

const association = (id: string): NetworkMember => ({ kind: 'association', id });
const staff = (id: string): NetworkMember => ({ kind: 'staff', id });

const established: NetworkEstablished = { type: 'NetworkEstablished', data: { networkId, name: 'Netværk Tingbjerg', housingArea: 'tingbjerg-husum' } };
const joined = (member: NetworkMember): NetworkMemberJoined => ({ type: 'NetworkMemberJoined', data: { networkId, member } });
const left = (member: NetworkMember): NetworkMemberLeft => ({ type: 'NetworkMemberLeft', data: { networkId, member } });
const meetingHeld = (meetingId: string, convenedBy: NetworkMember, attendees = [association('a-1'), staff('s-1')]): NetworkMeetingHeld => ({
  type: 'NetworkMeetingHeld',
  data: { networkId, meetingId, convenedBy, attendees },
});

const join = (occurredAt: string, member: NetworkMember): JoinNetwork => ({ type: 'JoinNetwork', data: joined(member).data, context: contextAt(occurredAt) });
const leave = (occurredAt: string, member: NetworkMember): LeaveNetwork => ({ type: 'LeaveNetwork', data: left(member).data, context: contextAt(occurredAt) });
const holdMeeting = (occurredAt: string, event: NetworkMeetingHeld): HoldNetworkMeeting => ({
  type: 'HoldNetworkMeeting',
  data: event.data,
  context: contextAt(occurredAt),
});
const organiseActivity = (occurredAt: string, activityId = 'act-1'): OrganiseJointActivity => ({
  type: 'OrganiseJointActivity',
  data: { networkId, activityId, associationId: 'a-1', staffId: 's-1', title: 'Lektiecafé' },
  context: contextAt(occurredAt),
});

/** Established in January; a-1 joins in February, s-1 in March; s-1 convenes a meeting in April; a-1 leaves in June. */
const history = [
  ['2010-01-10T10:00:00Z', established],
  ['2010-02-01T10:00:00Z', joined(association('a-1'))],
  ['2010-03-01T10:00:00Z', joined(staff('s-1'))],
  ['2010-04-01T10:00:00Z', meetingHeld('m-1', staff('s-1'))],
  ['2010-06-01T10:00:00Z', left(association('a-1'))],
] as const;

/** The same, with a-1 rejoining in August. */
const withRejoin = [...history, ['2010-08-01T10:00:00Z', joined(association('a-1'))]] as const;

describe('network rules in business time', () => {
  describe('joining and leaving', () => {
    it('given a network established in January, when a join of the previous December arrives, then it is refused as before the first record', () => {
      spec.recorded(history).when(join('2009-12-01T10:00:00Z', staff('s-2'))).thenFails('rule', 'before-first-record', 'occurredAt');
    });

    it('given s-1 joined in March, when a leave of s-1 of February arrives late, then it is refused: s-1 was not a member yet', () => {
      spec.recorded(history).when(leave('2010-02-10T10:00:00Z', staff('s-1'))).thenFails('rule', 'not-a-member', 'member');
    });

    it('given a-1 left in June, when a rejoin of August arrives, then it is recorded', () => {
      spec.recorded(history).when(join('2010-08-01T10:00:00Z', association('a-1'))).then([joined(association('a-1'))]);
    });

    it('given a-1 a member from February to June, when a join of a-1 of May arrives late, then it is refused: a-1 was a member then', () => {
      spec.recorded(history).when(join('2010-05-01T10:00:00Z', association('a-1'))).thenFails('rule', 'already-member', 'member');
    });

    it('given s-1 joined in March, when an earlier join of s-1 of February arrives late, then it is refused: the March join would be of a member', () => {
      spec.recorded(history).when(join('2010-02-15T10:00:00Z', staff('s-1'))).thenFails('rule', 'invalidates-record');
    });

    it('given a-1 attended the April meeting, when a leave of a-1 of March arrives late, then it is refused: a-1 would have attended as a non-member', () => {
      spec.recorded(history).when(leave('2010-03-15T10:00:00Z', association('a-1'))).thenFails('rule', 'invalidates-record');
    });

    it('given a-1 left in June and nothing depends on it, when the leave is withdrawn, then nothing else is at stake', () => {
      spec.recorded(history).whenWithdrawing(4).then([]);
    });

    it('given a-1 left in June and rejoined in August, when the leave is withdrawn, then it is refused: the rejoin would be of a member', () => {
      spec.recorded(withRejoin).whenWithdrawing(4).thenFails('rule', 'invalidates-record');
    });

    it('given a-1 left in June and rejoined in August, when the leave is corrected to July, then the replacement is recorded', () => {
      spec.recorded(withRejoin).whenCorrecting(4, leave('2010-07-01T10:00:00Z', association('a-1'))).then([left(association('a-1'))]);
    });

    it('given a-1 left in June and rejoined in August, when the leave is corrected to September, then it is refused: the rejoin would be of a member', () => {
      spec.recorded(withRejoin).whenCorrecting(4, leave('2010-09-01T10:00:00Z', association('a-1'))).thenFails('rule', 'invalidates-record');
    });

    it('given a-1 attended the April meeting, when a-1 leaving is corrected to March, then it is refused: a-1 would have attended as a non-member', () => {
      spec.recorded(history).whenCorrecting(4, leave('2010-03-15T10:00:00Z', association('a-1'))).thenFails('rule', 'invalidates-record');
    });

    it('given s-1 convened the April meeting, when the join of s-1 is corrected to May, then it is refused: the convener would not be a member', () => {
      spec.recorded(history).whenCorrecting(2, join('2010-05-01T10:00:00Z', staff('s-1'))).thenFails('rule', 'invalidates-record');
    });
  });

  describe('meetings and joint activities', () => {
    it('given s-1 joined in March, when a meeting convened by s-1 of February arrives late, then it is refused: the convener was not a member yet', () => {
      spec
        .recorded(history)
        .when(holdMeeting('2010-02-15T10:00:00Z', meetingHeld('m-2', staff('s-1'), [association('a-1')])))
        .thenFails('rule', 'not-a-member', 'convenedBy');
    });

    it('given a-1 left in June, when a meeting of May convened by a-1 arrives late, then it is recorded', () => {
      const may = meetingHeld('m-2', association('a-1'));
      spec.recorded(history).when(holdMeeting('2010-05-03T10:00:00Z', may)).then([may]);
    });

    it('given a-1 left in June, when a meeting of July convened by a-1 arrives, then it is refused: the convener had left', () => {
      spec
        .recorded(history)
        .when(holdMeeting('2010-07-01T10:00:00Z', meetingHeld('m-2', association('a-1'), [staff('s-1')])))
        .thenFails('rule', 'not-a-member', 'convenedBy');
    });

    it('given a-1 left in June and rejoined in August, when a meeting of September convened by a-1 arrives, then it is recorded', () => {
      const september = meetingHeld('m-2', association('a-1'));
      spec.recorded(withRejoin).when(holdMeeting('2010-09-01T10:00:00Z', september)).then([september]);
    });

    it('given meeting m-1 of April, when a meeting m-1 of May arrives, then it is refused: it is already recorded', () => {
      spec.recorded(history).when(holdMeeting('2010-05-03T10:00:00Z', meetingHeld('m-1', association('a-1')))).thenFails('rule', 'meeting-already-held', 'meetingId');
    });

    it('given meeting m-1 of April, when a meeting m-1 of mid-March arrives late, then it is refused: the April record would repeat it', () => {
      spec.recorded(history).when(holdMeeting('2010-03-15T10:00:00Z', meetingHeld('m-1', association('a-1')))).thenFails('rule', 'invalidates-record');
    });

    it('given the April meeting, when it is corrected to a day in March after both joined, then the replacement is recorded', () => {
      spec.recorded(history).whenCorrecting(3, holdMeeting('2010-03-20T10:00:00Z', meetingHeld('m-1', staff('s-1')))).then([meetingHeld('m-1', staff('s-1'))]);
    });

    it('given s-1 joined in March, when a joint activity of February with s-1 arrives late, then it is refused: s-1 was not a member yet', () => {
      spec.recorded(history).when(organiseActivity('2010-02-15T10:00:00Z')).thenFails('rule', 'not-a-member', 'staffId');
    });

    it('given a-1 a member from February to June, when a joint activity of May with a-1 and s-1 arrives late, then it is recorded', () => {
      spec
        .recorded(history)
        .when(organiseActivity('2010-05-03T10:00:00Z'))
        .then([{ type: 'JointActivityOrganised', data: { networkId, activityId: 'act-1', associationId: 'a-1', staffId: 's-1', title: 'Lektiecafé' } }]);
    });

    it('given a-1 left in June, when a joint activity of July with a-1 arrives, then it is refused: a-1 was no longer a member', () => {
      spec.recorded(history).when(organiseActivity('2010-07-01T10:00:00Z')).thenFails('rule', 'not-a-member', 'associationId');
    });
  });
});
