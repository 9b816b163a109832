import {
  AssessmentMode,
  AssociationType,
  CourseModule,
  Employer,
  EventToAppend,
  ForumType,
  HousingArea,
  RECORD_RETRACTED,
  ResourceLine,
  SeatHolderBackground,
  SizeBand,
  StaffRole,
  StreamCategory,
  WorkshopTopic,
  assessmentModes,
  associationTypes,
  capacityDomains,
  courseModules,
  domainUpcasters,
  employers,
  forumInputKinds,
  forumTypes,
  housingAreas,
  resourceLines,
  seminarFormats,
  sizeBands,
  staffRoles,
  streamName,
  withoutFreeText,
  workshopTopics,
} from '@toc/domain';
import { EventStore, ExpectedRevision, SqliteEventStore } from '@toc/event-store';
import { Random } from './random';

/**
 * A deterministic generator of a city-wide programme history for benchmarks. The city is made of
 * neighbourhood cohorts, each with its associations, staff, network, formal fora, budget lines,
 * courses, workshops, seminars and survey respondents; the number of cohorts grows with the
 * number of events asked for. Events are written straight to the event store (no deciders, for
 * speed), but every one follows the deciders' rules: ids are unique, members leave only what they
 * joined, seats never exceed a forum's size, a follow-up assessment has a baseline, feedback comes
 * from participants, a correction retracts a current record and carries what it is routed by, and
 * business time never lies after recording time.
 */

const PROGRAMME_MONTHS = 24;
const FIRST_YEAR = 2010;
/** Measured average for the cohort below; `cohortsFor` adds a margin so that `events` is reached in the last month. */
const EVENTS_PER_COHORT = 1_000;
const ASSOCIATIONS = 30;
const STAFF = 40;
const FORUMS = 3;
const ALLOCATIONS = 4;
const COURSES = 6;
const WORKSHOPS = 40;
const SEMINARS = 6;
const HOUR_MS = 3_600_000;


type Role = 'case-worker' | 'facilitator' | 'survey-operator' | 'forum-secretary' | 'programme-manager' | 'evaluator';

const SOURCE_APPS: Record<Role, string> = {
  'case-worker': 'case-worker-tool',
  facilitator: 'workshop-app',
  'survey-operator': 'survey-tool',
  'forum-secretary': 'registration-form',
  'programme-manager': 'finance-app',
  evaluator: 'evaluation-app',
};

/** One command: the events it appends to one stream, at one business time. */
interface PendingCommand {
  readonly streamId: string;
  readonly events: { readonly type: string; readonly data: unknown; readonly eventId: string }[];
  readonly role: Role;
  readonly correctionOf?: string;
  /** Milliseconds into the month; made increasing per stream before the month is written. */
  offset: number;
  at?: string;
}

/** An event a later correction or retraction may refer to. */
interface Retractable {
  readonly command: PendingCommand;
  readonly index: number;
}

const copyOf = ({ command, index }: Retractable) => ({
  eventId: command.events[index].eventId,
  type: command.events[index].type,
  data: withoutFreeText(command.events[index].type, command.events[index].data),
  occurredAt: command.at!,
});

const monthStart = (month: number): number => Date.UTC(FIRST_YEAR + Math.floor(month / 12), month % 12, 1);

interface Association {
  readonly id: string;
  readonly regMonth: number;
  readonly type: AssociationType;
  sizeBand: SizeBand;
  readonly domains: string[];
  readonly baselineMonth: number | null;
  readonly followUpMonth: number | null;
  readonly correctionMonth: number | null;
  readonly joinMonth: number | null;
  readonly leaveMonth: number | null;
  readonly rejoinMonth: number | null;
  baselineScores?: Map<string, number>;
}

interface Staff {
  readonly id: string;
  readonly respondentId: string;
  readonly regMonth: number;
  role: StaffRole;
  readonly employer: Employer;
  readonly area: HousingArea;
  readonly correctionMonth: number | null;
  readonly joinMonth: number | null;
  readonly leaveMonth: number | null;
  readonly baselineSurveyMonth: number | null;
  readonly followUpSurveyMonth: number | null;
}

