import { TestApp, startTestApp } from '../../../../../test/api.harness';
import { AT, accept, refuse } from '../../../../../test/command-assertions';
import { given, staffMemberRegistered } from '../../../../../test/given';

describe('workshops (v1/workshops)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, [staffMemberRegistered('s-1'), staffMemberRegistered('s-2')]);
  });
  afterAll(() => t.close());

  const workshop = (workshopId: string, overrides: object = {}) => ({
    occurredAt: AT,
    workshopId,
    topic: 'parent-involvement',
    housingArea: 'tingbjerg-husum',
    participantStaffIds: ['s-1', 's-2'],
    ...overrides,
  });

  it('records a held workshop', async () => {
    await accept(t, '/v1/workshops', workshop('w-1'), {
      streamId: 'workshop-w-1',
      type: 'WorkshopHeld',
      data: { workshopId: 'w-1', topic: 'parent-involvement', housingArea: 'tingbjerg-husum', participantStaffIds: ['s-1', 's-2'] },
    });
  });

  it('refuses a participant who is not a registered staff member with 422 unknown-reference naming the entry', async () => {
    await refuse(t, '/v1/workshops', workshop('w-2', { participantStaffIds: ['s-1', 's-404'] }), { status: 422, field: 'participantStaffIds[1]', rule: 'unknown-reference' }, 'workshop-w-2');
  });

  it("records a participant's feedback", async () => {
    await accept(t, '/v1/workshops/w-1/feedback', { occurredAt: AT, staffId: 's-1', reactionScore: 4, learningScore: 5 }, {
      streamId: 'workshop-w-1',
      type: 'WorkshopFeedbackRecorded',
      data: { workshopId: 'w-1', staffId: 's-1', reactionScore: 4, learningScore: 5 },
    });
  });

  it('refuses feedback from someone who did not take part with 422 not-a-participant', async () => {
    const body = { occurredAt: AT, staffId: 's-3', reactionScore: 4, learningScore: 4 };
    await refuse(t, '/v1/workshops/w-1/feedback', body, { status: 422, field: 'staffId', rule: 'not-a-participant' }, 'workshop-w-1');
  });

  it('refuses an unknown topic', async () => {
    await refuse(t, '/v1/workshops', workshop('w-2', { topic: 'knitting' }), { status: 400, field: 'topic', rule: 'isIn' }, 'workshop-w-2');
  });

  it('refuses a score above the scale', async () => {
    const body = { occurredAt: AT, staffId: 's-2', reactionScore: 6, learningScore: 4 };
    await refuse(t, '/v1/workshops/w-1/feedback', body, { status: 400, field: 'reactionScore', rule: 'max' }, 'workshop-w-1');
  });
});
