import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Decider,
  IndicatorView,
  MIN_CELL_SIZE,
  PeriodType,
  assessmentModes,
  associationDecider,
  associationTypes,
  capacityDomains,
  courseDecider,
  courseModules,
  domainUpcasters,
  effectiveHistory,
  employers,
  fold,
  networkDecider,
  programmeReadModel,
  resourceDecider,
  seminarDecider,
  sizeBands,
  staffDecider,
  staffRoles,
  streamName,
  surveyDecider,
  workshopDecider,
  workshopTopics,
  deciderRecording,
} from '@toc/domain';
import { CommandEnvelope, CommandRunner, SqliteEventStore } from '@toc/event-store';
import { bulkBuild } from './bulk-build';
import { indexedReplay } from './indexed-replay';
import { CHECKPOINTS, applyEvents, collectionIn, namespaceOf } from './projection-engine';
import { ReadModelStore } from './read-model-store.port';
import { ReplayMoment, replayIndicators } from './replay';
import { DAY_ROW_INDEX, REPLAY_INDEX, REPLAY_INDEX_CHECKPOINT } from './replay-index';
import { ReplayIndexer, replayIndexPosition } from './replay-indexer';
import { Random } from '../../../scripts/bench/random';
import { SqliteReadModelStore } from './sqlite/sqlite-read-model-store';
import { rounded, snapshot } from './projection-runner.contract';

/*
 * The replay index must give exactly what a full replay of the same projection code gives, at
 * any moment (business time, recording time, both or neither) and for any period. The history
 * below is recorded through the deciders, with business and recording times set apart: records
 * recorded weeks late, corrections and retractions recorded months later, several records on
 * the days of the moments asked about (some at the very instant of a moment), times written in
 * UTC and with local offsets.
 */

const definition = programmeReadModel({ start: '2010-01-01', end: '2011-12-31' });
const SETUP_TIMEOUT_MS = 120_000;
const TEST_TIMEOUT_MS = 60_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR_START = Date.UTC(2010, 0, 1);
const AREAS = ['tingbjerg-husum', 'mjolnerparken', 'urbanplanen'] as const;

/** The day many things happen and are recorded on, and the instant of several moments. */
const BUSY_INSTANT = '2010-05-12T12:00:00.000Z';
/** When the completion of course c1 is corrected (it happened in July, not in June). */
const COURSE_CORRECTED_AT = '2010-10-05T10:00:00.000Z';
/** When a baseline assessment is retracted: it was never held. */
const BASELINE_RETRACTED_AT = '2010-11-15T09:00:00.000Z';
const JUST_BEFORE_BASELINE_RETRACTED = '2010-11-15T08:59:59.999Z';
/** When a network join is retracted: the association never joined. */
const JOIN_RETRACTED_AT = '2011-02-15T09:00:00.000Z';


/** An instant as a client writes it: in UTC or with a +01:00 / +02:00 offset. */
const written = (instant: number, offsetHours: number): string =>
  offsetHours === 0 ? new Date(instant).toISOString() : `${new Date(instant + offsetHours * HOUR).toISOString().slice(0, 19)}+0${offsetHours}:00`;

type AnyDecider = Decider<any, any, any>;
/** Data chosen when the command is sent, from the stream's current state; undefined sends nothing. */
type DataFromState = (state: any) => unknown;

interface Step {
  readonly stream: string;
  /** Null for a plain retraction. */
  readonly decider: AnyDecider | null;
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt: string;
  readonly occurredMs: number;
  /** Recording delay after the business time, unless the recording time is fixed. */
  readonly delayMs: number;
  readonly fixedRecordedAt?: string;
  /** Remembers the id of the step's event, for a later correction or retraction. */
  readonly key?: string;
  readonly correctionOf?: { readonly key: string; readonly reason: string };
}

interface Planned extends Step {
  readonly recordedAt: string;
  readonly recordedMs: number;
}

/**
 * A year of the programme (2010, a little into 2011) in the order it is recorded. Each stream is
 * recorded in business-time order, and a later record of a stream is never recorded before an
 * earlier one; across streams recordings interleave by recording time.
 */