interface Forum {
  readonly id: string;
  readonly type: ForumType;
  readonly seats: number;
  readonly holders: Set<string>;
  holdersSeen: number;
  inputs: number;
}

interface Allocation {
  readonly id: string;
  readonly kind: 'staff-time' | 'budget';
  readonly unit: 'fte' | 'hours' | 'dkk';
  readonly line: ResourceLine;
}

interface Representative {
  readonly id: string;
  readonly associationId: string;
  readonly baselineMonth: number | null;
  readonly followUpMonth: number | null;
}

interface Course {
  readonly id: string;
  readonly designMonth: number;
  readonly modules: CourseModule[];
  enrolled: string[];
  representatives: Representative[];
  sessions: number;
}

/** Everything a cohort has said so far that later events depend on. */
class Cohort {
  readonly area: HousingArea;
  readonly associations: Association[] = [];
  readonly staff: Staff[] = [];
  readonly forums: Forum[] = [];
  readonly allocations: Allocation[] = [];
  readonly courses: Course[] = [];
  readonly workshopMonths: number[] = [];
  readonly seminarMonths: number[] = [];
  readonly analysisMonth: number | null;
  readonly networkId: string;
  private readonly members = new Map<string, { kind: 'association' | 'staff'; id: string }>();
  private meetings = 0;
  private activities = 0;
  private workshops = 0;
  private seminars = 0;
  private readonly representatives: Representative[] = [];
  /** Feedback that participants hand in the month after their workshop. */
  private lateFeedback: { workshopId: string; staffId: string }[] = [];
  /** Feedback and resource use that a later correction or retraction withdraws. */
  private readonly wrongFeedback: (Retractable & { workshopId: string; staffId: string; month: number })[] = [];
  private readonly wrongUses: (Retractable & { month: number })[] = [];

  constructor(
    readonly index: number,
    private readonly random: Random,
  ) {
    const r = random;
    this.area = housingAreas[index % housingAreas.length];
    this.networkId = `n${index}`;
    for (let i = 0; i < ASSOCIATIONS; i++) {
      const regMonth = Math.floor(r.next() ** 2 * 16);
      const baselineMonth = r.chance(0.85) ? regMonth + r.int(1, 3) : null;
      const joinMonth = r.chance(0.6) ? regMonth + r.int(1, 6) : null;
      const leaveMonth = joinMonth !== null && r.chance(0.15) ? joinMonth + r.int(3, 12) : null;
      this.associations.push({
        id: `a${index}.${i}`,
        regMonth,
        type: r.pick(associationTypes),
        sizeBand: r.pick(sizeBands),
        domains: r.sample(capacityDomains, r.int(4, 6)),
        baselineMonth,
        followUpMonth: baselineMonth !== null && r.chance(0.6) ? baselineMonth + r.int(9, 14) : null,
        correctionMonth: r.chance(0.06) ? regMonth + r.int(1, 6) : null,
        joinMonth,
        leaveMonth,
        rejoinMonth: leaveMonth !== null && r.chance(0.3) ? leaveMonth + r.int(2, 6) : null,
      });
    }
    for (let i = 0; i < STAFF; i++) {
      const regMonth = Math.floor(r.next() ** 2 * 10);
      const joinMonth = r.chance(0.5) ? regMonth + r.int(1, 6) : null;
      const baselineSurveyMonth = r.chance(0.7) ? regMonth + 1 : null;
      this.staff.push({
        id: `s${index}.${i}`,
        respondentId: `q${index}.${i}`,
        regMonth,
        role: r.pick(staffRoles),
        employer: r.pick(employers),
        area: r.chance(0.8) ? this.area : r.pick(housingAreas),
        correctionMonth: r.chance(0.03) ? regMonth + r.int(1, 6) : null,
        joinMonth,
        leaveMonth: joinMonth !== null && r.chance(0.1) ? joinMonth + r.int(3, 12) : null,
        baselineSurveyMonth,
        followUpSurveyMonth: baselineSurveyMonth !== null && r.chance(0.6) ? baselineSurveyMonth + r.int(9, 15) : null,
      });
    }
    for (let k = 0; k < FORUMS; k++) {
      this.forums.push({ id: `f${index}.${k}`, type: r.pick(forumTypes), seats: r.int(7, 15), holders: new Set(), holdersSeen: 0, inputs: 0 });
    }
    for (let k = 0; k < ALLOCATIONS; k++) {
      const kind = r.chance(0.6) ? 'staff-time' : 'budget';
      this.allocations.push({ id: `r${index}.${k}`, kind, unit: kind === 'budget' ? 'dkk' : r.chance(0.5) ? 'hours' : 'fte', line: r.pick(resourceLines) });
    }
    for (let k = 0; k < COURSES; k++) {
      this.courses.push({ id: `c${index}.${k}`, designMonth: r.int(1, 17), modules: r.sample(courseModules, r.int(2, 4)), enrolled: [], representatives: [], sessions: 0 });
    }
    for (let k = 0; k < WORKSHOPS; k++) this.workshopMonths.push(r.int(1, PROGRAMME_MONTHS - 1));
    for (let k = 0; k < SEMINARS; k++) this.seminarMonths.push(r.int(1, PROGRAMME_MONTHS - 1));
    this.analysisMonth = r.chance(0.5) ? r.int(3, 12) : null;
  }

