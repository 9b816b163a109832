import { TestApp, readStream, startTestApp } from '../../../../../test/api.harness';
import { AT, accept, correctAndWithdrawCreation, emptyStream, refuse, staffMember } from '../../../../../test/command-assertions';

describe('staff members (v1/staff-members)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('registers a staff member', async () => {
    await accept(t, '/v1/staff-members', staffMember('s-1'), {
      streamId: 'staff-s-1',
      type: 'StaffMemberRegistered',
      data: { staffId: 's-1', role: 'frontline', employer: 'municipality', housingArea: 'tingbjerg-husum' },
    });
  });

  it('corrects registered details, keeping only the fields that change', async () => {
    const body = { occurredAt: '2010-04-01T09:00:00+02:00', role: 'manager', employer: 'municipality', reason: 'promoted before registration' };
    await accept(t, '/v1/staff-members/s-1/corrections', body, {
      streamId: 'staff-s-1',
      type: 'StaffMemberDetailsCorrected',
      data: { staffId: 's-1', role: 'manager', reason: 'promoted before registration' },
    });
  });

  it('refuses registering the same staff member twice with 409', async () => {
    await refuse(t, '/v1/staff-members', staffMember('s-1'), { status: 409, field: null, rule: 'already-exists' }, 'staff-s-1');
  });

  it('refuses correcting a staff member that does not exist with 404', async () => {
    const body = { occurredAt: AT, role: 'manager', reason: 'wrong role' };
    await refuse(t, '/v1/staff-members/s-404/corrections', body, { status: 404, field: null, rule: 'not-found' }, 'staff-s-404');
    expect(await readStream(t, 'staff-s-404')).toEqual(emptyStream('staff-s-404'));
  });

  it('refuses a correction that changes nothing with 422 no-change', async () => {
    // After the promotion of 1 April: judged at an earlier date, the role would still change.
    const body = { occurredAt: '2010-05-01T09:00:00+02:00', role: 'manager', reason: 'just checking' };
    await refuse(t, '/v1/staff-members/s-1/corrections', body, { status: 422, field: null, rule: 'no-change' }, 'staff-s-1');
  });

  it('refuses a personal name as an unknown field', async () => {
    const response = await refuse(t, '/v1/staff-members', staffMember('s-2', { name: 'Jens Hansen' }), { status: 400, field: 'name', rule: 'unknownField' }, 'staff-s-2');
    expect(response.body.message).toContain('name is not an accepted field');
  });

  it('refuses an unknown role in a correction', async () => {
    const body = { occurredAt: AT, role: 'janitor', reason: 'wrong role' };
    await refuse(t, '/v1/staff-members/s-1/corrections', body, { status: 400, field: 'role', rule: 'isIn' }, 'staff-s-1');
  });

  it('refuses a correction without a reason', async () => {
    await refuse(t, '/v1/staff-members/s-1/corrections', { occurredAt: AT, role: 'teacher' }, { status: 400, field: 'reason', rule: 'isNotEmpty' }, 'staff-s-1');
  });

  it('refuses an invalid id in the path', async () => {
    const body = { occurredAt: AT, role: 'teacher', reason: 'wrong role' };
    await refuse(t, '/v1/staff-members/-bad/corrections', body, { status: 400, field: 'path:id', rule: 'matches' }, 'staff-s-1');
  });

  it('corrects the registration and withdraws it, refusing detail corrections until it is registered again', async () => {
    await correctAndWithdrawCreation(t, {
      path: '/v1/staff-members',
      streamId: 'staff-s-fix',
      body: staffMember('s-fix'),
      corrected: staffMember('s-fix', { employer: 'housing-association' }),
      later: { path: '/v1/staff-members/s-fix/corrections', body: { occurredAt: AT, role: 'manager', reason: 'promoted' } },
    });
  });
});
