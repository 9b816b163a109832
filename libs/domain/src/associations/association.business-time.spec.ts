import { contextAt, deciderSpec } from '../testing/decider-specification';
import { CorrectAssociationDetails, RecordCapacityAssessment, RegisterAssociation, associationDecider } from './association.decider';
import { AssociationDetailsCorrected, AssociationRegistered, CapacityAssessmentRecorded, CapacityItemScore } from './association.events';

// A shorter instrument with other domains, so a baseline can be corrected to one a follow-up does not match.
jest.mock('../model/instruments', () => {
  const actual = jest.requireActual('../model/instruments');
  const shortForm = { version: 'cap-short', scale: { min: 0, max: 3 }, domains: ['governance', 'finances'] };
  return {
    ...actual,
    findInstrument: (version: string) => (version === shortForm.version ? shortForm : actual.findInstrument(version)),
  };
});

const spec = deciderSpec(associationDecider);
const associationId = 'a-1';

const registered: AssociationRegistered = {
  type: 'AssociationRegistered',
  data: { associationId, name: 'Foreningen Fællesskab', housingArea: 'tingbjerg-husum', associationType: 'cultural', sizeBand: '11-50' },
};

const items: CapacityItemScore[] = [
  { domain: 'governance', score: 2, evidence: 'Bylaws exist but no annual meeting held' },
  { domain: 'communication', score: 3, evidence: 'Newsletter four times a year' },
];

type AssessmentData = CapacityAssessmentRecorded['data'];
const assessment = (data: Partial<AssessmentData> = {}): CapacityAssessmentRecorded => ({
  type: 'CapacityAssessmentRecorded',
  data: { associationId, assessmentId: 'as-1', wave: 'baseline', instrumentVersion: 'cap-2010-v1', mode: 'facilitated', items, ...data },
});
const baseline = assessment();
const followUp = (assessmentId = 'as-2'): CapacityAssessmentRecorded => assessment({ assessmentId, wave: 'follow-up' });
const renamed = (name: string): AssociationDetailsCorrected => ({
  type: 'AssociationDetailsCorrected',
  data: { associationId, name, reason: 'name changed at the annual meeting' },
});

const assess = (occurredAt: string, event: CapacityAssessmentRecorded): RecordCapacityAssessment => ({
  type: 'RecordCapacityAssessment',
  data: event.data,
  context: contextAt(occurredAt),
});
const correctDetails = (occurredAt: string, data: Omit<CorrectAssociationDetails['data'], 'associationId'>): CorrectAssociationDetails => ({
  type: 'CorrectAssociationDetails',
  data: { associationId, ...data },
  context: contextAt(occurredAt),
});
const register = (occurredAt: string): RegisterAssociation => ({ type: 'RegisterAssociation', data: registered.data, context: contextAt(occurredAt) });

/** Registered in January, baseline in February, renamed in March, follow-up in June. */
const history = [
  ['2010-01-10T10:00:00Z', registered],
  ['2010-02-01T10:00:00Z', baseline],
  ['2010-03-01T10:00:00Z', renamed('Fællesskabet')],
  ['2010-06-01T10:00:00Z', followUp()],
] as const;