  /** The commands of one month, in an order the deciders accept within each stream. */
  month(m: number, emit: (command: Omit<PendingCommand, 'offset'>) => PendingCommand): void {
    const r = this.random;
    const one = (category: StreamCategory, id: string, role: Role, type: string, data: unknown) =>
      emit({ streamId: streamName(category, id), role, events: [{ type, data, eventId: r.uuid() }] });
    const registeredBefore = <T extends { regMonth: number }>(items: readonly T[]) => items.filter((item) => item.regMonth < m);

    // Registrations, corrections and assessments.
    for (const a of this.associations) {
      if (a.regMonth === m) {
        one('association', a.id, 'case-worker', 'AssociationRegistered', {
          associationId: a.id,
          name: `Forening ${this.index}-${a.id.slice(a.id.indexOf('.') + 1)}`,
          housingArea: this.area,
          associationType: a.type,
          sizeBand: a.sizeBand,
        });
      }
      if (a.correctionMonth === m && a.regMonth < m) {
        const sizeBand = r.pick(sizeBands.filter((band) => band !== a.sizeBand));
        a.sizeBand = sizeBand;
        one('association', a.id, 'case-worker', 'AssociationDetailsCorrected', { associationId: a.id, sizeBand, reason: 'membership count updated after the annual meeting' });
      }
      if (a.baselineMonth === m) {
        a.baselineScores = new Map(a.domains.map((domain) => [domain, r.int(1, 4)]));
        one('association', a.id, 'case-worker', 'CapacityAssessmentRecorded', this.assessment(a, 'baseline', 'cap-2010-v1', a.baselineScores));
      }
      if (a.followUpMonth === m && a.baselineScores) {
        const scores = new Map([...a.baselineScores].map(([domain, score]) => [domain, Math.min(5, score + r.int(0, 2))]));
        one('association', a.id, 'case-worker', 'CapacityAssessmentRecorded', this.assessment(a, 'follow-up', r.pick(['cap-2010-v1', 'cap-2010-v2']), scores));
      }
    }
    for (const s of this.staff) {
      if (s.regMonth === m) {
        one('staff', s.id, 'case-worker', 'StaffMemberRegistered', { staffId: s.id, role: s.role, employer: s.employer, housingArea: s.area });
      }
      if (s.correctionMonth === m && s.regMonth < m) {
        const role = r.pick(staffRoles.filter((candidate) => candidate !== s.role));
        s.role = role;
        one('staff', s.id, 'case-worker', 'StaffMemberDetailsCorrected', { staffId: s.id, role, reason: 'role changed in the HR system' });
      }
    }

    this.networkMonth(m, one);
    this.forumMonth(m, one, registeredBefore(this.associations));
    this.resourceMonth(m, one, emit);
    this.courseMonth(m, one, registeredBefore(this.associations));
    this.workshopMonth(m, one, emit, registeredBefore(this.staff));

    for (const month of this.seminarMonths) {
      if (month !== m) continue;
      const seminarId = `e${this.index}.${this.seminars++}`;
      const staffCount = r.int(2, 15);
      const associationCount = r.int(2, 20);
      one('seminar', seminarId, 'facilitator', 'SeminarHeld', {
        seminarId,
        format: r.pick(seminarFormats),
        title: 'Dialogue across the neighbourhood',
        housingArea: this.area,
        participantsByTargetGroup: { staff: staffCount, associations: associationCount, citizens: r.int(10, 120) },
        associationIds: r.sample(registeredBefore(this.associations), r.int(0, associationCount)).map((a) => a.id),
        staffIds: r.sample(registeredBefore(this.staff), r.int(0, staffCount)).map((s) => s.id),
      });
    }

    // Surveys: staff and the course representatives.
    const statements = (kind: 'staff' | 'association-representative') =>
      (kind === 'staff' ? ['staff-better-involvement', 'staff-better-dialogue'] : ['assoc-better-communication', 'assoc-more-influence']).map((statement) => ({
        statement,
        score: r.int(1, 5),
      }));
    for (const s of this.staff) {
      for (const [month, wave] of [[s.baselineSurveyMonth, 'baseline'], [s.followUpSurveyMonth, 'follow-up']] as const) {
        if (month !== m) continue;
        one('respondent', s.respondentId, 'survey-operator', 'SurveyAnswered', { respondentId: s.respondentId, respondentKind: 'staff', staffId: s.id, wave, answers: statements('staff') });
      }
    }
    for (const p of this.representatives) {
      for (const [month, wave] of [[p.baselineMonth, 'baseline'], [p.followUpMonth, 'follow-up']] as const) {
        if (month !== m) continue;
        one('respondent', p.id, 'survey-operator', 'SurveyAnswered', {
          respondentId: p.id,
          respondentKind: 'association-representative',
          associationId: p.associationId,
          wave,
          answers: statements('association-representative'),
        });
      }
    }

    if (this.analysisMonth === m) {
      one('analysis', `g${this.index}`, 'evaluator', 'GoodPracticeAnalysisCompleted', {
        analysisId: `g${this.index}`,
        housingArea: this.area,
        practicesIdentified: r.int(2, 12),
        summary: 'Involvement works where associations co-host activities with local staff.',
      });
    }
    if (this.index === 0) {
      const milestone = m === 3 ? 'baseline-report' : m === 12 ? 'midterm-review' : m === 22 ? 'final-report' : null;
      if (milestone) one('evaluation', `ms-${milestone}`, 'evaluator', 'EvaluationMilestoneReached', { milestoneId: `ms-${milestone}`, milestone, title: `The ${milestone.replace('-', ' ')}`, note: '' });
    }
  }

