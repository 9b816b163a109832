import { aggregateCommands } from '../core/command-routing';
import { streamName } from '../core/stream-name';
import { evaluationDecider } from './evaluation.decider';

export const evaluationCommands = aggregateCommands(evaluationDecider, {
  RecordEvaluationMilestone: { stream: (data) => streamName('evaluation', data.milestoneId) },
});
