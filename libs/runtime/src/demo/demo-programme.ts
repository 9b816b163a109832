import {
  Actor,
  AssociationType,
  Command,
  CourseModule,
  Decider,
  Employer,
  ForumInputKind,
  ForumType,
  HousingArea,
  RECORD_RETRACTED,
  SeatHolderBackground,
  SeminarFormat,
  SizeBand,
  StaffRole,
  StreamCategory,
  WorkshopTopic,
  analysisDecider,
  associationDecider,
  capacityDomains,
  courseDecider,
  evaluationDecider,
  forumDecider,
  networkDecider,
  resourceDecider,
  seminarDecider,
  staffDecider,
  streamName,
  surveyDecider,
  workshopDecider,
} from '@toc/domain';
import type { Runtime } from '../runtime';

/**
 * A scripted programme year and a half of TaskForce Integration 2010 (2010-01-04 .. 2011-06-30).
 * Nothing here is random: every figure is chosen so that docs/demo.md can derive each indicator by
 * hand from the tables below. Ids are pseudonymous (`staff-017`, `rep-a12-1`, `holder-f3-11`);
 * association names are invented organisations, not people.
 */

/** Points at the event a labelled step recorded, for a correction or a retraction. */
export interface DemoReference {
  readonly label: string;
  readonly reason: string;
}

export interface DemoStep {
  readonly decider: Decider<any, any, any>;
  readonly streamId: string;
  readonly command: Command;
  readonly sourceApp: string;
  /** Names the event this step records so that a later step can correct or retract it. */
  readonly label?: string;
  /** The command replaces the labelled event: it is retracted and this command's event takes its place. */
  readonly correctionOf?: DemoReference;
  /** The step only withdraws the labelled event (the command is a `RecordRetracted` marker). */
  readonly retraction?: DemoReference;
}

/** The service clock of every demo command: the day the demo data was entered. */
export const DEMO_NOW = '2011-06-30T12:00:00.000Z';
/** When the demo's one correction was recorded, so replays "as known" before it show the old figures. */
export const CORRECTION_RECORDED_AT = '2010-11-15T09:00:00.000Z';

/** Case workers record a step the day after it happened (never after the demo's "now"). */
const recordedNextDay = (occurredAt: string): string => {
  const next = new Date(Date.parse(occurredAt) + 86_400_000).toISOString();
  return next < DEMO_NOW ? next : DEMO_NOW;
};

const at = (date: string, time = '10:00'): string => `${date}T${time}:00.000Z`;

const actors = {
  coordinator: { userId: 'tfi-coord-01', role: 'programme-coordinator' },
  secretary: { userId: 'tfi-coord-02', role: 'case-worker' },
  finance: { userId: 'tfi-finance-01', role: 'finance-officer' },
  advisor: { userId: 'prg-advisor-03', role: 'project-advisor' },
  trainer: { userId: 'tfi-trainer-04', role: 'course-facilitator' },
  surveyTool: { userId: 'survey-tool', role: 'system' },
  evaluator: { userId: 'tfi-eval-01', role: 'evaluator' },
} satisfies Record<string, Actor>;

// ---------------------------------------------------------------------------------------------
// Reference tables (the same tables, in the same order, are printed in docs/demo.md)
// ---------------------------------------------------------------------------------------------

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
export const capacityChanges = {
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

/** Staff come in six kinds per area; staff-042 is the area's SSP consultant (role and employer "other"). */
const staffKinds: readonly (readonly [StaffRole, Employer])[] = [
  ['frontline', 'helhedsplan'],
  ['housing-officer', 'housing-association'],
  ['social-worker', 'municipality'],
  ['teacher', 'school'],
  ['frontline', 'municipality'],
  ['manager', 'helhedsplan'],
];
const staffAreas: readonly (readonly [HousingArea, string])[] = [
  ['tingbjerg-husum', '2010-01-25'],
  ['mjolnerparken', '2010-01-25'],
  ['akacieparken', '2010-01-26'],
  ['bispeparken', '2010-01-26'],
  ['urbanplanen', '2010-01-27'],
  ['horgarden', '2010-01-27'],
  ['sydhavnen', '2010-01-28'],
  ['folehaven', '2010-01-28'],
];
const staffId = (n: number): string => `staff-${String(n).padStart(3, '0')}`;
/** `staff(1, 6)` = staff-001 .. staff-006. */
const staffRange = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => staffId(from + i));
const staffList = (...numbers: number[]): string[] => numbers.map(staffId);

export const demoStaff = staffAreas.flatMap(([area, registered], a) =>
  staffKinds.map(([role, employer], k) => {
    const id = staffId(a * 6 + k + 1);
    const other = id === 'staff-042';
    return { id, area, role: other ? ('other' as StaffRole) : role, employer: other ? ('other' as Employer) : employer, registered };
  }),
);

// ---------------------------------------------------------------------------------------------

