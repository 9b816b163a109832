import { RespondentKind, SurveyWave } from '../model/reference-data';
import { deciderSpec, testContext } from '../testing/decider-specification';
import { AnswerSurvey, surveyCommandTypes, surveyDecider } from './survey.decider';
import { SurveyAnswered } from './survey.events';

const spec = deciderSpec(surveyDecider);
const context = testContext();

const representativeData: SurveyAnswered['data'] = {
  respondentId: 'r-1',
  respondentKind: 'association-representative',
  associationId: 'a-1',
  wave: 'baseline',
  answers: [
    { statement: 'assoc-better-communication', score: 2 },
    { statement: 'assoc-more-influence', score: 3 },
  ],
};
const staffData: SurveyAnswered['data'] = {
  respondentId: 'r-2',
  respondentKind: 'staff',
  staffId: 's-1',
  wave: 'baseline',
  answers: [{ statement: 'staff-better-dialogue', score: 4 }],
};

const answer = (data: SurveyAnswered['data']): AnswerSurvey => ({ type: 'AnswerSurvey', data, context });
const answered = (data: SurveyAnswered['data']): SurveyAnswered => ({ type: 'SurveyAnswered', data });
const representative = (data: Partial<SurveyAnswered['data']>) => answer({ ...representativeData, ...data });

describe('survey decider', () => {
  it('lists every command type', () => {
    expect(surveyCommandTypes).toEqual(['AnswerSurvey']);
  });

  it('refuses a fact dated after the service clock', () => {
    spec
      .given([])
      .when({ ...answer(representativeData), context: testContext({ occurredAt: '2010-06-01T00:00:00.000Z' }) })
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });

  describe('AnswerSurvey', () => {
    it("records an association representative's baseline", () => {
      spec.given([]).when(answer(representativeData)).then([answered(representativeData)]);
    });

    it("records a staff member's baseline", () => {
      spec.given([]).when(answer(staffData)).then([answered(staffData)]);
    });

    it('records the follow-up after the baseline', () => {
      const followUp = { ...representativeData, wave: 'follow-up' as const };
      spec.given([answered(representativeData)]).when(answer(followUp)).then([answered(followUp)]);
    });

    it('records a follow-up with no baseline, as retrospective surveys do', () => {
      const followUp = { ...staffData, wave: 'follow-up' as const };
      spec.given([]).when(answer(followUp)).then([answered(followUp)]);
    });

    it.each([1, 5])('accepts score %p at the ends of the scale', (score) => {
      const data = { ...staffData, answers: [{ statement: 'staff-better-involvement', score }] };
      spec.given([]).when(answer(data)).then([answered(data)]);
    });

    it('refuses an unknown respondent kind', () => {
      spec
        .given([])
        .when(representative({ respondentKind: 'citizen' as RespondentKind }))
        .thenFails('rule', 'unknown-respondent-kind', 'respondentKind');
    });

    it('keeps the respondent kind of the first answer', () => {
      spec
        .given([answered({ ...staffData, respondentId: 'r-1' })])
        .when(representative({ wave: 'follow-up' }))
        .thenFails('rule', 'respondent-kind-changed', 'respondentKind');
    });

    it('requires an association for a representative', () => {
      spec
        .given([])
        .when(representative({ associationId: undefined }))
        .thenFails('rule', 'association-id-required', 'associationId');
    });

    it('refuses a staff id on a representative', () => {
      spec.given([]).when(representative({ staffId: 's-1' })).thenFails('rule', 'staff-id-not-allowed', 'staffId');
    });

    it('requires a staff id for staff', () => {
      spec
        .given([])
        .when(answer({ ...staffData, staffId: undefined }))
        .thenFails('rule', 'staff-id-required', 'staffId');
    });

    it('refuses an association on staff', () => {
      spec
        .given([])
        .when(answer({ ...staffData, associationId: 'a-1' }))
        .thenFails('rule', 'association-id-not-allowed', 'associationId');
    });

    it('refuses an unknown wave', () => {
      spec
        .given([])
        .when(representative({ wave: 'midterm' as SurveyWave }))
        .thenFails('rule', 'unknown-survey-wave', 'wave');
    });

    it('takes one answer per wave', () => {
      spec
        .given([answered(representativeData)])
        .when(answer(representativeData))
        .thenFails('rule', 'wave-already-answered', 'wave');
    });

    it.each([[[]], [undefined]])('requires at least one answer, given %p', (answers) => {
      spec
        .given([])
        .when(representative({ answers: answers as unknown as SurveyAnswered['data']['answers'] }))
        .thenFails('rule', 'answers-required', 'answers');
    });

    it('refuses a statement that is not in the survey', () => {
      spec
        .given([])
        .when(representative({ answers: [{ statement: 'assoc-more-influence', score: 3 }, { statement: 'assoc-happier', score: 3 }] }))
        .thenFails('rule', 'unknown-statement', 'answers[1].statement');
    });

    it('refuses a statement put to the other kind of respondent', () => {
      spec
        .given([])
        .when(representative({ answers: [{ statement: 'staff-better-dialogue', score: 3 }] }))
        .thenFails('rule', 'statement-not-for-respondent', 'answers[0].statement');
    });

    it('refuses a statement answered twice', () => {
      spec
        .given([])
        .when(
          representative({
            answers: [
              { statement: 'assoc-more-influence', score: 3 },
              { statement: 'assoc-better-communication', score: 3 },
              { statement: 'assoc-more-influence', score: 4 },
            ],
          }),
        )
        .thenFails('rule', 'duplicate-statement', 'answers[2].statement');
    });

    it.each([0, 6, 2.5])('refuses score %p', (score) => {
      spec
        .given([])
        .when(
          representative({
            answers: [
              { statement: 'assoc-more-influence', score: 3 },
              { statement: 'assoc-better-communication', score },
            ],
          }),
        )
        .thenFails('rule', 'score-out-of-range', 'answers[1].score');
    });
  });

  it('given a representative who answered for one association, when the follow-up names another, then it is refused', () => {
    spec
      .given([answered(representativeData)])
      .when(representative({ wave: 'follow-up', associationId: 'a-2' }))
      .thenFails('rule', 'affiliation-changed', 'associationId');
  });

  it('given a staff respondent, when the follow-up names another staff member, then it is refused', () => {
    spec
      .given([answered(staffData)])
      .when(answer({ ...staffData, wave: 'follow-up', staffId: 's-2' }))
      .thenFails('rule', 'affiliation-changed', 'staffId');
  });
});
