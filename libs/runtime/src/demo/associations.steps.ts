import { AssociationType, HousingArea, SizeBand, capacityDomains } from '@toc/domain';
import { DemoStep, actors, at, demoCommand } from './demo-step';

/** Capacity scores in the order of `capacityDomains`: governance, finances, communication, networks-and-influence, member-involvement, citizenship-knowledge. */
type Scores = readonly [number, number, number, number, number, number];

/** Baseline profiles by size band: small, medium and large associations. */
const baselineProfiles: Record<SizeBand, Scores> = {
  '1-10': [2, 2, 2, 1, 2, 2],
  '11-50': [3, 2, 3, 2, 3, 2],
  '51-200': [3, 3, 3, 2, 4, 3],
  '200+': [3, 3, 3, 2, 4, 3],
};

/** Change from baseline to follow-up per domain; the mean change is 1, 0.5, 1.5 and 0. */
const capacityChanges = {
  alpha: [1, 0, 1, 2, 1, 1],
  beta: [0, 0, 1, 1, 0, 1],
  gamma: [1, 1, 2, 2, 1, 2],
  delta: [0, -1, 0, 1, 0, 0],
} as const satisfies Record<string, Scores>;
type ChangeProfile = keyof typeof capacityChanges;

interface DemoAssociation {
  readonly id: string;
  readonly name: string;
  readonly area: HousingArea;
  readonly type: AssociationType;
  readonly size: SizeBand;
  readonly registered: string;
  readonly baseline?: string;
  readonly followUp?: readonly [date: string, change: ChangeProfile];
}

const association = (
  id: string,
  name: string,
  area: HousingArea,
  type: AssociationType,
  size: SizeBand,
  registered: string,
  baseline?: string,
  followUp?: readonly [string, ChangeProfile],
): DemoAssociation => ({ id, name, area, type, size, registered, baseline, followUp });