export const demoProgramme = (): DemoStep[] => {
  const steps: { step: DemoStep; order: number }[] = [];
  const add = <C extends Command, T extends C['type']>(
    decider: Decider<C, any, any>,
    category: StreamCategory,
    id: string,
    type: T,
    data: Extract<C, { type: T }>['data'],
    occurredAt: string,
    actor: Actor,
    sourceApp: string,
    extra: Pick<DemoStep, 'label' | 'correctionOf'> & { recordedAt?: string } = {},
  ) => {
    const { recordedAt, ...reference } = extra;
    const command = { type, data, context: { occurredAt, now: recordedAt ?? recordedNextDay(occurredAt), actor } } as Command;
    steps.push({ step: { decider, streamId: streamName(category, id), command, sourceApp, ...reference }, order: steps.length });
  };
  const retract = (decider: Decider<any, any, any>, category: StreamCategory, id: string, retraction: DemoReference, occurredAt: string, actor: Actor, sourceApp: string) => {
    const command = { type: RECORD_RETRACTED, data: { reason: retraction.reason }, context: { occurredAt, now: recordedNextDay(occurredAt), actor } };
    steps.push({ step: { decider, streamId: streamName(category, id), command, sourceApp, retraction }, order: steps.length });
  };

  // Resources R1..R6: allocations at the start, use booked at each quarter's end.
  const allocations: readonly {
    id: string;
    line: 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6';
    kind: 'staff-time' | 'budget';
    unit: 'fte' | 'hours' | 'dkk';
    amount: number;
    start: string;
    end: string;
    uses: readonly (readonly [string, number])[];
  }[] = [
    { id: 'r1-taskforce-fte', line: 'R1', kind: 'staff-time', unit: 'fte', amount: 1, start: '2010-01-01', end: '2011-12-31',
      uses: [['2010-03-31', 0.25], ['2010-06-30', 0.25], ['2010-09-30', 0.25], ['2010-12-30', 0.25], ['2011-03-31', 0.25], ['2011-06-30', 0.25]] },
    { id: 'r2-helhedsplaner-hours', line: 'R2', kind: 'staff-time', unit: 'hours', amount: 600, start: '2010-01-01', end: '2011-12-31',
      uses: [['2010-03-31', 30], ['2010-06-30', 50], ['2010-09-30', 40], ['2010-12-30', 60], ['2011-03-31', 50], ['2011-06-30', 70]] },
    { id: 'r3-projektraadgivning-hours', line: 'R3', kind: 'staff-time', unit: 'hours', amount: 400, start: '2010-03-01', end: '2011-06-30',
      uses: [['2010-03-31', 10], ['2010-06-30', 40], ['2010-09-30', 60], ['2010-12-30', 50], ['2011-03-31', 60], ['2011-06-30', 40]] },
    { id: 'r4-area-staff-hours', line: 'R4', kind: 'staff-time', unit: 'hours', amount: 800, start: '2010-01-01', end: '2011-12-31',
      uses: [['2010-03-31', 24], ['2010-06-30', 52], ['2010-09-30', 36], ['2010-12-30', 84], ['2011-03-31', 100], ['2011-06-30', 48]] },
    { id: 'r5-tryghed-hours', line: 'R5', kind: 'staff-time', unit: 'hours', amount: 200, start: '2010-01-01', end: '2011-12-31',
      uses: [['2010-06-30', 16], ['2010-12-30', 24], ['2011-03-31', 12], ['2011-06-30', 20]] },
    { id: 'r5-tryghed-dkk', line: 'R5', kind: 'budget', unit: 'dkk', amount: 30000, start: '2010-01-01', end: '2011-12-31',
      uses: [['2010-06-30', 8000], ['2010-12-30', 6500], ['2011-06-30', 9000]] },
    { id: 'r6-printing-dkk', line: 'R6', kind: 'budget', unit: 'dkk', amount: 120000, start: '2010-01-01', end: '2011-12-31',
      uses: [['2010-06-30', 18500], ['2010-09-30', 22000], ['2010-12-30', 15500], ['2011-03-31', 24000], ['2011-06-30', 19000]] },
  ];
  for (const allocation of allocations) {
    const { id, line, kind, unit, amount, start, end } = allocation;
    add(resourceDecider, 'resource', id, 'AllocateResource',
      { allocationId: id, resourceLine: line, kind, unit, amount, periodStart: start, periodEnd: end },
      at('2010-01-04', '09:00'), actors.finance, 'resource-ledger');
    for (const [date, used] of allocation.uses) {
      add(resourceDecider, 'resource', id, 'RecordResourceUse', { allocationId: id, amount: used, note: `booked for the quarter ending ${date}` },
        at(date, '10:00'), actors.finance, 'resource-ledger');
    }
  }

  // Evaluation milestones (A5).
  const milestones = [
    ['ev-design', 'other', '2010-02-15', 'Evalueringsdesign og indikatorer godkendt', 'Design, indicators and data protection approved by the steering group'],
    ['ev-baseline', 'baseline-report', '2010-06-30', 'Baselinerapport: kapacitet og repræsentation', 'Baseline of association capacity and forum representation'],
    ['ev-midterm', 'midterm-review', '2011-01-20', 'Midtvejsevaluering', 'Midterm review of courses, workshops and networks'],
  ] as const;
  for (const [id, milestone, date, title, note] of milestones) {
    add(evaluationDecider, 'evaluation', id, 'RecordEvaluationMilestone', { milestoneId: id, milestone, title, note }, at(date, '14:00'), actors.evaluator, 'evaluation-log');
  }

  // Associations (registration, baseline and follow-up capacity assessments).
  const evidence = ['board minutes reviewed', 'annual accounts reviewed', 'newsletter and website reviewed', 'contacts to local bodies listed', 'general assembly attendance counted', 'members interviewed'];
  for (const a of demoAssociations) {
    add(associationDecider, 'association', a.id, 'RegisterAssociation',
      { associationId: a.id, name: a.name, housingArea: a.area, associationType: a.type, sizeBand: a.size }, at(a.registered, '09:00'), actors.secretary, 'association-register');
    if (!a.baseline) continue;
    const baseline = baselineProfiles[a.size];
    add(associationDecider, 'association', a.id, 'RecordCapacityAssessment', {
      associationId: a.id, assessmentId: `${a.id}-baseline`, wave: 'baseline', instrumentVersion: 'cap-2010-v1', mode: 'facilitated',
      items: capacityDomains.map((domain, i) => ({ domain, score: baseline[i], evidence: evidence[i] })),
    }, at(a.baseline, '11:00'), { ...actors.advisor, onBehalfOf: a.id }, 'capacity-tool');
    if (!a.followUp) continue;
    const [date, profile] = a.followUp;
    const change = capacityChanges[profile];
    add(associationDecider, 'association', a.id, 'RecordCapacityAssessment', {
      associationId: a.id, assessmentId: `${a.id}-follow-up`, wave: 'follow-up', instrumentVersion: 'cap-2010-v2', mode: 'facilitated',
      items: capacityDomains.map((domain, i) => ({ domain, score: baseline[i] + change[i], evidence: evidence[i] })),
    }, at(date, '11:00'), { ...actors.advisor, onBehalfOf: a.id }, 'capacity-tool');
  }

  // Staff in the housing areas (pseudonymous ids only).
  for (const s of demoStaff) {
    add(staffDecider, 'staff', s.id, 'RegisterStaffMember', { staffId: s.id, role: s.role, employer: s.employer, housingArea: s.area }, at(s.registered, '09:30'), actors.secretary, 'staff-register');
  }

  // Good-practice analyses of citizen involvement (A2), one per area.
  const analyses: readonly (readonly [HousingArea, string, number, string])[] = [
    ['tingbjerg-husum', '2010-04-30', 6, 'Resident board dialogue cafés and the homework café as a meeting point'],
    ['mjolnerparken', '2010-05-21', 5, 'Courtyard meetings and interpreters at resident meetings'],
    ['urbanplanen', '2010-06-18', 7, 'Youth panels in the helhedsplan and joint parent evenings'],
    ['bispeparken', '2010-08-27', 4, 'Association representatives in the helhedsplan working groups'],
    ['akacieparken', '2010-09-24', 3, 'Door-to-door invitations in several languages'],
    ['horgarden', '2010-10-29', 4, 'School-association partnerships on parent involvement'],
    ['sydhavnen', '2010-11-26', 5, 'Shared premises for associations and the local library'],
    ['folehaven', '2010-12-17', 3, 'Culture days as a way into resident democracy'],
  ];
  for (const [area, date, practices, summary] of analyses) {
    const id = `gp-${area}`;
    add(analysisDecider, 'analysis', id, 'CompleteGoodPracticeAnalysis', { analysisId: id, housingArea: area, practicesIdentified: practices, summary }, at(date, '15:00'), actors.coordinator, 'case-worker-tool');
  }

  // Capacity-building courses (A3 designed, P1 delivered).
  interface DemoCourse {
    id: string;
    title: string;
    area: HousingArea;
    modules: CourseModule[];
    designed: string;
    enrolled: string;
    started?: string;
    enrolments: [string, string[]][];
    sessions: [string, CourseModule, string[]][];
    completed?: [string, string[]];
  }
  const courses: DemoCourse[] = [
    {
      id: 'c1-tingbjerg', title: 'Medborgerskab, rettigheder og pligter – Tingbjerg/Husum', area: 'tingbjerg-husum', modules: ['citizenship', 'rights', 'duties'],
      designed: '2010-03-08', enrolled: '2010-04-06', started: '2010-04-12',
      enrolments: [['a01', ['rep-a01-1', 'rep-a01-2']], ['a02', ['rep-a02-1', 'rep-a02-2']], ['a03', ['rep-a03-1']], ['a04', ['rep-a04-1', 'rep-a04-2']], ['a06', ['rep-a06-1']]],
      sessions: [
        ['2010-04-19', 'citizenship', ['rep-a01-1', 'rep-a01-2', 'rep-a02-1', 'rep-a02-2', 'rep-a03-1', 'rep-a04-1', 'rep-a04-2', 'rep-a06-1']],
        ['2010-05-10', 'rights', ['rep-a01-1', 'rep-a01-2', 'rep-a02-1', 'rep-a03-1', 'rep-a04-1', 'rep-a06-1']],
        ['2010-06-07', 'duties', ['rep-a01-1', 'rep-a02-1', 'rep-a02-2', 'rep-a03-1', 'rep-a04-1', 'rep-a04-2']],
      ],
      completed: ['2010-06-21', ['a01', 'a02', 'a03', 'a04']],
    },
    {
      id: 'c2-mjolnerparken', title: 'Foreningsledelse og kommunikation – Mjølnerparken', area: 'mjolnerparken', modules: ['citizenship', 'association-management', 'communication'],
      designed: '2010-04-20', enrolled: '2010-08-16', started: '2010-08-23',
      enrolments: [['a08', ['rep-a08-1', 'rep-a08-2']], ['a09', ['rep-a09-1', 'rep-a09-2']], ['a10', ['rep-a10-1']], ['a11', ['rep-a11-1']], ['a12', ['rep-a12-1']], ['a13', ['rep-a13-1']]],
      sessions: [
        ['2010-08-30', 'citizenship', ['rep-a08-1', 'rep-a08-2', 'rep-a09-1', 'rep-a09-2', 'rep-a10-1', 'rep-a11-1', 'rep-a12-1', 'rep-a13-1']],
        ['2010-09-13', 'association-management', ['rep-a08-1', 'rep-a08-2', 'rep-a09-1', 'rep-a10-1', 'rep-a12-1', 'rep-a13-1']],
        // First recorded without rep-a11-1; corrected below.
        ['2010-09-27', 'communication', ['rep-a08-1', 'rep-a09-1', 'rep-a09-2', 'rep-a10-1', 'rep-a13-1']],
      ],
      completed: ['2010-09-30', ['a08', 'a09', 'a10', 'a12', 'a13']],
    },
    {
      id: 'c3-urbanplanen', title: 'Rettigheder, pligter og fundraising – Urbanplanen', area: 'urbanplanen', modules: ['rights', 'duties', 'fundraising'],
      designed: '2010-06-14', enrolled: '2010-08-30', started: '2010-09-06',
      enrolments: [['a23', ['rep-a23-1', 'rep-a23-2']], ['a24', ['rep-a24-1', 'rep-a24-2']], ['a25', ['rep-a25-1']], ['a26', ['rep-a26-1']], ['a27', ['rep-a27-1']], ['a28', ['rep-a28-1']]],
      sessions: [
        ['2010-09-20', 'rights', ['rep-a23-1', 'rep-a23-2', 'rep-a24-1', 'rep-a24-2', 'rep-a25-1', 'rep-a26-1', 'rep-a27-1', 'rep-a28-1']],
        ['2010-10-11', 'duties', ['rep-a23-1', 'rep-a23-2', 'rep-a24-1', 'rep-a25-1', 'rep-a26-1', 'rep-a27-1']],
        ['2010-11-08', 'fundraising', ['rep-a23-1', 'rep-a24-1', 'rep-a24-2', 'rep-a26-1', 'rep-a27-1', 'rep-a28-1']],
      ],
      completed: ['2010-11-22', ['a23', 'a24', 'a25', 'a26', 'a27']],
    },
    {
      id: 'c4-bispeparken', title: 'Medborgerskab og kommunikation – Bispeparken', area: 'bispeparken', modules: ['citizenship', 'communication'],
      designed: '2010-08-09', enrolled: '2010-10-11', started: '2010-10-18',
      enrolments: [['a18', ['rep-a18-1']], ['a19', ['rep-a19-1']], ['a20', ['rep-a20-1', 'rep-a20-2']], ['a21', ['rep-a21-1']], ['a14', ['rep-a14-1']], ['a15', ['rep-a15-1']], ['a01', ['rep-a01-3']]],
      sessions: [
        ['2010-11-01', 'citizenship', ['rep-a18-1', 'rep-a19-1', 'rep-a20-1', 'rep-a20-2', 'rep-a21-1', 'rep-a14-1', 'rep-a15-1', 'rep-a01-3']],
        ['2011-01-17', 'communication', ['rep-a18-1', 'rep-a20-1', 'rep-a21-1', 'rep-a14-1', 'rep-a01-3']],
      ],
      completed: ['2011-01-31', ['a18', 'a20', 'a21', 'a14', 'a01']],
    },
    {
      id: 'c5-horgarden', title: 'Forening og fællesskab – Hørgården og Sydhavnen', area: 'horgarden', modules: ['citizenship', 'rights', 'association-management'],
      designed: '2010-11-15', enrolled: '2011-01-31', started: '2011-02-07',
      enrolments: [['a29', ['rep-a29-1']], ['a30', ['rep-a30-1']], ['a31', ['rep-a31-1', 'rep-a31-2']], ['a33', ['rep-a33-1']], ['a34', ['rep-a34-1']], ['a36', ['rep-a36-1']]],
      sessions: [
        ['2011-02-21', 'citizenship', ['rep-a29-1', 'rep-a30-1', 'rep-a31-1', 'rep-a31-2', 'rep-a33-1', 'rep-a34-1', 'rep-a36-1']],
        ['2011-03-21', 'rights', ['rep-a29-1', 'rep-a31-1', 'rep-a31-2', 'rep-a33-1', 'rep-a34-1']],
        ['2011-04-11', 'association-management', ['rep-a29-1', 'rep-a30-1', 'rep-a31-1', 'rep-a33-1', 'rep-a36-1']],
      ],
      completed: ['2011-05-02', ['a29', 'a31', 'a33', 'a34']],
    },
    {
      id: 'c6-tingbjerg', title: 'Medborgerskab og fundraising, 2. hold – Tingbjerg/Husum', area: 'tingbjerg-husum', modules: ['citizenship', 'fundraising'],
      designed: '2011-03-14', enrolled: '2011-05-02', started: '2011-05-09',
      enrolments: [['a05', ['rep-a05-1']], ['a07', ['rep-a07-1']], ['a04', ['rep-a04-1']]],
      sessions: [['2011-05-23', 'citizenship', ['rep-a05-1', 'rep-a07-1', 'rep-a04-1']]],
    },
  ];
  for (const course of courses) {
    const { id } = course;
    add(courseDecider, 'course', id, 'DesignCourse', { courseId: id, title: course.title, housingArea: course.area, modules: course.modules, plannedSessions: course.modules.length }, at(course.designed, '12:00'), actors.advisor, 'course-register');
    for (const [associationId, representativeIds] of course.enrolments) {
      add(courseDecider, 'course', id, 'EnrolAssociation', { courseId: id, associationId, representativeIds }, at(course.enrolled, '12:00'), actors.trainer, 'course-register');
    }
    if (!course.started) continue;
    add(courseDecider, 'course', id, 'StartCourse', { courseId: id }, at(course.started, '16:00'), actors.trainer, 'course-register');
    course.sessions.forEach(([date, module, attendeeIds], i) => {
      const label = `${id}-session-${i + 1}`;
      add(courseDecider, 'course', id, 'HoldCourseSession', { courseId: id, sessionNumber: i + 1, module, attendeeIds }, at(date, '16:00'), actors.trainer, 'course-register', { label });
      if (label === 'c2-mjolnerparken-session-3') {
        add(courseDecider, 'course', id, 'HoldCourseSession',
          { courseId: id, sessionNumber: 3, module, attendeeIds: ['rep-a08-1', 'rep-a09-1', 'rep-a09-2', 'rep-a10-1', 'rep-a11-1', 'rep-a13-1'] },
          at(date, '16:00'), actors.trainer, 'course-register',
          // Found weeks later, when the attendance sheets were re-checked.
          { correctionOf: { label, reason: 'attendance sheet re-checked: rep-a11-1 attended and was left out' }, recordedAt: CORRECTION_RECORDED_AT });
      }
    });
    if (course.completed) {
      const [date, completedAssociationIds] = course.completed;
      add(courseDecider, 'course', id, 'CompleteCourse', { courseId: id, completedAssociationIds }, at(date, '17:00'), actors.trainer, 'course-register');
    }
  }

  // Staff workshops on the four topics (A4, P2), with each responding participant's feedback.
  const workshops: readonly (readonly [string, WorkshopTopic, HousingArea, string, string[], number[]])[] = [
    ['w01', 'good-practice-helhedsplaner', 'tingbjerg-husum', '2010-03-10', [...staffRange(1, 6), ...staffList(7, 12)], [4, 4, 3, 5, 4, 4]],
    ['w02', 'parent-involvement', 'bispeparken', '2010-05-05', staffList(4, 10, 16, 22, 28, 34, 40, 46), [3, 4, 4, 3, 4, 3]],
    ['w03', 'good-collaboration', 'urbanplanen', '2010-06-09', staffList(25, 26, 27, 28, 30), [4, 5, 4, 4, 5]],
    ['w04', 'involving-minority-associations', 'mjolnerparken', '2010-09-15', [...staffRange(7, 12), ...staffRange(13, 15)], [4, 4, 5, 4, 3, 4, 5, 3]],
    ['w05', 'good-practice-helhedsplaner', 'urbanplanen', '2010-10-13', staffList(25, 30, 31, 36, 37, 42, 43, 48), [3, 3, 4, 4, 3, 4]],
    ['w06', 'parent-involvement', 'sydhavnen', '2010-11-10', staffList(3, 9, 15, 21, 27, 33, 39, 45), [4, 4, 4, 5, 3, 4, 4]],
    ['w07', 'involving-minority-associations', 'tingbjerg-husum', '2010-12-01', staffRange(1, 5), [5, 4, 5, 4]],
    ['w08', 'good-collaboration', 'bispeparken', '2011-01-26', [...staffRange(19, 24), ...staffRange(16, 18)], [4, 4, 4, 3, 5, 4, 4, 4]],
    ['w09', 'involving-minority-associations', 'horgarden', '2011-02-23', [...staffRange(31, 36), ...staffRange(38, 40)], [5, 4, 4, 5, 4, 4, 5, 3]],
    ['w10', 'good-practice-helhedsplaner', 'akacieparken', '2011-03-16', [...staffRange(13, 18), staffId(24)], [4, 3, 4, 4, 5, 4]],
    ['w11', 'parent-involvement', 'folehaven', '2011-04-13', staffList(43, 44, 45, 46, 48, 40), [4, 4, 5, 4, 4]],
    ['w12', 'good-collaboration', 'mjolnerparken', '2011-05-18', [...staffRange(7, 11), staffId(6)], [4, 4, 3]],
  ];
  for (const [id, topic, area, date, participantStaffIds, learning] of workshops) {
    add(workshopDecider, 'workshop', id, 'HoldWorkshop', { workshopId: id, topic, housingArea: area, participantStaffIds }, at(date, '13:00'), actors.coordinator, 'workshop-register');
    const feedbackDay = new Date(Date.parse(date) + 2 * 86_400_000).toISOString().slice(0, 10);
    learning.forEach((learningScore, i) => {
      // The last W07 form came back after the Christmas break; it still counts for the quarter the workshop was held.
      const day = id === 'w07' && i === learning.length - 1 ? '2011-01-05' : feedbackDay;
      const reactionScore = Math.min(5, learningScore + (i % 2));
      add(workshopDecider, 'workshop', id, 'RecordWorkshopFeedback', { workshopId: id, staffId: participantStaffIds[i], reactionScore, learningScore }, at(day, '10:00'), actors.surveyTool, 'survey-tool');
    });
  }

  // Seminars and events across the target groups (A4, P3).
  const seminars: readonly (readonly [string, SeminarFormat, HousingArea, string, string, [number, number, number], string[], string[]])[] = [
    ['sem01', 'seminar', 'tingbjerg-husum', '2010-04-28', 'Dialogmøde: foreninger og helhedsplanen i Tingbjerg', [12, 15, 20], ['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07'], staffRange(1, 6)],
    ['sem02', 'event', 'mjolnerparken', '2010-06-19', 'Sommerfest i Mjølnerparken', [6, 10, 80], ['a08', 'a09', 'a10', 'a11', 'a12', 'a13'], staffRange(7, 12)],
    ['sem03', 'seminar', 'urbanplanen', '2010-10-27', 'Samarbejde på tværs på Amager', [10, 12, 18], ['a23', 'a24', 'a25', 'a26', 'a27', 'a28'], staffRange(25, 30)],
    ['sem04', 'event', 'bispeparken', '2010-12-11', 'Vinterarrangement i Bispeparken', [5, 8, 45], ['a18', 'a19', 'a20', 'a21', 'a22'], staffRange(19, 23)],
    ['sem05', 'seminar', 'akacieparken', '2011-03-30', 'Fremtidens samarbejde i Valby', [8, 9, 11], ['a14', 'a15', 'a16', 'a17'], staffRange(13, 18)],
    ['sem06', 'seminar', 'sydhavnen', '2011-05-25', 'Netværkskonference: civilsamfund og boligområder', [20, 25, 15], ['a33', 'a34', 'a35', 'a36', 'a29', 'a31'], staffRange(37, 42)],
    ['sem07', 'event', 'folehaven', '2011-06-18', 'Kulturdag i Folehaven', [4, 7, 70], ['a37', 'a38', 'a39', 'a40'], staffRange(43, 46)],
  ];
  for (const [id, format, area, date, title, [staff, associations, citizens], associationIds, staffIds] of seminars) {
    add(seminarDecider, 'seminar', id, 'HoldSeminar', {
      seminarId: id, format, title, housingArea: area, participantsByTargetGroup: { staff, associations, citizens }, associationIds, staffIds,
    }, at(date, '14:00'), actors.coordinator, 'event-register');
  }

  // One locally anchored network per area (S1): joins, departures, meetings and joint activities.
  const networkNames: Record<HousingArea, string> = {
    'tingbjerg-husum': 'Lokalt netværk Tingbjerg/Husum',
    mjolnerparken: 'Lokalt netværk Mjølnerparken',
    akacieparken: 'Lokalt netværk Akacieparken',
    bispeparken: 'Lokalt netværk Bispeparken',
    urbanplanen: 'Lokalt netværk Urbanplanen',
    horgarden: 'Lokalt netværk Hørgården',
    sydhavnen: 'Lokalt netværk Sydhavnen',
    folehaven: 'Lokalt netværk Folehaven',
  };
  const networkId = (area: HousingArea) => `net-${area}`;
  const established: readonly (readonly [HousingArea, string])[] = [
    ['tingbjerg-husum', '2010-04-06'], ['mjolnerparken', '2010-04-07'], ['urbanplanen', '2010-05-03'], ['akacieparken', '2010-06-01'],
    ['bispeparken', '2010-06-02'], ['horgarden', '2010-09-01'], ['sydhavnen', '2010-09-02'], ['folehaven', '2010-10-05'],
  ];
  for (const [area, date] of established) {
    add(networkDecider, 'network', networkId(area), 'EstablishNetwork', { networkId: networkId(area), name: networkNames[area], housingArea: area }, at(date, '09:00'), actors.coordinator, 'network-register');
  }
  type Member = { kind: 'association' | 'staff'; id: string };
  const member = (id: string): Member => ({ kind: id.startsWith('staff-') ? 'staff' : 'association', id });
  const joins: readonly (readonly [HousingArea, string, string[]])[] = [
    ['tingbjerg-husum', '2010-04-20', ['a01', 'a02', 'a04', 'staff-001', 'staff-006']],
    ['mjolnerparken', '2010-04-21', ['a08', 'a09', 'staff-007', 'staff-012']],
    ['urbanplanen', '2010-05-17', ['a23', 'a24', 'a25', 'staff-025', 'staff-030']],
    ['akacieparken', '2010-06-14', ['a14', 'a15', 'staff-013']],
    ['bispeparken', '2010-06-15', ['a18', 'a20', 'staff-019', 'staff-024']],
    ['tingbjerg-husum', '2010-08-16', ['a03', 'a06', 'staff-002', 'staff-003']],
    ['urbanplanen', '2010-08-30', ['a26', 'a27', 'staff-026', 'staff-027']],
    ['mjolnerparken', '2010-09-06', ['a10', 'a12', 'a13', 'staff-008', 'staff-011']],
    ['horgarden', '2010-09-13', ['a29', 'a31', 'staff-031']],
    ['sydhavnen', '2010-09-14', ['a33', 'a34', 'staff-037']],
    ['bispeparken', '2010-09-20', ['a19', 'a21', 'staff-021']],
    ['akacieparken', '2010-10-04', ['a17', 'staff-016']],
    ['tingbjerg-husum', '2010-10-11', ['a05', 'staff-005']],
    ['folehaven', '2010-10-18', ['a37', 'staff-043']],
    ['mjolnerparken', '2010-11-15', ['a11', 'staff-009']],
    ['urbanplanen', '2010-12-06', ['a28', 'staff-028']],
    ['horgarden', '2011-01-17', ['a30', 'staff-036']],
    ['bispeparken', '2011-01-24', ['a22', 'staff-022']],
    ['tingbjerg-husum', '2011-02-14', ['a07']],
    ['akacieparken', '2011-03-14', ['a16']],
    ['sydhavnen', '2011-03-21', ['a36', 'staff-040']],
    ['folehaven', '2011-04-04', ['a39', 'staff-048']],
    ['tingbjerg-husum', '2011-04-11', ['staff-004']],
    ['urbanplanen', '2011-05-09', ['staff-029']],
    ['mjolnerparken', '2011-05-16', ['staff-010']],
  ];
  for (const [area, date, ids] of joins) {
    for (const id of ids) add(networkDecider, 'network', networkId(area), 'JoinNetwork', { networkId: networkId(area), member: member(id) }, at(date, '11:00'), actors.coordinator, 'network-register');
  }
  const departures: readonly (readonly [HousingArea, string, string, string])[] = [
    ['urbanplanen', '2011-02-28', 'staff-027', 'new job outside the area'],
    ['tingbjerg-husum', '2011-03-07', 'a06', 'the club has paused its activities'],
    ['bispeparken', '2011-04-18', 'a19', 'merged into a city-wide youth association'],
  ];
  for (const [area, date, id, reason] of departures) {
    add(networkDecider, 'network', networkId(area), 'LeaveNetwork', { networkId: networkId(area), member: member(id), reason }, at(date, '11:00'), actors.coordinator, 'network-register');
  }
  const meetings: readonly (readonly [string, HousingArea, string, string, string[]])[] = [
    ['m01', 'tingbjerg-husum', '2010-05-25', 'staff-001', ['a01', 'a02', 'a04', 'staff-001', 'staff-006']],
    ['m02', 'mjolnerparken', '2010-06-08', 'a08', ['a08', 'a09', 'staff-007', 'staff-012']],
    ['m03', 'urbanplanen', '2010-06-22', 'staff-025', ['a23', 'a24', 'a25', 'staff-025', 'staff-030']],
    ['m04', 'tingbjerg-husum', '2010-09-28', 'a02', ['a01', 'a02', 'a03', 'a06', 'staff-001', 'staff-002', 'staff-003']],
    ['m05', 'bispeparken', '2010-09-29', 'staff-019', ['a18', 'a19', 'a20', 'a21', 'staff-019', 'staff-021']],
    ['m06', 'mjolnerparken', '2010-10-19', 'staff-007', ['a08', 'a09', 'a10', 'a12', 'a13', 'staff-007', 'staff-008']],
    ['m07', 'urbanplanen', '2010-11-16', 'a23', ['a23', 'a24', 'a25', 'a26', 'a27', 'staff-025', 'staff-026']],
    ['m08', 'akacieparken', '2010-11-23', 'staff-013', ['a14', 'a15', 'a17', 'staff-013', 'staff-016']],
    ['m09', 'tingbjerg-husum', '2011-01-18', 'a01', ['a01', 'a02', 'a05', 'staff-005']],
    ['m10', 'horgarden', '2011-02-15', 'a29', ['a29', 'a30', 'a31', 'staff-031', 'staff-036']],
    ['m11', 'mjolnerparken', '2011-03-15', 'a09', ['a09', 'a11', 'staff-009']],
    ['m12', 'sydhavnen', '2011-04-05', 'staff-037', ['a33', 'a34', 'a36', 'staff-037', 'staff-040']],
    ['m13', 'bispeparken', '2011-04-26', 'a20', ['a18', 'a20', 'a22', 'staff-022']],
    ['m14', 'urbanplanen', '2011-05-31', 'a24', ['a24', 'a28', 'staff-028', 'staff-029']],
    ['m15', 'folehaven', '2011-06-14', 'staff-043', ['a37', 'a39', 'staff-043', 'staff-048']],
    ['m16', 'tingbjerg-husum', '2011-06-21', 'staff-006', ['a03', 'a07', 'staff-004', 'staff-006']],
  ];
  for (const [id, area, date, convener, attendees] of meetings) {
    add(networkDecider, 'network', networkId(area), 'HoldNetworkMeeting', { networkId: networkId(area), meetingId: id, convenedBy: member(convener), attendees: attendees.map(member) }, at(date, '17:00'), actors.coordinator, 'network-register');
  }
  const jointActivities: readonly (readonly [string, HousingArea, string, string, string, string])[] = [
    ['j01', 'tingbjerg-husum', '2010-06-12', 'a01', 'staff-001', 'Lektiecafé i fælleshuset'],
    ['j02', 'mjolnerparken', '2010-06-26', 'a08', 'staff-007', 'Gårdfest i Mjølnerparken'],
    ['j03', 'urbanplanen', '2010-09-25', 'a23', 'staff-025', 'Forældremøde på tværs'],
    ['j04', 'tingbjerg-husum', '2010-10-23', 'a02', 'staff-006', 'Kvindernes madklub'],
    ['j05', 'bispeparken', '2010-11-20', 'a20', 'staff-019', 'Kulturaften i Bispeparken'],
    ['j06', 'mjolnerparken', '2010-12-04', 'a09', 'staff-012', 'Juleværksted for familier'],
    ['j07', 'urbanplanen', '2011-01-29', 'a24', 'staff-030', 'Dialogcafé om tryghed'],
    ['j08', 'tingbjerg-husum', '2011-02-26', 'a01', 'staff-002', 'Informationsmøde om boligsocial indsats'],
    ['j09', 'akacieparken', '2011-03-19', 'a14', 'staff-013', 'Kvindernes cykelskole'],
    ['j10', 'horgarden', '2011-04-09', 'a29', 'staff-031', 'Forældrecafé på skolen'],
    ['j11', 'mjolnerparken', '2011-04-30', 'a10', 'staff-008', 'Ungeforum om fritidsjob'],
    ['j12', 'sydhavnen', '2011-05-14', 'a33', 'staff-037', 'Sundhedsdag i Sydhavnen'],
    ['j13', 'urbanplanen', '2011-05-21', 'a26', 'staff-026', 'Forældrenetværk i indskolingen'],
    ['j14', 'bispeparken', '2011-06-11', 'a21', 'staff-021', 'Cricketstævne for hele området'],
  ];
  for (const [id, area, date, associationId, staffMember, title] of jointActivities) {
    add(networkDecider, 'network', networkId(area), 'OrganiseJointActivity', { networkId: networkId(area), activityId: id, associationId, staffId: staffMember, title }, at(date, '12:00'), actors.coordinator, 'network-register');
  }

  // Surveys of association representatives (M1) and staff (M2): baseline 2010, follow-up 2011.
  const associationSurvey = (associationId: string, wave: 'baseline' | 'follow-up', occurredAt: string, communication: number, influence: number) =>
    add(surveyDecider, 'respondent', `resp-${associationId}-1`, 'AnswerSurvey', {
      respondentId: `resp-${associationId}-1`, respondentKind: 'association-representative', associationId, wave,
      answers: [{ statement: 'assoc-better-communication', score: communication }, { statement: 'assoc-more-influence', score: influence }],
    }, occurredAt, actors.surveyTool, 'survey-tool');
  const associationFollowUps: readonly (readonly [string, string, number, number])[] = [
    ['a01', '2011-05-30', 5, 4], ['a02', '2011-05-30', 4, 4], ['a03', '2011-05-30', 4, 3], ['a04', '2011-05-30', 4, 4],
    ['a05', '2011-05-30', 3, 3], ['a06', '2011-05-30', 2, 2], ['a07', '2011-05-30', 4, 3],
    ['a08', '2011-05-31', 5, 5], ['a09', '2011-05-31', 4, 4], ['a10', '2011-05-31', 4, 3], ['a11', '2011-05-31', 3, 2],
    ['a12', '2011-05-31', 4, 4], ['a13', '2011-05-31', 2, 3],
    ['a23', '2011-06-01', 4, 4], ['a24', '2011-06-01', 5, 4], ['a25', '2011-06-01', 3, 3], ['a26', '2011-06-01', 4, 4],
    ['a27', '2011-06-01', 4, 3], ['a28', '2011-06-01', 3, 2],
    ['a18', '2011-06-06', 4, 4], ['a20', '2011-06-06', 3, 2], ['a21', '2011-06-06', 4, 3],
    ['a14', '2011-06-07', 4, 4], ['a29', '2011-06-08', 3, 4], ['a33', '2011-03-31', 2, 2],
  ];
  const surveyedAtBaseline = new Set([...associationFollowUps.map(([id]) => id), 'a15', 'a16', 'a17', 'a22', 'a31']);
  demoAssociations.forEach((a) => {
    if (surveyedAtBaseline.has(a.id)) associationSurvey(a.id, 'baseline', at(a.baseline!, '14:00'), 2 + (Number(a.id.slice(1)) % 2), 2);
  });
  for (const [associationId, date, communication, influence] of associationFollowUps) {
    // a33 answered online 15 minutes after midnight on 1 April, Copenhagen time (22:15 UTC on 31 March).
    associationSurvey(associationId, 'follow-up', associationId === 'a33' ? at(date, '22:15') : at(date, '10:00'), communication, influence);
  }

  const staffSurvey = (id: string, wave: 'baseline' | 'follow-up', occurredAt: string, involvement: number, dialogue: number) =>
    add(surveyDecider, 'respondent', `resp-${id}`, 'AnswerSurvey', {
      respondentId: `resp-${id}`, respondentKind: 'staff', staffId: id, wave,
      answers: [{ statement: 'staff-better-involvement', score: involvement }, { statement: 'staff-better-dialogue', score: dialogue }],
    }, occurredAt, actors.surveyTool, 'survey-tool');
  const staffBaseline = [...staffRange(1, 30), ...staffRange(31, 36)];
  staffBaseline.forEach((id, i) => staffSurvey(id, 'baseline', at(`2010-03-${String(15 + (i % 5)).padStart(2, '0')}`, '10:00'), 2 + (i % 2), 3));
  const staffFollowUps: readonly (readonly [number, string, number, number])[] = [
    [13, '2011-03-28', 4, 4], [14, '2011-03-28', 3, 3], [15, '2011-03-28', 2, 4],
    [31, '2011-03-28', 4, 5], [32, '2011-03-28', 3, 3], [33, '2011-03-28', 2, 2],
    [1, '2011-05-24', 4, 4], [2, '2011-05-24', 5, 4], [3, '2011-05-24', 4, 3], [4, '2011-05-24', 4, 5], [5, '2011-05-24', 3, 3], [6, '2011-05-24', 5, 5],
    [7, '2011-05-25', 4, 4], [8, '2011-05-25', 4, 4], [9, '2011-05-25', 3, 4], [10, '2011-05-25', 4, 4], [11, '2011-05-25', 2, 3], [12, '2011-05-25', 5, 4],
    [19, '2011-05-26', 4, 4], [20, '2011-05-26', 3, 4], [21, '2011-05-26', 4, 4], [22, '2011-05-26', 4, 3], [23, '2011-05-26', 4, 4], [24, '2011-05-26', 5, 5],
    [25, '2011-05-27', 4, 4], [26, '2011-05-27', 4, 5], [27, '2011-05-27', 3, 3], [28, '2011-05-27', 4, 4], [29, '2011-05-27', 3, 2], [30, '2011-05-27', 4, 4],
  ];
  for (const [n, date, involvement, dialogue] of staffFollowUps) staffSurvey(staffId(n), 'follow-up', at(date, '10:00'), involvement, dialogue);

  // Formal fora (L1, L2): seats held at the start, seats changing hands, inputs from associations.
  const forums: readonly (readonly [string, string, ForumType, HousingArea, number, string, SeatHolderBackground[]])[] = [
    ['f1', 'Afdelingsbestyrelsen Tingbjerg', 'resident-board', 'tingbjerg-husum', 9, '2010-01-26',
      ['ethnic-minority', 'other', 'other', 'other', 'other', 'other', 'other', 'not-disclosed']],
    ['f2', 'Styregruppen for helhedsplanen i Mjølnerparken', 'helhedsplan-board', 'mjolnerparken', 8, '2010-02-02',
      ['ethnic-minority', 'ethnic-minority', 'other', 'other', 'other', 'other', 'other']],
    ['f3', 'Amager Øst Lokaludvalg, boligområdeudvalget', 'local-council', 'urbanplanen', 10, '2010-02-09',
      ['ethnic-minority', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'not-disclosed']],
    ['f6', 'Afdelingsbestyrelsen Akacieparken', 'resident-board', 'akacieparken', 7, '2010-02-16',
      ['other', 'other', 'other', 'other', 'other', 'other', 'not-disclosed']],
    ['f4', 'Integrationsrådets lokalforum Nordvest', 'integration-council', 'bispeparken', 6, '2010-03-02',
      ['ethnic-minority', 'ethnic-minority', 'other', 'other', 'not-disclosed']],
    ['f5', 'Skolebestyrelsen ved Hørgården', 'school-board', 'horgarden', 7, '2010-03-09',
      ['other', 'other', 'other', 'other', 'other', 'not-disclosed']],
  ];
  const holder = (forumId: string, n: number) => `holder-${forumId}-${String(n).padStart(2, '0')}`;
  for (const [id, name, forumType, area, seats, date, backgrounds] of forums) {
    add(forumDecider, 'forum', id, 'RegisterForum', { forumId: id, name, forumType, housingArea: area, seats }, at(date, '09:00'), actors.secretary, 'forum-register');
    backgrounds.forEach((background, i) =>
      add(forumDecider, 'forum', id, 'TakeForumSeat', { forumId: id, seatHolderId: holder(id, i + 1), background }, at(date, '10:00'), actors.secretary, 'forum-register'));
  }
  const seatChanges: readonly (readonly [string, string, 'take' | 'leave', number, SeatHolderBackground?, string?])[] = [
    ['f5', '2010-08-23', 'take', 7, 'ethnic-minority', 'a29'],
    ['f2', '2010-09-20', 'take', 8, 'ethnic-minority', 'a08'],
    ['f4', '2010-10-11', 'take', 6, 'ethnic-minority', 'a20'],
    ['f1', '2010-11-08', 'leave', 2],
    ['f1', '2010-11-08', 'take', 9, 'ethnic-minority', 'a02'],
    ['f3', '2010-12-01', 'leave', 4],
    ['f3', '2010-12-13', 'take', 11, 'ethnic-minority', 'a23'],
    ['f6', '2011-01-10', 'leave', 3],
    ['f6', '2011-01-24', 'take', 8, 'not-disclosed', 'a15'],
    ['f2', '2011-02-21', 'leave', 3],
    ['f1', '2011-03-14', 'take', 10, 'ethnic-minority', 'a01'],
    ['f3', '2011-04-04', 'leave', 5],
    ['f3', '2011-04-26', 'take', 12, 'ethnic-minority', 'a27'],
    ['f5', '2011-05-16', 'leave', 2],
  ];
  for (const [forumId, date, change, n, background, nominatedBy] of seatChanges) {
    if (change === 'leave') {
      add(forumDecider, 'forum', forumId, 'LeaveForumSeat', { forumId, seatHolderId: holder(forumId, n) }, at(date, '09:00'), actors.secretary, 'forum-register');
    } else {
      add(forumDecider, 'forum', forumId, 'TakeForumSeat', { forumId, seatHolderId: holder(forumId, n), background: background!, nominatedByAssociationId: nominatedBy }, at(date, '10:00'), actors.secretary, 'forum-register');
    }
  }
  const inputs: readonly (readonly [string, string, string, ForumInputKind, string | undefined, string])[] = [
    ['i01', 'f1', '2010-05-18', 'hearing-response', 'a01', 'Høringssvar om renovering af fælleshuset'],
    ['i02', 'f2', '2010-06-15', 'dialogue-meeting', 'a08', 'Dialogmøde om helhedsplanens ungeindsats'],
    ['i03', 'f3', '2010-09-07', 'proposal', 'a23', 'Forslag om flersprogede beboermøder'],
    ['i04', 'f1', '2010-10-05', 'proposal', 'a02', 'Forslag om kvindesvømning i hallen'],
    ['i05', 'f4', '2010-11-02', 'dialogue-meeting', 'a20', 'Dialogmøde om foreningslokaler'],
    ['i06', 'f3', '2010-11-30', 'hearing-response', undefined, 'Høringssvar fra helhedsplanens sekretariat om trafiksikkerhed'],
    ['i07', 'f5', '2011-01-11', 'proposal', 'a29', 'Forslag om forældrecafé på skolen'],
    ['i08', 'f2', '2011-02-08', 'hearing-response', 'a09', 'Høringssvar om legepladsen'],
    ['i09', 'f2', '2011-02-08', 'hearing-response', 'a09', 'Høringssvar om legepladsen'],
    ['i10', 'f6', '2011-03-08', 'dialogue-meeting', 'a14', 'Dialogmøde om trygge stier'],
    ['i11', 'f3', '2011-04-12', 'proposal', 'a24', 'Forslag om lektiehjælp i weekenden'],
    ['i12', 'f1', '2011-05-10', 'hearing-response', 'a04', 'Høringssvar om skolevejen'],
    ['i13', 'f4', '2011-05-24', 'proposal', 'a18', 'Forslag om fælles forældrenetværk'],
    ['i14', 'f3', '2011-06-07', 'dialogue-meeting', 'a26', 'Dialogmøde om udearealer'],
  ];
  for (const [id, forumId, date, kind, associationId, summary] of inputs) {
    add(forumDecider, 'forum', forumId, 'RecordForumInput', { forumId, inputId: id, kind, ...(associationId && { associationId }), summary },
      at(date, id === 'i09' ? '10:30' : '10:00'), actors.secretary, 'forum-register', { label: `input-${id}` });
  }
  // i09 was the same hearing response typed in twice.
  retract(forumDecider, 'forum', 'f2', { label: 'input-i09', reason: 'duplicate entry of input i08' }, at('2011-02-10', '09:00'), actors.secretary, 'forum-register');

  // Business-time order; steps at the same moment keep the order they were written in.
  return steps
    .sort((a, b) => (a.step.command.context.occurredAt < b.step.command.context.occurredAt ? -1 : a.step.command.context.occurredAt > b.step.command.context.occurredAt ? 1 : a.order - b.order))
    .map(({ step }) => step);
};

