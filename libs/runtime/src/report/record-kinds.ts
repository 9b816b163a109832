import { Decider, Label, RECORD_RETRACTED, label, programmeAggregates } from '@toc/domain';

type EventOf<A> = A extends { readonly decider: Decider<infer _C, infer E, infer _S> } ? E : never;

/** Every type of record the programme stores. */
type RecordType = EventOf<(typeof programmeAggregates)[number]>['type'] | typeof RECORD_RETRACTED;

/** What each kind of record is, in plain words; a new event type does not compile until it is named here. */
const recordKinds: { readonly [T in RecordType]: Label } = {
  AssociationRegistered: label('foreningsregistrering', 'association registration'),
  AssociationDetailsCorrected: label('rettelse af foreningsoplysninger', 'correction of association details'),
  CapacityAssessmentRecorded: label('kapacitetsanalyse', 'capacity assessment'),
  StaffMemberRegistered: label('medarbejderregistrering', 'staff member registration'),
  StaffMemberDetailsCorrected: label('rettelse af medarbejderoplysninger', 'correction of staff member details'),
  ResourceAllocated: label('ressourceallokering', 'resource allocation'),
  ResourceUsed: label('ressourceforbrug', 'resource use'),
  GoodPracticeAnalysisCompleted: label('analyse af god praksis', 'good-practice analysis'),
  CourseDesigned: label('forløbsdesign', 'course design'),
  CourseStarted: label('forløbsstart', 'course start'),
  AssociationEnrolled: label('tilmelding til forløb', 'course enrolment'),
  CourseSessionHeld: label('kursusgang', 'course session'),
  CourseCompleted: label('gennemført forløb', 'course completion'),
  WorkshopHeld: label('workshop', 'workshop'),
  WorkshopFeedbackRecorded: label('workshopevaluering', 'workshop feedback'),
  SeminarHeld: label('seminar', 'seminar'),
  NetworkEstablished: label('netværksoprettelse', 'network establishment'),
  NetworkMemberJoined: label('indmeldelse i netværk', 'network membership'),
  NetworkMemberLeft: label('udmeldelse af netværk', 'network departure'),
  NetworkMeetingHeld: label('netværksmøde', 'network meeting'),
  JointActivityOrganised: label('fælles aktivitet', 'joint activity'),
  SurveyAnswered: label('spørgeskemabesvarelse', 'survey answer'),
  ForumRegistered: label('formelt forum', 'formal forum'),
  ForumSeatTaken: label('plads taget i forum', 'forum seat taken'),
  ForumSeatLeft: label('plads forladt i forum', 'forum seat left'),
  ForumInputGiven: label('input til forum', 'forum input'),
  EvaluationMilestoneReached: label('evalueringsmilepæl', 'evaluation milestone'),
  [RECORD_RETRACTED]: label('tilbagetrækning', 'retraction'),
};

/** A stored type with no name here (another programme's, say) is written out in words: "course session held". */
const inWords = (type: string) => type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/** The kind of record an event type stores, in plain words. */
export const recordKind = (type: string): Label => recordKinds[type as RecordType] ?? label(inWords(type), inWords(type));