  private assessment(a: Association, wave: 'baseline' | 'follow-up', instrumentVersion: string, scores: Map<string, number>) {
    return {
      associationId: a.id,
      assessmentId: `${a.id}.${wave}`,
      wave,
      instrumentVersion,
      mode: this.random.pick<AssessmentMode>(assessmentModes),
      items: [...scores].map(([domain, score]) => ({ domain, score, evidence: `observed at the ${wave} visit` })),
    };
  }

  private networkMonth(m: number, one: (category: StreamCategory, id: string, role: Role, type: string, data: unknown) => PendingCommand) {
    const r = this.random;
    const networkId = this.networkId;
    if (m === 0) one('network', networkId, 'case-worker', 'NetworkEstablished', { networkId, name: `Network ${this.area} ${this.index}`, housingArea: this.area });
    const change = (kind: 'association' | 'staff', id: string, join: boolean) => {
      const key = `${kind}:${id}`;
      if (join === this.members.has(key)) return;
      if (join) this.members.set(key, { kind, id });
      else this.members.delete(key);
      const member = { kind, id };
      one('network', networkId, 'case-worker', join ? 'NetworkMemberJoined' : 'NetworkMemberLeft', join ? { networkId, member } : { networkId, member, reason: 'moved out of the area' });
    };
    for (const a of this.associations) {
      if (a.joinMonth === m || a.rejoinMonth === m) change('association', a.id, true);
      if (a.leaveMonth === m) change('association', a.id, false);
    }
    for (const s of this.staff) {
      if (s.joinMonth === m) change('staff', s.id, true);
      if (s.leaveMonth === m) change('staff', s.id, false);
    }
    const members = [...this.members.values()];
    if (m > 0 && members.length >= 2) {
      for (let k = 0; k < 2; k++) {
        const attendees = r.sample(members, r.int(2, 8));
        one('network', networkId, 'case-worker', 'NetworkMeetingHeld', { networkId, meetingId: `${networkId}.mt${this.meetings++}`, convenedBy: r.pick(members), attendees });
      }
    }
    const associations = members.filter((member) => member.kind === 'association');
    const staff = members.filter((member) => member.kind === 'staff');
    if (associations.length > 0 && staff.length > 0) {
      for (let k = r.int(1, 2); k > 0; k--) {
        one('network', networkId, 'case-worker', 'JointActivityOrganised', {
          networkId,
          activityId: `${networkId}.ja${this.activities++}`,
          associationId: r.pick(associations).id,
          staffId: r.pick(staff).id,
          title: r.pick(['Homework café', 'Summer party', 'Parents meeting', 'Language café', 'Sports day']),
        });
      }
    }
  }

