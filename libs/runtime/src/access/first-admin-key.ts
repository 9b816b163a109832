import { ApiKeyStore, IssuedApiKey } from './api-key-store';

/**
 * Gives a new installation its first admin key, so that there is never a built-in password:
 * the operator's seeded key when one is configured (nothing to show), otherwise a generated one
 * returned to be shown once. Does nothing once any key exists.
 */
export const ensureFirstAdminKey = async (keys: ApiKeyStore, seeded?: string): Promise<IssuedApiKey | undefined> => {
  if (!(await keys.isEmpty())) return undefined;
  try {
    const key = await keys.create({ name: seeded ? 'seeded admin' : 'first admin', roles: ['admin'] }, new Date(), seeded);
    return seeded ? undefined : key;
  } catch (error) {
    // Instances starting together on one shared store: another one seeded the same key first.
    if (seeded !== undefined && (await keys.verify(seeded)) !== null) return undefined;
    throw error;
  }
};
