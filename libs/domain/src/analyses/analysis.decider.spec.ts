import { deciderSpec, testContext } from '../testing/decider-specification';
import { AnalysisCommand, analysisCommandTypes, analysisDecider } from './analysis.decider';
import { GoodPracticeAnalysisCompleted } from './analysis.events';

const spec = deciderSpec(analysisDecider);

const completed: GoodPracticeAnalysisCompleted = {
  type: 'GoodPracticeAnalysisCompleted',
  data: {
    analysisId: 'gp-1',
    housingArea: 'akacieparken',
    practicesIdentified: 4,
    summary: 'Resident cafés and door-to-door invitations reach the most associations',
  },
};

const complete = (data: Record<string, unknown> = {}, context = testContext()): AnalysisCommand => ({
  type: 'CompleteGoodPracticeAnalysis',
  data: { ...completed.data, ...data } as GoodPracticeAnalysisCompleted['data'],
  context,
});

describe('analysis decider', () => {
  it('lists every command type it decides', () => {
    expect([...analysisCommandTypes]).toEqual(['CompleteGoodPracticeAnalysis']);
  });

  it('refuses a command whose business time lies after the clock', () => {
    spec
      .given([])
      .when(complete({}, testContext({ occurredAt: '2010-05-01T10:00:00.001Z' })))
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });

  it('completes an analysis with its summary trimmed', () => {
    spec.given([]).when(complete({ summary: `  ${completed.data.summary}\n` })).then([completed]);
  });

  it('completes an analysis that found no good practice', () => {
    spec
      .given([])
      .when(complete({ practicesIdentified: 0 }))
      .then([{ ...completed, data: { ...completed.data, practicesIdentified: 0 } }]);
  });

  it('completes an analysis only once', () => {
    spec.given([completed]).when(complete({ practicesIdentified: 5 })).thenFails('already-exists', 'already-exists');
  });

  it('refuses a housing area outside its code list', () => {
    spec.given([]).when(complete({ housingArea: 'vollsmose' })).thenFails('rule', 'unknown-housing-area', 'housingArea');
  });

  it.each([-1, 2.5, Number.NaN])('refuses %p practices identified', (practicesIdentified) => {
    spec.given([]).when(complete({ practicesIdentified })).thenFails('rule', 'practices-not-a-count', 'practicesIdentified');
  });

  it('refuses a blank summary', () => {
    spec.given([]).when(complete({ summary: ' \t ' })).thenFails('rule', 'summary-required', 'summary');
  });
});