const planHistory = (seed: number): Planned[] => {
  const r = new Random(seed);
  const steps: Step[] = [];
  const delay = () => {
    const p = r.next();
    if (p < 0.7) return r.int(5, 20 * 60) * MINUTE;
    if (p < 0.88) return r.int(1, 6) * DAY + r.int(0, 600) * MINUTE;
    return r.int(14, 42) * DAY + r.int(0, 600) * MINUTE; // recorded weeks late
  };
  /** A business time on a day of 2010 (day 0 is 1 January), at a random minute. */
  const on = (day: number) => YEAR_START + day * DAY + r.int(6 * 60, 23 * 60 + 50) * MINUTE;
  const add = (stream: string, decider: AnyDecider, type: string, data: unknown, occurred: number | string, extra: Partial<Step> = {}) => {
    const occurredAt = typeof occurred === 'string' ? occurred : written(occurred, r.pick([0, 1, 2]));
    steps.push({ stream, decider, type, data, occurredAt, occurredMs: Date.parse(occurredAt), delayMs: delay(), ...extra });
  };

  // Associations, their capacity assessments (baseline, follow-up).
  const associations: { id: string; regDay: number }[] = [];
  const assessment = (associationId: string, assessmentId: string, wave: string, instrumentVersion: string, scores: Map<string, number>) => ({
    associationId,
    assessmentId,
    wave,
    instrumentVersion,
    mode: r.pick(assessmentModes),
    items: [...scores].map(([domain, score]) => ({ domain, score, evidence: 'minutes of the board meeting' })),
  });
  for (let i = 1; i <= 24; i++) {
    const id = `a${String(i).padStart(2, '0')}`;
    // The first six register early, so that the first course has enough associations to report.
    const regDay = i <= 6 ? r.int(4, 40) : r.int(4, 290);
    const stream = streamName('association', id);
    add(stream, associationDecider, 'RegisterAssociation', {
      associationId: id,
      name: `Forening ${i}`,
      housingArea: r.pick(AREAS),
      associationType: r.pick(associationTypes),
      sizeBand: r.pick(sizeBands),
    }, on(regDay));
    associations.push({ id, regDay });
    if (!r.chance(0.8)) continue;
    const baselineDay = regDay + r.int(7, 60);
    const baseline = new Map(r.sample(capacityDomains, r.int(3, 6)).map((domain) => [domain as string, r.int(1, 4)]));
    add(stream, associationDecider, 'RecordCapacityAssessment', assessment(id, `${id}-b`, 'baseline', 'cap-2010-v1', baseline), on(baselineDay), { key: `baseline-${id}` });
    const followUpDay = baselineDay + r.int(60, 160);
    if (!r.chance(0.6) || followUpDay > 355) continue;
    const followUp = new Map(r.sample([...baseline.keys()], r.int(2, baseline.size)).map((domain) => [domain, Math.max(1, Math.min(5, baseline.get(domain)! + r.int(-1, 2)))]));
    add(stream, associationDecider, 'RecordCapacityAssessment', assessment(id, `${id}-f`, 'follow-up', r.pick(['cap-2010-v1', 'cap-2010-v2']), followUp), on(followUpDay));
  }

  // Staff members and their survey answers.
  const staff: { id: string; regDay: number }[] = [];
  const staffAnswers = () => [
    { statement: 'staff-better-involvement', score: r.int(1, 5) },
    { statement: 'staff-better-dialogue', score: r.int(1, 5) },
  ];
  for (let i = 1; i <= 16; i++) {
    const id = `s${String(i).padStart(2, '0')}`;
    const regDay = r.int(3, 120);
    add(streamName('staff', id), staffDecider, 'RegisterStaffMember', { staffId: id, role: r.pick(staffRoles), employer: r.pick(employers), housingArea: r.pick(AREAS) }, on(regDay));
    staff.push({ id, regDay });
    if (!r.chance(0.75)) continue;
    const respondent = streamName('respondent', `q-${id}`);
    const baselineDay = regDay + r.int(3, 30);
    add(respondent, surveyDecider, 'AnswerSurvey', { respondentId: `q-${id}`, respondentKind: 'staff', staffId: id, wave: 'baseline', answers: staffAnswers() }, on(baselineDay));
    if (r.chance(0.65)) {
      add(respondent, surveyDecider, 'AnswerSurvey', { respondentId: `q-${id}`, respondentKind: 'staff', staffId: id, wave: 'follow-up', answers: staffAnswers() }, on(baselineDay + r.int(150, 230)));
    }
  }

  // Two networks: joins, leaves, rejoins, meetings and joint activities. Commands that depend on
  // who is a member are worked out from the stream when they are sent.
  const networks = [
    { id: 'n1', area: AREAS[0], day: 14 },
    { id: 'n2', area: AREAS[1], day: 40 },
  ];
  for (const network of networks) {
    add(streamName('network', network.id), networkDecider, 'EstablishNetwork', { networkId: network.id, name: `Netværk ${network.id}`, housingArea: network.area }, on(network.day));
  }
  const join = (networkId: string, kind: 'association' | 'staff', id: string): DataFromState => (state) =>
    state.members[kind].has(id) ? undefined : { networkId, member: { kind, id } };
  const leave = (networkId: string, kind: 'association' | 'staff', id: string): DataFromState => (state) =>
    state.members[kind].has(id) ? { networkId, member: { kind, id }, reason: 'moved away' } : undefined;
  // The association whose join to n1 in the second quarter is retracted later as never having
  // happened: it takes no other record of the network, so the retraction leaves none invalid.
  let neverJoinedN1: string | undefined;
  for (const [kind, members] of [['association', associations], ['staff', staff]] as const) {
    for (const member of members) {
      if (!r.chance(0.6)) continue;
      const network = r.pick(networks);
      const stream = streamName('network', network.id);
      const joinDay = Math.max(member.regDay, network.day) + r.int(2, 60);
      add(stream, networkDecider, 'JoinNetwork', join(network.id, kind, member.id), on(joinDay), { key: `join-${network.id}-${member.id}` });
      const leaveDay = joinDay + r.int(30, 150);
      const leaves = r.chance(0.25) && leaveDay <= 330;
      const joinedInQ2 = joinDay >= 90 && joinDay < 181; // 1 April to 30 June
      if (kind === 'association' && network.id === 'n1' && !leaves && joinedInQ2 && neverJoinedN1 === undefined) neverJoinedN1 = member.id;
      if (!leaves) continue;
      add(stream, networkDecider, 'LeaveNetwork', leave(network.id, kind, member.id), on(leaveDay));
      const rejoinDay = leaveDay + r.int(10, 60);
      if (r.chance(0.5) && rejoinDay <= 350) add(stream, networkDecider, 'JoinNetwork', join(network.id, kind, member.id), on(rejoinDay));
    }
  }
  const membersOf = (state: { members: { association: Set<string>; staff: Set<string> } }) => [
    ...[...state.members.association].filter((id) => id !== neverJoinedN1).map((id) => ({ kind: 'association', id })),
    ...[...state.members.staff].map((id) => ({ kind: 'staff', id })),
  ];
  const meeting = (networkId: string, meetingId: string): DataFromState => (state) => {
    const members = membersOf(state);
    if (members.length === 0) return undefined;
    return { networkId, meetingId, convenedBy: r.pick(members), attendees: r.sample(members, r.int(1, Math.min(6, members.length))) };
  };
  for (let k = 1; k <= 10; k++) {
    const network = r.pick(networks);
    add(streamName('network', network.id), networkDecider, 'HoldNetworkMeeting', meeting(network.id, `m${k}`), on(r.int(network.day + 20, 350)));
  }
  // A meeting at the very instant of the busy moment.
  add(streamName('network', 'n1'), networkDecider, 'HoldNetworkMeeting', meeting('n1', 'm-busy'), BUSY_INSTANT);
  for (let k = 1; k <= 6; k++) {
    const network = r.pick(networks);
    const activity: DataFromState = (state) =>
      membersOf(state).every(({ kind }) => kind !== 'association') || state.members.staff.size === 0
        ? undefined
        : { networkId: network.id, activityId: `j${k}`, associationId: r.pick(membersOf(state).filter(({ kind }) => kind === 'association')).id, staffId: r.pick([...state.members.staff]), title: 'Homework café' };
    add(streamName('network', network.id), networkDecider, 'OrganiseJointActivity', activity, on(r.int(network.day + 30, 350)));
  }

  // Courses with enrolments, sessions, completions, and the representatives' survey answers.
  const enrolledIn = new Map<string, string[]>();
  const representativeAnswers = () => [
    { statement: 'assoc-better-communication', score: r.int(1, 5) },
    { statement: 'assoc-more-influence', score: r.int(1, 5) },
  ];
  for (const course of [
    { id: 'c1', design: 25, start: 45, complete: '2010-06-10T14:00:00+02:00' },
    { id: 'c2', design: 95, start: 120, complete: on(250) },
    { id: 'c3', design: 170, start: 200, complete: on(330) },
  ]) {
    const stream = streamName('course', course.id);
    const modules = r.sample(courseModules, r.int(2, 4));
    add(stream, courseDecider, 'DesignCourse', { courseId: course.id, title: `Foreningskursus ${course.id}`, housingArea: r.pick(AREAS), modules, plannedSessions: 6 }, on(course.design));
    add(stream, courseDecider, 'StartCourse', { courseId: course.id }, on(course.start));
    const enrolled = r.sample(associations.filter((association) => association.regDay < course.start), 6).map((association) => association.id);
    enrolledIn.set(course.id, enrolled);
    const representatives: { id: string; associationId: string }[] = [];
    for (const associationId of enrolled) {
      const ids = Array.from({ length: r.int(1, 2) }, (_, k) => `p-${course.id}-${associationId}-${k + 1}`);
      representatives.push(...ids.map((id) => ({ id, associationId })));
      add(stream, courseDecider, 'EnrolAssociation', { courseId: course.id, associationId, representativeIds: ids }, on(course.start + r.int(1, 5)));
    }
    for (let k = 0; k < 5; k++) {
      const attendees = r.sample(representatives, r.int(Math.ceil(representatives.length / 2), representatives.length)).map((p) => p.id);
      add(stream, courseDecider, 'HoldCourseSession', { courseId: course.id, sessionNumber: k + 1, module: modules[k % modules.length], attendeeIds: attendees }, on(course.start + 7 + 14 * k));
    }
    const completedAt = typeof course.complete === 'string' ? Date.parse(course.complete) : course.complete;
    add(stream, courseDecider, 'CompleteCourse', { courseId: course.id, completedAssociationIds: enrolled }, course.complete, { key: `complete-${course.id}` });
    for (const representative of representatives) {
      const respondent = streamName('respondent', representative.id);
      const answer = (wave: string) => ({ respondentId: representative.id, respondentKind: 'association-representative', associationId: representative.associationId, wave, answers: representativeAnswers() });
      if (r.chance(0.6)) add(respondent, surveyDecider, 'AnswerSurvey', answer('baseline'), on(course.start + r.int(6, 20)));
      if (r.chance(0.6)) add(respondent, surveyDecider, 'AnswerSurvey', answer('follow-up'), completedAt + r.int(5, 40) * DAY);
    }
  }

  // Workshops and the participants' feedback, some of it handed in weeks later.
  const workshop = (id: string, held: number | string, participants: string[], extra: Partial<Step> = {}) => {
    const stream = streamName('workshop', id);
    add(stream, workshopDecider, 'HoldWorkshop', { workshopId: id, topic: r.pick(workshopTopics), housingArea: r.pick(AREAS), participantStaffIds: participants }, held, extra);
    return stream;
  };
  const feedback = (workshopId: string, staffId: string) => ({ workshopId, staffId, reactionScore: r.int(2, 5), learningScore: r.int(1, 5) });
  for (let k = 1; k <= 6; k++) {
    const id = `w${k}`;
    const day = r.int(20, 340);
    const participants = r.sample(staff.filter((member) => member.regDay < day), r.int(3, 8)).map((member) => member.id);
    if (participants.length === 0) continue;
    const heldAt = on(day);
    const stream = workshop(id, heldAt, participants);
    for (const staffId of participants) {
      if (r.chance(0.75)) add(stream, workshopDecider, 'RecordWorkshopFeedback', feedback(id, staffId), heldAt + r.int(30, 14 * 24 * 60) * MINUTE, { key: `feedback-${id}-${staffId}` });
    }
  }

  // Seminars, a few of them at the instants of the moments asked about.
  const seminar = (id: string, occurred: number | string, extra: Partial<Step> = {}) =>
    add(streamName('seminar', id), seminarDecider, 'HoldSeminar', {
      seminarId: id,
      format: r.pick(['seminar', 'event']),
      title: 'Dialogue across the neighbourhood',
      housingArea: r.pick(AREAS),
      participantsByTargetGroup: { staff: r.int(2, 10), associations: r.int(2, 10), citizens: r.int(10, 80) },
      associationIds: [],
      staffIds: [],
    }, occurred, extra);
  for (let k = 1; k <= 4; k++) seminar(`e${k}`, on(r.int(10, 350)));

  // Resources: staff time in FTE (fractional hours) and a budget, used month by month.
  const resource = (id: string, data: object, use: () => object) => {
    const stream = streamName('resource', id);
    add(stream, resourceDecider, 'AllocateResource', { allocationId: id, ...data }, on(2));
    for (let month = 0; month < 12; month++) {
      const day = Math.round((Date.UTC(2010, month, 1) - YEAR_START) / DAY) + r.int(3, 25);
      add(stream, resourceDecider, 'RecordResourceUse', { allocationId: id, ...use(), note: 'monthly time sheet' }, on(day), { key: `use-${id}-${month}` });
    }
    return stream;
  };
  resource('r1', { resourceLine: 'R1', kind: 'staff-time', unit: 'fte', amount: 1.5, periodStart: '2010-01-01', periodEnd: '2011-12-31' }, () => ({ hours: r.int(5, 60) * 10 }));
  const budget = resource('r2', { resourceLine: 'R3', kind: 'budget', unit: 'dkk', amount: 400_000, periodStart: '2010-01-01', periodEnd: '2010-12-31' }, () => ({ amount: r.int(10, 400) * 100 }));

  // The busy day: records happening on it (one at the very instant), and records of other days
  // recorded on it (one at the very instant, one a millisecond later).
  const someStaff = (count: number) => r.sample(staff.filter((member) => member.regDay < 120), count).map((member) => member.id);
  seminar('e5', BUSY_INSTANT, { fixedRecordedAt: '2010-05-12T12:30:00.000Z' });
  seminar('e6', '2010-04-28T10:00:00+02:00', { fixedRecordedAt: BUSY_INSTANT });
  seminar('e7', '2010-05-12T11:59:59.999Z', { fixedRecordedAt: '2010-05-12T12:00:00.001Z' });
  add(budget, resourceDecider, 'RecordResourceUse', { allocationId: 'r2', amount: 1_250, note: 'late-evening event' }, '2010-05-12T23:30:00+02:00');
  const busyParticipants = someStaff(5);
  const w7 = workshop('w7', '2010-05-12T09:15:00+02:00', busyParticipants, { fixedRecordedAt: '2010-05-12T10:00:00.000Z' });
  add(w7, workshopDecider, 'RecordWorkshopFeedback', feedback('w7', busyParticipants[0]), '2010-05-12T11:00:00+02:00', { fixedRecordedAt: '2010-05-12T14:00:00.000Z' });
  add(w7, workshopDecider, 'RecordWorkshopFeedback', feedback('w7', busyParticipants[1]), '2010-05-12T11:05:00+02:00', { fixedRecordedAt: '2010-06-20T09:00:00.000Z' });
  const lateParticipants = someStaff(6);
  const w8 = workshop('w8', '2010-03-03T13:00:00Z', lateParticipants, { fixedRecordedAt: '2010-05-12T07:00:00.000Z' });
  add(w8, workshopDecider, 'RecordWorkshopFeedback', feedback('w8', lateParticipants[0]), '2010-03-03T15:00:00Z', { fixedRecordedAt: '2010-05-12T07:05:00.000Z' });
  // Records at the other instants asked about: a UTC day start and a local day start.
  seminar('e8', '2010-08-01T00:00:00.000Z');
  seminar('e9', '2010-10-01T00:00:00+02:00');

  // Record each stream in business-time order; a fixed recording time must fit that order.
  const byStream = new Map<string, Step[]>();
  for (const step of steps) byStream.set(step.stream, [...(byStream.get(step.stream) ?? []), step]);
  const planned: Planned[] = [];
  const lastRecorded = new Map<string, number>();
  const byKey = new Map<string, Planned>();
  const place = (step: Step, recordedMs: number, recordedAt = new Date(recordedMs).toISOString()) => {
    const entry: Planned = { ...step, recordedAt, recordedMs };
    planned.push(entry);
    lastRecorded.set(step.stream, recordedMs);
    if (step.key) byKey.set(step.key, entry);
  };
  for (const [stream, list] of byStream) {
    for (const step of [...list].sort((a, b) => a.occurredMs - b.occurredMs)) {
      const wanted = step.fixedRecordedAt === undefined ? step.occurredMs + step.delayMs : Date.parse(step.fixedRecordedAt);
      const recordedMs = Math.max(wanted, (lastRecorded.get(stream) ?? -Infinity) + MINUTE);
      if (step.fixedRecordedAt !== undefined && recordedMs !== wanted) throw new Error(`history plan: ${stream} cannot be recorded at ${step.fixedRecordedAt}`);
      place(step, recordedMs, step.fixedRecordedAt);
    }
  }

  // Corrections and retractions, recorded after everything else of their stream.
  const later = (stream: string, step: Omit<Step, 'stream' | 'occurredMs' | 'delayMs'>, recordedAt: string) => {
    if ((lastRecorded.get(stream) ?? -Infinity) >= Date.parse(recordedAt)) throw new Error(`history plan: ${stream} has records after ${recordedAt}`);
    place({ ...step, stream, occurredMs: Date.parse(step.occurredAt), delayMs: 0 }, Date.parse(recordedAt), recordedAt);
  };
  const recordedBefore = (stream: string, iso: string) => (lastRecorded.get(stream) ?? Infinity) < Date.parse(iso);
  // Course c1 was completed in July (not June), by one association fewer.
  const c1 = enrolledIn.get('c1')!;
  later(streamName('course', 'c1'), {
    decider: courseDecider,
    type: 'CompleteCourse',
    data: { courseId: 'c1', completedAssociationIds: c1.slice(0, -1) },
    occurredAt: '2010-07-02T10:00:00+02:00',
    correctionOf: { key: 'complete-c1', reason: 'completion was registered before the final session' },
  }, COURSE_CORRECTED_AT);
  // A first-half baseline that was never held.
  const retractedBaseline = associations.find(({ id }) => {
    const baseline = byKey.get(`baseline-${id}`);
    return baseline && baseline.occurredMs < Date.UTC(2010, 5, 1) && recordedBefore(streamName('association', id), BASELINE_RETRACTED_AT);
  });
  if (!retractedBaseline) throw new Error('history plan: no baseline to retract');
  later(streamName('association', retractedBaseline.id), { decider: null, type: 'retract', data: null, occurredAt: BASELINE_RETRACTED_AT, correctionOf: { key: `baseline-${retractedBaseline.id}`, reason: 'the assessment was never held' } }, BASELINE_RETRACTED_AT);
  // An association recorded as joining network n1 in the second quarter never joined.
  const retractedJoin = associations.find(({ id }) => id === neverJoinedN1);
  if (!retractedJoin) throw new Error('history plan: no join to retract');
  later(streamName('network', 'n1'), { decider: null, type: 'retract', data: null, occurredAt: JOIN_RETRACTED_AT, correctionOf: { key: `join-n1-${retractedJoin.id}`, reason: 'the association never joined' } }, JOIN_RETRACTED_AT);
  // Feedback scores typed into the wrong columns, corrected three weeks after the last record of the workshop.
  const corrected = [...byKey.values()].find((entry) => entry.key!.startsWith('feedback-w') && !entry.key!.startsWith('feedback-w7') && !entry.key!.startsWith('feedback-w8'));
  if (!corrected) throw new Error('history plan: no feedback to correct');
  const feedbackData = corrected.data as { workshopId: string; staffId: string; reactionScore: number; learningScore: number };
  later(corrected.stream, {
    decider: workshopDecider,
    type: 'RecordWorkshopFeedback',
    data: { ...feedbackData, reactionScore: feedbackData.learningScore, learningScore: feedbackData.reactionScore === 5 ? 4 : 5 },
    occurredAt: corrected.occurredAt,
    correctionOf: { key: corrected.key!, reason: 'scores entered in the wrong columns' },
  }, new Date(lastRecorded.get(corrected.stream)! + 21 * DAY).toISOString());
  // Staff time booked on April's sheet was a different amount.
  const use = byKey.get('use-r1-3')!;
  later(use.stream, {
    decider: resourceDecider,
    type: 'RecordResourceUse',
    data: { allocationId: 'r1', hours: 330, note: 'corrected time sheet' },
    occurredAt: use.occurredAt,
    correctionOf: { key: 'use-r1-3', reason: 'hours of another project were included' },
  }, new Date(lastRecorded.get(use.stream)! + 3 * DAY).toISOString());
  // An association that moved to another estate, corrected late.
  const moved = associations.find(({ id }) => id !== retractedBaseline.id)!;
  const movedStream = streamName('association', moved.id);
  const movedAt = lastRecorded.get(movedStream)! + 10 * DAY;
  const registered = steps.find((step) => step.stream === movedStream && step.type === 'RegisterAssociation')!.data as { housingArea: string };
  later(movedStream, {
    decider: associationDecider,
    type: 'CorrectAssociationDetails',
    data: { associationId: moved.id, housingArea: AREAS.find((area) => area !== registered.housingArea), reason: 'the association moved to another estate' },
    occurredAt: new Date(movedAt - 2 * HOUR).toISOString(),
  }, new Date(movedAt).toISOString());

  // Streams keep their order, since their recordings are strictly increasing.
  return planned.map((entry, order) => ({ entry, order })).sort((a, b) => a.entry.recordedMs - b.entry.recordedMs || a.order - b.order).map(({ entry }) => entry);
};

