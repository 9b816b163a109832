import { PeriodType, ProgrammeCalendar, firstDayOf, isPeriodOfType, lastDayOf, periodKeyExamples } from '../indicators/periods';

/**
 * The Danish full-time norm, 37 hours a week for 52 weeks: the default setting, and the rate of
 * every allocation and use recorded before the rate was stated with them, so it must not change.
 */
export const STANDARD_HOURS_PER_FTE_YEAR = 1924;
/** Hours in a leap year: no FTE-year can hold more. */
export const MAX_HOURS_PER_FTE_YEAR = 8784;

/** Staff time is stated in FTE over a quarter, a half-year or a year: each lies in one calendar year. */
const statedPeriodTypes = ['quarter', 'half-year', 'year'] as const satisfies readonly PeriodType[];

export const STATED_PERIOD_FORMAT = `a quarter (${periodKeyExamples.quarter}), a half-year (${periodKeyExamples['half-year']}) or a year (${periodKeyExamples.year})`;

/** Only the programme period reads the calendar; quarters, half-years and years follow the calendar year. */
const calendarYear: ProgrammeCalendar = { start: '', end: '' };

export interface DateSpan {
  /** Local dates (YYYY-MM-DD), inclusive. */
  readonly first: string;
  readonly last: string;
}

/** The dates of a quarter, half-year or year key; undefined for any other text. */
export const statedPeriodSpan = (key: unknown): DateSpan | undefined => {
  const type = typeof key === 'string' ? statedPeriodTypes.find((candidate) => isPeriodOfType(candidate, key)) : undefined;
  return type && { first: firstDayOf(type, key as string, calendarYear), last: lastDayOf(type, key as string, calendarYear) };
};

const DAY_MS = 86_400_000;

const nextDay = (date: string) => new Date(Date.parse(date) + DAY_MS).toISOString().slice(0, 10);

/** Days from `first` to `last`, both included. */
export const daysIn = ({ first, last }: DateSpan): number => Math.round((Date.parse(last) - Date.parse(first)) / DAY_MS) + 1;

const daysInYear = (year: number) => (new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1 ? 366 : 365);

/** Splits a span into its calendar-quarter pieces, so every period sees the days it holds. */
export const quarterPieces = ({ first, last }: DateSpan): DateSpan[] => {
  const pieces: DateSpan[] = [];
  for (let from = first; from <= last; ) {
    const quarterEndMonth = Math.ceil(Number(from.slice(5, 7)) / 3) * 3;
    const quarterEnd = new Date(Date.UTC(Number(from.slice(0, 4)), quarterEndMonth, 0)).toISOString().slice(0, 10);
    const to = quarterEnd < last ? quarterEnd : last;
    pieces.push({ first: from, last: to });
    from = nextDay(to);
  }
  return pieces;
};

/**
 * Hours of `fte` full-time equivalents over a span: FTE × hours per FTE-year × (days in the
 * span / days in its year), year by year. 0.9 FTE in 2010-Q1 is 0.9 × 1,924 × 90 / 365 =
 * 426.97 hours.
 */
export const fteHours = (fte: number, hoursPerFteYear: number, { first, last }: DateSpan): number => {
  let hours = 0;
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    const yearFirst = `${year}-01-01`;
    const yearLast = `${year}-12-31`;
    const inYear = { first: first > yearFirst ? first : yearFirst, last: last < yearLast ? last : yearLast };
    hours += (fte * hoursPerFteYear * daysIn(inYear)) / daysInYear(year);
  }
  return hours;
};
