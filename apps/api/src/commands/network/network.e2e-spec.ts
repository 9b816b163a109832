import { TestApp, startTestApp } from '../../../../../test/api.harness';
import { AT, accept, correctAndWithdrawCreation, refuse } from '../../../../../test/command-assertions';
import { associationRegistered, given, staffMemberRegistered } from '../../../../../test/given';

describe('networks (v1/networks)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, [associationRegistered('a-1'), associationRegistered('a-2'), staffMemberRegistered('s-1')]);
  });
  afterAll(() => t.close());

  const A1 = { kind: 'association', id: 'a-1' };
  const S1 = { kind: 'staff', id: 's-1' };

  it('establishes a network', async () => {
    await accept(t, '/v1/networks', { occurredAt: '2010-02-01T10:00:00+01:00', networkId: 'n-1', name: 'Tingbjerg network', housingArea: 'tingbjerg-husum' }, {
      streamId: 'network-n-1',
      type: 'NetworkEstablished',
      data: { networkId: 'n-1', name: 'Tingbjerg network', housingArea: 'tingbjerg-husum' },
    });
  });

  it('lets a registered association and a staff member join', async () => {
    for (const member of [A1, S1]) {
      await accept(t, '/v1/networks/n-1/members', { occurredAt: '2010-02-10T10:00:00+01:00', member }, { streamId: 'network-n-1', type: 'NetworkMemberJoined', data: { networkId: 'n-1', member } });
    }
  });

  it('refuses a member whose record does not exist with 422 unknown-reference on member.id', async () => {
    await refuse(t, '/v1/networks/n-1/members', { occurredAt: AT, member: { kind: 'staff', id: 's-404' } }, { status: 422, field: 'member.id', rule: 'unknown-reference' }, 'network-n-1');
  });

  it('refuses a member who is already in the network with 422 already-member', async () => {
    await refuse(t, '/v1/networks/n-1/members', { occurredAt: AT, member: A1 }, { status: 422, field: 'member', rule: 'already-member' }, 'network-n-1');
  });

  it('refuses joining a network that does not exist with 404', async () => {
    await refuse(t, '/v1/networks/n-404/members', { occurredAt: AT, member: A1 }, { status: 404, field: null, rule: 'not-found' }, 'network-n-404');
  });

  it('records a meeting convened by a member', async () => {
    const body = { occurredAt: AT, meetingId: 'm-1', convenedBy: A1, attendees: [A1, S1] };
    await accept(t, '/v1/networks/n-1/meetings', body, {
      streamId: 'network-n-1',
      type: 'NetworkMeetingHeld',
      data: { networkId: 'n-1', meetingId: 'm-1', convenedBy: A1, attendees: [A1, S1] },
    });
  });

  it('records a joint activity of a member association and a member staff member', async () => {
    const body = { occurredAt: AT, activityId: 'act-1', associationId: 'a-1', staffId: 's-1', title: 'Homework café' };
    await accept(t, '/v1/networks/n-1/joint-activities', body, {
      streamId: 'network-n-1',
      type: 'JointActivityOrganised',
      data: { networkId: 'n-1', activityId: 'act-1', associationId: 'a-1', staffId: 's-1', title: 'Homework café' },
    });
  });

  it('refuses a joint activity with an association that does not exist with 422 unknown-reference', async () => {
    const body = { occurredAt: AT, activityId: 'act-2', associationId: 'a-404', staffId: 's-1', title: 'Football' };
    await refuse(t, '/v1/networks/n-1/joint-activities', body, { status: 422, field: 'associationId', rule: 'unknown-reference' }, 'network-n-1');
  });

  it('records a member leaving', async () => {
    const body = { occurredAt: '2010-05-01T10:00:00+02:00', member: S1, reason: 'changed job' };
    await accept(t, '/v1/networks/n-1/departures', body, { streamId: 'network-n-1', type: 'NetworkMemberLeft', data: { networkId: 'n-1', member: S1, reason: 'changed job' } });
  });

  it('refuses leaving a network never joined with 422 not-a-member', async () => {
    await refuse(t, '/v1/networks/n-1/departures', { occurredAt: AT, member: { kind: 'association', id: 'a-2' } }, { status: 422, field: 'member', rule: 'not-a-member' }, 'network-n-1');
  });

  it('refuses a network without a name', async () => {
    await refuse(t, '/v1/networks', { occurredAt: AT, networkId: 'n-2', housingArea: 'tingbjerg-husum' }, { status: 400, field: 'name', rule: 'isString' }, 'network-n-2');
  });

  it('refuses a member kind that is neither association nor staff', async () => {
    await refuse(t, '/v1/networks/n-1/members', { occurredAt: AT, member: { kind: 'citizen', id: 'c-1' } }, { status: 400, field: 'member.kind', rule: 'isIn' }, 'network-n-1');
  });

  it('refuses a departure without a member', async () => {
    await refuse(t, '/v1/networks/n-1/departures', { occurredAt: AT }, { status: 400, field: 'member', rule: 'isObject' }, 'network-n-1');
  });

  it('refuses a meeting listing an attendee twice or with a malformed attendee id', async () => {
    const twice = { occurredAt: AT, meetingId: 'm-2', convenedBy: A1, attendees: [A1, { ...A1 }] };
    await refuse(t, '/v1/networks/n-1/meetings', twice, { status: 400, field: 'attendees', rule: 'arrayUnique' }, 'network-n-1');
    const malformed = { occurredAt: AT, meetingId: 'm-2', convenedBy: A1, attendees: [{ kind: 'staff', id: 's 1' }] };
    await refuse(t, '/v1/networks/n-1/meetings', malformed, { status: 400, field: 'attendees[0].id', rule: 'matches' }, 'network-n-1');
  });

  it('refuses a joint activity with an empty title', async () => {
    const body = { occurredAt: AT, activityId: 'act-2', associationId: 'a-1', staffId: 's-1', title: '' };
    await refuse(t, '/v1/networks/n-1/joint-activities', body, { status: 400, field: 'title', rule: 'isNotEmpty' }, 'network-n-1');
  });

  it('corrects the network record and withdraws it, refusing members until it is established again', async () => {
    const network = (name: string) => ({ occurredAt: '2010-02-01T10:00:00+01:00', networkId: 'n-fix', name, housingArea: 'tingbjerg-husum' });
    await correctAndWithdrawCreation(t, {
      path: '/v1/networks',
      streamId: 'network-n-fix',
      body: network('Tingbjreg network'),
      corrected: network('Tingbjerg network'),
      later: { path: '/v1/networks/n-fix/members', body: { occurredAt: '2010-02-10T10:00:00+01:00', member: A1 } },
    });
  });
});
