import { aggregateCommands } from '../core/command-routing';
import { streamName } from '../core/stream-name';
import { analysisDecider } from './analysis.decider';

export const analysisCommands = aggregateCommands(analysisDecider, {
  CompleteGoodPracticeAnalysis: { stream: (data) => streamName('analysis', data.analysisId) },
});
