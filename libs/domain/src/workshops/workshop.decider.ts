import { Command } from '../core/command';
import { defineDecider } from '../core/decider';
import { alreadyExists, notFound, ruleBroken } from '../core/domain-error';
import { feedbackScale } from '../model/instruments';
import { housingAreas, workshopTopics } from '../model/reference-data';
import { WorkshopEvent, WorkshopFeedbackRecorded, WorkshopHeld } from './workshop.events';
import { assertCode, assertNoRepeats, assertNotEmpty } from '../core/input';

export type HoldWorkshop = Command<'HoldWorkshop', WorkshopHeld['data']>;
export type RecordWorkshopFeedback = Command<'RecordWorkshopFeedback', WorkshopFeedbackRecorded['data']>;

export type WorkshopCommand = HoldWorkshop | RecordWorkshopFeedback;

export const workshopCommandTypes = ['HoldWorkshop', 'RecordWorkshopFeedback'] as const satisfies readonly WorkshopCommand['type'][];

export type WorkshopState =
  | { readonly status: 'not-held' }
  | {
      readonly status: 'held';
      readonly participantStaffIds: ReadonlySet<string>;
      readonly feedbackFrom: ReadonlySet<string>;
    };

const holdWorkshop = ({ data }: HoldWorkshop, state: WorkshopState): WorkshopEvent[] => {
  if (state.status !== 'not-held') return alreadyExists(`workshop ${data.workshopId}`);
  assertCode('unknown-workshop-topic', workshopTopics, data.topic, 'topic');
  assertCode('unknown-housing-area', housingAreas, data.housingArea, 'housingArea');
  const needsParticipant = `workshop ${data.workshopId} needs at least one participant`;
  assertNotEmpty('participants-required', data.participantStaffIds, 'participantStaffIds', needsParticipant);
  assertNoRepeats('duplicate-participant', data.participantStaffIds, 'participantStaffIds', (id) => `staff member ${id}`);
  return [
    {
      type: 'WorkshopHeld',
      data: {
        workshopId: data.workshopId,
        topic: data.topic,
        housingArea: data.housingArea,
        participantStaffIds: [...data.participantStaffIds],
      },
    },
  ];
};

const assertScore = (score: number, field: 'reactionScore' | 'learningScore'): void => {
  if (!Number.isInteger(score) || score < feedbackScale.min || score > feedbackScale.max) {
    ruleBroken('score-out-of-range', `${field} ${score} is not a whole number from ${feedbackScale.min} to ${feedbackScale.max}`, field);
  }
};

const recordFeedback = ({ data }: RecordWorkshopFeedback, state: WorkshopState): WorkshopEvent[] => {
  if (state.status === 'not-held') return notFound(`workshop ${data.workshopId}`);
  if (!state.participantStaffIds.has(data.staffId)) {
    ruleBroken('not-a-participant', `staff member ${data.staffId} did not take part in workshop ${data.workshopId}`, 'staffId');
  }
  // One answer per participant keeps the reaction and learning averages one vote per person.
  if (state.feedbackFrom.has(data.staffId)) {
    ruleBroken('feedback-already-recorded', `feedback from staff member ${data.staffId} is already recorded`, 'staffId');
  }
  assertScore(data.reactionScore, 'reactionScore');
  assertScore(data.learningScore, 'learningScore');
  return [
    {
      type: 'WorkshopFeedbackRecorded',
      data: { workshopId: data.workshopId, staffId: data.staffId, reactionScore: data.reactionScore, learningScore: data.learningScore },
    },
  ];
};

const decide = (command: WorkshopCommand, state: WorkshopState): WorkshopEvent[] => {
  switch (command.type) {
    case 'HoldWorkshop':
      return holdWorkshop(command, state);
    case 'RecordWorkshopFeedback':
      return recordFeedback(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown workshop command ${(unknown as Command).type}`);
    }
  }
};

const evolve = (state: WorkshopState, event: WorkshopEvent): WorkshopState => {
  switch (event.type) {
    case 'WorkshopHeld':
      return { status: 'held', participantStaffIds: new Set(event.data.participantStaffIds), feedbackFrom: new Set() };
    case 'WorkshopFeedbackRecorded':
      // Feedback whose workshop record was retracted has nothing to attach to.
      return state.status === 'held' ? { ...state, feedbackFrom: new Set(state.feedbackFrom).add(event.data.staffId) } : state;
    default: {
      const unknown: never = event;
      throw new Error(`unknown workshop event ${(unknown as WorkshopEvent).type}`);
    }
  }
};

export const workshopDecider = defineDecider<WorkshopCommand, WorkshopEvent, WorkshopState>({
  recordedBy: { WorkshopHeld: 'HoldWorkshop', WorkshopFeedbackRecorded: 'RecordWorkshopFeedback' },
  initialState: () => ({ status: 'not-held' }),
  decide,
  evolve,
});