  private forumMonth(m: number, one: (category: StreamCategory, id: string, role: Role, type: string, data: unknown) => PendingCommand, associations: readonly Association[]) {
    const r = this.random;
    for (const forum of this.forums) {
      if (m === 0) one('forum', forum.id, 'forum-secretary', 'ForumRegistered', { forumId: forum.id, name: `Forum ${forum.id}`, forumType: forum.type, housingArea: this.area, seats: forum.seats });
      for (const holder of [...forum.holders]) {
        if (m > 2 && r.chance(0.04)) {
          forum.holders.delete(holder);
          one('forum', forum.id, 'forum-secretary', 'ForumSeatLeft', { forumId: forum.id, seatHolderId: holder });
        }
      }
      const takes = m <= 2 ? Math.ceil(forum.seats * 0.3) : r.chance(0.3) ? 1 : 0;
      for (let k = 0; k < takes && forum.holders.size < Math.ceil(forum.seats * 0.8); k++) {
        const seatHolderId = `h${forum.id.slice(1)}.${forum.holdersSeen++}`;
        forum.holders.add(seatHolderId);
        const background: SeatHolderBackground = r.chance(0.35) ? 'ethnic-minority' : r.chance(0.75) ? 'other' : 'not-disclosed';
        const nominated = associations.length > 0 && r.chance(0.3) ? { nominatedByAssociationId: r.pick(associations).id } : {};
        one('forum', forum.id, 'forum-secretary', 'ForumSeatTaken', { forumId: forum.id, seatHolderId, background, ...nominated });
      }
      for (let k = m === 0 ? 0 : r.int(0, 2); k > 0; k--) {
        const association = associations.length > 0 && r.chance(0.7) ? { associationId: r.pick(associations).id } : {};
        one('forum', forum.id, 'forum-secretary', 'ForumInputGiven', {
          forumId: forum.id,
          inputId: `${forum.id}.in${forum.inputs++}`,
          kind: r.pick(forumInputKinds),
          ...association,
          summary: 'Proposal on opening hours of the community house',
        });
      }
    }
  }

  private resourceMonth(
    m: number,
    one: (category: StreamCategory, id: string, role: Role, type: string, data: unknown) => PendingCommand,
    emit: (command: Omit<PendingCommand, 'offset'>) => PendingCommand,
  ) {
    const r = this.random;
    for (const allocation of this.allocations) {
      if (m === 0) {
        const amount = allocation.unit === 'fte' ? r.int(2, 10) / 10 : allocation.unit === 'hours' ? r.int(200, 2000) : r.int(10, 200) * 1000;
        one('resource', allocation.id, 'programme-manager', 'ResourceAllocated', {
          allocationId: allocation.id,
          resourceLine: allocation.line,
          kind: allocation.kind,
          unit: allocation.unit,
          amount,
          periodStart: '2010-01-01',
          periodEnd: '2011-12-31',
        });
        continue;
      }
      const amount = allocation.unit === 'fte' ? r.int(1, 10) / 100 : allocation.unit === 'hours' ? r.int(5, 80) : r.int(5, 100) * 100;
      const command = one('resource', allocation.id, 'programme-manager', 'ResourceUsed', { allocationId: allocation.id, amount, note: 'monthly time sheet' });
      if (r.chance(0.01)) this.wrongUses.push({ command, index: 0, month: m });
    }
    // Uses booked on the wrong line are withdrawn a month or more later.
    for (const use of this.wrongUses.filter((candidate) => candidate.month < m && r.chance(0.5))) {
      this.wrongUses.splice(this.wrongUses.indexOf(use), 1);
      const retracted = copyOf(use);
      emit({
        streamId: use.command.streamId,
        role: 'programme-manager',
        events: [{ type: RECORD_RETRACTED, data: { retractedEventId: retracted.eventId, reason: 'booked on the wrong budget line', retracted }, eventId: r.uuid() }],
      });
    }
  }

