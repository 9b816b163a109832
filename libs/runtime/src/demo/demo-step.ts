import { Actor, AggregateCommand, Command, CommandData, RETRACT_RECORD, RetractRecord } from '@toc/domain';

/** Names the event a labelled step recorded, and why a later step replaces it. */
export interface DemoReference {
  readonly label: string;
  readonly reason: string;
}

/** A command of an aggregate, sent as the case worker or tool of its `sourceApp` would send it. */
export interface DemoCommandStep {
  readonly command: AggregateCommand;
  readonly sourceApp: string;
  /** Names the event this step records so that a later step can correct or retract it. */
  readonly label?: string;
  /** The command replaces the labelled event: it is retracted and this command's event takes its place. */
  readonly correctionOf?: DemoReference;
  readonly retraction?: never;
}

/**
 * Withdraws the event a labelled step recorded. The event's id exists only once that step has
 * been seeded, so the seeder completes the `RetractRecord` with its stream and event id.
 */
export interface DemoRetractionStep {
  readonly command: Command<RetractRecord['type'], Pick<RetractRecord['data'], 'reason'>>;
  readonly sourceApp: string;
  /** The label of the step whose event is withdrawn. */
  readonly retraction: string;
  readonly label?: never;
  readonly correctionOf?: never;
}

export type DemoStep = DemoCommandStep | DemoRetractionStep;

/** The service clock of every demo command: the day the demo data was entered. */
export const DEMO_NOW = '2011-06-30T12:00:00.000Z';

/** Case workers record a step the day after it happened (never after the demo's "now"). */
const recordedNextDay = (occurredAt: string): string => {
  const next = new Date(Date.parse(occurredAt) + 86_400_000).toISOString();
  return next < DEMO_NOW ? next : DEMO_NOW;
};

/** A business time in UTC: `at('2010-01-04', '09:00')`. */
export const at = (date: string, time = '10:00'): string => `${date}T${time}:00.000Z`;

/** Who records what: the programme's case workers, officers and the survey tool. */
export const actors = {
  coordinator: { userId: 'tfi-coord-01', role: 'programme-coordinator' },
  secretary: { userId: 'tfi-coord-02', role: 'case-worker' },
  finance: { userId: 'tfi-finance-01', role: 'finance-officer' },
  advisor: { userId: 'prg-advisor-03', role: 'project-advisor' },
  trainer: { userId: 'tfi-trainer-04', role: 'course-facilitator' },
  surveyTool: { userId: 'survey-tool', role: 'system' },
  evaluator: { userId: 'tfi-eval-01', role: 'evaluator' },
} satisfies Record<string, Actor>;

export type DemoCommandOptions = Pick<DemoCommandStep, 'label' | 'correctionOf'> & {
  /** When the command was recorded, if not the day after it happened. */
  readonly recordedAt?: string;
};

/** A command recorded the day after `occurredAt`, unless `recordedAt` says when it was. */
export const demoCommand = <T extends AggregateCommand['type']>(
  type: T,
  data: CommandData<T>,
  occurredAt: string,
  actor: Actor,
  sourceApp: string,
  options: DemoCommandOptions = {},
): DemoCommandStep => {
  const { recordedAt, ...reference } = options;
  // CommandData<T> pairs with T, which TypeScript cannot see through the generic.
  const command = { type, data, context: { occurredAt, now: recordedAt ?? recordedNextDay(occurredAt), actor } } as AggregateCommand;
  return { command, sourceApp, ...reference };
};

/** Withdraws the labelled event, recorded the day after `occurredAt`. */
export const demoRetraction = (label: string, reason: string, occurredAt: string, actor: Actor, sourceApp: string): DemoRetractionStep => ({
  command: { type: RETRACT_RECORD, data: { reason }, context: { occurredAt, now: recordedNextDay(occurredAt), actor } },
  sourceApp,
  retraction: label,
});
