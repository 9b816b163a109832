import { RecordDocument } from '../core/record-projection';
import { assess, assessmentData, associationDims, registerAssociation } from '../testing/programme-actors';
import { ProgrammeHistory, given } from '../testing/programme-specification';
import { associationsAwaitingFollowUp } from './association.projection';

/**
 * a1 (Tingbjerg/Husum, women's association): registered 20 Jan 2010, baseline 10 Feb 2010
 * (governance 2, finances 3, communication 2), follow-up 5 Nov 2010 (governance 4, finances 3,
 * communication 3, networks-and-influence 4, which has no baseline).
 * a2 (Mjølnerparken, cultural): registered 5 Mar 2010, never assessed.
 */
const assessedAssociation = () => {
  const history = new ProgrammeHistory();
  registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
  const baseline = assess(history, 'a1', 'baseline', { governance: 2, finances: 3, communication: 2 }, '2010-02-10T10:00:00.000Z');
  const followUp = assess(history, 'a1', 'follow-up', { governance: 4, finances: 3, communication: 3, 'networks-and-influence': 4 }, '2010-11-05T10:00:00.000Z');
  registerAssociation(history, 'a2', 'mjolnerparken', 'cultural', '2010-03-05T09:00:00.000Z');
  return { history, baseline, followUp };
};

