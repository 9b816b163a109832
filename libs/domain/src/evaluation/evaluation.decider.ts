import { Command } from '../core/command';
import { defineDecider } from '../core/decider';
import { alreadyExists } from '../core/domain-error';
import { evaluationMilestones } from '../model/reference-data';
import { EvaluationEvent, EvaluationMilestoneReached } from './evaluation.events';
import { assertCode, requiredText, trimmed } from '../core/input';

export type RecordEvaluationMilestone = Command<'RecordEvaluationMilestone', EvaluationMilestoneReached['data']>;

export type EvaluationCommand = RecordEvaluationMilestone;
export const evaluationCommandTypes = ['RecordEvaluationMilestone'] as const satisfies readonly EvaluationCommand['type'][];

export type EvaluationState = { readonly status: 'pending' } | { readonly status: 'reached'; readonly milestoneId: string };

const recordMilestone = (command: RecordEvaluationMilestone, state: EvaluationState): EvaluationMilestoneReached[] => {
  const { milestoneId, milestone } = command.data;
  if (state.status !== 'pending') return alreadyExists(`evaluation milestone ${milestoneId}`);
  assertCode('unknown-milestone', evaluationMilestones, milestone, 'milestone');
  const title = requiredText('title-required', command.data.title, 'title', 'an evaluation milestone needs a title');
  // The note is optional in substance; the event keeps it as a string, empty when none was given.
  return [{ type: 'EvaluationMilestoneReached', data: { milestoneId, milestone, title, note: trimmed(command.data.note) } }];
};

export const evaluationDecider = defineDecider<EvaluationCommand, EvaluationEvent, EvaluationState>({
  recordedBy: { EvaluationMilestoneReached: 'RecordEvaluationMilestone' },
  initialState: () => ({ status: 'pending' }),

  decide: (command, state) => {
    switch (command.type) {
      case 'RecordEvaluationMilestone':
        return recordMilestone(command, state);
      default: {
        // A one-member union does not narrow to never, so the check runs on the type string.
        const unknown: never = command.type;
        throw new Error(`unknown evaluation command ${String(unknown)}`);
      }
    }
  },

  evolve: (state, event) => {
    switch (event.type) {
      case 'EvaluationMilestoneReached':
        return { status: 'reached', milestoneId: event.data.milestoneId };
      default: {
        const unknown: never = event.type;
        throw new Error(`unknown evaluation event ${String(unknown)}`);
      }
    }
  },
});
