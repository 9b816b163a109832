import { newSubjectKey, openDetails, sealDetails } from './subject-cipher';

const details = { kind: 'staff', name: 'Bo Jensen', email: 'bo@example.dk' } as const;

describe("sealing a subject's details", () => {
  const key = newSubjectKey();

  it('opens what it sealed, and hides the plaintext', () => {
    const sealed = sealDetails(key, 'staff-1', details);
    expect(openDetails(key, 'staff-1', sealed)).toEqual(details);
    expect(sealed.toString('latin1')).not.toMatch(/Bo Jensen|bo@example/);
  });

  it('uses a fresh IV for every write, so the same details never seal the same way twice', () => {
    const [a, b] = [sealDetails(key, 'staff-1', details), sealDetails(key, 'staff-1', details)];
    expect(a.subarray(0, 12).equals(b.subarray(0, 12))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('does not open under another key, for another subject, or with a byte changed', () => {
    const sealed = sealDetails(key, 'staff-1', details);
    expect(() => openDetails(newSubjectKey(), 'staff-1', sealed)).toThrow();
    expect(() => openDetails(key, 'staff-2', sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => openDetails(key, 'staff-1', tampered)).toThrow();
  });
});
