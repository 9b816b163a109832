import { analysisSteps } from './analyses.steps';
import { associationSteps } from './associations.steps';
import { courseSteps } from './courses.steps';
import { DemoStep } from './demo-step';
import { evaluationSteps } from './evaluation.steps';
import { forumSteps } from './forums.steps';
import { networkSteps } from './networks.steps';
import { resourceSteps } from './resources.steps';
import { seminarSteps } from './seminars.steps';
import { staffSteps } from './staff.steps';
import { surveySteps } from './surveys.steps';
import { workshopSteps } from './workshops.steps';

/**
 * A scripted programme year and a half of TaskForce Integration 2010 (2010-01-04 .. 2011-06-30).
 * Nothing here is random: every figure is chosen so that docs/demo.md can derive each indicator by
 * hand from the feature tables (`*.steps.ts`). Ids are pseudonymous (`staff-017`, `rep-a12-1`,
 * `holder-f3-11`); association names are invented organisations, not people.
 */
export const demoProgramme = (): DemoStep[] => {
  // The order of the features decides between steps at the same moment, so it is part of the script.
  const written = [
    ...resourceSteps,
    ...evaluationSteps,
    ...associationSteps,
    ...staffSteps,
    ...analysisSteps,
    ...courseSteps,
    ...workshopSteps,
    ...seminarSteps,
    ...networkSteps,
    ...surveySteps,
    ...forumSteps,
  ];
  // Business-time order; the sort is stable, so steps at the same moment keep the order they were written in.
  const occurredAt = (step: DemoStep) => step.command.context.occurredAt;
  return written.sort((a, b) => (occurredAt(a) < occurredAt(b) ? -1 : occurredAt(a) > occurredAt(b) ? 1 : 0));
};