const envelope: CommandEnvelope = { correlationId: 'history', causationId: null, actor: { userId: 'case-worker-1', role: 'case-worker' }, sourceApp: 'test' };

/** Sends the planned commands through the deciders; returns how many events were stored. */
const record = async (store: SqliteEventStore, steps: readonly Planned[], eventIds: Map<string, string>, counter: { next: number }) => {
  const runner = new CommandRunner(store, domainUpcasters, () => `00000000-0000-4000-8000-${String(counter.next++).padStart(12, '0')}`);
  let stored = 0;
  for (const step of steps) {
    const context = { occurredAt: step.occurredAt, now: step.recordedAt, actor: envelope.actor };
    const correctionOf = step.correctionOf && { eventId: eventIds.get(step.correctionOf.key)!, reason: step.correctionOf.reason };
    if (step.correctionOf && !correctionOf!.eventId) throw new Error(`history: ${step.correctionOf.key} was never recorded`);
    if (step.decider === null) {
      stored += (await runner.retract(step.stream, context, { ...envelope, correctionOf: correctionOf! }, deciderRecording)).events.length;
      continue;
    }
    let data = step.data;
    if (typeof data === 'function') {
      const history = effectiveHistory((await store.readStream(step.stream)).map((event) => domainUpcasters.upcast(event)));
      data = (data as DataFromState)(fold(step.decider, history));
      if (data === undefined) continue;
    }
    const result = await runner.run(step.decider, step.stream, { type: step.type, data, context }, { ...envelope, ...(correctionOf && { correctionOf }) });
    stored += result.events.length;
    if (step.key) eventIds.set(step.key, result.events.find((event) => event.type !== 'RecordRetracted')!.metadata.eventId);
  }
  return stored;
};

