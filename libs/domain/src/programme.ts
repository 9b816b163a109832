import { analysisCommands } from './analyses/analysis.commands';
import { analysisFeature } from './analyses/analysis.projection';
import { associationCommands } from './associations/association.commands';
import { associationFeature } from './associations/association.projection';
import { courseCommands } from './courses/course.commands';
import { courseFeature, representativeFeature } from './courses/course.projection';
import { evaluationCommands } from './evaluation/evaluation.commands';
import { evaluationFeature } from './evaluation/evaluation.projection';
import { forumCommands } from './forums/forum.commands';
import { forumFeature } from './forums/forum.projection';
import { networkCommands } from './network/network.commands';
import { networkFeature } from './network/network.projection';
import { resourceCommands } from './resources/resource.commands';
import { resourceFeature } from './resources/resource.projection';
import { seminarCommands } from './seminars/seminar.commands';
import { seminarFeature } from './seminars/seminar.projection';
import { staffCommands } from './staff/staff.commands';
import { staffFeature } from './staff/staff.projection';
import { surveyCommands } from './surveys/survey.commands';
import { workshopCommands } from './workshops/workshop.commands';
import { workshopFeature } from './workshops/workshop.projection';

/**
 * The intervention steps of the programme, each listed once: the command services that decide
 * its records and the read-model features that turn them into indicator facts. A new kind of
 * record is a folder of its own plus a line in each list here (see docs/architecture.md).
 */
export const programmeAggregates = [
  associationCommands,
  staffCommands,
  resourceCommands,
  analysisCommands,
  courseCommands,
  workshopCommands,
  seminarCommands,
  networkCommands,
  surveyCommands,
  forumCommands,
  evaluationCommands,
] as const;

export const programmeIndicatorFeatures = [
  associationFeature,
  staffFeature,
  courseFeature,
  representativeFeature,
  workshopFeature,
  seminarFeature,
  networkFeature,
  forumFeature,
  resourceFeature,
  analysisFeature,
  evaluationFeature,
] as const;
