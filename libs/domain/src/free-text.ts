import { CommandData, ProgrammeCommand, ProgrammeCommandType, deciderRecording } from './command-registry';
import { FreeText, assertNoPersonalData } from './core/personal-data-check';

/** A path to a text field of `D`: `summary`, or `items[].evidence` for a field of every list entry. */
type TextPath<D> = {
  [K in keyof D & string]-?: NonNullable<D[K]> extends string
    ? K
    : NonNullable<D[K]> extends readonly (infer Item)[]
      ? Item extends object
        ? `${K}[].${TextPath<Item>}`
        : never
      : never;
}[keyof D & string];

/**
 * The free text of every command: what a person types in, as opposed to ids, codes, numbers and
 * times. Every command type is listed, so a new one does not compile until its free text is named.
 * A recording command's data is its event's, so this names the free text of the events too.
 */
const FREE_TEXT: { readonly [T in ProgrammeCommandType]: readonly TextPath<CommandData<T>>[] } = {
  RegisterAssociation: ['name'],
  CorrectAssociationDetails: ['name', 'reason'],
  RecordCapacityAssessment: ['items[].evidence'],
  RegisterStaffMember: [],
  CorrectStaffMemberDetails: ['reason'],
  AllocateResource: [],
  RecordResourceUse: ['note'],
  CompleteGoodPracticeAnalysis: ['summary'],
  DesignCourse: ['title'],
  StartCourse: [],
  EnrolAssociation: [],
  HoldCourseSession: [],
  CompleteCourse: [],
  HoldWorkshop: [],
  RecordWorkshopFeedback: [],
  HoldSeminar: ['title'],
  EstablishNetwork: ['name'],
  JoinNetwork: [],
  LeaveNetwork: ['reason'],
  HoldNetworkMeeting: [],
  OrganiseJointActivity: ['title'],
  AnswerSurvey: [],
  RegisterForum: ['name'],
  TakeForumSeat: [],
  LeaveForumSeat: [],
  RecordForumInput: ['summary'],
  RecordEvaluationMilestone: ['title', 'note'],
  RetractRecord: ['reason'],
};

// An unknown command type has no free text here; the command registry refuses it next.
const pathsOf = (commandType: string): readonly string[] => (FREE_TEXT as Readonly<Record<string, readonly string[]>>)[commandType] ?? [];

/** `items[].evidence` → ['items', 'evidence']; `summary` → ['summary', undefined]. */
const splitPath = (path: string): [head: string, rest: string | undefined] => {
  const [head, rest] = path.split(/\[\]\.(.*)/);
  return [head, rest];
};

const field = (value: unknown, name: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined);

/** The texts at a path, each with the input field it is in. */
const textsAt = (value: unknown, path: string, prefix = ''): FreeText[] => {
  const [head, rest] = splitPath(path);
  const found = field(value, head);
  if (rest === undefined) return typeof found === 'string' ? [{ field: prefix + head, text: found }] : [];
  return Array.isArray(found) ? found.flatMap((item, i) => textsAt(item, rest, `${prefix}${head}[${i}].`)) : [];
};

/** The value without the field at a path. */
const withoutPath = (value: unknown, path: string): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  const [head, rest] = splitPath(path);
  const { [head]: found, ...kept } = value as Record<string, unknown>;
  if (rest === undefined) return kept;
  return Array.isArray(found) ? { ...value, [head]: found.map((item) => withoutPath(item, rest)) } : value;
};

/** The free text a command carries; a correction's reason is free text too. */
export const freeTextOf = (command: ProgrammeCommand, correctionReason?: string): FreeText[] => [
  ...pathsOf(command.type).flatMap((path) => textsAt(command.data, path)),
  ...(correctionReason === undefined ? [] : [{ field: 'correction.reason', text: correctionReason }]),
];

/** Refuses a command whose free text looks like it identifies or reaches a person. */
export const assertNoPersonalDataInCommand = (command: ProgrammeCommand, correctionReason?: string): void =>
  assertNoPersonalData(freeTextOf(command, correctionReason));

/** A recorded event's data with its free text left out: the ids, codes and figures it holds. */
export const withoutFreeText = (eventType: string, data: unknown): unknown =>
  pathsOf(deciderRecording(eventType).recordedBy[eventType]).reduce(withoutPath, data);