export const demoAssociations: readonly DemoAssociation[] = [
  association('a01', 'Somalisk Kulturforening Tingbjerg', 'tingbjerg-husum', 'cultural', '51-200', '2010-01-11', '2010-02-08', ['2011-02-07', 'alpha']),
  association('a02', 'Tingbjerg Kvindenetværk', 'tingbjerg-husum', 'women', '11-50', '2010-01-11', '2010-02-09', ['2011-02-08', 'gamma']),
  association('a03', 'Tingbjerg Ungdomsforum', 'tingbjerg-husum', 'youth', '11-50', '2010-01-11', '2010-02-10', ['2011-02-09', 'alpha']),
  association('a04', 'Forældreforeningen ved Tingbjerg Skole', 'tingbjerg-husum', 'parents', '11-50', '2010-01-11', '2010-02-11', ['2011-02-10', 'beta']),
  association('a05', 'Husum Moské- og Kulturcenter', 'tingbjerg-husum', 'religious', '200+', '2010-01-11', '2010-02-15', ['2011-02-14', 'beta']),
  association('a06', 'FC Tingbjerg United', 'tingbjerg-husum', 'sports', '51-200', '2010-01-11', '2010-02-16', ['2011-02-15', 'alpha']),
  association('a07', 'Tingbjerg Lektiecafé', 'tingbjerg-husum', 'other', '1-10', '2010-01-11', '2010-02-17'),
  association('a08', 'Palæstinensisk Kulturforening Nørrebro', 'mjolnerparken', 'cultural', '51-200', '2010-01-12', '2010-02-22', ['2011-02-28', 'alpha']),
  association('a09', 'Mjølnerparkens Kvindeklub', 'mjolnerparken', 'women', '11-50', '2010-01-12', '2010-02-23', ['2011-03-01', 'gamma']),
  association('a10', 'Nørrebro Unge Stemmer', 'mjolnerparken', 'youth', '11-50', '2010-01-12', '2010-02-24', ['2011-03-02', 'beta']),
  association('a11', 'Mjølner Mødre', 'mjolnerparken', 'parents', '1-10', '2010-01-12', '2010-02-25'),
  association('a12', 'Mjølnerparken Boldklub', 'mjolnerparken', 'sports', '51-200', '2010-01-12', '2010-03-01', ['2011-03-03', 'alpha']),
  association('a13', 'Beboerhusets Venner Mjølnerparken', 'mjolnerparken', 'other', '11-50', '2010-01-12', '2010-03-02', ['2011-03-07', 'delta']),
  association('a14', 'Akacieparkens Kvindeforening', 'akacieparken', 'women', '11-50', '2010-01-13', '2010-03-08', ['2011-05-09', 'beta']),
  association('a15', 'Valby Tamilsk Kulturforening', 'akacieparken', 'cultural', '11-50', '2010-01-13', '2010-03-09'),
  association('a16', 'Akacie Ungdomsforening', 'akacieparken', 'youth', '1-10', '2010-01-13', '2010-03-10'),
  association('a17', 'Valby Bosnisk Forening', 'akacieparken', 'cultural', '51-200', '2010-01-13', '2010-03-11'),
  association('a18', 'Bispeparkens Forældreråd', 'bispeparken', 'parents', '11-50', '2010-01-14', '2010-03-22', ['2011-03-21', 'alpha']),
  association('a19', 'Nordvest Somali Youth', 'bispeparken', 'youth', '11-50', '2010-01-14', '2010-03-23'),
  association('a20', 'Bispebjerg Kurdisk Kulturhus', 'bispeparken', 'cultural', '51-200', '2010-01-14', '2010-03-24', ['2011-05-02', 'delta']),
  association('a21', 'Bispeparken Cricket Club', 'bispeparken', 'sports', '11-50', '2010-01-14', '2010-04-12'),
  association('a22', 'Nordvest Muslimske Kvinder', 'bispeparken', 'religious', '11-50', '2010-01-14', '2010-04-13'),
  association('a23', 'Urbanplanens Pakistanske Forening', 'urbanplanen', 'cultural', '51-200', '2010-01-18', '2010-04-19', ['2011-04-11', 'gamma']),
  association('a24', 'Amager Kvinder i Dialog', 'urbanplanen', 'women', '11-50', '2010-01-18', '2010-04-20', ['2011-04-12', 'gamma']),
  association('a25', 'Urban Youth Amager', 'urbanplanen', 'youth', '51-200', '2010-01-18', '2010-04-21', ['2011-04-13', 'beta']),
  association('a26', 'Forældre for Urbanplanen', 'urbanplanen', 'parents', '11-50', '2010-01-18', '2010-04-22', ['2011-04-14', 'alpha']),
  association('a27', 'Amager Tyrkisk Kulturforening', 'urbanplanen', 'cultural', '51-200', '2010-01-18', '2010-04-26', ['2011-04-18', 'beta']),
  association('a28', 'Urbanplanen Fodbold', 'urbanplanen', 'sports', '200+', '2010-01-18', '2010-04-27'),
  association('a29', 'Hørgårdens Kvindeklub', 'horgarden', 'women', '11-50', '2010-01-19', '2010-05-10', ['2011-05-16', 'alpha']),
  association('a30', 'Hørgården Ungdomsråd', 'horgarden', 'youth', '1-10', '2010-01-19', '2010-05-11'),
  association('a31', 'Irakisk Kulturforening Amager', 'horgarden', 'cultural', '11-50', '2010-01-19', '2010-05-12'),
  association('a32', 'Hørgården Lektiehjælp', 'horgarden', 'other', '1-10', '2010-01-19'),
  association('a33', 'Sydhavnens Somaliske Forening', 'sydhavnen', 'cultural', '11-50', '2010-01-20', '2010-05-25'),
  association('a34', 'Sydhavn Mødrenetværk', 'sydhavnen', 'parents', '11-50', '2010-01-20', '2010-05-26'),
  association('a35', 'Sydhavn Boksning', 'sydhavnen', 'sports', '11-50', '2010-01-20', '2010-05-27'),
  association('a36', 'Sydhavnens Eritreiske Kirke', 'sydhavnen', 'religious', '51-200', '2010-01-20', '2010-05-31'),
  association('a37', 'Folehavens Kvindecafé', 'folehaven', 'women', '11-50', '2010-01-21', '2010-06-14'),
  association('a38', 'Folehaven Ungdom', 'folehaven', 'youth', '1-10', '2010-01-21'),
  association('a39', 'Valby Afghansk Kulturforening', 'folehaven', 'cultural', '11-50', '2010-08-16'),
  association('a40', 'Folehaven Forældreforum', 'folehaven', 'parents', '1-10', '2010-09-06'),
];

const evidence = ['board minutes reviewed', 'annual accounts reviewed', 'newsletter and website reviewed', 'contacts to local bodies listed', 'general assembly attendance counted', 'members interviewed'];

/** Registration, then the baseline and follow-up capacity assessments an association had. */
const stepsOf = (a: DemoAssociation): DemoStep[] => {
  const registration = demoCommand('RegisterAssociation',
    { associationId: a.id, name: a.name, housingArea: a.area, associationType: a.type, sizeBand: a.size }, at(a.registered, '09:00'), actors.secretary, 'association-register');
  if (!a.baseline) return [registration];
  const baseline = baselineProfiles[a.size];
  const assessment = (wave: 'baseline' | 'follow-up', instrumentVersion: string, scores: Scores | number[], date: string) =>
    demoCommand('RecordCapacityAssessment', {
      associationId: a.id, assessmentId: `${a.id}-${wave}`, wave, instrumentVersion, mode: 'facilitated',
      items: capacityDomains.map((domain, i) => ({ domain, score: scores[i], evidence: evidence[i] })),
    }, at(date, '11:00'), { ...actors.advisor, onBehalfOf: a.id }, 'capacity-tool');
  const baselineAssessment = assessment('baseline', 'cap-2010-v1', baseline, a.baseline);
  if (!a.followUp) return [registration, baselineAssessment];
  const [date, profile] = a.followUp;
  const change = capacityChanges[profile];
  return [registration, baselineAssessment, assessment('follow-up', 'cap-2010-v2', baseline.map((score, i) => score + change[i]), date)];
};

export const associationSteps: readonly DemoStep[] = demoAssociations.flatMap(stepsOf);
