import { HousingArea, WorkshopTopic } from '../model/reference-data';
import { deciderSpec, testContext } from '../testing/decider-specification';
import { HoldWorkshop, RecordWorkshopFeedback, workshopCommandTypes, workshopDecider } from './workshop.decider';
import { WorkshopFeedbackRecorded, WorkshopHeld } from './workshop.events';

const spec = deciderSpec(workshopDecider);
const context = testContext();
const workshopId = 'w-1';

const heldData: WorkshopHeld['data'] = {
  workshopId,
  topic: 'parent-involvement',
  housingArea: 'mjolnerparken',
  participantStaffIds: ['s-1', 's-2'],
};
const held: WorkshopHeld = { type: 'WorkshopHeld', data: heldData };

const hold = (data: Partial<HoldWorkshop['data']> = {}): HoldWorkshop => ({
  type: 'HoldWorkshop',
  data: { ...heldData, ...data },
  context,
});
const feedback = (data: Partial<RecordWorkshopFeedback['data']> = {}): RecordWorkshopFeedback => ({
  type: 'RecordWorkshopFeedback',
  data: { workshopId, staffId: 's-1', reactionScore: 4, learningScore: 3, ...data },
  context,
});
const feedbackRecorded = (staffId: string): WorkshopFeedbackRecorded => ({
  type: 'WorkshopFeedbackRecorded',
  data: { workshopId, staffId, reactionScore: 4, learningScore: 3 },
});

describe('workshop decider', () => {
  it('lists every command type', () => {
    expect(workshopCommandTypes).toEqual(['HoldWorkshop', 'RecordWorkshopFeedback']);
  });

  it('refuses a fact dated after the service clock', () => {
    spec
      .given([])
      .when({ ...hold(), context: testContext({ occurredAt: '2010-05-02T09:00:00.000Z' }) })
      .thenFails('rule', 'occurred-in-future', 'occurredAt');
  });

  describe('HoldWorkshop', () => {
    it('records a held workshop', () => {
      spec.given([]).when(hold()).then([held]);
    });

    it('holds a workshop only once', () => {
      spec.given([held]).when(hold()).thenFails('already-exists', 'already-exists');
    });

    it('refuses an unknown topic', () => {
      spec
        .given([])
        .when(hold({ topic: 'knitting' as WorkshopTopic }))
        .thenFails('rule', 'unknown-workshop-topic', 'topic');
    });

    it('refuses an unknown housing area', () => {
      spec
        .given([])
        .when(hold({ housingArea: 'atlantis' as HousingArea }))
        .thenFails('rule', 'unknown-housing-area', 'housingArea');
    });

    it.each([[[]], [undefined]])('requires at least one participant, given %p', (participantStaffIds) => {
      spec
        .given([])
        .when(hold({ participantStaffIds: participantStaffIds as unknown as string[] }))
        .thenFails('rule', 'participants-required', 'participantStaffIds');
    });

    it('refuses a participant listed twice', () => {
      spec
        .given([])
        .when(hold({ participantStaffIds: ['s-1', 's-2', 's-2'] }))
        .thenFails('rule', 'duplicate-participant', 'participantStaffIds[2]');
    });
  });

  describe('RecordWorkshopFeedback', () => {
    it("records a participant's feedback", () => {
      spec.given([held]).when(feedback()).then([feedbackRecorded('s-1')]);
    });

    it('records feedback from each participant', () => {
      spec.given([held, feedbackRecorded('s-1')]).when(feedback({ staffId: 's-2' })).then([feedbackRecorded('s-2')]);
    });

    it.each([1, 5])('accepts score %p', (score) => {
      spec
        .given([held])
        .when(feedback({ reactionScore: score, learningScore: score }))
        .then([{ type: 'WorkshopFeedbackRecorded', data: { workshopId, staffId: 's-1', reactionScore: score, learningScore: score } }]);
    });

    it('requires the workshop to be held', () => {
      spec.given([]).when(feedback()).thenFails('not-found', 'not-found');
    });

    it('refuses feedback from someone who did not take part', () => {
      spec.given([held]).when(feedback({ staffId: 's-9' })).thenFails('rule', 'not-a-participant', 'staffId');
    });

    it('records feedback once per participant', () => {
      spec.given([held, feedbackRecorded('s-1')]).when(feedback()).thenFails('rule', 'feedback-already-recorded', 'staffId');
    });

    it.each([0, 6, 3.5])('refuses reaction score %p', (reactionScore) => {
      spec.given([held]).when(feedback({ reactionScore })).thenFails('rule', 'score-out-of-range', 'reactionScore');
    });

    it.each([0, 6, 3.5])('refuses learning score %p', (learningScore) => {
      spec.given([held]).when(feedback({ learningScore })).thenFails('rule', 'score-out-of-range', 'learningScore');
    });
  });
});
