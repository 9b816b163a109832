/**
 * Code lists used by commands, events and indicator breakdowns. Codes are stable identifiers
 * stored in events; labels live in the model so they can be translated without touching history.
 */
export const housingAreas = [
  'tingbjerg-husum',
  'mjolnerparken',
  'akacieparken',
  'bispeparken',
  'urbanplanen',
  'horgarden',
  'sydhavnen',
  'folehaven',
] as const;
export type HousingArea = (typeof housingAreas)[number];

export const associationTypes = ['cultural', 'religious', 'women', 'youth', 'parents', 'sports', 'other'] as const;
export type AssociationType = (typeof associationTypes)[number];

export const sizeBands = ['1-10', '11-50', '51-200', '200+'] as const;
export type SizeBand = (typeof sizeBands)[number];

export const staffRoles = ['frontline', 'manager', 'social-worker', 'teacher', 'housing-officer', 'other'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const employers = ['municipality', 'housing-association', 'school', 'helhedsplan', 'other'] as const;
export type Employer = (typeof employers)[number];

/** The resource lines of the model (node codes of the resources level). */
export const resourceLines = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'] as const;
export type ResourceLine = (typeof resourceLines)[number];

export const resourceKinds = ['staff-time', 'budget'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export const resourceUnits = { 'staff-time': ['fte', 'hours'], budget: ['dkk'] } as const;
export type ResourceUnit = 'fte' | 'hours' | 'dkk';

/** Every unit of any kind; which kind a unit can measure is in resourceUnits. */
export const allResourceUnits: readonly ResourceUnit[] = [...new Set(Object.values(resourceUnits).flat())];

export const assessmentWaves = ['baseline', 'follow-up'] as const;
export type AssessmentWave = (typeof assessmentWaves)[number];

export const assessmentModes = ['self-assessed', 'facilitated'] as const;
export type AssessmentMode = (typeof assessmentModes)[number];

export const courseModules = ['citizenship', 'rights', 'duties', 'association-management', 'communication', 'fundraising'] as const;
export type CourseModule = (typeof courseModules)[number];

/** The four workshop topics of the staff competence-development product. */
export const workshopTopics = [
  'good-practice-helhedsplaner',
  'parent-involvement',
  'good-collaboration',
  'involving-minority-associations',
] as const;
export type WorkshopTopic = (typeof workshopTopics)[number];

export const targetGroups = ['staff', 'associations', 'citizens'] as const;
export type TargetGroup = (typeof targetGroups)[number];

export const seminarFormats = ['seminar', 'event'] as const;
export type SeminarFormat = (typeof seminarFormats)[number];

export const memberKinds = ['association', 'staff'] as const;
export type MemberKind = (typeof memberKinds)[number];

export const respondentKinds = ['association-representative', 'staff'] as const;
export type RespondentKind = (typeof respondentKinds)[number];

export const surveyWaves = ['baseline', 'follow-up'] as const;
export type SurveyWave = (typeof surveyWaves)[number];

export const forumTypes = [
  'resident-board',
  'local-council',
  'integration-council',
  'helhedsplan-board',
  'school-board',
  'other',
] as const;
export type ForumType = (typeof forumTypes)[number];

/** Self-declared; "not-disclosed" is always allowed (GDPR art. 9). */
export const seatHolderBackgrounds = ['ethnic-minority', 'other', 'not-disclosed'] as const;
export type SeatHolderBackground = (typeof seatHolderBackgrounds)[number];

export const forumInputKinds = ['hearing-response', 'dialogue-meeting', 'proposal'] as const;
export type ForumInputKind = (typeof forumInputKinds)[number];

export const evaluationMilestones = ['baseline-report', 'midterm-review', 'final-report', 'other'] as const;
export type EvaluationMilestone = (typeof evaluationMilestones)[number];
