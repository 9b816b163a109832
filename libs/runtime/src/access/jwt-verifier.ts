import { createPublicKey } from 'node:crypto';
import { JWTPayload, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { Principal, isRole } from './principal';

/** Where people's tokens come from: the identity provider's issuer, this service's audience, and its keys. */
export interface JwtSettings {
  readonly issuer: string;
  readonly audience: string;
  /** The provider's JWKS endpoint (keys rotate there) ... */
  readonly jwksUrl?: string;
  /** ... or one public key in PEM. */
  readonly publicKeyPem?: string;
  /** The claim listing the person's roles: an array or a space-separated string. */
  readonly rolesClaim: string;
  /** The claim naming a person allowed to record on behalf of others (true). */
  readonly onBehalfClaim: string;
}

/** Asymmetric algorithms only: a shared secret would let anyone holding it mint tokens. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

const rolesIn = (payload: JWTPayload, claim: string) => {
  const raw = payload[claim];
  const names = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(' ') : [];
  return names.filter((name): name is string => typeof name === 'string').filter(isRole);
};

/** Verifies a person's signed token: signature, issuer, audience, expiry and not-before; needs a subject. */
export class JwtVerifier {
  private readonly key: Parameters<typeof jwtVerify>[1];

  constructor(private readonly settings: JwtSettings) {
    this.key = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : (createPublicKey(settings.publicKeyPem!) as never);
  }

  /** The principal of a valid token, or null for any token that does not verify. */
  async verify(token: string): Promise<Principal | null> {
    try {
      const { payload } = await jwtVerify(token, this.key as never, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      });
      const subject = payload.sub!;
      const name = typeof payload.name === 'string' ? payload.name : subject;
      return { subject, kind: 'jwt', name, roles: rolesIn(payload, this.settings.rolesClaim), mayActOnBehalf: payload[this.settings.onBehalfClaim] === true };
    } catch (error) {
      // Bad tokens are the caller's problem (401); an unreachable JWKS endpoint is ours.
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) return null;
      throw error;
    }
  }
}
