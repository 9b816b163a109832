import { RecordDocument, recordProjection, recordsOf, withCorrections } from '../core/record-projection';
import { CourseCompleted } from '../courses/course.events';
import { IndicatorCode } from '../indicators/indicator-catalogue';
import { indicatorFeature } from '../indicators/indicator-feature';
import { IndicatorFact } from '../indicators/indicator-facts';
import { surveyScale } from '../model/instruments';
import { intervalsSince, membershipIntervals } from '../network/membership';
import { JointActivityOrganised, NetworkMemberJoined, NetworkMemberLeft } from '../network/network.events';
import { SurveyAnswered } from '../surveys/survey.events';
import { AssociationEvent, AssociationRegistered, CapacityAssessmentRecorded } from './association.events';

/** The events recorded about an association, in its own stream and in others. */
type AssociationRecordEvent =
  | AssociationEvent
  | CourseCompleted
  | NetworkMemberJoined
  | NetworkMemberLeft
  | JointActivityOrganised
  | SurveyAnswered;

type AssociationDocument = RecordDocument<AssociationRecordEvent>;

/** Everything recorded about one association, from its own stream and from the others. */
const associationProjection = recordProjection<AssociationRecordEvent>('associations', {
  AssociationRegistered: (data) => [data.associationId],
  AssociationDetailsCorrected: (data) => [data.associationId],
  CapacityAssessmentRecorded: (data) => [data.associationId],
  CourseCompleted: (data) => data.completedAssociationIds,
  NetworkMemberJoined: (data) => (data.member.kind === 'association' ? [data.member.id] : []),
  NetworkMemberLeft: (data) => (data.member.kind === 'association' ? [data.member.id] : []),
  JointActivityOrganised: (data) => [data.associationId],
  SurveyAnswered: (data) => (data.respondentKind === 'association-representative' ? [data.associationId] : []),
});

type Details = Omit<AssociationRegistered['data'], 'associationId'>;

/** Registered details with later corrections applied; undefined for an unregistered id. */
export const associationDetails = (doc: AssociationDocument): (Details & { registeredAt: string }) | undefined => {
  const [registered] = recordsOf(doc, 'AssociationRegistered');
  if (!registered) return undefined;
  const corrections = recordsOf(doc, 'AssociationDetailsCorrected').map((record) => record.data);
  const details = withCorrections<Details>(registered.data, corrections, ['name', 'housingArea', 'associationType', 'sizeBand']);
  return { ...details, registeredAt: registered.at };
};

const scoresOf = (data: CapacityAssessmentRecorded['data']) => new Map(data.items.map((item) => [item.domain, item.score]));

const agreeShare = (indicator: IndicatorCode, statement: string, doc: AssociationDocument, dims: IndicatorFact['dims']): IndicatorFact[] =>
  recordsOf(doc, 'SurveyAnswered')
    .filter((record) => record.data.wave === 'follow-up')
    .flatMap((record) => {
      const answer = record.data.answers.find((a) => a.statement === statement);
      if (!answer) return [];
      return [{ indicator, at: record.at, numerator: answer.score >= surveyScale.agreeFrom ? 1 : 0, denominator: 1, subjects: 1, dims }];
    });

const associationFacts = (doc: AssociationDocument): IndicatorFact[] => {
  const details = associationDetails(doc);
  if (!details) return [];
  const dims = { housingArea: details.housingArea, associationType: details.associationType };
  const facts: IndicatorFact[] = [];

  facts.push({ indicator: 'ACT-ASSESSMENT-COVERAGE', from: details.registeredAt, numerator: 0, denominator: 1, subjects: 1, dims });
  const assessments = recordsOf(doc, 'CapacityAssessmentRecorded');
  const baseline = assessments.find((record) => record.data.wave === 'baseline');
  // Counted from the later of registration and baseline, so the numerator never runs ahead of the denominator.
  const coveredFrom = baseline && (baseline.at > details.registeredAt ? baseline.at : details.registeredAt);
  if (coveredFrom) facts.push({ indicator: 'ACT-ASSESSMENT-COVERAGE', from: coveredFrom, numerator: 1, denominator: 0, subjects: 0, dims });

  const followUp = assessments.filter((record) => record.data.wave === 'follow-up').pop();
  if (baseline && followUp) {
    const before = scoresOf(baseline.data);
    const changes = [...scoresOf(followUp.data)]
      .filter(([domain]) => before.has(domain))
      .map(([domain, score]) => ({ domain, change: score - before.get(domain)! }));
    if (changes.length > 0) {
      const mean = changes.reduce((sum, { change }) => sum + change, 0) / changes.length;
      facts.push({ indicator: 'MED-CAPACITY-CHANGE', at: followUp.at, numerator: mean, denominator: 1, subjects: 1, dims });
      for (const { domain, change } of changes) {
        facts.push({ indicator: 'MED-CAPACITY-CHANGE', at: followUp.at, numerator: change, denominator: 1, subjects: 1, dims: { capacityDomain: domain }, only: 'capacityDomain' });
      }
    }
  }

  for (const completion of recordsOf(doc, 'CourseCompleted')) {
    facts.push({ indicator: 'PRD-ASSOCIATIONS-COMPLETED', at: completion.at, numerator: 1, subjects: 1, dims });
  }

  const memberships = membershipIntervals(recordsOf(doc, 'NetworkMemberJoined', 'NetworkMemberLeft'));
  const memberDims = { ...dims, memberKind: 'association' };
  for (const interval of memberships) {
    facts.push({ indicator: 'RSL-NETWORK-MEMBERS', ...interval, numerator: 1, subjects: 1, dims: memberDims });
    facts.push({ indicator: 'RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', ...interval, numerator: 0, denominator: 1, subjects: 1, dims });
  }
  const [firstContact] = recordsOf(doc, 'JointActivityOrganised');
  if (firstContact) {
    for (const interval of intervalsSince(memberships, firstContact.at)) {
      facts.push({ indicator: 'RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', ...interval, numerator: 1, denominator: 0, subjects: 0, dims });
    }
  }

  facts.push(...agreeShare('MED-ASSOCIATIONS-BETTER-COMMUNICATION', 'assoc-better-communication', doc, dims));
  facts.push(...agreeShare('MED-ASSOCIATIONS-MORE-INFLUENCE', 'assoc-more-influence', doc, dims));
  return facts;
};

export const associationFeature = indicatorFeature({
  projection: associationProjection,
  indicators: [
    'ACT-ASSESSMENT-COVERAGE',
    'MED-CAPACITY-CHANGE',
    'PRD-ASSOCIATIONS-COMPLETED',
    'RSL-NETWORK-MEMBERS',
    'RSL-ASSOCIATIONS-WITH-STAFF-CONTACT',
    'MED-ASSOCIATIONS-BETTER-COMMUNICATION',
    'MED-ASSOCIATIONS-MORE-INFLUENCE',
  ],
  facts: associationFacts,
});
