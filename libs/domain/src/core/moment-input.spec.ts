import { MomentBound, momentInputRule, parseMomentInput } from './moment-input';

/** Given the text of a time, when it is read as a bound, then it is this UTC instant (or refused: null). */
const read = (text: string, bound: MomentBound = 'through') => parseMomentInput(text, bound);

describe('parseMomentInput', () => {
  describe('a time with its offset', () => {
    it('is the instant it names, in UTC, whatever the bound', () => {
      for (const bound of ['from', 'through', 'before'] as const) {
        expect(read('2010-12-31T20:00:00+01:00', bound)).toBe('2010-12-31T19:00:00.000Z');
      }
      expect(read('2011-01-15T12:00:00Z')).toBe('2011-01-15T12:00:00.000Z');
      expect(read('2010-06-30T08:15:00-04:30')).toBe('2010-06-30T12:45:00.000Z');
    });

    it('may leave out the seconds or give a fraction of them, kept to the millisecond', () => {
      expect(read('2010-12-31T20:00+01:00')).toBe('2010-12-31T19:00:00.000Z');
      expect(read('2010-12-31T20:00:00.5Z')).toBe('2010-12-31T20:00:00.500Z');
      expect(read('2010-12-31T20:00:00.123456Z')).toBe('2010-12-31T20:00:00.123Z');
    });

    it('reads back as itself once converted', () => {
      const instant = read('2010-03-28T02:30:00+01:00')!;
      expect(read(instant, 'before')).toBe(instant);
    });
  });

  describe('a bare date: a day in Copenhagen', () => {
    it('as the start of a range is local midnight: 23:00 UTC the day before in winter, 22:00 in summer', () => {
      expect(read('2010-12-31', 'from')).toBe('2010-12-30T23:00:00.000Z');
      expect(read('2010-06-30', 'from')).toBe('2010-06-29T22:00:00.000Z');
    });

    it('as an inclusive moment (asOf, knownAt) is the last millisecond of the day', () => {
      expect(read('2010-12-31', 'through')).toBe('2010-12-31T22:59:59.999Z');
      expect(read('2010-06-30', 'through')).toBe('2010-06-30T21:59:59.999Z');
    });

    it('as the exclusive end of a range is the next midnight', () => {
      expect(read('2010-12-31', 'before')).toBe('2010-12-31T23:00:00.000Z');
    });

    it('takes in an evening event that is already the next day in UTC', () => {
      expect(read('2010-12-31T20:00:00+01:00')! <= read('2010-12-31')!).toBe(true);
      expect(read('2011-01-01T00:00:00+01:00')! <= read('2010-12-31')!).toBe(false);
    });

    it('on the day summer time starts (2010-03-28) spans 23 hours', () => {
      expect(read('2010-03-28', 'from')).toBe('2010-03-27T23:00:00.000Z');
      expect(read('2010-03-28', 'through')).toBe('2010-03-28T21:59:59.999Z');
      expect(read('2010-03-28', 'before')).toBe('2010-03-28T22:00:00.000Z');
    });

    it('on the day summer time ends (2010-10-31) spans 25 hours', () => {
      expect(read('2010-10-31', 'from')).toBe('2010-10-30T22:00:00.000Z');
      expect(read('2010-10-31', 'through')).toBe('2010-10-31T22:59:59.999Z');
      expect(read('2010-10-31', 'before')).toBe('2010-10-31T23:00:00.000Z');
    });

    it('knows leap days', () => {
      expect(read('2012-02-29', 'from')).toBe('2012-02-28T23:00:00.000Z');
      expect(read('2010-02-29')).toBeNull();
      expect(read('1900-02-29')).toBeNull();
      expect(read('2000-02-29', 'from')).toBe('2000-02-28T23:00:00.000Z');
    });
  });

  describe('anything else is refused', () => {
    it.each([
      ['a time without an offset', '2010-12-31T10:00'],
      ['a time without an offset, with seconds', '2010-12-31T10:00:00'],
      ['a month and a day that do not exist', '2010-13-45'],
      ['the 31st of a 30-day month', '2010-06-31T10:00:00Z'],
      ['an hour past 23', '2010-12-31T24:00:00Z'],
      ['a minute past 59', '2010-12-31T10:60:00Z'],
      ['an offset minute past 59', '2010-12-31T10:00:00+01:60'],
      ['an offset without its colon', '2010-12-31T10:00:00+0100'],
      ['a space for the T', '2010-12-31 10:00:00Z'],
      ['words Date.parse would guess at', 'June 30, 2010'],
      ['a Danish date', '31/12/2010'],
      ['a year alone', '2010'],
      ['a relative word', 'yesterday'],
      ['nothing', ''],
      ['a five-digit year', '+010000-01-01T00:00:00Z'],
    ])('%s: "%s"', (_, text) => {
      expect(read(text)).toBeNull();
    });

    it('when the instant would fall outside the four-digit years', () => {
      expect(read('0000-01-01', 'from')).toBeNull();
      expect(read('0000-01-01T00:30:00+01:00')).toBeNull();
    });
  });
});

describe('momentInputRule', () => {
  it('shows both forms and says which end of the day a date means', () => {
    expect(momentInputRule('from')).toBe(
      'a time with its offset (2010-12-31T20:00:00+01:00 or 2010-12-31T19:00:00Z) or a date (2010-12-31) meaning the start of that day in Copenhagen',
    );
    expect(momentInputRule('through')).toMatch(/meaning the end of that day in Copenhagen$/);
    expect(momentInputRule('before')).toMatch(/meaning the end of that day in Copenhagen$/);
  });
});
