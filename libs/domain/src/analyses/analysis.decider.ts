import { Command } from '../core/command';
import { defineDecider } from '../core/decider';
import { alreadyExists, ruleBroken } from '../core/domain-error';
import { assertCode, requiredText } from '../core/input';
import { housingAreas } from '../model/reference-data';
import { AnalysisEvent, GoodPracticeAnalysisCompleted } from './analysis.events';

export type CompleteGoodPracticeAnalysis = Command<'CompleteGoodPracticeAnalysis', GoodPracticeAnalysisCompleted['data']>;

export type AnalysisCommand = CompleteGoodPracticeAnalysis;
export const analysisCommandTypes = ['CompleteGoodPracticeAnalysis'] as const satisfies readonly AnalysisCommand['type'][];

export type AnalysisState = { readonly status: 'open' } | { readonly status: 'completed'; readonly analysisId: string };

const complete = (command: CompleteGoodPracticeAnalysis, state: AnalysisState): GoodPracticeAnalysisCompleted[] => {
  const { analysisId, housingArea, practicesIdentified } = command.data;
  if (state.status !== 'open') return alreadyExists(`good-practice analysis ${analysisId}`);
  assertCode('unknown-housing-area', housingAreas, housingArea, 'housingArea');
  if (!Number.isInteger(practicesIdentified) || practicesIdentified < 0) {
    ruleBroken(
      'practices-not-a-count',
      `practicesIdentified ${practicesIdentified} must be a whole number of 0 or more`,
      'practicesIdentified',
    );
  }
  const summary = requiredText('summary-required', command.data.summary, 'summary', 'a completed analysis needs a summary of its findings');
  return [{ type: 'GoodPracticeAnalysisCompleted', data: { analysisId, housingArea, practicesIdentified, summary } }];
};

export const analysisDecider = defineDecider<AnalysisCommand, AnalysisEvent, AnalysisState>({
  recordedBy: { GoodPracticeAnalysisCompleted: 'CompleteGoodPracticeAnalysis' },
  initialState: () => ({ status: 'open' }),

  decide: (command, state) => {
    switch (command.type) {
      case 'CompleteGoodPracticeAnalysis':
        return complete(command, state);
      default: {
        // A one-member union does not narrow to never, so the check runs on the type string.
        const unknown: never = command.type;
        throw new Error(`unknown analysis command ${String(unknown)}`);
      }
    }
  },

  evolve: (state, event) => {
    switch (event.type) {
      case 'GoodPracticeAnalysisCompleted':
        return { status: 'completed', analysisId: event.data.analysisId };
      default: {
        const unknown: never = event.type;
        throw new Error(`unknown analysis event ${String(unknown)}`);
      }
    }
  },
});
