import { SurveyWave } from '../model/reference-data';
import { contextAt, deciderSpec } from '../testing/decider-specification';
import { AnswerSurvey, surveyDecider } from './survey.decider';
import { SurveyAnswer, SurveyAnswered } from './survey.events';

const spec = deciderSpec(surveyDecider);

const scores = (communication: number, influence: number): SurveyAnswer[] => [
  { statement: 'assoc-better-communication', score: communication },
  { statement: 'assoc-more-influence', score: influence },
];

/** Respondent r-1 answers for association a-1 as its representative. */
const answered = (wave: SurveyWave, data: Partial<SurveyAnswered['data']> = {}): SurveyAnswered => ({
  type: 'SurveyAnswered',
  data: { respondentId: 'r-1', respondentKind: 'association-representative', associationId: 'a-1', wave, answers: scores(2, 3), ...data },
});
const baseline = answered('baseline');
const followUp = answered('follow-up', { answers: scores(4, 4) });
const asStaff = (wave: SurveyWave): SurveyAnswered => ({
  type: 'SurveyAnswered',
  data: { respondentId: 'r-1', respondentKind: 'staff', staffId: 's-1', wave, answers: [{ statement: 'staff-better-dialogue', score: 4 }] },
});

const answer = (occurredAt: string, event: SurveyAnswered): AnswerSurvey => ({ type: 'AnswerSurvey', data: event.data, context: contextAt(occurredAt) });

const february = '2010-02-01T10:00:00Z';
const september = '2010-09-01T10:00:00Z';

/** A baseline in February and a follow-up in September. */
const bothWaves = [
  [february, baseline],
  [september, followUp],
] as const;
const baselineOnly = [[february, baseline]] as const;
/** A retrospective survey: only the follow-up is answered. */
const followUpOnly = [[september, followUp]] as const;

describe('survey rules in business time', () => {
  describe('the order of the waves', () => {
    it('given a baseline of February, when a follow-up of January arrives late, then it is refused: the baseline would come after it', () => {
      spec.recorded(baselineOnly).when(answer('2010-01-15T10:00:00Z', followUp)).thenFails('rule', 'invalidates-record');
    });

    it('given a baseline of February, when a follow-up of June arrives late, then it is recorded', () => {
      spec.recorded(baselineOnly).when(answer('2010-06-01T10:00:00Z', followUp)).then([followUp]);
    });

    it('given only a follow-up of September, when a baseline of February arrives late, then it is recorded', () => {
      spec.recorded(followUpOnly).when(answer(february, baseline)).then([baseline]);
    });

    it('given a follow-up of September, when a baseline of October arrives, then it is refused: it would come after the follow-up', () => {
      spec.recorded(followUpOnly).when(answer('2010-10-01T10:00:00Z', baseline)).thenFails('rule', 'baseline-after-follow-up', 'wave');
    });

    it('given a baseline of February, when another baseline of January arrives late, then it is refused: the February one would answer the wave twice', () => {
      spec.recorded(bothWaves).when(answer('2010-01-15T10:00:00Z', baseline)).thenFails('rule', 'invalidates-record');
    });

    it('given a follow-up of September, when another follow-up of May arrives late, then it is refused: the September one would answer the wave twice', () => {
      spec.recorded(bothWaves).when(answer('2010-05-01T10:00:00Z', followUp)).thenFails('rule', 'invalidates-record');
    });

    it('given a follow-up of September, when its baseline is corrected to October, then it is refused: it would come after the follow-up', () => {
      spec.recorded(bothWaves).whenCorrecting(0, answer('2010-10-01T10:00:00Z', baseline)).thenFails('rule', 'baseline-after-follow-up', 'wave');
    });

    it('given a baseline of February, when the follow-up is corrected to January, then it is refused: the baseline would come after it', () => {
      spec.recorded(bothWaves).whenCorrecting(1, answer('2010-01-15T10:00:00Z', followUp)).thenFails('rule', 'invalidates-record');
    });

    it('given a follow-up of September, when the baseline scores are corrected, then the replacement is recorded', () => {
      const rescored = answered('baseline', { answers: scores(1, 3) });
      spec.recorded(bothWaves).whenCorrecting(0, answer(february, rescored)).then([rescored]);
    });

    it('given a baseline recorded late, after the follow-up, when the baseline is withdrawn, then nothing else is at stake: a follow-up may stand alone', () => {
      spec.recorded([...followUpOnly, [february, baseline]]).whenWithdrawing(1).then([]);
    });

    it('given a baseline recorded after an earlier-dated follow-up, when the follow-up scores are corrected, then the older inconsistency does not block it', () => {
      const legacy = [
        [september, followUp],
        ['2010-10-01T10:00:00Z', baseline],
      ] as const;
      const rescored = answered('follow-up', { answers: scores(5, 4) });
      spec.recorded(legacy).whenCorrecting(0, answer(september, rescored)).then([rescored]);
    });
  });

  describe('who the respondent answers as', () => {
    it('given a baseline as a representative, when a follow-up as staff arrives, then it is refused: the respondent kind is fixed', () => {
      spec.recorded(baselineOnly).when(answer('2010-06-01T10:00:00Z', asStaff('follow-up'))).thenFails('rule', 'respondent-kind-changed', 'respondentKind');
    });

    it('given a follow-up as a representative, when a baseline as staff dated before it arrives late, then it is refused: the follow-up would change the kind', () => {
      spec.recorded(followUpOnly).when(answer(february, asStaff('baseline'))).thenFails('rule', 'invalidates-record');
    });

    it('given a baseline for a-1, when a follow-up for a-2 arrives, then it is refused: the affiliation is fixed', () => {
      spec
        .recorded(baselineOnly)
        .when(answer('2010-06-01T10:00:00Z', answered('follow-up', { associationId: 'a-2' })))
        .thenFails('rule', 'affiliation-changed', 'associationId');
    });

    it('given a follow-up for a-1, when the baseline is corrected to a-2, then it is refused: the follow-up would change the affiliation', () => {
      spec.recorded(bothWaves).whenCorrecting(0, answer(february, answered('baseline', { associationId: 'a-2' }))).thenFails('rule', 'invalidates-record');
    });
  });
});
