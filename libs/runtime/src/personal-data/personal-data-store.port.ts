/**
 * The people the events name only by pseudonymous id, by the role the id has there:
 * representatives of associations (enrolments, course attendance), staff, forum seat holders and
 * survey respondents; and the contact person of an association, under the association's id.
 */
export const personKinds = ['association-contact', 'representative', 'staff', 'seat-holder', 'respondent'] as const;
export type PersonKind = (typeof personKinds)[number];

/** What is known about a person: never in an event, only here, encrypted under the person's own key. */
export interface PersonDetails {
  readonly kind: PersonKind;
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly note?: string;
}

/** What is left of an erased person: that the id was erased, when and by whom; no personal data. */
export interface Erasure {
  readonly subjectId: string;
  readonly erasedAt: string;
  /** The principal that erased it. */
  readonly erasedBy: string;
}

export type PersonLookup =
  | { readonly status: 'recorded'; readonly subjectId: string; readonly details: PersonDetails; readonly recordedAt: string }
  | { readonly status: 'erased'; readonly erasure: Erasure }
  | { readonly status: 'unknown' };

/** An erased id stays erased: recording it again would tie a person to the erased id's records. */
export class SubjectErasedError extends Error {
  constructor(readonly erasure: Erasure) {
    super(`${erasure.subjectId} was erased on ${erasure.erasedAt}; record the person under a new id`);
  }
}

/**
 * Personal data outside the immutable log, keyed by the pseudonymous subject id the events use.
 * Erasing deletes the subject's key and ciphertext (crypto-shredding) and keeps a tombstone.
 */
export interface PersonalDataStore {
  /** Records or replaces a person's details; refuses an erased id with SubjectErasedError. */
  record(subjectId: string, details: PersonDetails, at: Date): Promise<'created' | 'replaced'>;
  find(subjectId: string): Promise<PersonLookup>;
  /** The tombstone; the first one again for an id already erased; null for an id never recorded. */
  erase(subjectId: string, by: string, at: Date): Promise<Erasure | null>;
  close(): Promise<void>;
}
