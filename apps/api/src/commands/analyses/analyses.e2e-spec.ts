import { TestApp, startTestApp } from '../../../../../test/api.harness';
import { AT, accept, correctAndWithdrawCreation, refuse } from '../../../../../test/command-assertions';

describe('good-practice analyses (v1/good-practice-analyses)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const analysis = (analysisId: string, overrides: object = {}) => ({
    occurredAt: AT,
    analysisId,
    housingArea: 'mjolnerparken',
    practicesIdentified: 3,
    summary: 'Three practices of involving parents',
    ...overrides,
  });

  it('records a completed good-practice analysis', async () => {
    await accept(t, '/v1/good-practice-analyses', analysis('gp-1'), {
      streamId: 'analysis-gp-1',
      type: 'GoodPracticeAnalysisCompleted',
      data: { analysisId: 'gp-1', housingArea: 'mjolnerparken', practicesIdentified: 3, summary: 'Three practices of involving parents' },
    });
  });

  it('refuses completing the same analysis twice with 409', async () => {
    await refuse(t, '/v1/good-practice-analyses', analysis('gp-1'), { status: 409, field: null, rule: 'already-exists' }, 'analysis-gp-1');
  });

  it('refuses a fractional number of practices', async () => {
    await refuse(t, '/v1/good-practice-analyses', analysis('gp-2', { practicesIdentified: 2.5 }), { status: 400, field: 'practicesIdentified', rule: 'isInt' }, 'analysis-gp-2');
  });

  it('corrects the creating record and withdraws it, after which it can be completed again', async () => {
    await correctAndWithdrawCreation(t, {
      path: '/v1/good-practice-analyses',
      streamId: 'analysis-gp-fix',
      body: analysis('gp-fix'),
      corrected: analysis('gp-fix', { practicesIdentified: 2 }),
    });
  });
});
