import { Label, label } from '../model/theory-of-change';
import { PeriodType, periodTypes } from './periods';

/**
 * How values combine over a period:
 * - count: number of occurrences (each document counts each occurrence);
 * - distinct-count: subjects (associations, persons) counted once per period however often they occur;
 * - sum: amounts (hours, DKK, head counts);
 * - stock: subjects in a state at the end of the period (network members, seats held);
 * - average: numerator / denominator, where the denominator counts observations;
 * - ratio: numerator / denominator as a share of subjects.
 */
export type IndicatorAggregation = 'count' | 'distinct-count' | 'sum' | 'stock' | 'average' | 'ratio';

export const dimensions = [
  'housingArea',
  'associationType',
  'workshopTopic',
  'targetGroup',
  'forumType',
  'employer',
  'role',
  'resourceLine',
  'capacityDomain',
  'memberKind',
  'courseModule',
  'format',
  'inputKind',
  'milestone',
] as const;
export type Dimension = (typeof dimensions)[number];

/** Whose data a figure is built from: small groups of associations or persons are suppressed. */
export type IndicatorSubject = 'associations' | 'persons' | 'none';

export interface IndicatorDefinition {
  readonly code: IndicatorCode;
  /** The model node the indicator gives evidence for. */
  readonly node: string;
  /** Further nodes it also gives evidence for (one resource indicator covers several resource lines). */
  readonly alsoNodes?: readonly string[];
  readonly name: Label;
  readonly definition: Label;
  readonly unit: Label;
  readonly aggregation: IndicatorAggregation;
  readonly numerator: Label;
  readonly denominator?: Label;
  readonly breakdowns: readonly Dimension[];
  /**
   * Breakdowns in which one unit can fall in several cells (a person trained in two topics, a
   * course of two modules), so the cells do not add up to the total and subtracting the shown ones
   * reveals nothing: small cells there need no complementary suppression. 'period': a unit counted
   * in several sub-periods, so a period is not the sum of its sub-periods (a ratio of stocks counts a
   * holding at every period end; distinct counts and stocks always are). See docs/suppression.md.
   */
  readonly overlappingBreakdowns?: readonly (Dimension | 'period')[];
  readonly periodTypes: readonly PeriodType[];
  readonly subject: IndicatorSubject;
  /** Value before the programme (or from its baseline measurement), on the indicator's scale. */
  readonly baseline: { readonly value: number; readonly date: string };
  readonly target: { readonly value: number; readonly direction: 'increase' | 'decrease'; readonly date: string };
}

const START = '2010-01-01';
/** Most products and results start from nothing when the programme starts. */
const fromZero = { value: 0, date: START } as const;
const END = '2011-12-31';

/** An entry of the catalogue; every indicator is reported for every period type unless it says otherwise. */
type IndicatorEntry = Omit<IndicatorDefinition, 'code' | 'periodTypes'> & { readonly code: string; readonly periodTypes?: readonly PeriodType[] };

/**
 * The indicators of the TaskForce Integration 2010 model. Baselines and targets are planning
 * figures kept as data: the programme replaces them without a code change.
 */
