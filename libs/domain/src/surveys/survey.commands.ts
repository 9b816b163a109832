import { aggregateCommands, referencesOf } from '../core/command-routing';
import { streamName } from '../core/stream-name';
import { surveyDecider } from './survey.decider';

export const surveyCommands = aggregateCommands(surveyDecider, {
  AnswerSurvey: {
    stream: (data) => streamName('respondent', data.respondentId),
    references: (data) =>
      referencesOf(
        data.associationId !== undefined && { streamId: streamName('association', data.associationId), field: 'associationId' },
        data.staffId !== undefined && { streamId: streamName('staff', data.staffId), field: 'staffId' },
      ),
  },
});
