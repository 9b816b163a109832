import { CALENDAR_DATE_PATTERN, isCalendarDate } from './input';
import { PROGRAMME_TIME_ZONE } from './time';

/**
 * Times typed into queries and CLI flags. A time must carry its offset (2010-12-31T20:00:00+01:00,
 * 2010-12-31T19:00:00Z), so that it names one instant whatever the zone of the machine that reads
 * it; a bare date (2010-12-31) is a day of the programme's calendar in Copenhagen. Anything else is
 * refused rather than guessed. Accepted input comes out as a UTC ISO-8601 instant, which reads
 * back as itself.
 */

/**
 * Which instant of its day a bare date stands for, by how the bound is compared:
 * - `from`, the inclusive start of a range: the day's first instant (local midnight);
 * - `through`, an inclusive moment (asOf, knownAt): the day's last millisecond;
 * - `before`, the exclusive end of a range: the next day's first instant.
 * Either way an upper bound takes in the whole of the day it names.
 */
export type MomentBound = 'from' | 'through' | 'before';

const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
// Outside the four-digit years an instant has no ISO-8601 form that reads back.
const FOUR_DIGIT_YEAR = /^\d{4}-/;

/** What an accepted time looks like, for messages that name the rule. */
export const momentInputRule = (bound: MomentBound): string =>
  `a time with its offset (2010-12-31T20:00:00+01:00 or 2010-12-31T19:00:00Z) or a date (2010-12-31) ` +
  `meaning the ${bound === 'from' ? 'start' : 'end'} of that day in Copenhagen`;

/** Milliseconds since the epoch of a wall-clock reading taken as UTC (days past the month's end roll over). */
const wallClockMs = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number => {
  const time = new Date(0);
  time.setUTCFullYear(year, month - 1, day);
  time.setUTCHours(hour, minute, second, ms);
  return time.getTime();
};

const copenhagenClock = new Intl.DateTimeFormat('en-US', {
  timeZone: PROGRAMME_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** How far Copenhagen's clocks are ahead of UTC at an instant, in milliseconds. */
const copenhagenOffsetMs = (instant: number): number => {
  const part = Object.fromEntries(copenhagenClock.formatToParts(new Date(instant)).map(({ type, value }) => [type, Number(value)]));
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return wallClockMs(part.year, part.month, part.day, part.hour, part.minute, part.second) - wholeSecond;
};

/**
 * The instant a Copenhagen day begins. Midnight always exists there (the clocks change at 02:00
 * and 03:00), so correcting a first guess by the offset found there lands on it.
 */
const copenhagenMidnight = (year: number, month: number, day: number): number => {
  const wall = wallClockMs(year, month, day);
  return wall - copenhagenOffsetMs(wall - copenhagenOffsetMs(wall));
};

const dateInstant = (year: number, month: number, day: number, bound: MomentBound): number => {
  if (bound === 'from') return copenhagenMidnight(year, month, day);
  const nextMidnight = copenhagenMidnight(year, month, day + 1);
  return bound === 'before' ? nextMidnight : nextMidnight - 1;
};

const timeInstant = (match: RegExpExecArray): number | null => {
  const [, year, month, day, hour, minute, second = '0', fraction = '', sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const [y, mo, d, h, mi, s, oh, om] = [year, month, day, hour, minute, second, offsetHours, offsetMinutes].map(Number);
  if (!isCalendarDate(`${year}-${month}-${day}`) || h > 23 || mi > 59 || s > 59 || oh > 23 || om > 59) return null;
  const minutesAheadOfUtc = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  return wallClockMs(y, mo, d, h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3))) - minutesAheadOfUtc * 60_000;
};

const instantOf = (text: string, bound: MomentBound): number | null => {
  const date = CALENDAR_DATE_PATTERN.exec(text);
  if (date) {
    const [y, mo, d] = date.slice(1).map(Number);
    return isCalendarDate(text) ? dateInstant(y, mo, d, bound) : null;
  }
  const time = TIME.exec(text);
  return time ? timeInstant(time) : null;
};

/** The UTC ISO-8601 instant a query time stands for, or null when it is not one of the accepted forms. */
export const parseMomentInput = (text: string, bound: MomentBound): string | null => {
  const instant = instantOf(text, bound);
  if (instant === null) return null;
  const iso = new Date(instant).toISOString();
  return FOUR_DIGIT_YEAR.test(iso) ? iso : null;
};
