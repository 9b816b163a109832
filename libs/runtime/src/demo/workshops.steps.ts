import { HousingArea, WorkshopTopic } from '@toc/domain';
import { DemoStep, actors, at, demoCommand } from './demo-step';
import { staffId, staffList, staffRange } from './staff.steps';

/** Staff workshops on the four topics (A4, P2): [id, topic, area, date, participants, learning score of each responding participant]. */
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

const stepsOf = ([id, topic, area, date, participantStaffIds, learning]: (typeof workshops)[number]): DemoStep[] => {
  const feedbackDay = new Date(Date.parse(date) + 2 * 86_400_000).toISOString().slice(0, 10);
  return [
    demoCommand('HoldWorkshop', { workshopId: id, topic, housingArea: area, participantStaffIds }, at(date, '13:00'), actors.coordinator, 'workshop-register'),
    ...learning.map((learningScore, i) => {
      // The last W07 form came back after the Christmas break; it still counts for the quarter the workshop was held.
      const day = id === 'w07' && i === learning.length - 1 ? '2011-01-05' : feedbackDay;
      const reactionScore = Math.min(5, learningScore + (i % 2));
      return demoCommand('RecordWorkshopFeedback', { workshopId: id, staffId: participantStaffIds[i], reactionScore, learningScore }, at(day, '10:00'), actors.surveyTool, 'survey-tool');
    }),
  ];
};

export const workshopSteps: readonly DemoStep[] = workshops.flatMap(stepsOf);