const entries = [
  // Resources
  {
    code: 'RES-STAFF-TIME',
    node: 'R1',
    alsoNodes: ['R2', 'R3', 'R4', 'R5'],
    name: label('Medarbejdertid brugt', 'Staff time used'),
    definition: label(
      'Timer brugt af de afsatte medarbejderressourcer (årsværk omregnet med den timesats hver registrering har, som standard 1.924 timer), mod planlagt',
      'Hours used of the staff time allocated (FTE converted at the hours per FTE-year each record keeps, 1,924 by default), against plan',
    ),
    unit: label('timer', 'hours'),
    aggregation: 'sum',
    numerator: label('Timer brugt', 'Hours used'),
    denominator: label('Timer planlagt', 'Hours planned'),
    breakdowns: ['resourceLine'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 4000, direction: 'increase', date: END },
  },
  {
    code: 'RES-BUDGET',
    node: 'R6',
    alsoNodes: ['R5'],
    name: label('Budget brugt', 'Budget used'),
    definition: label('Kroner brugt af det afsatte budget, mod planlagt', 'DKK spent of the budget allocated, against plan'),
    unit: label('kr.', 'DKK'),
    aggregation: 'sum',
    numerator: label('Kroner brugt', 'DKK spent'),
    denominator: label('Kroner afsat', 'DKK allocated'),
    breakdowns: ['resourceLine'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 150000, direction: 'increase', date: END },
  },
  // Activities
  {
    code: 'ACT-ASSESSMENT-COVERAGE',
    node: 'A1',
    name: label('Foreninger med kapacitetsanalyse', 'Associations with a capacity assessment'),
    definition: label(
      'Andel af registrerede foreninger med en baseline-kapacitetsanalyse ved periodens udgang',
      'Share of registered associations with a baseline capacity assessment at the end of the period',
    ),
    unit: label('andel', 'share'),
    aggregation: 'ratio',
    numerator: label('Foreninger med baseline-analyse', 'Associations with a baseline assessment'),
    denominator: label('Registrerede foreninger', 'Registered associations'),
    breakdowns: ['housingArea', 'associationType'],
    overlappingBreakdowns: ['period'],
    subject: 'associations',
    baseline: fromZero,
    target: { value: 0.9, direction: 'increase', date: '2010-06-30' },
  },
  {
    code: 'ACT-GOOD-PRACTICE-ANALYSES',
    node: 'A2',
    name: label('Analyser af god praksis', 'Good-practice analyses completed'),
    definition: label('Afsluttede analyser af god praksis for borgerinddragelse', 'Completed analyses of good practice in citizen involvement'),
    unit: label('analyser', 'analyses'),
    aggregation: 'count',
    numerator: label('Afsluttede analyser', 'Analyses completed'),
    breakdowns: ['housingArea'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 8, direction: 'increase', date: '2010-12-31' },
  },
  {
    code: 'ACT-COURSES-DESIGNED',
    node: 'A3',
    name: label('Forløb designet', 'Courses designed'),
    definition: label('Kapacitetsopbyggende forløb designet', 'Capacity-building courses designed'),
    unit: label('forløb', 'courses'),
    aggregation: 'count',
    numerator: label('Designede forløb', 'Courses designed'),
    breakdowns: ['housingArea', 'courseModule'],
    overlappingBreakdowns: ['courseModule'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 6, direction: 'increase', date: END },
  },
  {
    code: 'ACT-EVENTS-HELD',
    node: 'A4',
    name: label('Workshops og seminarer afholdt', 'Workshops and seminars held'),
    definition: label('Afholdte workshops, seminarer og arrangementer', 'Workshops, seminars and events held'),
    unit: label('arrangementer', 'events'),
    aggregation: 'count',
    numerator: label('Afholdte arrangementer', 'Events held'),
    breakdowns: ['format', 'housingArea'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 40, direction: 'increase', date: END },
  },
  {
    code: 'ACT-EVALUATION-MILESTONES',
    node: 'A5',
    name: label('Evalueringsmilepæle nået', 'Evaluation milestones reached'),
    definition: label('Milepæle i evalueringen af indsatsen', 'Milestones of the evaluation of the effort'),
    unit: label('milepæle', 'milestones'),
    aggregation: 'count',
    numerator: label('Nåede milepæle', 'Milestones reached'),
    breakdowns: ['milestone'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 3, direction: 'increase', date: END },
  },
  // Products
  {
    code: 'PRD-COURSES-STARTED',
    node: 'P1',
    name: label('Forløb startet', 'Courses started'),
    definition: label('Kapacitetsopbyggende forløb der er startet', 'Capacity-building courses started'),
    unit: label('forløb', 'courses'),
    aggregation: 'count',
    numerator: label('Startede forløb', 'Courses started'),
    breakdowns: ['housingArea', 'courseModule'],
    overlappingBreakdowns: ['courseModule'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 6, direction: 'increase', date: END },
  },
  {
    code: 'PRD-COURSES-COMPLETED',
    node: 'P1',
    name: label('Forløb gennemført', 'Courses completed'),
    definition: label(
      'Kapacitetsopbyggende forløb der er afsluttet (også et forløb, som ingen forening gennemførte)',
      'Capacity-building courses completed (also a course that no association completed)',
    ),
    unit: label('forløb', 'courses'),
    aggregation: 'count',
    numerator: label('Afsluttede forløb', 'Courses completed'),
    breakdowns: ['housingArea', 'courseModule'],
    overlappingBreakdowns: ['courseModule'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 6, direction: 'increase', date: END },
  },
  {
    code: 'PRD-ASSOCIATIONS-ENROLLED',
    node: 'P1',
    name: label('Foreninger tilmeldt forløb', 'Associations enrolled in a course'),
    definition: label(
      'Foreninger tilmeldt et kapacitetsopbyggende forløb (hver forening tælles én gang pr. periode)',
      'Associations enrolled in a capacity-building course (each counted once per period)',
    ),
    unit: label('foreninger', 'associations'),
    aggregation: 'distinct-count',
    numerator: label('Foreninger', 'Associations'),
    breakdowns: ['housingArea', 'associationType'],
    subject: 'associations',
    baseline: fromZero,
    target: { value: 36, direction: 'increase', date: END },
  },
  {
    code: 'PRD-ASSOCIATIONS-COMPLETED',
    node: 'P1',
    name: label('Foreninger der har gennemført forløb', 'Associations completing a course'),
    definition: label(
      'Foreninger der har gennemført et kapacitetsopbyggende forløb (hver forening tælles én gang pr. periode)',
      'Associations that completed a capacity-building course (each counted once per period)',
    ),
    unit: label('foreninger', 'associations'),
    aggregation: 'distinct-count',
    numerator: label('Foreninger', 'Associations'),
    breakdowns: ['housingArea', 'associationType'],
    subject: 'associations',
    baseline: fromZero,
    target: { value: 30, direction: 'increase', date: END },
  },
  {
    code: 'PRD-REPRESENTATIVES-TRAINED',
    node: 'P1',
    name: label('Foreningsrepræsentanter uddannet', 'Association representatives trained'),
    definition: label(
      'Repræsentanter der har deltaget i mindst én forløbsgang, pr. modul',
      'Representatives who attended at least one course session, by module',
    ),
    unit: label('personer', 'persons'),
    aggregation: 'distinct-count',
    numerator: label('Repræsentanter', 'Representatives'),
    breakdowns: ['courseModule'],
    overlappingBreakdowns: ['courseModule'],
    subject: 'persons',
    baseline: fromZero,
    target: { value: 80, direction: 'increase', date: END },
  },
  {
    code: 'PRD-WORKSHOPS-HELD',
    node: 'P2',
    name: label('Workshops afholdt', 'Workshops held'),
    definition: label('Afholdte workshops for medarbejdere, pr. emne', 'Workshops held for staff, by topic'),
    unit: label('workshops', 'workshops'),
    aggregation: 'count',
    numerator: label('Afholdte workshops', 'Workshops held'),
    breakdowns: ['workshopTopic', 'housingArea'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 28, direction: 'increase', date: END },
  },
  {
    code: 'PRD-STAFF-TRAINED',
    node: 'P2',
    name: label('Medarbejdere kompetenceudviklet', 'Staff trained'),
    definition: label('Medarbejdere der har deltaget i en workshop, pr. emne', 'Staff members who took part in a workshop, by topic'),
    unit: label('personer', 'persons'),
    aggregation: 'distinct-count',
    numerator: label('Medarbejdere', 'Staff members'),
    breakdowns: ['workshopTopic', 'role', 'employer', 'housingArea'],
    overlappingBreakdowns: ['workshopTopic'],
    subject: 'persons',
    baseline: fromZero,
    target: { value: 120, direction: 'increase', date: END },
  },
  {
    code: 'PRD-WORKSHOP-LEARNING',
    node: 'P2',
    name: label('Udbytte af workshops', 'Workshop learning score'),
    definition: label('Gennemsnitlig læringsscore (1-5) angivet af deltagerne', 'Average learning score (1-5) given by participants'),
    unit: label('score', 'score'),
    aggregation: 'average',
    numerator: label('Sum af scorer', 'Sum of scores'),
    denominator: label('Besvarelser', 'Responses'),
    breakdowns: ['workshopTopic', 'housingArea'],
    subject: 'persons',
    baseline: { value: 3, date: START },
    target: { value: 4, direction: 'increase', date: END },
  },
  {
    code: 'PRD-CROSS-GROUP-SEMINARS',
    node: 'P3',
    name: label('Seminarer på tværs', 'Cross-group seminars and events'),
    definition: label('Seminarer og arrangementer på tværs af målgrupperne', 'Seminars and events across the target groups'),
    unit: label('arrangementer', 'events'),
    aggregation: 'count',
    numerator: label('Seminarer og arrangementer', 'Seminars and events'),
    breakdowns: ['format', 'housingArea'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 12, direction: 'increase', date: END },
  },
  {
    code: 'PRD-CROSS-GROUP-PARTICIPANTS',
    node: 'P3',
    name: label('Deltagere i seminarer på tværs', 'Participants in cross-group seminars'),
    definition: label('Deltagere i seminarer og arrangementer, pr. målgruppe', 'Participants in seminars and events, by target group'),
    unit: label('deltagere', 'participants'),
    aggregation: 'sum',
    numerator: label('Deltagere', 'Participants'),
    breakdowns: ['targetGroup', 'housingArea'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 600, direction: 'increase', date: END },
  },
  {
    code: 'PRD-CROSS-GROUP-ASSOCIATIONS',
    node: 'P3',
    name: label('Foreninger nået af seminarer på tværs', 'Associations reached by cross-group seminars'),
    definition: label(
      'Foreninger der har deltaget i et seminar eller arrangement på tværs af målgrupperne (hver forening tælles én gang pr. periode)',
      'Associations that took part in a seminar or event across the target groups (each counted once per period)',
    ),
    unit: label('foreninger', 'associations'),
    aggregation: 'distinct-count',
    numerator: label('Foreninger', 'Associations'),
    breakdowns: ['housingArea', 'associationType'],
    subject: 'associations',
    baseline: fromZero,
    target: { value: 35, direction: 'increase', date: END },
  },
  {
    code: 'PRD-CROSS-GROUP-STAFF',
    node: 'P3',
    name: label('Medarbejdere nået af seminarer på tværs', 'Staff reached by cross-group seminars'),
    definition: label(
      'Registrerede medarbejdere der har deltaget i et seminar eller arrangement på tværs af målgrupperne (hver tælles én gang pr. periode)',
      'Registered staff members who took part in a seminar or event across the target groups (each counted once per period)',
    ),
    unit: label('personer', 'persons'),
    aggregation: 'distinct-count',
    numerator: label('Medarbejdere', 'Staff members'),
    breakdowns: ['role', 'employer', 'housingArea'],
    subject: 'persons',
    baseline: fromZero,
    target: { value: 80, direction: 'increase', date: END },
  },
  // Results
  {
    code: 'RSL-NETWORK-MEMBERS',
    node: 'S1',
    name: label('Netværkets medlemmer', 'Network members'),
    definition: label('Foreninger og medarbejdere i det lokale netværk ved periodens udgang', 'Associations and staff in the local network at the end of the period'),
    unit: label('medlemmer', 'members'),
    aggregation: 'stock',
    numerator: label('Medlemmer', 'Members'),
    breakdowns: ['memberKind', 'housingArea'],
    subject: 'persons',
    baseline: fromZero,
    target: { value: 90, direction: 'increase', date: END },
  },
  {
    code: 'RSL-ASSOCIATIONS-WITH-STAFF-CONTACT',
    node: 'S1',
    name: label('Foreninger med medarbejderkontakt', 'Associations with a staff contact'),
    definition: label(
      'Andel af netværkets foreninger der har samarbejdet med en medarbejder om en fælles aktivitet',
      'Share of network associations that co-organised a joint activity with a staff member',
    ),
    unit: label('andel', 'share'),
    aggregation: 'ratio',
    numerator: label('Foreninger med kontakt', 'Associations with a contact'),
    denominator: label('Foreninger i netværket', 'Associations in the network'),
    breakdowns: ['housingArea', 'associationType'],
    overlappingBreakdowns: ['period'],
    subject: 'associations',
    baseline: fromZero,
    target: { value: 0.6, direction: 'increase', date: END },
  },
  {
    code: 'RSL-LOCAL-MEETINGS',
    node: 'S1',
    name: label('Lokalt indkaldte netværksmøder', 'Locally convened network meetings'),
    definition: label('Netværksmøder indkaldt af et medlem, pr. indkalder', 'Network meetings convened by a member, by convener'),
    unit: label('møder', 'meetings'),
    aggregation: 'count',
    numerator: label('Møder', 'Meetings'),
    breakdowns: ['memberKind', 'housingArea'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 20, direction: 'increase', date: END },
  },
  {
    code: 'RSL-JOINT-ACTIVITIES',
    node: 'S1',
    name: label('Fælles aktiviteter', 'Joint activities'),
    definition: label('Aktiviteter organiseret af en forening og en medarbejder sammen', 'Activities co-organised by an association and a staff member'),
    unit: label('aktiviteter', 'activities'),
    aggregation: 'count',
    numerator: label('Aktiviteter', 'Activities'),
    breakdowns: ['housingArea'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 25, direction: 'increase', date: END },
  },
  // Medium-term effects
  {
    code: 'MED-CAPACITY-AT-BASELINE',
    node: 'M1',
    name: label('Kapacitet ved baseline', 'Capacity at baseline'),
    definition: label(
      'Gennemsnitlig kapacitetsscore (1-5) ved baseline-analysen, pr. kapacitetsområde',
      'Average capacity score (1-5) at the baseline assessment, by capacity domain',
    ),
    unit: label('score', 'score'),
    aggregation: 'average',
    numerator: label('Sum af scorer', 'Sum of scores'),
    denominator: label('Foreninger vurderet ved baseline', 'Associations assessed at baseline'),
    breakdowns: ['capacityDomain', 'housingArea', 'associationType'],
    overlappingBreakdowns: ['capacityDomain'],
    subject: 'associations',
    // The starting point itself: there is nothing to move it towards, so no progress is shown.
    baseline: { value: 2.5, date: START },
    target: { value: 2.5, direction: 'increase', date: '2010-06-30' },
  },
  {
    code: 'MED-CAPACITY-AT-FOLLOW-UP',
    node: 'M1',
    name: label('Kapacitet ved opfølgning', 'Capacity at follow-up'),
    definition: label(
      'Gennemsnitlig kapacitetsscore (1-5) ved den seneste opfølgende analyse, pr. kapacitetsområde',
      'Average capacity score (1-5) at the latest follow-up assessment, by capacity domain',
    ),
    unit: label('score', 'score'),
    aggregation: 'average',
    numerator: label('Sum af scorer', 'Sum of scores'),
    denominator: label('Foreninger vurderet ved opfølgning', 'Associations assessed at follow-up'),
    breakdowns: ['capacityDomain', 'housingArea', 'associationType'],
    overlappingBreakdowns: ['capacityDomain'],
    subject: 'associations',
    baseline: { value: 2.5, date: START },
    target: { value: 3.5, direction: 'increase', date: END },
  },
  {
    code: 'MED-CAPACITY-CHANGE',
    node: 'M1',
    name: label('Ændring i kapacitet', 'Change in capacity'),
    definition: label(
      'Gennemsnitlig ændring i kapacitetsscore fra baseline til opfølgning, pr. kapacitetsområde',
      'Average change in capacity score from baseline to follow-up, by capacity domain',
    ),
    unit: label('point', 'score points'),
    aggregation: 'average',
    numerator: label('Sum af ændringer', 'Sum of changes'),
    denominator: label('Foreninger vurderet to gange', 'Associations assessed twice'),
    breakdowns: ['capacityDomain', 'housingArea', 'associationType'],
    overlappingBreakdowns: ['capacityDomain'],
    subject: 'associations',
    baseline: fromZero,
    target: { value: 1, direction: 'increase', date: END },
  },
  {
    code: 'MED-ASSOCIATIONS-BETTER-COMMUNICATION',
    node: 'M1',
    name: label('Foreninger der kommunikerer bedre', 'Associations communicating better'),
    definition: label(
      'Andel af foreningsrepræsentanter der ved opfølgningen er enige i, at foreningen kommunikerer bedre i relevante fora',
      'Share of association representatives who at follow-up agree that their association communicates better in relevant fora',
    ),
    unit: label('andel', 'share'),
    aggregation: 'ratio',
    numerator: label('Enige (4-5)', 'Agreeing (4-5)'),
    denominator: label('Svarende', 'Respondents'),
    breakdowns: ['housingArea', 'associationType'],
    subject: 'persons',
    baseline: { value: 0.3, date: START },
    target: { value: 0.6, direction: 'increase', date: END },
  },
  {
    code: 'MED-ASSOCIATIONS-MORE-INFLUENCE',
    node: 'M1',
    name: label('Foreninger med mere indflydelse', 'Associations gaining influence'),
    definition: label(
      'Andel af foreningsrepræsentanter der ved opfølgningen er enige i, at foreningen har fået mere indflydelse',
      'Share of association representatives who at follow-up agree that their association has gained influence',
    ),
    unit: label('andel', 'share'),
    aggregation: 'ratio',
    numerator: label('Enige (4-5)', 'Agreeing (4-5)'),
    denominator: label('Svarende', 'Respondents'),
    breakdowns: ['housingArea', 'associationType'],
    subject: 'persons',
    baseline: { value: 0.25, date: START },
    target: { value: 0.5, direction: 'increase', date: END },
  },
  {
    code: 'MED-STAFF-BETTER-DIALOGUE',
    node: 'M2',
    name: label('Medarbejdere med bedre dialog', 'Staff with better opportunities for dialogue'),
    definition: label(
      'Andel af medarbejdere der ved opfølgningen er enige i, at de har bedre muligheder for inddragelse af og dialog med borgere og foreninger',
      'Share of staff who at follow-up agree they have better opportunities to involve and talk with citizens and associations',
    ),
    unit: label('andel', 'share'),
    aggregation: 'ratio',
    numerator: label('Enige (4-5) i begge udsagn', 'Agreeing (4-5) with both statements'),
    denominator: label('Svarende', 'Respondents'),
    breakdowns: ['role', 'employer', 'housingArea'],
    subject: 'persons',
    baseline: { value: 0.35, date: START },
    target: { value: 0.65, direction: 'increase', date: END },
  },
  // Long-term effects
  {
    code: 'LT-MINORITY-SEAT-SHARE',
    node: 'L1',
    name: label('Etniske minoriteter i formelle fora', 'Ethnic minority representation in formal fora'),
    definition: label(
      'Andel af besatte pladser i formelle fora, hvor indehaveren har oplyst etnisk minoritetsbaggrund, ved periodens udgang',
      'Share of occupied seats in formal fora held by people who declared an ethnic minority background, at the end of the period',
    ),
    unit: label('andel', 'share'),
    aggregation: 'ratio',
    numerator: label('Pladser med minoritetsbaggrund', 'Seats held by minority members'),
    denominator: label('Besatte pladser', 'Occupied seats'),
    breakdowns: ['forumType', 'housingArea'],
    overlappingBreakdowns: ['period'],
    subject: 'persons',
    baseline: { value: 0.08, date: START },
    target: { value: 0.2, direction: 'increase', date: END },
  },
  {
    code: 'LT-ASSOCIATION-NOMINATED-SEATS',
    node: 'L1',
    name: label('Pladser indstillet af foreninger', 'Seats held by association nominees'),
    definition: label(
      'Pladser i formelle fora besat af personer indstillet af en minoritetsforening, ved periodens udgang',
      'Seats in formal fora held by people nominated by a minority association, at the end of the period',
    ),
    unit: label('pladser', 'seats'),
    aggregation: 'stock',
    numerator: label('Pladser', 'Seats'),
    breakdowns: ['forumType', 'housingArea'],
    subject: 'persons',
    baseline: fromZero,
    target: { value: 15, direction: 'increase', date: END },
  },
  {
    code: 'LT-FORUM-SEATS-TAKEN',
    node: 'L1',
    name: label('Pladser besat', 'Seats taken'),
    definition: label(
      'Pladser i formelle fora der er besat i perioden, også dem der var besat, da forummet blev registreret',
      'Seats in formal fora taken in the period, including those held when the forum was registered',
    ),
    unit: label('pladser', 'seats'),
    aggregation: 'count',
    numerator: label('Besatte pladser', 'Seats taken'),
    breakdowns: ['forumType', 'housingArea'],
    subject: 'persons',
    baseline: fromZero,
    target: { value: 60, direction: 'increase', date: END },
  },
  {
    code: 'LT-FORUM-SEATS-LEFT',
    node: 'L1',
    name: label('Pladser forladt', 'Seats left'),
    definition: label('Pladser i formelle fora som indehaveren har forladt i perioden', 'Seats in formal fora whose holder left them in the period'),
    unit: label('pladser', 'seats'),
    aggregation: 'count',
    numerator: label('Forladte pladser', 'Seats left'),
    breakdowns: ['forumType', 'housingArea'],
    subject: 'persons',
    // Fewer departures means the seats won are kept.
    baseline: { value: 8, date: START },
    target: { value: 4, direction: 'decrease', date: END },
  },
  {
    code: 'LT-FORUM-INPUTS',
    node: 'L2',
    name: label('Input til formelle fora', 'Inputs to formal fora'),
    definition: label(
      'Høringssvar, dialogmøder og forslag givet af foreninger til formelle fora',
      'Hearing responses, dialogue meetings and proposals given by associations to formal fora',
    ),
    unit: label('input', 'inputs'),
    aggregation: 'count',
    numerator: label('Input', 'Inputs'),
    breakdowns: ['inputKind', 'forumType', 'housingArea'],
    subject: 'none',
    baseline: fromZero,
    target: { value: 30, direction: 'increase', date: END },
  },
] as const satisfies readonly IndicatorEntry[];

/** The code of an indicator of the catalogue; a code that is not in it fails to compile. */
export type IndicatorCode = (typeof entries)[number]['code'];

export const indicatorCatalogue: readonly IndicatorDefinition[] = entries.map((entry) => ({ periodTypes, ...entry }));


/** Every node an indicator gives evidence for. */
export const indicatorNodes = (definition: IndicatorDefinition): readonly string[] => [definition.node, ...(definition.alsoNodes ?? [])];

/** The definition of a code from outside (a request, a stored cell); undefined when it is not in the catalogue. */
export const findIndicator = (code: string): IndicatorDefinition | undefined =>
  indicatorCatalogue.find((indicator) => indicator.code === code);
