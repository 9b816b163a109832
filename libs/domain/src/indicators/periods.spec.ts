import {
  PERIOD_KEY,
  PROGRAMME_PERIOD,
  ProgrammeCalendar,
  enclosingPeriod,
  firstDayOf,
  isPeriodOfType,
  lastDayOf,
  localDate,
  periodEndsCovered,
  periodKeyExamples,
  periodOf,
  periodTypes,
} from './periods';

const calendar: ProgrammeCalendar = { start: '2010-01-01', end: '2011-12-31' };

describe('localDate', () => {
  describe('given an instant in winter time (Copenhagen is UTC+1)', () => {
    it('when it is one second before local midnight, then it is still the earlier day', () => {
      expect(localDate('2010-01-15T22:59:59Z')).toBe('2010-01-15');
    });

    it('when it is exactly local midnight, then it is the next day although UTC is still on the earlier day', () => {
      expect(localDate('2010-01-15T23:00:00Z')).toBe('2010-01-16');
    });

    it('when it carries milliseconds, then they do not change the day', () => {
      expect(localDate('2010-02-03T22:59:59.999Z')).toBe('2010-02-03');
      expect(localDate('2010-02-04T23:00:00.000Z')).toBe('2010-02-05');
    });
  });

  describe('given an instant in summer time (Copenhagen is UTC+2)', () => {
    it('when it is one second before local midnight, then it is still the earlier day', () => {
      expect(localDate('2010-07-15T21:59:59Z')).toBe('2010-07-15');
    });

    it('when it is exactly local midnight, then it is the next day', () => {
      expect(localDate('2010-07-15T22:00:00Z')).toBe('2010-07-16');
    });

    it('when it is 23:30 UTC on 31 March, then it is 1 April in Copenhagen (second quarter)', () => {
      expect(localDate('2010-03-31T23:30:00Z')).toBe('2010-04-01');
      expect(periodOf('quarter', localDate('2010-03-31T23:30:00Z'))).toBe('2010-Q2');
    });
  });

  describe('given the day summer time begins (2010-03-28, clocks go from 02:00 CET to 03:00 CEST)', () => {
    it('when the day starts (23:00 UTC the evening before, still UTC+1), then the local date flips at that instant', () => {
      expect(localDate('2010-03-27T22:59:59Z')).toBe('2010-03-27');
      expect(localDate('2010-03-27T23:00:00Z')).toBe('2010-03-28');
    });

    it('when the clocks have just moved forward, then it is still 28 March', () => {
      expect(localDate('2010-03-28T00:59:59Z')).toBe('2010-03-28');
      expect(localDate('2010-03-28T01:00:00Z')).toBe('2010-03-28');
    });

    it('when the day ends (22:00 UTC, now UTC+2), then the local date flips one hour earlier in UTC than the day before', () => {
      expect(localDate('2010-03-28T21:59:59Z')).toBe('2010-03-28');
      expect(localDate('2010-03-28T22:00:00Z')).toBe('2010-03-29');
    });
  });

  describe('given the day summer time ends (2010-10-31, clocks go from 03:00 CEST back to 02:00 CET)', () => {
    it('when the day starts (22:00 UTC the evening before, still UTC+2), then the local date flips at that instant', () => {
      expect(localDate('2010-10-30T21:59:59Z')).toBe('2010-10-30');
      expect(localDate('2010-10-30T22:00:00Z')).toBe('2010-10-31');
    });

    it('when the day ends (23:00 UTC, now UTC+1), then the local date flips one hour later in UTC than the day before', () => {
      expect(localDate('2010-10-31T22:59:59Z')).toBe('2010-10-31');
      expect(localDate('2010-10-31T23:00:00Z')).toBe('2010-11-01');
    });
  });

  describe('given New Year', () => {
    it('when it is 22:59:59 UTC on 31 December, then it is still the old year', () => {
      expect(localDate('2010-12-31T22:59:59Z')).toBe('2010-12-31');
      expect(periodOf('year', localDate('2010-12-31T22:59:59Z'))).toBe('2010');
    });

    it('when it is 23:00 UTC on 31 December, then it is already 1 January of the new year, first quarter', () => {
      expect(localDate('2010-12-31T23:00:00Z')).toBe('2011-01-01');
      expect(periodOf('year', localDate('2010-12-31T23:00:00Z'))).toBe('2011');
      expect(periodOf('quarter', localDate('2010-12-31T23:00:00Z'))).toBe('2011-Q1');
    });

    it('when it is 23:30 UTC on 31 December 2009, then it belongs to the programme start day', () => {
      expect(localDate('2009-12-31T23:30:00Z')).toBe('2010-01-01');
    });
  });

  describe('given a bare local date', () => {
    it('when it is converted, then it is returned unchanged', () => {
      expect(localDate('2010-06-30')).toBe('2010-06-30');
      expect(localDate('2011-01-01')).toBe('2011-01-01');
    });
  });

  describe('given instants written with an explicit UTC offset (commands carry ISO-8601 with a time zone)', () => {
    it('when the instant is written in Copenhagen summer time, then its local date is the one written', () => {
      expect(localDate('2010-05-04T23:30:00+02:00')).toBe('2010-05-04');
    });

    it('when the instant is written in another zone, then it is converted to Copenhagen', () => {
      // 23:30 at UTC-5 on 31 December 2010 is 04:30 UTC = 05:30 in Copenhagen on 1 January 2011.
      expect(localDate('2010-12-31T23:30:00-05:00')).toBe('2011-01-01');
    });

    it('when the same clock hour is written once in UTC and once with +02:00, then each instant gets its own local date', () => {
      // 2010-08-31T23:30Z is 01:30 on 1 September in Copenhagen; 2010-08-31T23:30+02:00 is 23:30 on 31 August.
      expect(localDate('2010-08-31T23:30:00Z')).toBe('2010-09-01');
      expect(localDate('2010-08-31T23:30:00+02:00')).toBe('2010-08-31');
    });

    it('when the offset form is read first and the UTC form second, then each instant still gets its own local date', () => {
      // 2010-06-30T23:10+02:00 is 30 June in Copenhagen (end of Q2); 2010-06-30T23:10Z is 01:10 on 1 July (Q3).
      expect(localDate('2010-06-30T23:10:00+02:00')).toBe('2010-06-30');
      expect(localDate('2010-06-30T23:10:00Z')).toBe('2010-07-01');
    });
  });
});