  private courseMonth(m: number, one: (category: StreamCategory, id: string, role: Role, type: string, data: unknown) => PendingCommand, associations: readonly Association[]) {
    const r = this.random;
    for (const course of this.courses) {
      const d = course.designMonth;
      if (m === d) {
        one('course', course.id, 'case-worker', 'CourseDesigned', { courseId: course.id, title: `Association course ${course.id}`, housingArea: this.area, modules: course.modules, plannedSessions: 8 });
      }
      if (m === d + 1) {
        one('course', course.id, 'case-worker', 'CourseStarted', { courseId: course.id });
        for (const association of r.sample(associations, r.int(4, 6))) {
          const representatives = Array.from({ length: r.int(2, 3) }, (_, k): Representative => {
            const baselineMonth = r.chance(0.7) ? m + 1 : null;
            return {
              id: `p${course.id.slice(1)}.${course.enrolled.length}.${k}`,
              associationId: association.id,
              baselineMonth,
              followUpMonth: (baselineMonth !== null ? r.chance(0.6) : r.chance(0.1)) ? m + r.int(6, 12) : null,
            };
          });
          course.enrolled.push(association.id);
          course.representatives.push(...representatives);
          this.representatives.push(...representatives);
          one('course', course.id, 'case-worker', 'AssociationEnrolled', { courseId: course.id, associationId: association.id, representativeIds: representatives.map((p) => p.id) });
        }
      }
      if (m >= d + 1 && m <= d + 4 && course.representatives.length > 0) {
        for (let k = 0; k < 2; k++) {
          const attendees = r.sample(course.representatives, Math.max(1, Math.round(course.representatives.length * (0.6 + 0.4 * r.next()))));
          one('course', course.id, 'case-worker', 'CourseSessionHeld', {
            courseId: course.id,
            sessionNumber: ++course.sessions,
            module: course.modules[(course.sessions - 1) % course.modules.length],
            attendeeIds: attendees.map((p) => p.id),
          });
        }
      }
      if (m === d + 5 && course.sessions > 0) {
        one('course', course.id, 'case-worker', 'CourseCompleted', { courseId: course.id, completedAssociationIds: r.sample(course.enrolled, Math.round(course.enrolled.length * (0.7 + 0.3 * r.next()))) });
      }
    }
  }

