import { UsageError, isoFlag, oneOfFlag, parseArgs } from './args';

describe('parseArgs', () => {
  it('separates the command and its argument from the flags that follow them', () => {
    expect(parseArgs(['export', 'events', '--format', 'csv', '--out', 'events.csv'])).toEqual({
      positional: ['export', 'events'],
      flags: { format: 'csv', out: 'events.csv' },
    });
  });

  it('takes the word after a flag as its value, and later words as positionals again', () => {
    expect(parseArgs(['rebuild', '--api', 'http://localhost:3000', 'programme'])).toEqual({
      positional: ['rebuild', 'programme'],
      flags: { api: 'http://localhost:3000' },
    });
    expect(parseArgs(['audit', 'one', '--limit', '5', 'two'])).toEqual({ positional: ['audit', 'one', 'two'], flags: { limit: '5' } });
  });

  it('reads --flag=value, and splits only at the first =', () => {
    expect(parseArgs(['replay', '--known-at=2011-01-15T12:00:00Z', '--format=csv']).flags).toEqual({
      'known-at': '2011-01-15T12:00:00Z',
      format: 'csv',
    });
    expect(parseArgs(['rebuild', '--api=http://host:3000/base?a=b=c']).flags).toEqual({ api: 'http://host:3000/base?a=b=c' });
    expect(parseArgs(['export', 'events', '--separator=,']).flags).toEqual({ separator: ',' });
    expect(parseArgs(['export', 'events', '--separator=']).flags).toEqual({ separator: '' });
  });

  it('makes a flag without a value a switch set to "true"', () => {
    expect(parseArgs(['--help']).flags).toEqual({ help: 'true' });
    expect(parseArgs(['status', '--verbose', '--format', 'json']).flags).toEqual({ verbose: 'true', format: 'json' });
    expect(parseArgs(['audit', '--stream', 'course-c2-mjolnerparken', '--all']).flags).toEqual({ stream: 'course-c2-mjolnerparken', all: 'true' });
  });

  it('takes a value that only looks like an option when it does not start with --', () => {
    expect(parseArgs(['export', 'events', '--separator', ';', '--after', '-1']).flags).toEqual({ separator: ';', after: '-1' });
  });

  it('lets the last of a repeated flag win', () => {
    expect(parseArgs(['replay', '--format', 'csv', '--format=json']).flags).toEqual({ format: 'json' });
  });

  it('returns nothing for no arguments', () => {
    expect(parseArgs([])).toEqual({ positional: [], flags: {} });
  });
});

describe('oneOfFlag', () => {
  const formats = ['table', 'csv', 'json'] as const;

  it('returns the given value when it is allowed, and the fallback when the flag is absent', () => {
    expect(oneOfFlag({ format: 'csv' }, 'format', formats, 'table')).toBe('csv');
    expect(oneOfFlag({}, 'format', formats, 'table')).toBe('table');
  });

  it('refuses any other value with a usage error naming the flag, the choices and the value', () => {
    const attempt = () => oneOfFlag({ format: 'xml' }, 'format', formats, 'table');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow('--format must be one of table, csv, json, got "xml"');
  });

  it('refuses a switch given without a value', () => {
    expect(() => oneOfFlag(parseArgs(['replay', '--format']).flags, 'format', formats, 'table')).toThrow('got "true"');
  });
});

describe('isoFlag', () => {
  it('returns a time with its offset as its UTC instant, and undefined when absent', () => {
    expect(isoFlag({ 'known-at': '2011-01-15T12:00:00Z' }, 'known-at', 'through')).toBe('2011-01-15T12:00:00.000Z');
    expect(isoFlag({ 'as-of': '2010-12-31T23:59:59+01:00' }, 'as-of', 'through')).toBe('2010-12-31T22:59:59.000Z');
    expect(isoFlag({}, 'known-at', 'through')).toBeUndefined();
  });

  it('reads a date as a whole day in Copenhagen: as-of its last millisecond, a range from its midnight up to the next', () => {
    expect(isoFlag({ 'as-of': '2010-12-31' }, 'as-of', 'through')).toBe('2010-12-31T22:59:59.999Z');
    expect(isoFlag({ 'occurred-from': '2010-06-30' }, 'occurred-from', 'from')).toBe('2010-06-29T22:00:00.000Z');
    expect(isoFlag({ 'occurred-to': '2010-06-30' }, 'occurred-to', 'before')).toBe('2010-06-30T22:00:00.000Z');
  });

  it('refuses what is not a date with a usage error naming the flag and the value', () => {
    const attempt = () => isoFlag({ 'known-at': 'yesterday' }, 'known-at', 'through');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow('--known-at must be an ISO-8601 date or time, got "yesterday"');
    expect(() => isoFlag(parseArgs(['replay', '--as-of']).flags, 'as-of', 'through')).toThrow(UsageError);
  });

  it.each([
    ['words Date.parse would guess at', 'June 30, 2010'],
    ['a time without an offset', '2010-12-31T10:00'],
    ['a date that does not exist', '2010-13-45'],
  ])('refuses %s with the rule: "%s"', (_, value) => {
    expect(() => isoFlag({ 'as-of': value }, 'as-of', 'through')).toThrow(
      `--as-of must be an ISO-8601 date or time, got "${value}": a time with its offset (2010-12-31T20:00:00+01:00 or 2010-12-31T19:00:00Z) ` +
        'or a date (2010-12-31) meaning the end of that day in Copenhagen',
    );
  });

  it('names the start of the day for the start of a range', () => {
    expect(() => isoFlag({ 'recorded-from': 'soon' }, 'recorded-from', 'from')).toThrow(/meaning the start of that day in Copenhagen$/);
  });
});