describe('periodOf', () => {
  describe('given the quarter period type', () => {
    it('when a date is on either side of a quarter boundary, then it gets the quarter it falls in', () => {
      expect(periodOf('quarter', '2010-01-01')).toBe('2010-Q1');
      expect(periodOf('quarter', '2010-03-31')).toBe('2010-Q1');
      expect(periodOf('quarter', '2010-04-01')).toBe('2010-Q2');
      expect(periodOf('quarter', '2010-06-30')).toBe('2010-Q2');
      expect(periodOf('quarter', '2010-07-01')).toBe('2010-Q3');
      expect(periodOf('quarter', '2010-09-30')).toBe('2010-Q3');
      expect(periodOf('quarter', '2010-10-01')).toBe('2010-Q4');
      expect(periodOf('quarter', '2011-12-31')).toBe('2011-Q4');
    });
  });

  describe('given the half-year period type', () => {
    it('when a date is at the end of June or the start of July, then it gets H1 or H2', () => {
      expect(periodOf('half-year', '2010-01-01')).toBe('2010-H1');
      expect(periodOf('half-year', '2010-06-30')).toBe('2010-H1');
      expect(periodOf('half-year', '2010-07-01')).toBe('2010-H2');
      expect(periodOf('half-year', '2011-12-31')).toBe('2011-H2');
    });
  });

  describe('given the year period type', () => {
    it('when a date is given, then its key is the year', () => {
      expect(periodOf('year', '2010-12-31')).toBe('2010');
      expect(periodOf('year', '2011-01-01')).toBe('2011');
    });
  });

  describe('given the programme period type', () => {
    it('when any date is given, then its key is the single programme period', () => {
      expect(periodOf('programme', '2010-01-01')).toBe('programme');
      expect(periodOf('programme', '2011-07-14')).toBe('programme');
      expect(PROGRAMME_PERIOD).toBe('programme');
    });
  });
});

