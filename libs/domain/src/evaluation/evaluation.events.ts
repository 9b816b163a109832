import { DomainEvent } from '../core/event';
import { EvaluationMilestone } from '../model/reference-data';

/** Stream `evaluation-<milestoneId>`: a milestone of the evaluation of the effort. */
export type EvaluationMilestoneReached = DomainEvent<
  'EvaluationMilestoneReached',
  { readonly milestoneId: string; readonly milestone: EvaluationMilestone; readonly title: string; readonly note: string }
>;

export type EvaluationEvent = EvaluationMilestoneReached;