  private workshopMonth(
    m: number,
    one: (category: StreamCategory, id: string, role: Role, type: string, data: unknown) => PendingCommand,
    emit: (command: Omit<PendingCommand, 'offset'>) => PendingCommand,
    staff: readonly Staff[],
  ) {
    const r = this.random;
    const feedbackOf = (workshopId: string, staffId: string) => ({ workshopId, staffId, reactionScore: r.int(3, 5), learningScore: r.int(2, 5) });
    const recordFeedback = (workshopId: string, staffId: string) => {
      const command = one('workshop', workshopId, 'facilitator', 'WorkshopFeedbackRecorded', feedbackOf(workshopId, staffId));
      if (r.chance(0.015)) this.wrongFeedback.push({ command, index: 0, workshopId, staffId, month: m });
    };
    // Feedback handed in late arrives now; scores typed in wrongly are corrected a month or more later.
    const late = this.lateFeedback;
    this.lateFeedback = [];
    for (const { workshopId, staffId } of late) recordFeedback(workshopId, staffId);
    for (const wrong of this.wrongFeedback.filter((candidate) => candidate.month < m && r.chance(0.5))) {
      this.wrongFeedback.splice(this.wrongFeedback.indexOf(wrong), 1);
      const retracted = copyOf(wrong);
      emit({
        streamId: wrong.command.streamId,
        role: 'facilitator',
        correctionOf: retracted.eventId,
        events: [
          { type: RECORD_RETRACTED, data: { retractedEventId: retracted.eventId, reason: 'scores entered in the wrong columns', retracted }, eventId: r.uuid() },
          { type: 'WorkshopFeedbackRecorded', data: feedbackOf(wrong.workshopId, wrong.staffId), eventId: r.uuid() },
        ],
      });
    }
    for (const month of this.workshopMonths) {
      if (month !== m || staff.length === 0) continue;
      const workshopId = `w${this.index}.${this.workshops++}`;
      const participants = r.sample(staff, r.int(5, 15)).map((s) => s.id);
      one('workshop', workshopId, 'facilitator', 'WorkshopHeld', { workshopId, topic: r.pick<WorkshopTopic>(workshopTopics), housingArea: this.area, participantStaffIds: participants });
      for (const staffId of participants) {
        if (!r.chance(0.7)) continue;
        if (r.chance(0.5)) recordFeedback(workshopId, staffId);
        else this.lateFeedback.push({ workshopId, staffId });
      }
    }
  }
}

export interface GenerateOptions {
  readonly events: number;
  readonly seed?: number;
  /** Called after each month is written. */
  readonly onProgress?: (written: number, month: number) => void;
}

export interface GeneratedHistory {
  readonly events: number;
  readonly appends: number;
  readonly streams: number;
  readonly cohorts: number;
  readonly associations: number;
  readonly staff: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly seconds: number;
}

/** How many neighbourhood cohorts a history of `events` events has (a few spare for small histories). */
export const cohortsFor = (events: number): number => {
  const expected = events / EVENTS_PER_COHORT;
  return Math.max(1, Math.ceil(expected + Math.sqrt(expected)));
};

/**
 * Writes `events` events, month by month over 2010-2011. Within a month the commands of every
 * cohort are interleaved in business-time order, as the service would record them, and runs of
 * commands on one stream go in one append.
 */