describe('association rules in business time', () => {
  describe('capacity assessments', () => {
    it('given a baseline of February, when a follow-up of January arrives late, then it is refused: there was no baseline yet', () => {
      spec.recorded(history).when(assess('2010-01-20T10:00:00Z', followUp('as-3'))).thenFails('rule', 'baseline-missing', 'wave');
    });

    it('given a baseline of February and a follow-up of June, when a follow-up of April arrives late, then it is recorded', () => {
      spec.recorded(history).when(assess('2010-04-12T10:00:00Z', followUp('as-3'))).then([followUp('as-3')]);
    });

    it('given a follow-up recorded with no baseline before it, when a baseline dated before the follow-up arrives late, then it is recorded', () => {
      const withoutBaseline = [history[0], ['2010-06-01T10:00:00Z', followUp()]] as const;
      spec.recorded(withoutBaseline).when(assess('2010-02-01T10:00:00Z', baseline)).then([baseline]);
    });

    it('given a baseline of February, when another baseline of January arrives late, then it is refused: the February one would be a second baseline', () => {
      spec.recorded(history).when(assess('2010-01-20T10:00:00Z', assessment({ assessmentId: 'as-3' }))).thenFails('rule', 'invalidates-record');
    });

    it('given a follow-up as-2 of June, when another assessment as-2 of April arrives late, then it is refused as a duplicate', () => {
      spec.recorded(history).when(assess('2010-04-12T10:00:00Z', followUp('as-2'))).thenFails('already-exists', 'already-exists');
    });

    it('given a follow-up of June, when its baseline is corrected to July, then it is refused: the follow-up would have no baseline', () => {
      spec.recorded(history).whenCorrecting(1, assess('2010-07-01T10:00:00Z', baseline)).thenFails('rule', 'invalidates-record');
    });

    it('given a follow-up of June, when its baseline is corrected to an earlier day, then the replacement is recorded', () => {
      spec.recorded(history).whenCorrecting(1, assess('2010-01-25T10:00:00Z', baseline)).then([baseline]);
    });

    it('given a follow-up on the full instrument, when its baseline is corrected to an instrument with other domains, then it is refused', () => {
      const shortBaseline = assessment({
        instrumentVersion: 'cap-short',
        items: [
          { domain: 'governance', score: 1, evidence: 'No bylaws yet' },
          { domain: 'finances', score: 2, evidence: 'Accounts kept by the chair' },
        ],
      });
      spec.recorded(history).whenCorrecting(1, assess('2010-02-01T10:00:00Z', shortBaseline)).thenFails('rule', 'invalidates-record');
    });

    it('given a follow-up of June, when the follow-up is corrected to May, then the replacement is recorded', () => {
      spec.recorded(history).whenCorrecting(3, assess('2010-05-03T10:00:00Z', followUp())).then([followUp()]);
    });

    it('given a follow-up of June, when the follow-up is corrected to a day before its baseline, then it is refused: there was no baseline yet', () => {
      spec.recorded(history).whenCorrecting(3, assess('2010-01-20T10:00:00Z', followUp())).thenFails('rule', 'baseline-missing', 'wave');
    });

    it('given a follow-up that needs the baseline, when the baseline is withdrawn, then it is refused', () => {
      spec.recorded(history).whenWithdrawing(1).thenFails('rule', 'invalidates-record');
    });

    it('given a baseline and a follow-up, when the follow-up is withdrawn, then nothing else is at stake', () => {
      spec.recorded(history).whenWithdrawing(3).then([]);
    });

    it('given an association with assessments, when its registration is corrected to after the baseline, then it is refused', () => {
      spec.recorded(history).whenCorrecting(0, register('2010-02-15T10:00:00Z')).thenFails('rule', 'invalidates-record');
    });
  });

  describe('details corrections', () => {
    it('given an association registered in January, when a correction of the previous December arrives, then it is refused as before the first record', () => {
      spec
        .recorded(history)
        .when(correctDetails('2009-12-01T10:00:00Z', { sizeBand: '51-200', reason: 'counted again' }))
        .thenFails('rule', 'before-first-record', 'occurredAt');
    });

    it('given an association renamed in March, when a size-band correction of February arrives late, then it is recorded', () => {
      spec
        .recorded(history)
        .when(correctDetails('2010-02-15T10:00:00Z', { sizeBand: '51-200', reason: 'counted again' }))
        .then([{ type: 'AssociationDetailsCorrected', data: { associationId, sizeBand: '51-200', reason: 'counted again' } }]);
    });

    it('given an association renamed in March, when a February correction back to the original name arrives late, then it is refused: that was still the name then', () => {
      spec
        .recorded(history)
        .when(correctDetails('2010-02-15T10:00:00Z', { name: registered.data.name, reason: 'typo' }))
        .thenFails('rule', 'no-change');
    });

    it('given an association renamed in March, when a February correction to the same new name arrives, then it is refused: the March rename would change nothing', () => {
      spec
        .recorded(history)
        .when(correctDetails('2010-02-15T10:00:00Z', { name: 'Fællesskabet', reason: 'name changed earlier' }))
        .thenFails('rule', 'invalidates-record');
    });

    it('given an association renamed in March, when the rename is corrected to April, then the replacement is recorded', () => {
      spec
        .recorded(history)
        .whenCorrecting(2, correctDetails('2010-04-01T10:00:00Z', renamed('Fællesskabet').data))
        .then([renamed('Fællesskabet')]);
    });

    it('given a follow-up recorded before its baseline existed, when an earlier correction arrives late, then the older inconsistency does not block it', () => {
      const legacy = [history[0], ['2010-03-01T10:00:00Z', followUp()], ['2010-04-01T10:00:00Z', baseline]] as const;
      spec
        .recorded(legacy)
        .when(correctDetails('2010-02-01T10:00:00Z', { sizeBand: '1-10', reason: 'members left' }))
        .then([{ type: 'AssociationDetailsCorrected', data: { associationId, sizeBand: '1-10', reason: 'members left' } }]);
    });
  });
});
