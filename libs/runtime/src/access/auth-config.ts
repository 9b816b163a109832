import { createPublicKey } from 'node:crypto';
import { MIN_SEEDED_KEY_LENGTH } from './api-key-store';
import { JwtSettings } from './jwt-verifier';

export interface AuthSettings {
  /** People's tokens are accepted only when an identity provider is configured. */
  readonly jwt?: JwtSettings;
  /** The first admin key for an automated deployment, instead of one printed at first start. */
  readonly seededAdminKey?: string;
}

const JWT_SETTINGS = ['AUTH_JWT_ISSUER', 'AUTH_JWT_AUDIENCE', 'AUTH_JWKS_URL', 'AUTH_JWT_PUBLIC_KEY'] as const;

/** Reads the authentication settings; `fail` names the bad value and stops the start-up. */
export const loadAuthSettings = (env: NodeJS.ProcessEnv, fail: (message: string) => never): AuthSettings => {
  const seededAdminKey = env.ADMIN_API_KEY || undefined;
  if (seededAdminKey !== undefined && (seededAdminKey.length < MIN_SEEDED_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(seededAdminKey)))
    fail(`ADMIN_API_KEY must be at least ${MIN_SEEDED_KEY_LENGTH} printable characters without spaces`);
  if (!JWT_SETTINGS.some((name) => env[name])) return { seededAdminKey };

  const issuer = env.AUTH_JWT_ISSUER || fail('AUTH_JWT_ISSUER is required when people sign in with tokens (AUTH_JWT_* is set)');
  const audience = env.AUTH_JWT_AUDIENCE || fail('AUTH_JWT_AUDIENCE is required when people sign in with tokens (AUTH_JWT_* is set)');
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  const publicKeyPem = env.AUTH_JWT_PUBLIC_KEY?.replace(/\\n/g, '\n') || undefined;
  if ((jwksUrl === undefined) === (publicKeyPem === undefined)) fail('set exactly one of AUTH_JWKS_URL and AUTH_JWT_PUBLIC_KEY');
  if (jwksUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(jwksUrl)) fail(`AUTH_JWKS_URL must be an http(s) URL, got "${jwksUrl}"`);
  if (publicKeyPem !== undefined) {
    try {
      createPublicKey(publicKeyPem);
    } catch {
      fail('AUTH_JWT_PUBLIC_KEY must be a public key in PEM');
    }
  }
  return {
    seededAdminKey,
    jwt: {
      issuer,
      audience,
      jwksUrl,
      publicKeyPem,
      rolesClaim: env.AUTH_JWT_ROLES_CLAIM || 'roles',
      onBehalfClaim: env.AUTH_JWT_ON_BEHALF_CLAIM || 'toc_on_behalf',
    },
  };
};