describe('firstDayOf and lastDayOf', () => {
  describe('given quarters', () => {
    it('when each quarter of 2010 is asked for, then its first and last calendar days are returned', () => {
      expect([firstDayOf('quarter', '2010-Q1', calendar), lastDayOf('quarter', '2010-Q1', calendar)]).toEqual(['2010-01-01', '2010-03-31']);
      expect([firstDayOf('quarter', '2010-Q2', calendar), lastDayOf('quarter', '2010-Q2', calendar)]).toEqual(['2010-04-01', '2010-06-30']);
      expect([firstDayOf('quarter', '2010-Q3', calendar), lastDayOf('quarter', '2010-Q3', calendar)]).toEqual(['2010-07-01', '2010-09-30']);
      expect([firstDayOf('quarter', '2010-Q4', calendar), lastDayOf('quarter', '2010-Q4', calendar)]).toEqual(['2010-10-01', '2010-12-31']);
    });
  });

  describe('given half-years', () => {
    it('when H1 and H2 are asked for, then they run January-June and July-December', () => {
      expect([firstDayOf('half-year', '2011-H1', calendar), lastDayOf('half-year', '2011-H1', calendar)]).toEqual(['2011-01-01', '2011-06-30']);
      expect([firstDayOf('half-year', '2011-H2', calendar), lastDayOf('half-year', '2011-H2', calendar)]).toEqual(['2011-07-01', '2011-12-31']);
    });
  });

  describe('given years', () => {
    it('when a year is asked for, then it runs 1 January to 31 December', () => {
      expect([firstDayOf('year', '2010', calendar), lastDayOf('year', '2010', calendar)]).toEqual(['2010-01-01', '2010-12-31']);
      expect([firstDayOf('year', '2011', calendar), lastDayOf('year', '2011', calendar)]).toEqual(['2011-01-01', '2011-12-31']);
    });
  });

  describe('given the programme period', () => {
    it('when it is asked for, then it runs from the calendar start to the calendar end', () => {
      expect(firstDayOf('programme', 'programme', calendar)).toBe('2010-01-01');
      expect(lastDayOf('programme', 'programme', calendar)).toBe('2011-12-31');
      const other: ProgrammeCalendar = { start: '2012-03-01', end: '2013-02-28' };
      expect(firstDayOf('programme', 'programme', other)).toBe('2012-03-01');
      expect(lastDayOf('programme', 'programme', other)).toBe('2013-02-28');
    });
  });
});

