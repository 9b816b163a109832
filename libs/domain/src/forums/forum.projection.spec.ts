import { ProgrammeHistory, given } from '../testing/programme-specification';

describe('forum projection', () => {
  describe('given a forum with three seats taken (minority and nominated, other, background withheld) and the minority seat later left', () => {
    const forumHistory = () => {
      const history = new ProgrammeHistory();
      history.record('forum-f1', 'ForumRegistered', { forumId: 'f1', name: 'Afdelingsbestyrelsen', forumType: 'resident-board', housingArea: 'mjolnerparken', seats: 7 }, '2010-01-05T10:00:00.000Z');
      history.record('forum-f1', 'ForumSeatTaken', { forumId: 'f1', seatHolderId: 'h1', background: 'ethnic-minority', nominatedByAssociationId: 'a2' }, '2010-02-01T18:00:00.000Z');
      const h2Taken = history.record('forum-f1', 'ForumSeatTaken', { forumId: 'f1', seatHolderId: 'h2', background: 'other' }, '2010-02-10T18:00:00.000Z');
      history.record('forum-f1', 'ForumSeatTaken', { forumId: 'f1', seatHolderId: 'h3', background: 'not-disclosed' }, '2010-03-01T18:00:00.000Z');
      const h1Left = history.record('forum-f1', 'ForumSeatLeft', { forumId: 'f1', seatHolderId: 'h1' }, '2010-08-01T18:00:00.000Z');
      history.record('forum-f1', 'ForumInputGiven', { forumId: 'f1', inputId: 'i1', kind: 'hearing-response', associationId: 'a2', summary: 'Høringssvar om legeplads' }, '2010-04-12T10:00:00.000Z');
      history.record('forum-f1', 'ForumInputGiven', { forumId: 'f1', inputId: 'i2', kind: 'proposal', summary: 'Forslag fra en beboer' }, '2010-04-13T10:00:00.000Z');
      return { history, h2Taken, h1Left };
    };

    it('when the cells are summed, then the withheld background counts as an occupied seat but never as a minority seat', () => {
      const { cell } = given(forumHistory().history);
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 3, subjects: 3 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 3, subjects: 3 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q3')).toEqual({ numerator: 0, denominator: 2, subjects: 2 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q1', 'forumType', 'resident-board')).toEqual({ numerator: 1, denominator: 3, subjects: 3 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'programme', 'programme')).toEqual({ numerator: 0, denominator: 2, subjects: 2 });
    });

    it('when the cells are summed, then the nominated seat counts at each period end while held', () => {
      const { cell } = given(forumHistory().history);
      expect(cell('LT-ASSOCIATION-NOMINATED-SEATS', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('LT-ASSOCIATION-NOMINATED-SEATS', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('LT-ASSOCIATION-NOMINATED-SEATS', 'quarter', '2010-Q3')).toBeUndefined();
      expect(cell('LT-ASSOCIATION-NOMINATED-SEATS', 'half-year', '2010-H1', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
    });

    it('when the cells are summed, then only the input given by an association counts', () => {
      const { cell } = given(forumHistory().history);
      expect(cell('LT-FORUM-INPUTS', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('LT-FORUM-INPUTS', 'quarter', '2010-Q2', 'inputKind', 'hearing-response')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('LT-FORUM-INPUTS', 'quarter', '2010-Q2', 'inputKind', 'proposal')).toBeUndefined();
    });

    it('when the cells are summed, then seats taken and left are counted in the period they happened, whatever the background', () => {
      const { cell } = given(forumHistory().history);
      expect(cell('LT-FORUM-SEATS-TAKEN', 'quarter', '2010-Q1')).toEqual({ numerator: 3, denominator: 0, subjects: 3 });
      expect(cell('LT-FORUM-SEATS-TAKEN', 'quarter', '2010-Q1', 'forumType', 'resident-board')).toEqual({ numerator: 3, denominator: 0, subjects: 3 });
      expect(cell('LT-FORUM-SEATS-TAKEN', 'quarter', '2010-Q3')).toBeUndefined();
      expect(cell('LT-FORUM-SEATS-LEFT', 'quarter', '2010-Q1')).toBeUndefined();
      expect(cell('LT-FORUM-SEATS-LEFT', 'quarter', '2010-Q3')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('LT-FORUM-SEATS-LEFT', 'half-year', '2010-H2', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('LT-FORUM-SEATS-TAKEN', 'programme', 'programme')).toEqual({ numerator: 3, denominator: 0, subjects: 3 });
    });

    it('when h1 takes a seat again later, then that is a second seat taken, in its own quarter', () => {
      const { history } = forumHistory();
      history.record('forum-f1', 'ForumSeatTaken', { forumId: 'f1', seatHolderId: 'h1', background: 'ethnic-minority' }, '2010-10-01T18:00:00.000Z');
      const { cell } = given(history);
      expect(cell('LT-FORUM-SEATS-TAKEN', 'quarter', '2010-Q4')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('LT-FORUM-SEATS-TAKEN', 'year', '2010')).toEqual({ numerator: 4, denominator: 0, subjects: 4 });
      expect(cell('LT-FORUM-SEATS-LEFT', 'year', '2010')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
    });

    it('when h1 leaving is retracted and h2 taking the seat is corrected to April, then the flows follow the records', () => {
      const { history, h2Taken, h1Left } = forumHistory();
      history.retract(h1Left, '2010-08-02T09:00:00.000Z', 'h1 sidder stadig i bestyrelsen');
      history.correct(h2Taken, h2Taken.data, '2010-04-05T18:00:00.000Z', 'forkert dato');
      const { cell, keys } = given(history);
      expect(keys('LT-FORUM-SEATS-LEFT')).toEqual([]);
      expect(cell('LT-FORUM-SEATS-TAKEN', 'quarter', '2010-Q1')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('LT-FORUM-SEATS-TAKEN', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q3')).toEqual({ numerator: 1, denominator: 3, subjects: 3 });
    });
  });
});