/** Applies the stored events after the build's checkpoint up to `upTo`, in batches, as the projector does. */
const project = async (events: SqliteEventStore, store: ReadModelStore, namespace: string, batchSize: number, upTo = Infinity) => {
  let after = ((await store.get(CHECKPOINTS, namespace))?.doc.position as number | undefined) ?? 0;
  for (;;) {
    const page = (await events.readAll({ after, limit: batchSize })).filter((event) => event.position <= upTo);
    if (page.length === 0) return after;
    await applyEvents(definition, store, namespace, page.map((event) => domainUpcasters.upcast(event)));
    after = page[page.length - 1].position;
  }
};

const lastPosition = async (events: SqliteEventStore) => {
  let last = 0;
  for (let page = await events.readAll({ after: 0, limit: 1000 }); page.length > 0; page = await events.readAll({ after: last, limit: 1000 })) {
    last = page[page.length - 1].position;
  }
  return last;
};

const PERIODS: readonly { periodType: PeriodType; period: string }[] = [
  { periodType: 'quarter', period: '2010-Q1' },
  { periodType: 'quarter', period: '2010-Q2' },
  { periodType: 'quarter', period: '2010-Q3' },
  { periodType: 'quarter', period: '2010-Q4' },
  { periodType: 'quarter', period: '2011-Q1' },
  { periodType: 'half-year', period: '2010-H1' },
  { periodType: 'half-year', period: '2010-H2' },
  { periodType: 'year', period: '2010' },
  { periodType: 'year', period: '2011' },
  { periodType: 'programme', period: 'programme' },
];

