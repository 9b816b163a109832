import { TestApp, startTestApp } from '../../../../../test/api.harness';
import { AT, accept, correctAndWithdrawCreation, refuse } from '../../../../../test/command-assertions';

describe('evaluation milestones (v1/evaluation-milestones)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('records an evaluation milestone, with an empty note when none is given', async () => {
    const body = { occurredAt: AT, milestoneId: 'ev-1', milestone: 'baseline-report', title: 'Baseline report delivered' };
    await accept(t, '/v1/evaluation-milestones', body, {
      streamId: 'evaluation-ev-1',
      type: 'EvaluationMilestoneReached',
      data: { milestoneId: 'ev-1', milestone: 'baseline-report', title: 'Baseline report delivered', note: '' },
    });
  });

  it('refuses an unknown milestone', async () => {
    const body = { occurredAt: AT, milestoneId: 'ev-2', milestone: 'kick-off', title: 'Kick-off' };
    await refuse(t, '/v1/evaluation-milestones', body, { status: 400, field: 'milestone', rule: 'isIn' }, 'evaluation-ev-2');
  });

  it('corrects the milestone record and withdraws it, after which it can be recorded again', async () => {
    const milestone = (title: string) => ({ occurredAt: AT, milestoneId: 'ev-fix', milestone: 'baseline-report', title });
    await correctAndWithdrawCreation(t, {
      path: '/v1/evaluation-milestones',
      streamId: 'evaluation-ev-fix',
      body: milestone('Baseline reprot delivered'),
      corrected: milestone('Baseline report delivered'),
    });
  });
});
