import { contextAt, deciderSpec } from '../testing/decider-specification';
import { CompleteGoodPracticeAnalysis, analysisDecider } from './analysis.decider';
import { GoodPracticeAnalysisCompleted } from './analysis.events';

const spec = deciderSpec(analysisDecider);

const completed = (data: Partial<GoodPracticeAnalysisCompleted['data']> = {}): GoodPracticeAnalysisCompleted => ({
  type: 'GoodPracticeAnalysisCompleted',
  data: {
    analysisId: 'gp-1',
    housingArea: 'akacieparken',
    practicesIdentified: 4,
    summary: 'Resident cafés and door-to-door invitations reach the most associations',
    ...data,
  },
});

const complete = (occurredAt: string, event = completed()): CompleteGoodPracticeAnalysis => ({
  type: 'CompleteGoodPracticeAnalysis',
  data: event.data,
  context: contextAt(occurredAt),
});

/** Completed in March. */
const history = [['2010-03-01T10:00:00Z', completed()]] as const;

describe('analysis rules in business time', () => {
  it('given no record of the analysis, when a completion of last year arrives late, then it is recorded', () => {
    spec.recorded([]).when(complete('2009-11-15T10:00:00Z')).then([completed()]);
  });

  it('given an analysis completed in March, when a completion of February arrives late, then it is refused as a duplicate', () => {
    spec.recorded(history).when(complete('2010-02-01T10:00:00Z', completed({ practicesIdentified: 5 }))).thenFails('already-exists', 'already-exists');
  });

  it('given an analysis completed in March, when a completion of April arrives, then it is refused as a duplicate', () => {
    spec.recorded(history).when(complete('2010-04-01T10:00:00Z', completed({ practicesIdentified: 5 }))).thenFails('already-exists', 'already-exists');
  });

  it('given an analysis completed in March, when its completion is corrected to February with another count, then the replacement is recorded', () => {
    spec
      .recorded(history)
      .whenCorrecting(0, complete('2010-02-01T10:00:00Z', completed({ practicesIdentified: 5 })))
      .then([completed({ practicesIdentified: 5 })]);
  });

  it('given an analysis completed in March, when its completion is corrected to May, then the replacement is recorded', () => {
    spec.recorded(history).whenCorrecting(0, complete('2010-05-01T10:00:00Z')).then([completed()]);
  });
});