const MOMENTS: readonly [string, ReplayMoment][] = [
  ['as of mid-quarter, the instant of a record', { asOf: BUSY_INSTANT }],
  ['as of a millisecond before that', { asOf: '2010-05-12T11:59:59.999Z' }],
  ['as of the end of Q2 (23:59:59+01:00)', { asOf: '2010-06-30T23:59:59+01:00' }],
  ['as of the end of Q3 in local summer time (23:59:59+02:00)', { asOf: '2010-09-30T23:59:59+02:00' }],
  ['as of exactly the start of a UTC day', { asOf: '2010-08-01T00:00:00.000Z' }],
  ['as of exactly the start of a local day', { asOf: '2010-10-01T00:00:00+02:00' }],
  ['as of the end of 2010', { asOf: '2010-12-31T23:59:59+01:00' }],
  ['as known at the instant of a late recording', { knownAt: BUSY_INSTANT }],
  ['as known a millisecond after that', { knownAt: '2010-05-12T12:00:00.001Z' }],
  ['as known before the course completion was corrected', { knownAt: '2010-10-01T00:00:00Z' }],
  ['as known after the correction, before the baseline was retracted', { knownAt: '2010-11-10T12:00:00Z' }],
  ['as known a millisecond before the baseline was retracted', { knownAt: JUST_BEFORE_BASELINE_RETRACTED }],
  ['as known at the instant the baseline was retracted', { knownAt: BASELINE_RETRACTED_AT }],
  ['as known after the baseline was retracted', { knownAt: '2010-12-01T00:00:00Z' }],
  ['as known just before the network join was retracted', { knownAt: '2011-02-14T23:59:59+01:00' }],
  ['as of the end of Q2 as known in July', { asOf: '2010-06-30T23:59:59+01:00', knownAt: '2010-07-20T00:00:00Z' }],
  ['as of and as known at the same busy instant', { asOf: BUSY_INSTANT, knownAt: BUSY_INSTANT }],
  ['as of the end of Q3 as known before the retraction', { asOf: '2010-09-30T23:59:59+02:00', knownAt: '2010-11-10T12:00:00Z' }],
  // A business time after the recording time: read along recording time, then cut by business time.
  ['as of the end of the year as known in mid-June', { asOf: '2010-12-31T23:59:59+01:00', knownAt: '2010-06-15T12:00:00Z' }],
  ['as of a few days after the moment it is known at', { asOf: '2010-07-25T00:00:00Z', knownAt: '2010-07-20T00:00:00Z' }],
  ['with neither limit', {}],
];

