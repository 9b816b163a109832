import { Command } from '../core/command';
import { defineDecider } from '../core/decider';
import { ruleBroken } from '../core/domain-error';
import { surveyScale, surveyStatements } from '../model/instruments';
import { RespondentKind, respondentKinds, SurveyWave, surveyWaves } from '../model/reference-data';
import { SurveyAnswered, SurveyEvent } from './survey.events';
import { assertCode, assertNotEmpty, trimmed } from '../core/input';

/** Sent on stream `respondent-<respondentId>`. */
export type AnswerSurvey = Command<'AnswerSurvey', SurveyAnswered['data']>;

export type SurveyCommand = AnswerSurvey;

export const surveyCommandTypes = ['AnswerSurvey'] as const satisfies readonly SurveyCommand['type'][];

export type SurveyState =
  | { readonly status: 'no-answers' }
  | {
      readonly status: 'answering';
      readonly respondentKind: RespondentKind;
      /** The association or staff member the respondent answers for: fixed, so waves compare. */
      readonly affiliation: string;
      readonly wavesAnswered: ReadonlySet<SurveyWave>;
    };

/** The link to an association or a staff record follows the respondent kind, and only that one is set. */
const assertAffiliation = (data: AnswerSurvey['data']): void => {
  const who = `respondent ${data.respondentId} (${data.respondentKind})`;
  if (data.respondentKind === 'association-representative') {
    if (trimmed(data.associationId) === '') ruleBroken('association-id-required', `${who} needs an associationId`, 'associationId');
    if (data.staffId !== undefined) ruleBroken('staff-id-not-allowed', `${who} must not carry staffId ${data.staffId}`, 'staffId');
  } else {
    if (trimmed(data.staffId) === '') ruleBroken('staff-id-required', `${who} needs a staffId`, 'staffId');
    if (data.associationId !== undefined) {
      ruleBroken('association-id-not-allowed', `${who} must not carry associationId ${data.associationId}`, 'associationId');
    }
  }
};

const assertAnswers = (data: AnswerSurvey['data']): void => {
  assertNotEmpty('answers-required', data.answers, 'answers', `respondent ${data.respondentId} gave no answers`);
  const seen = new Set<string>();
  data.answers.forEach(({ statement, score }, i) => {
    const known = surveyStatements.find((candidate) => candidate.code === statement);
    if (known === undefined) ruleBroken('unknown-statement', `statement "${statement}" is not in the survey`, `answers[${i}].statement`);
    else if (known.respondentKind !== data.respondentKind) {
      ruleBroken(
        'statement-not-for-respondent',
        `statement "${statement}" is put to ${known.respondentKind} respondents, not ${data.respondentKind}`,
        `answers[${i}].statement`,
      );
    }
    if (seen.has(statement)) ruleBroken('duplicate-statement', `statement "${statement}" is answered twice`, `answers[${i}].statement`);
    seen.add(statement);
    if (!Number.isInteger(score) || score < surveyScale.min || score > surveyScale.max) {
      ruleBroken(
        'score-out-of-range',
        `score ${score} for "${statement}" is not a whole number from ${surveyScale.min} to ${surveyScale.max}`,
        `answers[${i}].score`,
      );
    }
  });
};

const answerSurvey = ({ data }: AnswerSurvey, state: SurveyState): SurveyEvent[] => {
  assertCode('unknown-respondent-kind', respondentKinds, data.respondentKind, 'respondentKind');
  // Baseline and follow-up are compared per respondent, which only means something if the kind never changes.
  if (state.status === 'answering' && state.respondentKind !== data.respondentKind) {
    ruleBroken(
      'respondent-kind-changed',
      `respondent ${data.respondentId} answered as ${state.respondentKind} before, not ${data.respondentKind}`,
      'respondentKind',
    );
  }
  assertAffiliation(data);
  const affiliation = (data.associationId ?? data.staffId)!;
  if (state.status === 'answering' && state.affiliation !== affiliation) {
    const field = data.associationId !== undefined ? 'associationId' : 'staffId';
    ruleBroken('affiliation-changed', `respondent ${data.respondentId} answered for ${state.affiliation} before, not ${affiliation}`, field);
  }
  assertCode('unknown-survey-wave', surveyWaves, data.wave, 'wave');
  // A follow-up with no baseline is accepted: retrospective surveys ask both at once or only afterwards,
  // and the indicators pair waves per respondent where both exist.
  if (state.status === 'answering' && state.wavesAnswered.has(data.wave)) {
    ruleBroken('wave-already-answered', `respondent ${data.respondentId} already answered the ${data.wave} wave`, 'wave');
  }
  // Judged in business time, this keeps every follow-up after its baseline: a baseline dated after one is refused.
  if (data.wave === 'baseline' && state.status === 'answering' && state.wavesAnswered.has('follow-up')) {
    ruleBroken('baseline-after-follow-up', `respondent ${data.respondentId} answered the follow-up before this baseline`, 'wave');
  }
  assertAnswers(data);
  return [
    {
      type: 'SurveyAnswered',
      data: {
        respondentId: data.respondentId,
        respondentKind: data.respondentKind,
        ...(data.associationId !== undefined && { associationId: data.associationId }),
        ...(data.staffId !== undefined && { staffId: data.staffId }),
        wave: data.wave,
        answers: data.answers.map(({ statement, score }) => ({ statement, score })),
      },
    },
  ];
};

const decide = (command: SurveyCommand, state: SurveyState): SurveyEvent[] => {
  switch (command.type) {
    case 'AnswerSurvey':
      return answerSurvey(command, state);
    default: {
      // A one-member union does not narrow to never, so the check runs on the type string.
      const unknown: never = command.type;
      throw new Error(`unknown survey command ${String(unknown)}`);
    }
  }
};

const evolve = (state: SurveyState, event: SurveyEvent): SurveyState => {
  switch (event.type) {
    case 'SurveyAnswered':
      return {
        status: 'answering',
        respondentKind: event.data.respondentKind,
        affiliation: (event.data.associationId ?? event.data.staffId)!,
        wavesAnswered: new Set(state.status === 'answering' ? state.wavesAnswered : []).add(event.data.wave),
      };
    default: {
      const unknown: never = event.type;
      throw new Error(`unknown survey event ${String(unknown)}`);
    }
  }
};

export const surveyDecider = defineDecider<SurveyCommand, SurveyEvent, SurveyState>({
  recordedBy: { SurveyAnswered: 'AnswerSurvey' },
  initialState: () => ({ status: 'no-answers' }),
  decide,
  evolve,
});
