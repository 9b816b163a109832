import { createHash, randomBytes } from 'node:crypto';
import { Principal, Role } from './principal';

export interface ApiKeyInfo {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly mayActOnBehalf: boolean;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** A key as created: the secret is in `key` and is never stored or shown again. */
export interface IssuedApiKey extends ApiKeyInfo {
  readonly key: string;
}

export interface NewApiKey {
  readonly name: string;
  readonly roles: readonly Role[];
  readonly mayActOnBehalf?: boolean;
}

/** The smallest key an operator may seed: as strong as a generated one. */
export const MIN_SEEDED_KEY_LENGTH = 32;

/** Keys are 256 random bits, so a plain SHA-256 is enough to make the stored hash useless to a thief. */
export const keyDigest = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new key's id and secret. */
export const newKeyId = (): string => randomBytes(6).toString('hex');
export const newKeySecret = (): string => `toc_${randomBytes(32).toString('base64url')}`;

/** The principal a key stands for: the audit trail names it `key:<id>`. */
export const principalOfKey = (key: ApiKeyInfo): Principal => ({ subject: `key:${key.id}`, kind: 'api-key', name: key.name, roles: key.roles, mayActOnBehalf: key.mayActOnBehalf });

/**
 * API keys of internal apps: only a hash of each key is kept; revoking keeps the key listed, so
 * the audit trail's `key:<id>` actors stay explainable. Kept where the read models are (a SQLite
 * file in DATA_DIR, or MongoDB), so that every api instance, the projectors and the CLI see the
 * same keys, and a key created or revoked anywhere counts at the next request. An abstract class,
 * so that it is also the token the api's dependency injection knows it by.
 */
export abstract class ApiKeyStore {
  /** Creates a key; `secret` is for an operator seeding a key they generated themselves. */
  abstract create(key: NewApiKey, now?: Date, secret?: string): Promise<IssuedApiKey>;
  /** Every key, revoked ones too, oldest first. */
  abstract list(): Promise<ApiKeyInfo[]>;
  /** False when there is no such key or it was already revoked. */
  abstract revoke(id: string, now?: Date): Promise<boolean>;
  /** The principal of a presented key, or null for an unknown or revoked one. */
  abstract verify(presented: string): Promise<Principal | null>;
  abstract isEmpty(): Promise<boolean>;
  abstract close(): Promise<void>;
}
