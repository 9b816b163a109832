import { PROGRAMME_TIME_ZONE } from '../core/time';
/**
 * Reporting periods in the programme's local time (Europe/Copenhagen): an event recorded at
 * 23:30 UTC on 31 March belongs to the second quarter in Copenhagen.
 */
export const periodTypes = ['quarter', 'half-year', 'year', 'programme'] as const;
export type PeriodType = (typeof periodTypes)[number];

export const PROGRAMME_PERIOD = 'programme';

/** How the key of a period of each type is written. */
const periodKeyPatterns: { readonly [T in PeriodType]: RegExp } = {
  quarter: /^\d{4}-Q[1-4]$/,
  'half-year': /^\d{4}-H[12]$/,
  year: /^\d{4}$/,
  programme: /^programme$/,
};

/** A key of each period type, for messages that show how one is written. */
export const periodKeyExamples: { readonly [T in PeriodType]: string } = { quarter: '2010-Q3', 'half-year': '2010-H2', year: '2010', programme: PROGRAMME_PERIOD };

/** Any period key: the programme, a year (2010), a half-year (2010-H2) or a quarter (2010-Q3). */
export const PERIOD_KEY = new RegExp(periodTypes.map((type) => `(?:${periodKeyPatterns[type].source})`).join('|'));

/** Whether a key names a period of the type ('2010-Q3' is a quarter, not a year). */
export const isPeriodOfType = (type: PeriodType, key: string): boolean => periodKeyPatterns[type].test(key);

/** Programme start and end as local dates (YYYY-MM-DD, inclusive). */
export interface ProgrammeCalendar {
  readonly start: string;
  readonly end: string;
}

const localDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: PROGRAMME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const localDateCache = new Map<string, string>();
/** Local dates by the instant as given: stored times come back as the same strings again and again. */
const localDateOfInstant = new Map<string, string>();
const INSTANTS_KEPT = 500_000;
const HOUR_MS = 3_600_000;
const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The local calendar date (YYYY-MM-DD) of an ISO instant; a bare date is returned as is. */
export const localDate = (iso: string): string => {
  if (iso.length === 10) return iso;
  let date = localDateOfInstant.get(iso);
  if (date !== undefined) return date;
  // The offset only changes on the hour, so every instant of a UTC hour has the same local date;
  // stored times are canonical UTC, whose first 13 characters name that hour without parsing.
  const hour = CANONICAL_UTC.test(iso) ? iso.slice(0, 13) : new Date(Math.floor(Date.parse(iso) / HOUR_MS) * HOUR_MS).toISOString().slice(0, 13);
  date = localDateCache.get(hour);
  if (date === undefined) {
    date = localDateFormat.format(new Date(`${hour}:00:00.000Z`));
    if (localDateCache.size > 100_000) localDateCache.clear();
    localDateCache.set(hour, date);
  }
  if (localDateOfInstant.size >= INSTANTS_KEPT) localDateOfInstant.clear();
  localDateOfInstant.set(iso, date);
  return date;
};

const LAST_DAY_OF_MONTH = ['31', '28', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31'];

/** The key of the period of a type that contains a local date. */
export const periodOf = (type: PeriodType, date: string): string => {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (type) {
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half-year':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return year;
    case 'programme':
      return PROGRAMME_PERIOD;
  }
};

/** The last local date of a period (for the programme: its end date). */
export const lastDayOf = (type: PeriodType, key: string, calendar: ProgrammeCalendar): string => {
  if (type === 'programme') return calendar.end;
  const year = key.slice(0, 4);
  const lastMonth = type === 'year' ? 12 : type === 'half-year' ? Number(key.slice(6)) * 6 : Number(key.slice(6)) * 3;
  const day = lastMonth === 2 ? '28' : LAST_DAY_OF_MONTH[lastMonth - 1];
  return `${year}-${String(lastMonth).padStart(2, '0')}-${day}`;
};

/** The first local date of a calendar period (a quarter, half-year or year). */
const firstDateOf = (type: Exclude<PeriodType, 'programme'>, key: string): string => {
  const year = key.slice(0, 4);
  const firstMonth = type === 'year' ? 1 : type === 'half-year' ? Number(key.slice(6)) * 6 - 5 : Number(key.slice(6)) * 3 - 2;
  return `${year}-${String(firstMonth).padStart(2, '0')}-01`;
};

/** The first local date of a period. */
export const firstDayOf = (type: PeriodType, key: string, calendar: ProgrammeCalendar): string =>
  type === 'programme' ? calendar.start : firstDateOf(type, key);

/** The period of a coarser type that a calendar period lies in: 2010-Q3 lies in 2010-H2, 2010 and the programme. */
export const enclosingPeriod = (type: Exclude<PeriodType, 'programme'>, key: string, coarser: PeriodType): string => periodOf(coarser, firstDateOf(type, key));

/** The key of the period after `key` (not defined for the programme). */
const nextPeriod = (type: Exclude<PeriodType, 'programme'>, key: string): string => {
  const year = Number(key.slice(0, 4));
  if (type === 'year') return String(year + 1);
  const index = Number(key.slice(6));
  const perYear = type === 'quarter' ? 4 : 2;
  const letter = type === 'quarter' ? 'Q' : 'H';
  return index === perYear ? `${year + 1}-${letter}1` : `${year}-${letter}${index + 1}`;
};

/**
 * The periods at whose end something that held from `from` until before `until` (local dates;
 * `until` null = still holds) was in force: a stock such as network membership is counted at
 * each period end it covers. Open intervals run to the programme end (or their start period).
 */
export const periodEndsCovered = (
  type: PeriodType,
  from: string,
  until: string | null,
  calendar: ProgrammeCalendar,
): string[] => {
  const holdsAt = (day: string) => from <= day && (until === null || until > day);
  if (type === 'programme') return holdsAt(calendar.end) ? [PROGRAMME_PERIOD] : [];
  const horizon = until ?? (calendar.end > from ? calendar.end : from);
  const keys: string[] = [];
  for (let key = periodOf(type, from); firstDayOf(type, key, calendar) <= horizon; key = nextPeriod(type, key)) {
    if (holdsAt(lastDayOf(type, key, calendar))) keys.push(key);
  }
  return keys;
};
