import { ApiKeyStore, IssuedApiKey } from './api-keys';

/**
 * Gives a new installation its first admin key, so that there is never a built-in password:
 * the operator's seeded key when one is configured (nothing to show), otherwise a generated one
 * returned to be shown once. Does nothing once any key exists.
 */
export const ensureFirstAdminKey = (keys: ApiKeyStore, seeded?: string): IssuedApiKey | undefined => {
  if (!keys.isEmpty()) return undefined;
  const key = keys.create({ name: seeded ? 'seeded admin' : 'first admin', roles: ['admin'] }, new Date(), seeded);
  return seeded ? undefined : key;
};
