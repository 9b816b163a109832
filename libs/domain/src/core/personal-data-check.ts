import { ruleBroken } from './domain-error';

/** One free-text value of a command and the input field it came from (`items[2].evidence`). */
export interface FreeText {
  readonly field: string;
  readonly text: string;
}

/**
 * Digits at either end of a match belong to it only when nothing number-like touches them, so
 * course codes (TFI2010-12345678), decimals and longer numbers are not taken apart.
 */
const BEFORE = String.raw`(?<![\p{L}\d_+.,/-])`;
const AFTER = String.raw`(?![\p{L}\d_]|[.,]\d)`;

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/u;
/** DDMMYY-NNNN, DDMMYY NNNN or DDMMYYNNNN. */
const CPR = new RegExp(`${BEFORE}(\\d{2})(\\d{2})\\d{2}[- ]?\\d{4}${AFTER}`, 'gu');
const EIGHT_DIGITS = String.raw`\d{2}(?: ?\d{2}){3}`;
/** A Danish number: eight digits, in pairs or fours or not, after +45 or 0045, or starting with 2-9 as Danish numbers do. */
const PHONE = new RegExp(`${BEFORE}(?:(?:\\+|00)45 ?(?=\\d)|(?=[2-9]))${EIGHT_DIGITS}${AFTER}`, 'gu');
/** Eight digits named as a phone number, whatever digit they start with: "tel 12345678", "tlf.: 12 34 56 78", "ring 12345678". */
const NAMED_PHONE = new RegExp(`\\b(?:tel|tlf|telefon|phone|mobil|mobile|mob|sms|ring|call)\\b\\.?:? ?(?:(?:\\+|00)45 ?)?${EIGHT_DIGITS}${AFTER}`, 'iu');

/** A day and month that can begin a CPR number (29 February, since the century is not known). */
const isDayOfMonth = (day: number, month: number) => month >= 1 && month <= 12 && day >= 1 && day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

/** Eight digits that read as a date (20100320) or a span of years (2010 2011). */
const isCalendar = (digits: string) => {
  if (/^(?:19|20)\d\d ?(?:19|20)\d\d$/.test(digits)) return true;
  const date = /^(?:19|20)\d\d(\d\d)(\d\d)$/.exec(digits);
  return date !== null && isDayOfMonth(Number(date[2]), Number(date[1]));
};

/** Eight digits with a currency or a percent sign beside them are an amount. */
const isAmount = (text: string, match: RegExpExecArray) =>
  /(?:\bkr\.?|\bdkk) ?$/i.test(text.slice(0, match.index)) || /^ ?(?:kr\b|dkk\b|%)/i.test(text.slice(match.index + match[0].length));

const anyMatch = (pattern: RegExp, text: string, accept: (match: RegExpExecArray) => boolean) => {
  for (const match of text.matchAll(pattern)) if (accept(match)) return true;
  return false;
};

/** What a text gives away about a person, checked in this order; each names what it found. */
const RULES: readonly { readonly finds: string; readonly test: (text: string) => boolean }[] = [
  { finds: 'an e-mail address', test: (text) => EMAIL.test(text) },
  { finds: 'a CPR number', test: (text) => anyMatch(CPR, text, (match) => isDayOfMonth(Number(match[1]), Number(match[2]))) },
  {
    finds: 'a phone number',
    test: (text) => NAMED_PHONE.test(text) || anyMatch(PHONE, text, (match) => !isCalendar(match[0]) && !isAmount(text, match)),
  },
];

/** What a text gives away about a person (`a phone number`), or null when nothing obvious. */
export const personalDataIn = (text: string): string | null => RULES.find((rule) => rule.test(text))?.finds ?? null;

export const PERSONAL_DATA_RULE = 'personal-data-in-free-text';

/**
 * Free text lands in immutable events, where nothing can be erased, so a text that names a way to
 * reach or identify a person is refused; people appear in records only as pseudonymous ids. The
 * message says what was found but never repeats it.
 */
export const assertNoPersonalData = (texts: readonly FreeText[]): void => {
  for (const { field, text } of texts) {
    const found = personalDataIn(text);
    if (found) {
      ruleBroken(
        PERSONAL_DATA_RULE,
        `${field} contains what looks like ${found}; free text is kept for good and must not identify or reach a person: ` +
          'refer to people by their pseudonymous id and keep their details in the personal-data register',
        field,
      );
    }
  }
};
