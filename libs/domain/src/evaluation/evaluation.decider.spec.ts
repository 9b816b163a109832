import { deciderSpec, testContext } from '../testing/decider-specification';
import { EvaluationCommand, evaluationCommandTypes, evaluationDecider } from './evaluation.decider';
import { EvaluationMilestoneReached } from './evaluation.events';

const spec = deciderSpec(evaluationDecider);

const reached: EvaluationMilestoneReached = {
  type: 'EvaluationMilestoneReached',
  data: { milestoneId: 'ev-midterm', milestone: 'midterm-review', title: 'Midtvejsevaluering', note: 'Sent to the steering group' },
};

const record = (data: Record<string, unknown> = {}, context = testContext()): EvaluationCommand => ({
  type: 'RecordEvaluationMilestone',
  data: { ...reached.data, ...data } as EvaluationMilestoneReached['data'],
  context,
});

describe('evaluation decider', () => {
  it('lists every command type it decides', () => {
    expect([...evaluationCommandTypes]).toEqual(['RecordEvaluationMilestone']);
  });

  it('refuses a command whose business time lies after the clock', () => {
    spec
      .given([])
      .when(record({}, testContext({ occurredAt: '2011-01-01T00:00:00.000Z' })))
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });

  it('records a milestone with title and note trimmed', () => {
    spec.given([]).when(record({ title: ' Midtvejsevaluering ', note: 'Sent to the steering group ' })).then([reached]);
  });

  it('records a milestone without a note as an empty note', () => {
    spec
      .given([])
      .when(record({ note: '   ' }))
      .then([{ ...reached, data: { ...reached.data, note: '' } }]);
  });

  it('records a milestone only once', () => {
    spec.given([reached]).when(record({ title: 'Second try' })).thenFails('already-exists', 'already-exists');
  });

  it('refuses a milestone outside its code list', () => {
    spec.given([]).when(record({ milestone: 'kick-off' })).thenFails('rule', 'unknown-milestone', 'milestone');
  });

  it('refuses a blank title', () => {
    spec.given([]).when(record({ title: '' })).thenFails('rule', 'title-required', 'title');
  });
});
