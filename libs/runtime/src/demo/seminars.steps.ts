import { HousingArea, SeminarFormat } from '@toc/domain';
import { DemoStep, actors, at, demoCommand } from './demo-step';
import { staffRange } from './staff.steps';

/** Seminars and events across the target groups (A4, P3): [id, format, area, date, title, participants (staff, associations, citizens), associations, staff]. */
const seminars: readonly (readonly [string, SeminarFormat, HousingArea, string, string, [number, number, number], string[], string[]])[] = [
  ['sem01', 'seminar', 'tingbjerg-husum', '2010-04-28', 'Dialogmøde: foreninger og helhedsplanen i Tingbjerg', [12, 15, 20], ['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07'], staffRange(1, 6)],
  ['sem02', 'event', 'mjolnerparken', '2010-06-19', 'Sommerfest i Mjølnerparken', [6, 10, 80], ['a08', 'a09', 'a10', 'a11', 'a12', 'a13'], staffRange(7, 12)],
  ['sem03', 'seminar', 'urbanplanen', '2010-10-27', 'Samarbejde på tværs på Amager', [10, 12, 18], ['a23', 'a24', 'a25', 'a26', 'a27', 'a28'], staffRange(25, 30)],
  ['sem04', 'event', 'bispeparken', '2010-12-11', 'Vinterarrangement i Bispeparken', [5, 8, 45], ['a18', 'a19', 'a20', 'a21', 'a22'], staffRange(19, 23)],
  ['sem05', 'seminar', 'akacieparken', '2011-03-30', 'Fremtidens samarbejde i Valby', [8, 9, 11], ['a14', 'a15', 'a16', 'a17'], staffRange(13, 18)],
  ['sem06', 'seminar', 'sydhavnen', '2011-05-25', 'Netværkskonference: civilsamfund og boligområder', [20, 25, 15], ['a33', 'a34', 'a35', 'a36', 'a29', 'a31'], staffRange(37, 42)],
  ['sem07', 'event', 'folehaven', '2011-06-18', 'Kulturdag i Folehaven', [4, 7, 70], ['a37', 'a38', 'a39', 'a40'], staffRange(43, 46)],
];

export const seminarSteps: readonly DemoStep[] = seminars.map(([id, format, area, date, title, [staff, associations, citizens], associationIds, staffIds]) =>
  demoCommand('HoldSeminar', {
    seminarId: id, format, title, housingArea: area, participantsByTargetGroup: { staff, associations, citizens }, associationIds, staffIds,
  }, at(date, '14:00'), actors.coordinator, 'event-register'));
