import { ProgrammeHistory, given } from '../testing/programme-specification';

describe('forum projection', () => {
  describe('given a forum with three seats taken (minority and nominated, other, background withheld) and the minority seat later left', () => {
    const forumHistory = () => {
      const history = new ProgrammeHistory();
      history.record('forum-f1', 'ForumRegistered', { forumId: 'f1', name: 'Afdelingsbestyrelsen', forumType: 'resident-board', housingArea: 'mjolnerparken', seats: 7 }, '2010-01-05T10:00:00.000Z');
      history.record('forum-f1', 'ForumSeatTaken', { forumId: 'f1', seatHolderId: 'h1', background: 'ethnic-minority', nominatedByAssociationId: 'a2' }, '2010-02-01T18:00:00.000Z');
      history.record('forum-f1', 'ForumSeatTaken', { forumId: 'f1', seatHolderId: 'h2', background: 'other' }, '2010-02-10T18:00:00.000Z');
      history.record('forum-f1', 'ForumSeatTaken', { forumId: 'f1', seatHolderId: 'h3', background: 'not-disclosed' }, '2010-03-01T18:00:00.000Z');
      history.record('forum-f1', 'ForumSeatLeft', { forumId: 'f1', seatHolderId: 'h1' }, '2010-08-01T18:00:00.000Z');
      history.record('forum-f1', 'ForumInputGiven', { forumId: 'f1', inputId: 'i1', kind: 'hearing-response', associationId: 'a2', summary: 'Høringssvar om legeplads' }, '2010-04-12T10:00:00.000Z');
      history.record('forum-f1', 'ForumInputGiven', { forumId: 'f1', inputId: 'i2', kind: 'proposal', summary: 'Forslag fra en beboer' }, '2010-04-13T10:00:00.000Z');
      return history;
    };

    it('when the cells are summed, then the withheld background counts as an occupied seat but never as a minority seat', () => {
      const { cell } = given(forumHistory());
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 3, subjects: 3 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 3, subjects: 3 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q3')).toEqual({ numerator: 0, denominator: 2, subjects: 2 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q1', 'forumType', 'resident-board')).toEqual({ numerator: 1, denominator: 3, subjects: 3 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'programme', 'programme')).toEqual({ numerator: 0, denominator: 2, subjects: 2 });
    });

    it('when the cells are summed, then the nominated seat counts at each period end while held', () => {
      const { cell } = given(forumHistory());
      expect(cell('LT-ASSOCIATION-NOMINATED-SEATS', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('LT-ASSOCIATION-NOMINATED-SEATS', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('LT-ASSOCIATION-NOMINATED-SEATS', 'quarter', '2010-Q3')).toBeUndefined();
      expect(cell('LT-ASSOCIATION-NOMINATED-SEATS', 'half-year', '2010-H1', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
    });

    it('when the cells are summed, then only the input given by an association counts', () => {
      const { cell } = given(forumHistory());
      expect(cell('LT-FORUM-INPUTS', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('LT-FORUM-INPUTS', 'quarter', '2010-Q2', 'inputKind', 'hearing-response')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('LT-FORUM-INPUTS', 'quarter', '2010-Q2', 'inputKind', 'proposal')).toBeUndefined();
    });
  });
});
