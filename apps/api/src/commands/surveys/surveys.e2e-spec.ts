import { TestApp, startTestApp } from '../../../../../test/api.harness';
import { AT, accept, correctAndWithdrawCreation, refuse } from '../../../../../test/command-assertions';
import { associationRegistered, given, staffMemberRegistered } from '../../../../../test/given';

describe('survey responses (v1/survey-responses)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await given(t, [associationRegistered('a-1'), staffMemberRegistered('s-1')]);
  });
  afterAll(() => t.close());

  const answers = (respondentId: string, overrides: object = {}) => ({
    occurredAt: AT,
    respondentId,
    respondentKind: 'association-representative',
    associationId: 'a-1',
    wave: 'baseline',
    answers: [
      { statement: 'assoc-better-communication', score: 3 },
      { statement: 'assoc-more-influence', score: 2 },
    ],
    ...overrides,
  });

  it("records a respondent's answers on the respondent stream", async () => {
    await accept(t, '/v1/survey-responses', answers('resp-1'), {
      streamId: 'respondent-resp-1',
      type: 'SurveyAnswered',
      data: {
        respondentId: 'resp-1',
        respondentKind: 'association-representative',
        associationId: 'a-1',
        wave: 'baseline',
        answers: [
          { statement: 'assoc-better-communication', score: 3 },
          { statement: 'assoc-more-influence', score: 2 },
        ],
      },
    });
  });

  it('records a staff respondent linked to a staff record', async () => {
    const body = answers('resp-2', { respondentKind: 'staff', associationId: undefined, staffId: 's-1', answers: [{ statement: 'staff-better-dialogue', score: 4 }] });
    await accept(t, '/v1/survey-responses', body, {
      streamId: 'respondent-resp-2',
      type: 'SurveyAnswered',
      data: { respondentId: 'resp-2', respondentKind: 'staff', staffId: 's-1', wave: 'baseline', answers: [{ statement: 'staff-better-dialogue', score: 4 }] },
    });
  });

  it('refuses answering the same wave twice with 422 wave-already-answered', async () => {
    await refuse(t, '/v1/survey-responses', answers('resp-1'), { status: 422, field: 'wave', rule: 'wave-already-answered' }, 'respondent-resp-1');
  });

  it('refuses an association that does not exist with 422 unknown-reference', async () => {
    await refuse(t, '/v1/survey-responses', answers('resp-3', { associationId: 'a-404' }), { status: 422, field: 'associationId', rule: 'unknown-reference' }, 'respondent-resp-3');
  });

  it('refuses a score off the scale, naming the answer', async () => {
    const body = answers('resp-3', { answers: [{ statement: 'assoc-more-influence', score: 7 }] });
    await refuse(t, '/v1/survey-responses', body, { status: 400, field: 'answers[0].score', rule: 'max' }, 'respondent-resp-3');
  });

  it('refuses a statement that is not in the survey', async () => {
    const body = answers('resp-3', { answers: [{ statement: 'assoc-more-influence', score: 4 }, { statement: 'likes-coffee', score: 5 }] });
    await refuse(t, '/v1/survey-responses', body, { status: 400, field: 'answers[1].statement', rule: 'isIn' }, 'respondent-resp-3');
  });

  it("corrects a respondent's first answers and withdraws them, after which they can be recorded again", async () => {
    await correctAndWithdrawCreation(t, {
      path: '/v1/survey-responses',
      streamId: 'respondent-resp-fix',
      body: answers('resp-fix'),
      corrected: answers('resp-fix', { answers: [{ statement: 'assoc-better-communication', score: 4 }] }),
    });
  });
});