export const generateEvents = async (store: EventStore, options: GenerateOptions): Promise<GeneratedHistory> => {
  const started = process.hrtime.bigint();
  const random = new Random(options.seed ?? 20100101);
  const cohorts = Array.from({ length: cohortsFor(options.events) }, (_, index) => new Cohort(index, random));
  const revisions = new Map<string, number>();
  const byType: Record<string, number> = {};
  const users = Array.from({ length: 60 }, (_, k) => `u${(k * 2654435761) % 1_000_003}`);
  let written = 0;
  let appends = 0;

  for (let m = 0; m < PROGRAMME_MONTHS && written < options.events; m++) {
    const monthMs = monthStart(m + 1) - monthStart(m);
    const commands: PendingCommand[] = [];
    const emit = (command: Omit<PendingCommand, 'offset'>): PendingCommand => {
      // Two hours short of the month's end, so that local (Copenhagen) dates stay in the month.
      const pending: PendingCommand = { ...command, offset: Math.floor(random.next() * (monthMs - 2 * HOUR_MS)) };
      commands.push(pending);
      return pending;
    };
    for (const cohort of cohorts) cohort.month(m, emit);

    // Offsets increase along each stream in the order its commands were decided.
    const byStream = new Map<string, PendingCommand[]>();
    for (const command of commands) {
      const list = byStream.get(command.streamId);
      if (list) list.push(command);
      else byStream.set(command.streamId, [command]);
    }
    for (const list of byStream.values()) {
      const offsets = list.map((command) => command.offset).sort((a, b) => a - b);
      list.forEach((command, i) => (command.offset = offsets[i]));
    }
    const ordered = commands.map((command, i) => ({ command, i })).sort((a, b) => a.command.offset - b.command.offset || a.i - b.i);
    const base = monthStart(m);
    for (const { command } of ordered) command.at = new Date(base + command.offset).toISOString();

    let group: EventToAppend[] = [];
    let groupStream = '';
    const flush = async () => {
      if (group.length === 0) return;
      const expected: ExpectedRevision = revisions.get(groupStream) ?? 'no-stream';
      const result = await store.append(groupStream, group, expected);
      revisions.set(groupStream, result.nextExpectedRevision);
      appends += 1;
      group = [];
    };
    for (const { command } of ordered) {
      if (written + command.events.length > options.events) continue;
      if (command.streamId !== groupStream || group.length >= 200) {
        await flush();
        groupStream = command.streamId;
      }
      const occurredAt = command.at!;
      const recordedAt = new Date(Date.parse(occurredAt) + random.int(5, 72 * 60) * 60_000).toISOString();
      const correlationId = random.uuid();
      const actor = { userId: random.pick(users), role: command.role };
      for (const event of command.events) {
        group.push({
          type: event.type,
          data: event.data,
          metadata: {
            eventId: event.eventId,
            schemaVersion: domainUpcasters.currentVersion(event.type),
            correlationId,
            causationId: null,
            actor,
            sourceApp: SOURCE_APPS[command.role],
            occurredAt,
            recordedAt,
            ...(command.correctionOf && event.type !== RECORD_RETRACTED ? { correctionOf: command.correctionOf } : {}),
          },
        });
        byType[event.type] = (byType[event.type] ?? 0) + 1;
      }
      written += command.events.length;
    }
    await flush();
    options.onProgress?.(written, m);
  }

  return {
    events: written,
    appends,
    streams: revisions.size,
    cohorts: cohorts.length,
    associations: cohorts.length * ASSOCIATIONS,
    staff: cohorts.length * STAFF,
    byType,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
};

/**
 * A new, valid event for live measurements: the `n`th seminar or workshop held after the
 * generated history, in a cohort's area with its staff. Each starts a stream of its own.
 */
export const liveEvent = (n: number, cohorts: number, at: Date): { streamId: string; event: EventToAppend } => {
  const random = new Random(1_000 + n);
  const cohort = n % cohorts;
  const area = housingAreas[cohort % housingAreas.length];
  const occurredAt = '2011-12-15T10:00:00.000Z';
  const metadata = (type: string) => ({
    eventId: random.uuid(),
    schemaVersion: domainUpcasters.currentVersion(type),
    correlationId: random.uuid(),
    causationId: null,
    actor: { userId: 'u-live', role: 'facilitator' },
    sourceApp: SOURCE_APPS.facilitator,
    occurredAt,
    recordedAt: at.toISOString(),
  });
  if (n % 2 === 0) {
    const seminarId = `live-e${n}`;
    return {
      streamId: streamName('seminar', seminarId),
      event: {
        type: 'SeminarHeld',
        data: { seminarId, format: 'event', title: 'Winter gathering', housingArea: area, participantsByTargetGroup: { staff: 4, associations: 6, citizens: 40 }, associationIds: [], staffIds: [] },
        metadata: metadata('SeminarHeld'),
      },
    };
  }
  const workshopId = `live-w${n}`;
  const participantStaffIds = random.sample(Array.from({ length: STAFF }, (_, i) => `s${cohort}.${i}`), 8);
  return {
    streamId: streamName('workshop', workshopId),
    event: { type: 'WorkshopHeld', data: { workshopId, topic: random.pick(workshopTopics), housingArea: area, participantStaffIds }, metadata: metadata('WorkshopHeld') },
  };
};

// `node generate-events.js <file> <events> [seed]` writes a history into a SQLite event store file.
if (require.main === module) {
  const [file, events, seed] = process.argv.slice(2);
  if (!file || !events) {
    console.error('usage: generate-events <sqlite-file> <events> [seed]');
    process.exit(2);
  }
  const store = SqliteEventStore.open(file, { synchronous: 'NORMAL' });
  generateEvents(store, { events: Number(events), seed: seed === undefined ? undefined : Number(seed) })
    .then(async (summary) => {
      await store.close();
      if (process.send) process.send(summary);
      else console.log(JSON.stringify(summary, null, 2));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
