import { contextAt, deciderSpec } from '../testing/decider-specification';
import { RecordEvaluationMilestone, evaluationDecider } from './evaluation.decider';
import { EvaluationMilestoneReached } from './evaluation.events';

const spec = deciderSpec(evaluationDecider);

const reached = (data: Partial<EvaluationMilestoneReached['data']> = {}): EvaluationMilestoneReached => ({
  type: 'EvaluationMilestoneReached',
  data: { milestoneId: 'ev-midterm', milestone: 'midterm-review', title: 'Midtvejsevaluering', note: 'Sent to the steering group', ...data },
});

const record = (occurredAt: string, event = reached()): RecordEvaluationMilestone => ({
  type: 'RecordEvaluationMilestone',
  data: event.data,
  context: contextAt(occurredAt),
});

/** The midterm review was reached in June. */
const history = [['2010-06-15T10:00:00Z', reached()]] as const;

describe('evaluation rules in business time', () => {
  it('given no record of the milestone, when it arrives months after it was reached, then it is recorded', () => {
    spec.recorded([]).when(record('2010-01-20T10:00:00Z')).then([reached()]);
  });

  it('given a milestone reached in June, when the same milestone of May arrives late, then it is refused as a duplicate', () => {
    spec.recorded(history).when(record('2010-05-01T10:00:00Z', reached({ title: 'Second try' }))).thenFails('already-exists', 'already-exists');
  });

  it('given a milestone reached in June, when the same milestone of July arrives, then it is refused as a duplicate', () => {
    spec.recorded(history).when(record('2010-07-01T10:00:00Z', reached({ title: 'Second try' }))).thenFails('already-exists', 'already-exists');
  });

  it('given a milestone reached in June, when it is corrected to May with another note, then the replacement is recorded', () => {
    const noted = reached({ note: 'Presented at the May meeting' });
    spec.recorded(history).whenCorrecting(0, record('2010-05-01T10:00:00Z', noted)).then([noted]);
  });

  it('given a milestone reached in June, when it is corrected to August, then the replacement is recorded', () => {
    spec.recorded(history).whenCorrecting(0, record('2010-08-01T10:00:00Z')).then([reached()]);
  });
});