describe('association projection', () => {
  describe('given an association registered, assessed at baseline and followed up, and a second association never assessed', () => {
    it('when the events are projected, then the first association has coverage facts from registration and from the baseline', () => {
      const { history } = assessedAssociation();
      const facts = given(history).facts('associations', 'a1');
      expect(facts).toEqual(
        expect.arrayContaining([
          { indicator: 'ACT-ASSESSMENT-COVERAGE', from: '2010-01-20T09:00:00.000Z', numerator: 0, denominator: 1, subjects: 1, dims: associationDims },
          { indicator: 'ACT-ASSESSMENT-COVERAGE', from: '2010-02-10T10:00:00.000Z', numerator: 1, denominator: 0, subjects: 0, dims: associationDims },
        ]),
      );
    });

    it('when the events are projected, then the capacity change is the mean over the domains assessed twice, plus one fact per domain', () => {
      const { history } = assessedAssociation();
      const facts = given(history).facts('associations', 'a1');
      // governance 2 -> 4 (+2), finances 3 -> 3 (0), communication 2 -> 3 (+1): mean 3 / 3 = 1.
      expect(facts).toEqual(
        expect.arrayContaining([
          { indicator: 'MED-CAPACITY-CHANGE', at: '2010-11-05T10:00:00.000Z', numerator: 1, denominator: 1, subjects: 1, dims: associationDims },
          { indicator: 'MED-CAPACITY-CHANGE', at: '2010-11-05T10:00:00.000Z', numerator: 2, denominator: 1, subjects: 1, dims: { capacityDomain: 'governance' }, only: 'capacityDomain' },
          { indicator: 'MED-CAPACITY-CHANGE', at: '2010-11-05T10:00:00.000Z', numerator: 0, denominator: 1, subjects: 1, dims: { capacityDomain: 'finances' }, only: 'capacityDomain' },
          { indicator: 'MED-CAPACITY-CHANGE', at: '2010-11-05T10:00:00.000Z', numerator: 1, denominator: 1, subjects: 1, dims: { capacityDomain: 'communication' }, only: 'capacityDomain' },
        ]),
      );
      expect(facts.filter((fact) => fact.indicator === 'MED-CAPACITY-CHANGE')).toHaveLength(4);
    });

    it('when the events are projected, then each wave gives its scores: the mean over the domains it assessed, plus one fact per domain', () => {
      const facts = given(assessedAssociation().history).facts('associations', 'a1');
      const baselineAt = '2010-02-10T10:00:00.000Z';
      const followUpAt = '2010-11-05T10:00:00.000Z';
      const domain = (capacityDomain: string) => ({ dims: { capacityDomain }, only: 'capacityDomain' as const });
      // Baseline: governance 2, finances 3, communication 2, mean 7 / 3.
      expect(facts.filter((fact) => fact.indicator === 'MED-CAPACITY-AT-BASELINE')).toEqual([
        { indicator: 'MED-CAPACITY-AT-BASELINE', at: baselineAt, numerator: 7 / 3, denominator: 1, subjects: 1, dims: associationDims },
        { indicator: 'MED-CAPACITY-AT-BASELINE', at: baselineAt, numerator: 2, denominator: 1, subjects: 1, ...domain('governance') },
        { indicator: 'MED-CAPACITY-AT-BASELINE', at: baselineAt, numerator: 3, denominator: 1, subjects: 1, ...domain('finances') },
        { indicator: 'MED-CAPACITY-AT-BASELINE', at: baselineAt, numerator: 2, denominator: 1, subjects: 1, ...domain('communication') },
      ]);
      // Follow-up: governance 4, finances 3, communication 3, networks-and-influence 4 (not at baseline, still a score): mean 14 / 4.
      expect(facts.filter((fact) => fact.indicator === 'MED-CAPACITY-AT-FOLLOW-UP')).toEqual([
        { indicator: 'MED-CAPACITY-AT-FOLLOW-UP', at: followUpAt, numerator: 3.5, denominator: 1, subjects: 1, dims: associationDims },
        { indicator: 'MED-CAPACITY-AT-FOLLOW-UP', at: followUpAt, numerator: 4, denominator: 1, subjects: 1, ...domain('governance') },
        { indicator: 'MED-CAPACITY-AT-FOLLOW-UP', at: followUpAt, numerator: 3, denominator: 1, subjects: 1, ...domain('finances') },
        { indicator: 'MED-CAPACITY-AT-FOLLOW-UP', at: followUpAt, numerator: 3, denominator: 1, subjects: 1, ...domain('communication') },
        { indicator: 'MED-CAPACITY-AT-FOLLOW-UP', at: followUpAt, numerator: 4, denominator: 1, subjects: 1, ...domain('networks-and-influence') },
      ]);
    });

    it('when the cells are summed, then each wave\'s scores land in the quarter of its assessment, and the unassessed association in neither', () => {
      const { cell, keys } = given(assessedAssociation().history);
      expect(cell('MED-CAPACITY-AT-BASELINE', 'quarter', '2010-Q1')).toEqual({ numerator: 7 / 3, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-AT-BASELINE', 'quarter', '2010-Q1', 'capacityDomain', 'finances')).toEqual({ numerator: 3, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-AT-BASELINE', 'quarter', '2010-Q1', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 7 / 3, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-AT-BASELINE', 'quarter', '2010-Q1', 'housingArea', 'mjolnerparken')).toBeUndefined();
      expect(cell('MED-CAPACITY-AT-FOLLOW-UP', 'quarter', '2010-Q4')).toEqual({ numerator: 3.5, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-AT-FOLLOW-UP', 'quarter', '2010-Q4', 'capacityDomain', 'networks-and-influence')).toEqual({ numerator: 4, denominator: 1, subjects: 1 });
      expect(keys('MED-CAPACITY-AT-BASELINE').filter((key) => key.includes('|quarter|') && !key.includes('|2010-Q1|'))).toEqual([]);
      expect(keys('MED-CAPACITY-AT-FOLLOW-UP').filter((key) => key.includes('|quarter|') && !key.includes('|2010-Q4|'))).toEqual([]);
    });

    it('when the events are projected, then the unassessed association has only a coverage denominator', () => {
      const { history } = assessedAssociation();
      expect(given(history).facts('associations', 'a2')).toEqual([
        {
          indicator: 'ACT-ASSESSMENT-COVERAGE',
          from: '2010-03-05T09:00:00.000Z',
          numerator: 0,
          denominator: 1,
          subjects: 1,
          dims: { housingArea: 'mjolnerparken', associationType: 'cultural' },
        },
      ]);
    });

    it('when the cells are summed, then coverage at the end of Q1 2010 is 1 of 2 registered associations, by area and type', () => {
      const { cell } = given(assessedAssociation().history);
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 2, subjects: 2 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 0, denominator: 1, subjects: 1 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'associationType', 'women')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'associationType', 'cultural')).toEqual({ numerator: 0, denominator: 1, subjects: 1 });
    });

    it('when the cells are summed, then coverage holds at every later period end up to the programme end', () => {
      const { cell } = given(assessedAssociation().history);
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2011-Q4')).toEqual({ numerator: 1, denominator: 2, subjects: 2 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'half-year', '2010-H1')).toEqual({ numerator: 1, denominator: 2, subjects: 2 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'year', '2011')).toEqual({ numerator: 1, denominator: 2, subjects: 2 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'programme', 'programme')).toEqual({ numerator: 1, denominator: 2, subjects: 2 });
    });

    it('when the cells are summed, then the capacity change lands in the follow-up\'s quarter, in total and per domain', () => {
      const { cell, keys } = given(assessedAssociation().history);
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'governance')).toEqual({ numerator: 2, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'finances')).toEqual({ numerator: 0, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'communication')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'networks-and-influence')).toBeUndefined();
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
      expect(keys('MED-CAPACITY-CHANGE').filter((key) => key.includes('|quarter|'))).toEqual(
        [
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|associationType|women',
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|capacityDomain|communication',
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|capacityDomain|finances',
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|capacityDomain|governance',
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|housingArea|tingbjerg-husum',
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|total|*',
        ],
      );
    });
  });

  describe('given a second assessed association followed up in 2011', () => {
    it('when the cells are summed, then the programme\'s change is the mean of each association\'s mean change, and each domain its own mean', () => {
      const { history } = assessedAssociation();
      registerAssociation(history, 'a3', 'akacieparken', 'women', '2010-01-25T09:00:00.000Z');
      assess(history, 'a3', 'baseline', { governance: 3, communication: 3 }, '2010-03-01T10:00:00.000Z');
      assess(history, 'a3', 'follow-up', { governance: 4, communication: 5 }, '2011-02-10T10:00:00.000Z');
      const { cell } = given(history);
      // a1: baseline mean 7/3 (2, 3, 2), follow-up mean 3.5 (4, 3, 3, 4); a3: baseline 3 (3, 3), follow-up 4.5 (4, 5).
      expect(cell('MED-CAPACITY-AT-BASELINE', 'programme', 'programme')).toEqual({ numerator: 7 / 3 + 3, denominator: 2, subjects: 2 });
      expect(cell('MED-CAPACITY-AT-BASELINE', 'programme', 'programme', 'capacityDomain', 'governance')).toEqual({ numerator: 5, denominator: 2, subjects: 2 });
      expect(cell('MED-CAPACITY-AT-BASELINE', 'programme', 'programme', 'capacityDomain', 'finances')).toEqual({ numerator: 3, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-AT-FOLLOW-UP', 'programme', 'programme')).toEqual({ numerator: 8, denominator: 2, subjects: 2 });
      expect(cell('MED-CAPACITY-AT-FOLLOW-UP', 'programme', 'programme', 'capacityDomain', 'communication')).toEqual({ numerator: 8, denominator: 2, subjects: 2 });
      expect(cell('MED-CAPACITY-AT-FOLLOW-UP', 'year', '2011')).toEqual({ numerator: 4.5, denominator: 1, subjects: 1 });
      // a1: mean +1 (2, 0, 1); a3: mean +1.5 (1, 2). Programme: (1 + 1.5) / 2 associations.
      expect(cell('MED-CAPACITY-CHANGE', 'programme', 'programme')).toEqual({ numerator: 2.5, denominator: 2, subjects: 2 });
      expect(cell('MED-CAPACITY-CHANGE', 'programme', 'programme', 'capacityDomain', 'governance')).toEqual({ numerator: 3, denominator: 2, subjects: 2 });
      expect(cell('MED-CAPACITY-CHANGE', 'programme', 'programme', 'capacityDomain', 'communication')).toEqual({ numerator: 3, denominator: 2, subjects: 2 });
      expect(cell('MED-CAPACITY-CHANGE', 'programme', 'programme', 'capacityDomain', 'finances')).toEqual({ numerator: 0, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'programme', 'programme', 'associationType', 'women')).toEqual({ numerator: 2.5, denominator: 2, subjects: 2 });
      expect(cell('MED-CAPACITY-CHANGE', 'year', '2010')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'year', '2011')).toEqual({ numerator: 1.5, denominator: 1, subjects: 1 });
      // Coverage at the end of Q1 2010: a1, a2, a3 registered; a1 and a3 have a baseline.
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 2, denominator: 3, subjects: 3 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'associationType', 'women')).toEqual({ numerator: 2, denominator: 2, subjects: 2 });
    });
  });

  describe('given the association\'s housing area corrected after registration', () => {
    it('when the events are projected, then every breakdown of its facts moves to the corrected area, also for earlier periods', () => {
      const { history } = assessedAssociation();
      history.record('association-a1', 'AssociationDetailsCorrected', { associationId: 'a1', housingArea: 'urbanplanen', reason: 'forkert boligområde' }, '2010-04-02T09:00:00.000Z');
      const { cell, facts } = given(history);
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'housingArea', 'urbanplanen')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'housingArea', 'tingbjerg-husum')).toBeUndefined();
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'associationType', 'women')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'housingArea', 'urbanplanen')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'housingArea', 'tingbjerg-husum')).toBeUndefined();
      // Coverage twice, then the baseline, follow-up and change means.
      expect(facts('associations', 'a1').filter((fact) => !fact.only).map((fact) => fact.dims)).toEqual(
        Array.from({ length: 5 }, () => ({ housingArea: 'urbanplanen', associationType: 'women' })),
      );
    });
  });

  describe('given the baseline assessment retracted', () => {
    it('when the events are projected, then the record is gone from the document and so are its facts', () => {
      const { history, baseline } = assessedAssociation();
      history.retract(baseline, '2010-12-01T09:00:00.000Z', 'registreret på den forkerte forening');
      const { doc, facts, cell, keys } = given(history);
      const records = (doc('associations', 'a1') as RecordDocument).records;
      expect(Object.keys(records).sort()).toEqual(['association-a1.0', 'association-a1.2']);
      // The follow-up is still a score at follow-up; without a baseline there is no change.
      expect(facts('associations', 'a1').map((fact) => fact.indicator)).toEqual(['ACT-ASSESSMENT-COVERAGE', ...Array(5).fill('MED-CAPACITY-AT-FOLLOW-UP')]);
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 0, denominator: 2, subjects: 2 });
      expect(keys('MED-CAPACITY-CHANGE')).toEqual([]);
      expect(keys('MED-CAPACITY-AT-BASELINE')).toEqual([]);
      expect(cell('MED-CAPACITY-AT-FOLLOW-UP', 'quarter', '2010-Q4')).toEqual({ numerator: 3.5, denominator: 1, subjects: 1 });
    });
  });

  describe('given the follow-up assessment retracted', () => {
    it('when the events are projected, then the change disappears but the baseline still counts for coverage', () => {
      const { history, followUp } = assessedAssociation();
      history.retract(followUp, '2010-12-01T09:00:00.000Z', 'dobbeltregistrering');
      const { cell, keys } = given(history);
      expect(keys('MED-CAPACITY-CHANGE')).toEqual([]);
      expect(keys('MED-CAPACITY-AT-FOLLOW-UP')).toEqual([]);
      expect(cell('MED-CAPACITY-AT-BASELINE', 'quarter', '2010-Q1')).toEqual({ numerator: 7 / 3, denominator: 1, subjects: 1 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 2, subjects: 2 });
    });
  });

  describe('given the baseline assessment corrected (retraction plus replacement)', () => {
    it('when the events are projected, then the facts are the replacement\'s: its date and its scores', () => {
      const { history, baseline } = assessedAssociation();
      const replacement = history.correct(
        baseline,
        assessmentData('a1', 'baseline', { governance: 3, finances: 3, communication: 2 }, 'a1-baseline'),
        '2010-02-12T10:00:00.000Z',
        'forkert score for governance',
      );
      expect(replacement.metadata.correctionOf).toBe(baseline.metadata.eventId);
      const { facts, cell } = given(history);
      const a1 = facts('associations', 'a1');
      expect(a1.filter((fact) => fact.indicator === 'ACT-ASSESSMENT-COVERAGE')).toEqual([
        { indicator: 'ACT-ASSESSMENT-COVERAGE', from: '2010-01-20T09:00:00.000Z', numerator: 0, denominator: 1, subjects: 1, dims: associationDims },
        { indicator: 'ACT-ASSESSMENT-COVERAGE', from: '2010-02-12T10:00:00.000Z', numerator: 1, denominator: 0, subjects: 0, dims: associationDims },
      ]);
      // governance 3 -> 4 (+1), finances 3 -> 3 (0), communication 2 -> 3 (+1): mean 2 / 3.
      const total = a1.find((fact) => fact.indicator === 'MED-CAPACITY-CHANGE' && !fact.only)!;
      expect(total.numerator).toBeCloseTo(0.666667, 5);
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'governance')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'finances')).toEqual({ numerator: 0, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'communication')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4')!.numerator).toBeCloseTo(0.666667, 5);
      // The baseline scores are the replacement's (3, 3, 2: mean 8 / 3), on its date.
      expect(cell('MED-CAPACITY-AT-BASELINE', 'quarter', '2010-Q1')).toEqual({ numerator: 8 / 3, denominator: 1, subjects: 1 });
      expect(cell('MED-CAPACITY-AT-BASELINE', 'quarter', '2010-Q1', 'capacityDomain', 'governance')).toEqual({ numerator: 3, denominator: 1, subjects: 1 });
      expect(a1.filter((fact) => fact.indicator === 'MED-CAPACITY-AT-BASELINE').map((fact) => fact.at)).toEqual(Array(4).fill('2010-02-12T10:00:00.000Z'));
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 2, subjects: 2 });
    });
  });

  describe('given associations with and without a follow-up, for the data-quality list', () => {
    /** a1 has both waves, a2 none; a3 and a4 have a baseline only. */
    const withGaps = () => {
      const { history, followUp } = assessedAssociation();
      registerAssociation(history, 'a4', 'bispeparken', 'youth', '2010-01-26T09:00:00.000Z');
      const a4Baseline = assess(history, 'a4', 'baseline', { governance: 2 }, '2010-03-02T10:00:00.000Z');
      registerAssociation(history, 'a3', 'akacieparken', 'women', '2010-01-25T09:00:00.000Z');
      assess(history, 'a3', 'baseline', { governance: 3 }, '2010-03-01T10:00:00.000Z');
      return { history, followUp, a4Baseline };
    };
    const listed = (history: ProgrammeHistory) => {
      const list = associationsAwaitingFollowUp();
      for (const event of history.events) list.apply(event);
      return list.ids();
    };

    it('when the events are folded, then the list names the associations with a baseline and no follow-up, in id order', () => {
      expect(listed(withGaps().history)).toEqual(['a3', 'a4']);
    });

    it('when the follow-up is retracted, then its association is listed again; when a baseline is retracted, its association leaves the list', () => {
      const { history, followUp, a4Baseline } = withGaps();
      history.retract(followUp, '2010-12-01T09:00:00.000Z', 'dobbeltregistrering');
      history.retract(a4Baseline, '2010-12-02T09:00:00.000Z', 'registreret på den forkerte forening');
      expect(listed(history)).toEqual(['a1', 'a3']);
    });

    it('when the follow-up of a listed association is recorded, then it leaves the list', () => {
      const { history } = withGaps();
      assess(history, 'a3', 'follow-up', { governance: 4 }, '2011-02-10T10:00:00.000Z');
      expect(listed(history)).toEqual(['a4']);
    });
  });

  describe('given a baseline assessment dated before its association was registered', () => {
    it('when the cells are summed, then at the end of a quarter the association was not yet registered it is not among the associations with a baseline', () => {
      const history = new ProgrammeHistory();
      registerAssociation(history, 'a2', 'mjolnerparken', 'cultural', '2010-03-05T09:00:00.000Z');
      registerAssociation(history, 'a9', 'mjolnerparken', 'cultural', '2010-04-10T09:00:00.000Z');
      assess(history, 'a9', 'baseline', { governance: 2, communication: 2 }, '2010-03-20T10:00:00.000Z');
      const { cell } = given(history);
      // Share of registered associations with a baseline: at 31 March only a2 is registered, and it has none.
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 0, denominator: 1, subjects: 1 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 2, subjects: 2 });
    });
  });
});
