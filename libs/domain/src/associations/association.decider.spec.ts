import { deciderSpec, testContext } from '../testing/decider-specification';
import {
  AssociationCommand,
  CorrectAssociationDetails,
  RecordCapacityAssessment,
  RegisterAssociation,
  associationCommandTypes,
  associationDecider,
} from './association.decider';
import { AssociationRegistered, CapacityAssessmentRecorded, CapacityItemScore } from './association.events';

// A shorter instrument on another scale, so the domain-set and scale rules meet a second instrument.
jest.mock('../model/instruments', () => {
  const actual = jest.requireActual('../model/instruments');
  const shortForm = { version: 'cap-short', scale: { min: 0, max: 3 }, domains: ['governance', 'finances'] };
  return {
    ...actual,
    findInstrument: (version: string) => (version === shortForm.version ? shortForm : actual.findInstrument(version)),
  };
});

const spec = deciderSpec(associationDecider);
const context = testContext();

const registered: AssociationRegistered = {
  type: 'AssociationRegistered',
  data: {
    associationId: 'a-1',
    name: 'Foreningen Fællesskab',
    housingArea: 'tingbjerg-husum',
    associationType: 'cultural',
    sizeBand: '11-50',
  },
};

const register = (data: Partial<RegisterAssociation['data']> = {}): AssociationCommand => ({
  type: 'RegisterAssociation',
  data: { ...registered.data, ...data },
  context,
});

const correct = (data: Partial<CorrectAssociationDetails['data']>): AssociationCommand => ({
  type: 'CorrectAssociationDetails',
  data: { associationId: 'a-1', reason: 'typo at registration', ...data },
  context,
});

const items: CapacityItemScore[] = [
  { domain: 'governance', score: 2, evidence: 'Bylaws exist but no annual meeting held' },
  { domain: 'communication', score: 3, evidence: 'Newsletter four times a year' },
];

const assessmentData = (data: Partial<RecordCapacityAssessment['data']> = {}): RecordCapacityAssessment['data'] => ({
  associationId: 'a-1',
  assessmentId: 'as-1',
  wave: 'baseline',
  instrumentVersion: 'cap-2010-v1',
  mode: 'facilitated',
  items,
  ...data,
});

const assess = (data: Partial<RecordCapacityAssessment['data']> = {}): AssociationCommand => ({
  type: 'RecordCapacityAssessment',
  data: assessmentData(data),
  context,
});

const recorded = (data: Partial<RecordCapacityAssessment['data']> = {}): CapacityAssessmentRecorded => ({
  type: 'CapacityAssessmentRecorded',
  data: assessmentData(data),
});