type ByPeriod = Record<string, IndicatorView[]>;
const key = ({ periodType, period }: { periodType: PeriodType; period: string }) => `${periodType} ${period}`;

const referenceAnswers = async (events: SqliteEventStore, moment: ReplayMoment): Promise<ByPeriod> => {
  const answers: ByPeriod = {};
  for (const query of PERIODS) answers[key(query)] = await replayIndicators(events, definition, domainUpcasters, moment, query, MIN_CELL_SIZE);
  return answers;
};

const indexedAnswers = async (events: SqliteEventStore, store: ReadModelStore, namespace: string, moment: ReplayMoment): Promise<ByPeriod> => {
  const replay = await indexedReplay(events, store, namespace, definition, domainUpcasters, moment, MIN_CELL_SIZE);
  if (replay === null) throw new Error(`build ${namespace} has no replay index`);
  const answers: ByPeriod = {};
  for (const query of PERIODS) answers[key(query)] = await replay(query);
  return answers;
};

const total = (answers: ByPeriod, period: string, code: string) => answers[period].find((view) => view.code === code)!.total;

const SEED = 20100512;

describe('given a year of programme history in a replay index', () => {
  const ONE_PASS = namespaceOf(definition, 1);
  const SMALL_BATCHES = namespaceOf(definition, 2);
  const ALONGSIDE = namespaceOf(definition, 3);
  const NEVER_INDEXED = namespaceOf(definition, 4);
  let dir: string;
  let events: SqliteEventStore;
  let store: SqliteReadModelStore;
  let stored: number;
  let beforeCatchUp: unknown;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'indexed-replay-'));
    events = SqliteEventStore.open(join(dir, 'events.sqlite'));
    store = SqliteReadModelStore.open(join(dir, 'read-models.sqlite'));
    stored = await record(events, planHistory(SEED), new Map(), { next: 1 });

    await project(events, store, ONE_PASS, 50);
    beforeCatchUp = await indexedReplay(events, store, ONE_PASS, definition, domainUpcasters, { asOf: BUSY_INSTANT }, MIN_CELL_SIZE);
    await new ReplayIndexer(events, store, definition, domainUpcasters).catchUp(ONE_PASS);

    await project(events, store, SMALL_BATCHES, 50);
    await new ReplayIndexer(events, store, definition, domainUpcasters, { batchSize: 7 }).catchUp(SMALL_BATCHES);

    // Indexed alongside the projection: a few events applied, then the index catches up, again and again.
    const indexer = new ReplayIndexer(events, store, definition, domainUpcasters, { batchSize: 13 });
    for (let upTo = 40; ; upTo += 40) {
      const reached = await project(events, store, ALONGSIDE, 17, upTo);
      await indexer.catchUp(ALONGSIDE);
      if (reached < upTo) break;
    }

    await project(events, store, NEVER_INDEXED, 100);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await events?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('then the history has a few hundred events and every build is indexed up to its last one', async () => {
    const last = await lastPosition(events);
    expect(stored).toBe(last);
    expect(last).toBeGreaterThan(250);
    expect(last).toBeLessThan(1_000);
    for (const namespace of [ONE_PASS, SMALL_BATCHES, ALONGSIDE]) expect(await replayIndexPosition(store, namespace)).toBe(last);
  });

  it('when a build has no replay index yet, then there is no indexed replay', async () => {
    expect(beforeCatchUp).toBeNull();
    expect(await indexedReplay(events, store, NEVER_INDEXED, definition, domainUpcasters, {}, MIN_CELL_SIZE)).toBeNull();
  });

  it.each(MOMENTS)('when replayed %s, then every period gives the full replay answer, however the index was built', async (_, moment) => {
    const expected = await referenceAnswers(events, moment);
    expect(await indexedAnswers(events, store, ONE_PASS, moment)).toEqual(expected);
    expect(await indexedAnswers(events, store, SMALL_BATCHES, moment)).toEqual(expected);
    expect(await indexedAnswers(events, store, ALONGSIDE, moment)).toEqual(expected);
  }, TEST_TIMEOUT_MS);

  it('when a build is dropped while its index is being written, then catching up drops the index too, and never creates one', async () => {
    const dropped = namespaceOf(definition, 5);
    await project(events, store, dropped, 100);
    await new ReplayIndexer(events, store, definition, domainUpcasters).catchUp(dropped);
    const rows = collectionIn(dropped, REPLAY_INDEX);
    expect(await replayIndexPosition(store, dropped)).toBe(await lastPosition(events));

    // The build is switched away from: its collections and checkpoint go, then a late index batch lands.
    for (const collection of await store.listCollections()) if (collection.startsWith(`${dropped}_`)) await store.dropCollection(collection);
    await store.commit([{ collection: CHECKPOINTS, id: dropped, doc: null, position: Number.MAX_SAFE_INTEGER }]);
    await store.commit([{ collection: rows, id: REPLAY_INDEX_CHECKPOINT, doc: { id: REPLAY_INDEX_CHECKPOINT, position: 1 }, position: 1 }]);

    expect(await new ReplayIndexer(events, store, definition, domainUpcasters).catchUp(dropped)).toBe(0);
    expect(await store.listCollections()).not.toContain(rows);
    expect(await new ReplayIndexer(events, store, definition, domainUpcasters).catchUp(namespaceOf(definition, 6))).toBe(0);
    expect(await store.listCollections()).not.toContain(collectionIn(namespaceOf(definition, 6), REPLAY_INDEX));
  });


  it('when a build keeps an index of the earlier layout, then replays do not read it, and catching up drops it and builds the months from nothing', async () => {
    const older = namespaceOf(definition, 7);
    await project(events, store, older, 100);
    const dayRows = collectionIn(older, DAY_ROW_INDEX);
    const OLD_ROW = 'RES-STAFF-TIME|year|2010|total|*#happened:2010-01-04';
    // A row per cell and day, as the earlier layout kept them, and its checkpoint.
    await store.commit([
      { collection: dayRows, id: OLD_ROW, doc: { id: OLD_ROW, indicator: 'RES-STAFF-TIME', axis: 'happened', day: '2010-01-04', sums: { numerator: 1 } }, position: 1 },
      { collection: dayRows, id: REPLAY_INDEX_CHECKPOINT, doc: { id: REPLAY_INDEX_CHECKPOINT, position: 1 }, position: 1 },
    ]);
    expect(await replayIndexPosition(store, older)).toBeNull();
    expect(await indexedReplay(events, store, older, definition, domainUpcasters, {}, MIN_CELL_SIZE)).toBeNull();

    expect(await new ReplayIndexer(events, store, definition, domainUpcasters).catchUp(older)).toBe(await lastPosition(events));
    expect(await store.listCollections()).not.toContain(dayRows);
    const moment = MOMENTS[0][1];
    expect(await indexedAnswers(events, store, older, moment)).toEqual(await referenceAnswers(events, moment));
  });
  it('when a build is made in bulk with its index steps shared with a worker thread, then it equals the build made in one thread, document for document and row for row', async () => {
    const [inOneThread, withWorker] = [namespaceOf(definition, 8), namespaceOf(definition, 9)];
    const last = await lastPosition(events);
    await bulkBuild(definition, events, domainUpcasters, store, inOneThread, last, { workerFromEvents: Infinity });
    await bulkBuild(definition, events, domainUpcasters, store, withWorker, last, { workerFromEvents: 0 });

    const built = await snapshot(store, withWorker, { positions: true, index: true });
    expect(built[REPLAY_INDEX].length).toBeGreaterThan(100);
    // Each thread sums its own documents' rows, so fractional figures are added in another order.
    expect(rounded(built)).toEqual(rounded(await snapshot(store, inOneThread, { positions: true, index: true })));
    const moment = MOMENTS[0][1];
    expect(await indexedAnswers(events, store, withWorker, moment)).toEqual(await referenceAnswers(events, moment));
  }, TEST_TIMEOUT_MS);

  it('when the worker thread cannot make the definition, then the bulk build fails with its error and writes no checkpoint', async () => {
    const broken = { ...definition, aggregation: { ...definition.aggregation!, source: { module: join(dir, 'missing-module.js'), factory: 'programmeReadModel', args: [] } } };
    const namespace = namespaceOf(definition, 10);
    await expect(bulkBuild(broken, events, domainUpcasters, store, namespace, await lastPosition(events), { workerFromEvents: 0 })).rejects.toThrow(/missing-module/);
    expect(await store.get(CHECKPOINTS, namespace)).toBeNull();
  }, TEST_TIMEOUT_MS);

  it('when a build is made in bulk on a synchronous store, then the event loop gets a turn after every page, so an api in the same process still answers', async () => {
    const namespace = namespaceOf(definition, 11);
    let turns = 0;
    const turnsSeen: number[] = [];
    await bulkBuild(definition, events, domainUpcasters, store, namespace, await lastPosition(events), {
      pageSize: 20,
      workerFromEvents: Infinity,
      onProgress: () => {
        turnsSeen.push(turns);
        // Runs only once the event loop gets a turn.
        setImmediate(() => turns++);
      },
    });
    expect(turnsSeen.length).toBeGreaterThan(5);
    expect(turnsSeen).toEqual(turnsSeen.map((_, page) => page));
  }, TEST_TIMEOUT_MS);

  it('when moments differ, then so do the indexed figures (the answers are not empty)', async () => {
    const at = (moment: ReplayMoment) => indexedAnswers(events, store, ONE_PASS, moment);
    const endOfQ2 = await at({ asOf: '2010-06-30T23:59:59+01:00' });
    const endOfYear = await at({ asOf: '2010-12-31T23:59:59+01:00' });
    const coverage = (answers: ByPeriod) => total(answers, 'programme programme', 'ACT-ASSESSMENT-COVERAGE');
    expect(coverage(endOfQ2).denominator).toBeGreaterThan(0);
    expect(coverage(endOfYear).denominator).toBeGreaterThan(coverage(endOfQ2).denominator!);
    expect(total(endOfYear, 'year 2010', 'ACT-EVENTS-HELD').numerator).toBeGreaterThan(total(endOfQ2, 'year 2010', 'ACT-EVENTS-HELD').numerator!);

    // The baseline retracted on 15 November: one association fewer covered once that is known.
    const beforeRetraction = await at({ knownAt: JUST_BEFORE_BASELINE_RETRACTED });
    const afterRetraction = await at({ knownAt: BASELINE_RETRACTED_AT });
    expect(coverage(afterRetraction).numerator).toBe(coverage(beforeRetraction).numerator! - 1);

    // The course completion moved from June to July on 5 October.
    const beforeCorrection = await at({ knownAt: '2010-10-01T00:00:00Z' });
    const completed = (answers: ByPeriod, period: string) => total(answers, period, 'PRD-ASSOCIATIONS-COMPLETED').numerator;
    expect(completed(beforeCorrection, 'quarter 2010-Q2')).toBeGreaterThan(0);
    expect(completed(beforeRetraction, 'quarter 2010-Q2')).toBe(0);
    expect(total(beforeRetraction, 'quarter 2010-Q3', 'PRD-ASSOCIATIONS-COMPLETED')).not.toEqual(total(beforeCorrection, 'quarter 2010-Q3', 'PRD-ASSOCIATIONS-COMPLETED'));

    // Recorded at the very instant of the moment counts; a millisecond later does not.
    const events2010Q2 = (answers: ByPeriod) => total(answers, 'quarter 2010-Q2', 'ACT-EVENTS-HELD').numerator!;
    expect(events2010Q2(await at({ knownAt: '2010-05-12T12:00:00.001Z' }))).toBe(events2010Q2(await at({ knownAt: BUSY_INSTANT })) + 1);
    expect(events2010Q2(await at({ asOf: BUSY_INSTANT }))).toBe(events2010Q2(await at({ asOf: '2010-05-12T11:59:59.999Z' })) + 1);
  }, TEST_TIMEOUT_MS);
});

