import { RecordedEvent } from '../core/event';
import { RecordDocument, recordProjection, recordsOf, withCorrections } from '../core/record-projection';
import { AssociationEnrolled, CourseCompleted } from '../courses/course.events';
import { IndicatorCode } from '../indicators/indicator-catalogue';
import { indicatorFeature } from '../indicators/indicator-feature';
import { IndicatorFact } from '../indicators/indicator-facts';
import { surveyScale } from '../model/instruments';
import { intervalsSince, membershipIntervals } from '../network/membership';
import { JointActivityOrganised, NetworkMemberJoined, NetworkMemberLeft } from '../network/network.events';
import { SeminarHeld } from '../seminars/seminar.events';
import { SurveyAnswered } from '../surveys/survey.events';
import { AssociationEvent, AssociationRegistered, CapacityAssessmentRecorded } from './association.events';

/** The events recorded about an association, in its own stream and in others. */
type AssociationRecordEvent =
  | AssociationEvent
  | AssociationEnrolled
  | CourseCompleted
  | SeminarHeld
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
  AssociationEnrolled: (data) => [data.associationId],
  CourseCompleted: (data) => data.completedAssociationIds,
  SeminarHeld: (data) => data.associationIds,
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

/** The association's baseline capacity assessment and its latest follow-up. */
const capacityAssessments = (doc: AssociationDocument) => {
  const assessments = recordsOf(doc, 'CapacityAssessmentRecorded');
  return {
    baseline: assessments.find((record) => record.data.wave === 'baseline'),
    followUp: assessments.filter((record) => record.data.wave === 'follow-up').pop(),
  };
};

/**
 * One association's values per capacity domain: their mean in the total and the other breakdowns
 * (each association weighs the same however many domains it has), and each domain's own value in
 * its capacityDomain cell.
 */
const domainFacts = (indicator: IndicatorCode, at: string, values: ReadonlyMap<string, number>, dims: IndicatorFact['dims']): IndicatorFact[] => {
  if (values.size === 0) return [];
  const mean = [...values.values()].reduce((sum, value) => sum + value, 0) / values.size;
  return [
    { indicator, at, numerator: mean, denominator: 1, subjects: 1, dims },
    ...[...values].map(([domain, value]): IndicatorFact => ({ indicator, at, numerator: value, denominator: 1, subjects: 1, dims: { capacityDomain: domain }, only: 'capacityDomain' })),
  ];
};

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
  const { baseline, followUp } = capacityAssessments(doc);
  // Counted from the later of registration and baseline, so the numerator never runs ahead of the denominator.
  const coveredFrom = baseline && (baseline.at > details.registeredAt ? baseline.at : details.registeredAt);
  if (coveredFrom) facts.push({ indicator: 'ACT-ASSESSMENT-COVERAGE', from: coveredFrom, numerator: 1, denominator: 0, subjects: 0, dims });

  if (baseline) facts.push(...domainFacts('MED-CAPACITY-AT-BASELINE', baseline.at, scoresOf(baseline.data), dims));
  if (followUp) facts.push(...domainFacts('MED-CAPACITY-AT-FOLLOW-UP', followUp.at, scoresOf(followUp.data), dims));
  if (baseline && followUp) {
    const before = scoresOf(baseline.data);
    const changes = new Map(
      [...scoresOf(followUp.data)].filter(([domain]) => before.has(domain)).map(([domain, score]) => [domain, score - before.get(domain)!] as const),
    );
    facts.push(...domainFacts('MED-CAPACITY-CHANGE', followUp.at, changes, dims));
  }

  // Distinct counts: an association enrolled, completing or at a seminar twice in a period counts once.
  const reached = (indicator: IndicatorCode, records: readonly { at: string }[]) =>
    records.map(({ at }): IndicatorFact => ({ indicator, at, numerator: 1, subjects: 1, dims }));
  facts.push(...reached('PRD-ASSOCIATIONS-ENROLLED', recordsOf(doc, 'AssociationEnrolled')));
  facts.push(...reached('PRD-ASSOCIATIONS-COMPLETED', recordsOf(doc, 'CourseCompleted')));
  facts.push(...reached('PRD-CROSS-GROUP-ASSOCIATIONS', recordsOf(doc, 'SeminarHeld')));

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
    'MED-CAPACITY-AT-BASELINE',
    'MED-CAPACITY-AT-FOLLOW-UP',
    'MED-CAPACITY-CHANGE',
    'PRD-ASSOCIATIONS-ENROLLED',
    'PRD-ASSOCIATIONS-COMPLETED',
    'PRD-CROSS-GROUP-ASSOCIATIONS',
    'RSL-NETWORK-MEMBERS',
    'RSL-ASSOCIATIONS-WITH-STAFF-CONTACT',
    'MED-ASSOCIATIONS-BETTER-COMMUNICATION',
    'MED-ASSOCIATIONS-MORE-INFLUENCE',
  ],
  facts: associationFacts,
});

/** Registered, with a baseline capacity assessment and no follow-up yet: a gap in the evidence of change. */
const awaitsFollowUp = (doc: AssociationDocument): boolean => {
  if (!associationDetails(doc)) return false;
  const { baseline, followUp } = capacityAssessments(doc);
  return baseline !== undefined && followUp === undefined;
};

/**
 * The data-quality list of associations with a baseline capacity assessment but no follow-up,
 * kept from the events in log order (upcast). It folds the association projection itself, so a
 * retracted or corrected assessment counts exactly as it does in the indicators. It names
 * associations, which are organisations, never persons.
 */
export const associationsAwaitingFollowUp = () => {
  const documents = new Map<string, AssociationDocument>();
  return {
    apply(event: RecordedEvent): void {
      if (!associationProjection.handles.has(event.type)) return;
      for (const id of associationProjection.documentIds(event)) {
        const doc = associationProjection.evolve(documents.get(id) ?? null, event, id);
        if (doc) documents.set(id, doc);
        else documents.delete(id);
      }
    },
    ids: (): string[] => [...documents.values()].filter(awaitsFollowUp).map((doc) => doc.id).sort(),
  };
};
