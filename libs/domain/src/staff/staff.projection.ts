import { RecordDocument, recordProjection, recordsOf, withCorrections } from '../core/record-projection';
import { indicatorFeature } from '../indicators/indicator-feature';
import { IndicatorFact } from '../indicators/indicator-facts';
import { surveyScale } from '../model/instruments';
import { membershipIntervals } from '../network/membership';
import { NetworkMemberJoined, NetworkMemberLeft } from '../network/network.events';
import { SeminarHeld } from '../seminars/seminar.events';
import { SurveyAnswered } from '../surveys/survey.events';
import { WorkshopHeld } from '../workshops/workshop.events';
import { StaffEvent, StaffMemberRegistered } from './staff.events';

/** The events recorded about a staff member, in its own stream and in others. */
type StaffRecordEvent = StaffEvent | WorkshopHeld | SeminarHeld | NetworkMemberJoined | NetworkMemberLeft | SurveyAnswered;

/** Everything recorded about one (pseudonymous) staff member. */
const staffProjection = recordProjection<StaffRecordEvent>('staff', {
  StaffMemberRegistered: (data) => [data.staffId],
  StaffMemberDetailsCorrected: (data) => [data.staffId],
  WorkshopHeld: (data) => data.participantStaffIds,
  SeminarHeld: (data) => data.staffIds,
  NetworkMemberJoined: (data) => (data.member.kind === 'staff' ? [data.member.id] : []),
  NetworkMemberLeft: (data) => (data.member.kind === 'staff' ? [data.member.id] : []),
  SurveyAnswered: (data) => (data.respondentKind === 'staff' ? [data.staffId] : []),
});

type Details = Omit<StaffMemberRegistered['data'], 'staffId'>;

export const staffDetails = (doc: RecordDocument<StaffRecordEvent>): Details | undefined => {
  const [registered] = recordsOf(doc, 'StaffMemberRegistered');
  if (!registered) return undefined;
  const corrections = recordsOf(doc, 'StaffMemberDetailsCorrected').map((record) => record.data);
  return withCorrections<Details>(registered.data, corrections, ['role', 'employer', 'housingArea']);
};

const agrees = (answers: SurveyAnswered['data']['answers'], statement: string) =>
  answers.some((answer) => answer.statement === statement && answer.score >= surveyScale.agreeFrom);

const staffFacts = (doc: RecordDocument<StaffRecordEvent>): IndicatorFact[] => {
  const details = staffDetails(doc);
  if (!details) return [];
  const dims = { role: details.role, employer: details.employer, housingArea: details.housingArea };
  const facts: IndicatorFact[] = [];
  for (const workshop of recordsOf(doc, 'WorkshopHeld')) {
    facts.push({ indicator: 'PRD-STAFF-TRAINED', at: workshop.at, numerator: 1, subjects: 1, dims: { ...dims, workshopTopic: workshop.data.topic } });
  }
  for (const seminar of recordsOf(doc, 'SeminarHeld')) {
    facts.push({ indicator: 'PRD-CROSS-GROUP-STAFF', at: seminar.at, numerator: 1, subjects: 1, dims });
  }
  for (const interval of membershipIntervals(recordsOf(doc, 'NetworkMemberJoined', 'NetworkMemberLeft'))) {
    facts.push({ indicator: 'RSL-NETWORK-MEMBERS', ...interval, numerator: 1, subjects: 1, dims: { housingArea: details.housingArea, memberKind: 'staff' } });
  }
  for (const answer of recordsOf(doc, 'SurveyAnswered')) {
    if (answer.data.wave !== 'follow-up') continue;
    const both = agrees(answer.data.answers, 'staff-better-involvement') && agrees(answer.data.answers, 'staff-better-dialogue');
    facts.push({ indicator: 'MED-STAFF-BETTER-DIALOGUE', at: answer.at, numerator: both ? 1 : 0, denominator: 1, subjects: 1, dims });
  }
  return facts;
};

export const staffFeature = indicatorFeature({
  projection: staffProjection,
  indicators: ['PRD-STAFF-TRAINED', 'PRD-CROSS-GROUP-STAFF', 'RSL-NETWORK-MEMBERS', 'MED-STAFF-BETTER-DIALOGUE'],
  facts: staffFacts,
});
