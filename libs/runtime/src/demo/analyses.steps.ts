import { HousingArea } from '@toc/domain';
import { DemoStep, actors, at, demoCommand } from './demo-step';

/** Good-practice analyses of citizen involvement (A2), one per area: [area, date, practices identified, summary]. */
const analyses: readonly (readonly [HousingArea, string, number, string])[] = [
  ['tingbjerg-husum', '2010-04-30', 6, 'Resident board dialogue cafés and the homework café as a meeting point'],
  ['mjolnerparken', '2010-05-21', 5, 'Courtyard meetings and interpreters at resident meetings'],
  ['urbanplanen', '2010-06-18', 7, 'Youth panels in the helhedsplan and joint parent evenings'],
  ['bispeparken', '2010-08-27', 4, 'Association representatives in the helhedsplan working groups'],
  ['akacieparken', '2010-09-24', 3, 'Door-to-door invitations in several languages'],
  ['horgarden', '2010-10-29', 4, 'School-association partnerships on parent involvement'],
  ['sydhavnen', '2010-11-26', 5, 'Shared premises for associations and the local library'],
  ['folehaven', '2010-12-17', 3, 'Culture days as a way into resident democracy'],
];

export const analysisSteps: readonly DemoStep[] = analyses.map(([area, date, practices, summary]) => {
  const id = `gp-${area}`;
  return demoCommand('CompleteGoodPracticeAnalysis', { analysisId: id, housingArea: area, practicesIdentified: practices, summary }, at(date, '15:00'), actors.coordinator, 'case-worker-tool');
});
