import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PersonDetails } from './personal-data-store.port';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A subject's own 256-bit key: deleting it makes every copy of the subject's ciphertext unreadable. */
export const newSubjectKey = (): Buffer => randomBytes(32);

/**
 * Seals a person's details under the subject's key: a random 96-bit IV per write, and the subject
 * id as additional authenticated data, so a ciphertext moved to another subject does not open.
 * Laid out as IV, tag, ciphertext.
 */
export const sealDetails = (key: Buffer, subjectId: string, details: PersonDetails): Buffer => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv).setAAD(Buffer.from(subjectId, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(details), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
};

/** Opens sealed details; throws when the key, the subject id or a single byte does not match. */
export const openDetails = (key: Buffer, subjectId: string, sealed: Buffer): PersonDetails => {
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES)).setAAD(Buffer.from(subjectId, 'utf8'));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')) as PersonDetails;
};
