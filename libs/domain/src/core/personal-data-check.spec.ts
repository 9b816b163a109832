import { DomainError } from './domain-error';
import { PERSONAL_DATA_RULE, assertNoPersonalData, personalDataIn } from './personal-data-check';

describe('personal data in free text', () => {
  it.each([
    ['contact fatima.ali@example.dk for the minutes', 'an e-mail address'],
    ['mail: HASSAN@FORENING.ORG', 'an e-mail address'],
    ['asked Søren (søren.ærø@kommune.kk.dk)', 'an e-mail address'],
    ['ring 12345678 after five', 'a phone number'],
    ['tel 12345678', 'a phone number'],
    ['Tlf.: 12 34 56 78', 'a phone number'],
    ['reach her at 23 45 67 89', 'a phone number'],
    ['mobile 2345 6789', 'a phone number'],
    ['+45 23456789', 'a phone number'],
    ['+4512345678', 'a phone number'],
    ['0045 12 34 56 78', 'a phone number'],
    ['called 40302010.', 'a phone number'],
    ['chair: 010170-1234', 'a CPR number'],
    ['chair: 0101701234', 'a CPR number'],
    ['born 290284 1234 (CPR)', 'a CPR number'],
  ])('finds it in "%s": %s', (text, found) => {
    expect(personalDataIn(text)).toBe(found);
  });

  it.each([
    'session held 2010-03-20, minutes approved 20.03.2010',
    'compact date 20100320 from the register',
    'the waves of 2010 2011 and 2012',
    'budget 1.500.000 kr. and 1 500 000 kr',
    'booked 25000000 kr on the line, DKK 30000000 in all',
    'attendance 87.5 % (35 of 40), growth 23456789 %',
    'course codes TFI2010-12345678, KU-2010-01 and c-2010-Q1',
    'booked for the quarter ending 2010-03-31',
    'seven digits 2345678 and nine 234567890 are not a Danish number',
    'eleven digits 12345678901 are no CPR number',
    '310210-1234 is no date, so no CPR number',
    'version 1.2.3, room 12, bus 5A, postcode 2400 København NV',
    'minutes at https://intranet.kk.dk/tfi/2010/referat',
    'the board @ Tingbjerg met twice',
  ])('accepts "%s"', (text) => {
    expect(personalDataIn(text)).toBeNull();
  });

  it('refuses the first text that has any, naming its field and the rule but not repeating what it found', () => {
    const refusal = (() => {
      try {
        assertNoPersonalData([
          { field: 'title', text: 'Board meeting' },
          { field: 'items[1].evidence', text: 'minutes from chair@forening.dk' },
          { field: 'note', text: 'tel 12345678' },
        ]);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ kind: 'rule', code: PERSONAL_DATA_RULE, field: 'items[1].evidence', message: expect.stringContaining('an e-mail address') });
    expect((refusal as DomainError).message).not.toContain('chair@forening.dk');
  });

  it('lets texts without personal data through', () => {
    expect(() => assertNoPersonalData([{ field: 'summary', text: 'Three practices found in 2010-Q2' }])).not.toThrow();
  });
});