describe('association decider', () => {
  it('lists every command type it decides', () => {
    expect([...associationCommandTypes]).toEqual(['RegisterAssociation', 'CorrectAssociationDetails', 'RecordCapacityAssessment']);
  });

  it('refuses a command whose business time lies after the clock', () => {
    spec
      .given([])
      .when({ ...register(), context: testContext({ occurredAt: '2010-05-01T10:00:01.000Z' }) })
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });

  describe('RegisterAssociation', () => {
    it('registers an association with its name trimmed', () => {
      spec.given([]).when(register({ name: '  Foreningen Fællesskab ' })).then([registered]);
    });

    it('accepts a name of exactly 200 characters', () => {
      const name = 'x'.repeat(200);
      spec.given([]).when(register({ name })).then([{ ...registered, data: { ...registered.data, name } }]);
    });

    it('registers an association only once', () => {
      spec.given([registered]).when(register()).thenFails('already-exists', 'already-exists');
    });

    it('refuses a blank name', () => {
      spec.given([]).when(register({ name: '   ' })).thenFails('rule', 'name-required', 'name');
    });

    it('refuses a name longer than 200 characters', () => {
      spec.given([]).when(register({ name: 'x'.repeat(201) })).thenFails('rule', 'name-too-long', 'name');
    });

    it.each([
      ['housingArea', 'unknown-housing-area', { housingArea: 'vollsmose' }],
      ['associationType', 'unknown-association-type', { associationType: 'political' }],
      ['sizeBand', 'unknown-size-band', { sizeBand: '1000+' }],
    ])('refuses a %s outside its code list', (field, code, data) => {
      spec
        .given([])
        .when(register(data as Partial<RegisterAssociation['data']>))
        .thenFails('rule', code, field);
    });
  });

  describe('CorrectAssociationDetails', () => {
    it('records only the fields that change, with the reason trimmed', () => {
      spec
        .given([registered])
        .when(correct({ name: 'Foreningen Fællesskab', sizeBand: '51-200', reason: ' grew after merger ' }))
        .then([{ type: 'AssociationDetailsCorrected', data: { associationId: 'a-1', sizeBand: '51-200', reason: 'grew after merger' } }]);
    });

    it('judges a later correction against the corrected details', () => {
      const corrected = { name: 'Fællesskabet', housingArea: 'urbanplanen', associationType: 'women', sizeBand: '51-200' } as const;
      spec
        .given([registered, { type: 'AssociationDetailsCorrected', data: { associationId: 'a-1', ...corrected, reason: 'merger' } }])
        .when(correct(corrected))
        .thenFails('rule', 'no-change');
    });

    it('refuses to correct an association that is not registered', () => {
      spec.given([]).when(correct({ name: 'Ny forening' })).thenFails('not-found', 'not-found');
    });

    it('refuses a correction without a reason', () => {
      spec.given([registered]).when(correct({ name: 'Ny forening', reason: ' ' })).thenFails('rule', 'reason-required', 'reason');
    });

    it('refuses a correction that changes nothing', () => {
      spec
        .given([registered])
        .when(correct({ name: ' Foreningen Fællesskab ', housingArea: 'tingbjerg-husum' }))
        .thenFails('rule', 'no-change');
    });

    it('refuses a correction that gives no field at all', () => {
      spec.given([registered]).when(correct({})).thenFails('rule', 'no-change');
    });

    it('applies the name rules to a corrected name', () => {
      spec.given([registered]).when(correct({ name: '' })).thenFails('rule', 'name-required', 'name');
      spec.given([registered]).when(correct({ name: 'x'.repeat(201) })).thenFails('rule', 'name-too-long', 'name');
    });

    it.each([
      ['housingArea', 'unknown-housing-area', { housingArea: 'vollsmose' }],
      ['associationType', 'unknown-association-type', { associationType: 'political' }],
      ['sizeBand', 'unknown-size-band', { sizeBand: '1000+' }],
    ])('refuses a corrected %s outside its code list', (field, code, data) => {
      spec
        .given([registered])
        .when(correct(data as Partial<CorrectAssociationDetails['data']>))
        .thenFails('rule', code, field);
    });
  });

  describe('RecordCapacityAssessment', () => {
    it('records a baseline assessment with evidence trimmed', () => {
      spec
        .given([registered])
        .when(assess({ items: [{ domain: 'finances', score: 1, evidence: ' No accounts kept ' }] }))
        .then([recorded({ items: [{ domain: 'finances', score: 1, evidence: 'No accounts kept' }] })]);
    });

    it('records a follow-up on another version of the same instrument family', () => {
      spec
        .given([registered, recorded()])
        .when(assess({ assessmentId: 'as-2', wave: 'follow-up', instrumentVersion: 'cap-2010-v2', mode: 'self-assessed' }))
        .then([recorded({ assessmentId: 'as-2', wave: 'follow-up', instrumentVersion: 'cap-2010-v2', mode: 'self-assessed' })]);
    });

    it('records more than one follow-up', () => {
      spec
        .given([registered, recorded(), recorded({ assessmentId: 'as-2', wave: 'follow-up' })])
        .when(assess({ assessmentId: 'as-3', wave: 'follow-up' }))
        .then([recorded({ assessmentId: 'as-3', wave: 'follow-up' })]);
    });

    it('accepts the ends of the instrument scale', () => {
      const ends = [
        { domain: 'governance', score: 0, evidence: 'none' },
        { domain: 'finances', score: 3, evidence: 'audited' },
      ];
      spec
        .given([registered])
        .when(assess({ instrumentVersion: 'cap-short', items: ends }))
        .then([recorded({ instrumentVersion: 'cap-short', items: ends })]);
    });

    it('refuses an assessment of an association that is not registered', () => {
      spec.given([]).when(assess()).thenFails('not-found', 'not-found');
    });

    it('refuses an assessment id the association already used', () => {
      spec
        .given([registered, recorded()])
        .when(assess({ wave: 'follow-up' }))
        .thenFails('already-exists', 'already-exists');
    });

    it.each([
      ['wave', 'unknown-assessment-wave', { wave: 'midline' }],
      ['mode', 'unknown-assessment-mode', { mode: 'guessed' }],
    ])('refuses a %s outside its code list', (field, code, data) => {
      spec
        .given([registered])
        .when(assess(data as Partial<RecordCapacityAssessment['data']>))
        .thenFails('rule', code, field);
    });

    it('refuses an instrument that does not exist', () => {
      spec.given([registered]).when(assess({ instrumentVersion: 'cap-1999' })).thenFails('rule', 'unknown-instrument', 'instrumentVersion');
    });

    it('refuses an assessment without items', () => {
      spec.given([registered]).when(assess({ items: [] })).thenFails('rule', 'items-required', 'items');
    });

    it('refuses a domain the instrument does not have', () => {
      spec
        .given([registered])
        .when(assess({ items: [...items, { domain: 'fundraising', score: 2, evidence: 'x' }] }))
        .thenFails('rule', 'unknown-domain', 'items[2].domain');
    });

    it('refuses a domain of the family that this instrument version lacks', () => {
      spec
        .given([registered])
        .when(assess({ instrumentVersion: 'cap-short', items: [{ domain: 'communication', score: 1, evidence: 'x' }] }))
        .thenFails('rule', 'unknown-domain', 'items[0].domain');
    });

    it('refuses a domain scored twice', () => {
      spec
        .given([registered])
        .when(assess({ items: [...items, { domain: 'governance', score: 4, evidence: 'second opinion' }] }))
        .thenFails('rule', 'duplicate-domain', 'items[2].domain');
    });

    it.each([
      ['below the scale', 0],
      ['above the scale', 6],
      ['not a whole number', 2.5],
      ['not a number', Number.NaN],
    ])('refuses a score %s', (_case, score) => {
      spec
        .given([registered])
        .when(assess({ items: [items[0], { domain: 'finances', score, evidence: 'x' }] }))
        .thenFails('rule', 'score-out-of-range', 'items[1].score');
    });

    it('refuses a score without evidence', () => {
      spec
        .given([registered])
        .when(assess({ items: [items[0], { domain: 'finances', score: 2, evidence: '  ' }] }))
        .thenFails('rule', 'evidence-required', 'items[1].evidence');
    });

    it('refuses a follow-up before any baseline', () => {
      spec.given([registered]).when(assess({ wave: 'follow-up' })).thenFails('rule', 'baseline-missing', 'wave');
    });

    it('refuses a second baseline', () => {
      spec.given([registered, recorded()]).when(assess({ assessmentId: 'as-2' })).thenFails('rule', 'baseline-exists', 'wave');
    });

    it('refuses a follow-up on an instrument with other domains than the baseline', () => {
      spec
        .given([registered, recorded()])
        .when(assess({ assessmentId: 'as-2', wave: 'follow-up', instrumentVersion: 'cap-short', items: [items[0]] }))
        .thenFails('rule', 'instrument-mismatch', 'instrumentVersion');
    });

    it('refuses a follow-up when the baseline instrument is no longer known', () => {
      spec
        .given([registered, recorded({ instrumentVersion: 'cap-2009-pilot' })])
        .when(assess({ assessmentId: 'as-2', wave: 'follow-up' }))
        .thenFails('rule', 'instrument-mismatch', 'instrumentVersion');
    });
  });
});