/**
 * Records the demo programme through the real command path. Each step carries the idempotency key
 * `demo-<index>`, so seeding a store a second time appends nothing.
 */
export const seedDemo = async (runtime: Runtime): Promise<{ commands: number; lastPosition: number }> => {
  const steps = demoProgramme();
  const recorded = new Map<string, string>();
  const eventIdOf = (reference: DemoReference) => {
    const eventId = recorded.get(reference.label);
    if (!eventId) throw new Error(`demo step "${reference.label}" must come before the step that corrects or retracts it`);
    return { eventId, reason: reference.reason };
  };
  let lastPosition = 0;
  for (const [index, step] of steps.entries()) {
    const envelope = {
      correlationId: `demo-${index}`,
      causationId: null,
      actor: step.command.context.actor,
      sourceApp: step.sourceApp,
      idempotencyKey: `demo-${index}`,
    };
    const result = step.retraction
      ? await runtime.commands.retract(step.streamId, step.command.context, { ...envelope, correctionOf: eventIdOf(step.retraction) })
      : await runtime.commands.run(step.decider, step.streamId, step.command, {
          ...envelope,
          ...(step.correctionOf && { correctionOf: eventIdOf(step.correctionOf) }),
        });
    if (step.label) recorded.set(step.label, result.events[result.events.length - 1].metadata.eventId);
    lastPosition = Math.max(lastPosition, result.position);
  }
  return { commands: steps.length, lastPosition };
};
