import { registerStaff } from '../testing/programme-actors';
import { ProgrammeHistory, given } from '../testing/programme-specification';
import { WorkshopHeld } from './workshop.events';

describe('workshop projection', () => {
  describe('given two registered staff members and three workshops, one of them with learning feedback', () => {
    const workshopHistory = () => {
      const history = new ProgrammeHistory();
      registerStaff(history, 's1', 'frontline', 'municipality', 'tingbjerg-husum', '2010-01-04T09:00:00.000Z');
      registerStaff(history, 's2', 'teacher', 'school', 'mjolnerparken', '2010-01-05T09:00:00.000Z');
      const w1: WorkshopHeld['data'] = { workshopId: 'w1', topic: 'parent-involvement', housingArea: 'tingbjerg-husum', participantStaffIds: ['s1', 's2'] };
      history.record('workshop-w1', 'WorkshopHeld', w1, '2010-03-10T13:00:00.000Z');
      history.record('workshop-w2', 'WorkshopHeld', { workshopId: 'w2', topic: 'good-collaboration', housingArea: 'mjolnerparken', participantStaffIds: ['s1'] }, '2010-03-20T13:00:00.000Z');
      const w3 = history.record('workshop-w3', 'WorkshopHeld', { workshopId: 'w3', topic: 'parent-involvement', housingArea: 'tingbjerg-husum', participantStaffIds: ['s1'] }, '2010-09-15T13:00:00.000Z');
      history.record('workshop-w1', 'WorkshopFeedbackRecorded', { workshopId: 'w1', staffId: 's1', reactionScore: 4, learningScore: 4 }, '2010-04-05T09:00:00.000Z');
      history.record('workshop-w1', 'WorkshopFeedbackRecorded', { workshopId: 'w1', staffId: 's2', reactionScore: 5, learningScore: 5 }, '2010-04-06T09:00:00.000Z');
      history.record('workshop-w2', 'WorkshopFeedbackRecorded', { workshopId: 'w2', staffId: 's1', reactionScore: 3, learningScore: 2 }, '2010-03-25T09:00:00.000Z');
      return { history, w3 };
    };

    it('when the cells are summed, then each staff member counts once per topic and once in the total of a quarter', () => {
      const { cell } = given(workshopHistory().history);
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'workshopTopic', 'parent-involvement')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'workshopTopic', 'good-collaboration')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'role', 'frontline')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'role', 'teacher')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'employer', 'school')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q3')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
    });

    it('when the cells are summed, then over the year the member trained twice on one topic still counts once', () => {
      const { cell } = given(workshopHistory().history);
      expect(cell('PRD-STAFF-TRAINED', 'year', '2010')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('PRD-STAFF-TRAINED', 'year', '2010', 'workshopTopic', 'parent-involvement')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('PRD-STAFF-TRAINED', 'year', '2010', 'workshopTopic', 'good-collaboration')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('PRD-STAFF-TRAINED', 'programme', 'programme')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
    });

    it('when the cells are summed, then the learning scores are averaged in the quarter the workshop was held, whenever the feedback came', () => {
      const { cell } = given(workshopHistory().history);
      // w1: 4 + 5, w2: 2 -> 11 over 3 responses.
      expect(cell('PRD-WORKSHOP-LEARNING', 'quarter', '2010-Q1')).toEqual({ numerator: 11, denominator: 3, subjects: 3 });
      expect(cell('PRD-WORKSHOP-LEARNING', 'quarter', '2010-Q1', 'workshopTopic', 'parent-involvement')).toEqual({ numerator: 9, denominator: 2, subjects: 2 });
      expect(cell('PRD-WORKSHOP-LEARNING', 'quarter', '2010-Q1', 'workshopTopic', 'good-collaboration')).toEqual({ numerator: 2, denominator: 1, subjects: 1 });
      expect(cell('PRD-WORKSHOP-LEARNING', 'quarter', '2010-Q1', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 9, denominator: 2, subjects: 2 });
      expect(cell('PRD-WORKSHOP-LEARNING', 'quarter', '2010-Q2')).toBeUndefined();
    });

    it('when the cells are summed, then every workshop counts as an event held', () => {
      const { cell } = given(workshopHistory().history);
      expect(cell('ACT-EVENTS-HELD', 'quarter', '2010-Q1')).toEqual({ numerator: 2, denominator: 0, subjects: 0 });
      expect(cell('ACT-EVENTS-HELD', 'quarter', '2010-Q1', 'format', 'workshop')).toEqual({ numerator: 2, denominator: 0, subjects: 0 });
      expect(cell('ACT-EVENTS-HELD', 'year', '2010')).toEqual({ numerator: 3, denominator: 0, subjects: 0 });
    });

    it('when the cells are summed, then the workshops held are counted by topic and by the workshop\'s area', () => {
      const { cell } = given(workshopHistory().history);
      expect(cell('PRD-WORKSHOPS-HELD', 'quarter', '2010-Q1')).toEqual({ numerator: 2, denominator: 0, subjects: 0 });
      expect(cell('PRD-WORKSHOPS-HELD', 'quarter', '2010-Q1', 'workshopTopic', 'parent-involvement')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('PRD-WORKSHOPS-HELD', 'quarter', '2010-Q1', 'workshopTopic', 'good-collaboration')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('PRD-WORKSHOPS-HELD', 'quarter', '2010-Q1', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('PRD-WORKSHOPS-HELD', 'year', '2010', 'workshopTopic', 'parent-involvement')).toEqual({ numerator: 2, denominator: 0, subjects: 0 });
      expect(cell('PRD-WORKSHOPS-HELD', 'year', '2010', 'workshopTopic', 'involving-minority-associations')).toBeUndefined();
    });

    it('when the third workshop is withdrawn, then it is gone from the topic\'s count and from the events held', () => {
      const { history, w3 } = workshopHistory();
      history.retract(w3, '2010-09-20T09:00:00.000Z', 'workshoppen blev aflyst');
      const { cell, keys } = given(history);
      expect(cell('PRD-WORKSHOPS-HELD', 'year', '2010', 'workshopTopic', 'parent-involvement')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(keys('PRD-WORKSHOPS-HELD').filter((key) => key.includes('|2010-Q3|'))).toEqual([]);
      expect(cell('ACT-EVENTS-HELD', 'year', '2010')).toEqual({ numerator: 2, denominator: 0, subjects: 0 });
    });
  });
});
