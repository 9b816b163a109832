import { DemoStep, actors, at, demoCommand } from './demo-step';
import { demoAssociations } from './associations.steps';
import { staffId, staffRange } from './staff.steps';

/** Follow-up answers of association representatives (M1): [association, date, communication, influence]. */
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

/** Follow-up answers of staff (M2): [staff number, date, involvement, dialogue]. */
const staffFollowUps: readonly (readonly [number, string, number, number])[] = [
  [13, '2011-03-28', 4, 4], [14, '2011-03-28', 3, 3], [15, '2011-03-28', 2, 4],
  [31, '2011-03-28', 4, 5], [32, '2011-03-28', 3, 3], [33, '2011-03-28', 2, 2],
  [1, '2011-05-24', 4, 4], [2, '2011-05-24', 5, 4], [3, '2011-05-24', 4, 3], [4, '2011-05-24', 4, 5], [5, '2011-05-24', 3, 3], [6, '2011-05-24', 5, 5],
  [7, '2011-05-25', 4, 4], [8, '2011-05-25', 4, 4], [9, '2011-05-25', 3, 4], [10, '2011-05-25', 4, 4], [11, '2011-05-25', 2, 3], [12, '2011-05-25', 5, 4],
  [19, '2011-05-26', 4, 4], [20, '2011-05-26', 3, 4], [21, '2011-05-26', 4, 4], [22, '2011-05-26', 4, 3], [23, '2011-05-26', 4, 4], [24, '2011-05-26', 5, 5],
  [25, '2011-05-27', 4, 4], [26, '2011-05-27', 4, 5], [27, '2011-05-27', 3, 3], [28, '2011-05-27', 4, 4], [29, '2011-05-27', 3, 2], [30, '2011-05-27', 4, 4],
];
const staffBaseline = [...staffRange(1, 30), ...staffRange(31, 36)];

const associationSurvey = (associationId: string, wave: 'baseline' | 'follow-up', occurredAt: string, communication: number, influence: number) =>
  demoCommand('AnswerSurvey', {
    respondentId: `resp-${associationId}-1`, respondentKind: 'association-representative', associationId, wave,
    answers: [{ statement: 'assoc-better-communication', score: communication }, { statement: 'assoc-more-influence', score: influence }],
  }, occurredAt, actors.surveyTool, 'survey-tool');

const staffSurvey = (id: string, wave: 'baseline' | 'follow-up', occurredAt: string, involvement: number, dialogue: number) =>
  demoCommand('AnswerSurvey', {
    respondentId: `resp-${id}`, respondentKind: 'staff', staffId: id, wave,
    answers: [{ statement: 'staff-better-involvement', score: involvement }, { statement: 'staff-better-dialogue', score: dialogue }],
  }, occurredAt, actors.surveyTool, 'survey-tool');

/** Surveys of association representatives (M1) and staff (M2): baseline 2010, follow-up 2011. */
export const surveySteps: readonly DemoStep[] = [
  ...demoAssociations
    .filter((a) => surveyedAtBaseline.has(a.id))
    .map((a) => associationSurvey(a.id, 'baseline', at(a.baseline!, '14:00'), 2 + (Number(a.id.slice(1)) % 2), 2)),
  ...associationFollowUps.map(([associationId, date, communication, influence]) =>
    // a33 answered online 15 minutes after midnight on 1 April, Copenhagen time (22:15 UTC on 31 March).
    associationSurvey(associationId, 'follow-up', associationId === 'a33' ? at(date, '22:15') : at(date, '10:00'), communication, influence)),
  ...staffBaseline.map((id, i) => staffSurvey(id, 'baseline', at(`2010-03-${String(15 + (i % 5)).padStart(2, '0')}`, '10:00'), 2 + (i % 2), 3)),
  ...staffFollowUps.map(([n, date, involvement, dialogue]) => staffSurvey(staffId(n), 'follow-up', at(date, '10:00'), involvement, dialogue)),
];
