import { TestApp, startTestApp } from '../../../../../test/api.harness';
import { AT, accept, correctAndWithdrawCreation, refuse } from '../../../../../test/command-assertions';
import { associationRegistered, given, staffMemberRegistered } from '../../../../../test/given';

describe('seminars (v1/seminars)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, [associationRegistered('a-1'), staffMemberRegistered('s-1')]);
  });
  afterAll(() => t.close());

  const seminar = (seminarId: string, overrides: object = {}) => ({
    occurredAt: AT,
    seminarId,
    format: 'seminar',
    title: 'Citizen involvement in Tingbjerg',
    housingArea: 'tingbjerg-husum',
    participantsByTargetGroup: { staff: 4, associations: 3, citizens: 20 },
    associationIds: ['a-1'],
    staffIds: ['s-1'],
    ...overrides,
  });

  it('records a held seminar', async () => {
    await accept(t, '/v1/seminars', seminar('sem-1'), {
      streamId: 'seminar-sem-1',
      type: 'SeminarHeld',
      data: {
        seminarId: 'sem-1',
        format: 'seminar',
        title: 'Citizen involvement in Tingbjerg',
        housingArea: 'tingbjerg-husum',
        participantsByTargetGroup: { staff: 4, associations: 3, citizens: 20 },
        associationIds: ['a-1'],
        staffIds: ['s-1'],
      },
    });
  });

  it('refuses a staff member who is not registered with 422 unknown-reference', async () => {
    await refuse(t, '/v1/seminars', seminar('sem-2', { staffIds: ['s-404'] }), { status: 422, field: 'staffIds[0]', rule: 'unknown-reference' }, 'seminar-sem-2');
  });

  it('refuses an association that is not registered with 422 unknown-reference', async () => {
    await refuse(t, '/v1/seminars', seminar('sem-2', { associationIds: ['a-1', 'a-404'] }), { status: 422, field: 'associationIds[1]', rule: 'unknown-reference' }, 'seminar-sem-2');
  });

  it('refuses more identified staff than the staff head count with 422', async () => {
    const body = seminar('sem-2', { participantsByTargetGroup: { staff: 0, associations: 3, citizens: 20 } });
    await refuse(t, '/v1/seminars', body, { status: 422, field: 'staffIds', rule: 'more-ids-than-head-count' }, 'seminar-sem-2');
  });

  it('refuses a negative head count inside the nested counts', async () => {
    const body = seminar('sem-2', { participantsByTargetGroup: { staff: 4, associations: 3, citizens: -1 } });
    await refuse(t, '/v1/seminars', body, { status: 400, field: 'participantsByTargetGroup.citizens', rule: 'min' }, 'seminar-sem-2');
  });

  it('refuses an unknown field inside the nested counts', async () => {
    const body = seminar('sem-2', { participantsByTargetGroup: { staff: 4, associations: 3, citizens: 2, volunteers: 1 } });
    await refuse(t, '/v1/seminars', body, { status: 400, field: 'participantsByTargetGroup.volunteers', rule: 'unknownField' }, 'seminar-sem-2');
  });

  it('corrects the attendance of a held seminar and withdraws it, after which it can be recorded again', async () => {
    await correctAndWithdrawCreation(t, {
      path: '/v1/seminars',
      streamId: 'seminar-sem-fix',
      body: seminar('sem-fix'),
      corrected: seminar('sem-fix', { participantsByTargetGroup: { staff: 3, associations: 3, citizens: 18 } }),
    });
  });
});