describe('given a replay index that the history has moved past', () => {
  const BUILD = namespaceOf(definition, 1);
  /** What is recorded before the index is built; the rest comes after. */
  const INDEXED_UNTIL = Date.parse('2010-09-15T00:00:00Z');
  let dir: string;
  let events: SqliteEventStore;
  let store: SqliteReadModelStore;
  let indexedAt: number;
  let appliedUpTo: number;
  let last: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'indexed-replay-later-'));
    events = SqliteEventStore.open(join(dir, 'events.sqlite'));
    store = SqliteReadModelStore.open(join(dir, 'read-models.sqlite'));
    const plan = planHistory(SEED);
    const eventIds = new Map<string, string>();
    const counter = { next: 1 };
    await record(events, plan.filter((step) => step.recordedMs < INDEXED_UNTIL), eventIds, counter);
    await project(events, store, BUILD, 50);
    indexedAt = await new ReplayIndexer(events, store, definition, domainUpcasters, { batchSize: 25 }).catchUp(BUILD);

    // Later recordings (back-dated records, the correction, the retractions), half of them applied to the build.
    await record(events, plan.filter((step) => step.recordedMs >= INDEXED_UNTIL), eventIds, counter);
    last = await lastPosition(events);
    appliedUpTo = await project(events, store, BUILD, 20, indexedAt + Math.floor((last - indexedAt) / 2));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await events?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('then the index lies behind the build, and the build behind the history', async () => {
    expect(await replayIndexPosition(store, BUILD)).toBe(indexedAt);
    expect(indexedAt).toBeGreaterThan(100);
    expect(appliedUpTo).toBeGreaterThan(indexedAt);
    expect(last).toBeGreaterThan(appliedUpTo);
  });

  it.each(MOMENTS)('when replayed %s, then events applied but not indexed, and events not applied at all, still give the full replay answer', async (_, moment) => {
    expect(await indexedAnswers(events, store, BUILD, moment)).toEqual(await referenceAnswers(events, moment));
  }, TEST_TIMEOUT_MS);

  it('when the build and the index catch up, then every moment still gives the full replay answer', async () => {
    await project(events, store, BUILD, 20);
    expect(await new ReplayIndexer(events, store, definition, domainUpcasters, { batchSize: 25 }).catchUp(BUILD)).toBe(last);
    for (const [, moment] of MOMENTS) {
      expect({ moment, answers: await indexedAnswers(events, store, BUILD, moment) }).toEqual({ moment, answers: await referenceAnswers(events, moment) });
    }
  }, TEST_TIMEOUT_MS);
});