describe('periodEndsCovered', () => {
  describe('given a closed interval, joined mid-quarter and left mid-quarter', () => {
    it('when quarters are asked for, then the quarter it was left in is not counted at its end', () => {
      expect(periodEndsCovered('quarter', '2010-02-15', '2010-08-15', calendar)).toEqual(['2010-Q1', '2010-Q2']);
    });

    it('when half-years are asked for, then only the half-year whose end it spans is counted', () => {
      expect(periodEndsCovered('half-year', '2010-02-15', '2010-08-15', calendar)).toEqual(['2010-H1']);
    });

    it('when years are asked for, then no year end is covered', () => {
      expect(periodEndsCovered('year', '2010-02-15', '2010-08-15', calendar)).toEqual([]);
    });
  });

  describe('given a closed interval left exactly on a quarter\'s last day', () => {
    it('when quarters are asked for, then it does not hold at the end of that day, so that quarter is not counted', () => {
      expect(periodEndsCovered('quarter', '2010-02-15', '2010-06-30', calendar)).toEqual(['2010-Q1']);
    });

    it('when it is left the day after the quarter\'s last day, then that quarter is counted', () => {
      expect(periodEndsCovered('quarter', '2010-02-15', '2010-07-01', calendar)).toEqual(['2010-Q1', '2010-Q2']);
    });
  });

  describe('given an interval that starts on a quarter\'s last day', () => {
    it('when quarters are asked for, then it holds at that quarter\'s end', () => {
      expect(periodEndsCovered('quarter', '2010-03-31', '2010-04-15', calendar)).toEqual(['2010-Q1']);
    });
  });

  describe('given an interval entirely inside one quarter', () => {
    it('when quarters are asked for, then no period end is covered', () => {
      expect(periodEndsCovered('quarter', '2010-04-10', '2010-05-20', calendar)).toEqual([]);
    });
  });

  describe('given an interval that crosses New Year', () => {
    it('when quarters and years are asked for, then the quarters on both sides and the old year are counted', () => {
      expect(periodEndsCovered('quarter', '2010-11-01', '2011-05-01', calendar)).toEqual(['2010-Q4', '2011-Q1']);
      expect(periodEndsCovered('year', '2010-11-01', '2011-05-01', calendar)).toEqual(['2010']);
    });
  });

  describe('given an open interval', () => {
    it('when quarters are asked for, then every quarter end from its start up to the programme end is counted', () => {
      expect(periodEndsCovered('quarter', '2010-05-10', null, calendar)).toEqual([
        '2010-Q2',
        '2010-Q3',
        '2010-Q4',
        '2011-Q1',
        '2011-Q2',
        '2011-Q3',
        '2011-Q4',
      ]);
    });

    it('when half-years and years are asked for, then every one up to the programme end is counted', () => {
      expect(periodEndsCovered('half-year', '2010-05-10', null, calendar)).toEqual(['2010-H1', '2010-H2', '2011-H1', '2011-H2']);
      expect(periodEndsCovered('year', '2010-05-10', null, calendar)).toEqual(['2010', '2011']);
    });

    it('when it starts after the programme end, then only its own start period is counted', () => {
      expect(periodEndsCovered('quarter', '2012-02-01', null, calendar)).toEqual(['2012-Q1']);
    });
  });

  describe('given the programme period', () => {
    it('when the interval is open, then the programme end is covered', () => {
      expect(periodEndsCovered('programme', '2010-05-10', null, calendar)).toEqual(['programme']);
    });

    it('when the interval ended before the programme end, then it is not covered', () => {
      expect(periodEndsCovered('programme', '2010-05-10', '2011-06-01', calendar)).toEqual([]);
    });

    it('when the interval ends exactly on the programme\'s last day, then it is not covered', () => {
      expect(periodEndsCovered('programme', '2010-05-10', '2011-12-31', calendar)).toEqual([]);
    });

    it('when the interval ends after the programme end, then it is covered', () => {
      expect(periodEndsCovered('programme', '2010-05-10', '2012-01-01', calendar)).toEqual(['programme']);
    });
  });
});

describe('period keys', () => {
  it('given the key periodOf gives for a date, then it names a period of that type and of no other', () => {
    for (const type of periodTypes) {
      const key = periodOf(type, '2010-08-15');
      expect(PERIOD_KEY.test(key)).toBe(true);
      expect(periodTypes.filter((other) => isPeriodOfType(other, key))).toEqual([type]);
    }
  });

  it('given the example of each type, then it is a key of that type', () => {
    for (const type of periodTypes) expect(periodTypes.filter((other) => isPeriodOfType(other, periodKeyExamples[type]))).toEqual([type]);
  });

  it('given text that names no period, then it has no type and does not match', () => {
    for (const text of ['2010-Q5', '2010-H3', '10', '2010-q3', 'programme ', ' 2010', '2010-Q3-extra', 'Programme', '']) {
      expect(periodTypes.filter((type) => isPeriodOfType(type, text))).toEqual([]);
      expect(PERIOD_KEY.test(text)).toBe(false);
    }
  });
});

describe('enclosingPeriod', () => {
  it.each([
    ['quarter', '2010-Q3', 'half-year', '2010-H2'],
    ['quarter', '2010-Q2', 'half-year', '2010-H1'],
    ['quarter', '2011-Q4', 'year', '2011'],
    ['half-year', '2010-H2', 'year', '2010'],
    ['year', '2011', 'programme', PROGRAMME_PERIOD],
  ] as const)('given the %s %s, when its %s is asked for, then it is %s', (type, key, coarser, expected) => {
    expect(enclosingPeriod(type, key, coarser)).toBe(expected);
  });
});
