import { contextAt, deciderSpec } from '../testing/decider-specification';
import { HoldWorkshop, RecordWorkshopFeedback, workshopDecider } from './workshop.decider';
import { WorkshopFeedbackRecorded, WorkshopHeld } from './workshop.events';

const spec = deciderSpec(workshopDecider);
const workshopId = 'w-1';

const held = (participantStaffIds: readonly string[] = ['s-1', 's-2']): WorkshopHeld => ({
  type: 'WorkshopHeld',
  data: { workshopId, topic: 'parent-involvement', housingArea: 'bispeparken', participantStaffIds },
});
const feedback = (staffId: string, reactionScore = 4, learningScore = 3): WorkshopFeedbackRecorded => ({
  type: 'WorkshopFeedbackRecorded',
  data: { workshopId, staffId, reactionScore, learningScore },
});

const hold = (occurredAt: string, event = held()): HoldWorkshop => ({ type: 'HoldWorkshop', data: event.data, context: contextAt(occurredAt) });
const giveFeedback = (occurredAt: string, event: WorkshopFeedbackRecorded): RecordWorkshopFeedback => ({
  type: 'RecordWorkshopFeedback',
  data: event.data,
  context: contextAt(occurredAt),
});

/** Held in March with two participants; s-1 answered a week later. */
const history = [
  ['2010-03-10T10:00:00Z', held()],
  ['2010-03-17T10:00:00Z', feedback('s-1')],
] as const;

describe('workshop rules in business time', () => {
  it('given a workshop held in March, when feedback of February arrives, then it is refused as before the first record', () => {
    spec.recorded(history).when(giveFeedback('2010-02-20T10:00:00Z', feedback('s-2'))).thenFails('rule', 'before-first-record', 'occurredAt');
  });

  it('given a workshop held in March, when feedback of the day after arrives late, then it is recorded', () => {
    spec.recorded(history).when(giveFeedback('2010-03-11T10:00:00Z', feedback('s-2'))).then([feedback('s-2')]);
  });

  it('given feedback from s-1 of mid-March, when another answer from s-1 of April arrives, then it is refused: s-1 already answered', () => {
    spec
      .recorded(history)
      .when(giveFeedback('2010-04-01T10:00:00Z', feedback('s-1', 2, 2)))
      .thenFails('rule', 'feedback-already-recorded', 'staffId');
  });

  it('given feedback from s-1 of mid-March, when another answer from s-1 of the day after the workshop arrives, then it is refused: the recorded answer would be a second one', () => {
    spec.recorded(history).when(giveFeedback('2010-03-11T10:00:00Z', feedback('s-1', 2, 2))).thenFails('rule', 'invalidates-record');
  });

  it('given a workshop held in March, when a second one of February arrives, then it is refused as a duplicate', () => {
    spec.recorded(history).when(hold('2010-02-20T10:00:00Z')).thenFails('already-exists', 'already-exists');
  });

  it('given feedback of mid-March, when the workshop is corrected to April, then it is refused: the feedback would come before it', () => {
    spec.recorded(history).whenCorrecting(0, hold('2010-04-01T10:00:00Z')).thenFails('rule', 'invalidates-record');
  });

  it('given feedback from s-1, when the workshop is corrected to leave s-1 out, then it is refused: the feedback would be from a non-participant', () => {
    spec.recorded(history).whenCorrecting(0, hold('2010-03-10T10:00:00Z', held(['s-2']))).thenFails('rule', 'invalidates-record');
  });

  it('given feedback of mid-March, when the workshop is corrected to an earlier day with a third participant, then the replacement is recorded', () => {
    spec.recorded(history).whenCorrecting(0, hold('2010-03-03T10:00:00Z', held(['s-1', 's-2', 's-3']))).then([held(['s-1', 's-2', 's-3'])]);
  });

  it('given feedback of mid-March, when it is corrected to a day before the workshop, then it is refused as before the first record', () => {
    spec.recorded(history).whenCorrecting(1, giveFeedback('2010-03-01T10:00:00Z', feedback('s-1'))).thenFails('rule', 'before-first-record', 'occurredAt');
  });

  it('given feedback of mid-March, when its scores are corrected, then the replacement is recorded', () => {
    spec.recorded(history).whenCorrecting(1, giveFeedback('2010-03-17T10:00:00Z', feedback('s-1', 5, 4))).then([feedback('s-1', 5, 4)]);
  });

  it('given feedback from s-1, when it is withdrawn, then nothing else is at stake', () => {
    spec.recorded(history).whenWithdrawing(1).then([]);
  });

  it('given feedback recorded from a staff member the workshop did not list, when other feedback arrives late, then the older inconsistency does not block it', () => {
    const legacy = [history[0], ['2010-03-20T10:00:00Z', feedback('s-9')]] as const;
    spec.recorded(legacy).when(giveFeedback('2010-03-12T10:00:00Z', feedback('s-2'))).then([feedback('s-2')]);
  });
});
