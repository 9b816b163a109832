import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiKeyStore, JwtVerifier, Principal, Role, presentedCredentials } from '@toc/runtime';
import { ALLOWED_ROLES } from './allow';
import { setAuthenticated } from './current-principal';

export const JWT_VERIFIER = Symbol('JwtVerifier');

const CHALLENGE = 'Bearer realm="toc-monitor", ApiKey header="X-Api-Key"';

/** A JWS in compact form: three base64url parts. */
const looksLikeJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/**
 * Every request proves who it comes from before it reaches a controller: an API key
 * (`X-Api-Key`, or `Authorization: Bearer` with the key) or a person's signed token
 * (`Authorization: Bearer`). No credentials or bad ones: 401; valid ones whose roles the route
 * does not admit: 403. A route without a rule admits nobody.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyStore,
    @Inject(JWT_VERIFIER) private readonly jwt: JwtVerifier | undefined,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<readonly Role[] | 'public' | undefined>(ALLOWED_ROLES, [context.getHandler(), context.getClass()]);
    if (allowed === 'public') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const principal = await this.authenticate(request);
    if (!principal) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', CHALLENGE);
      throw new UnauthorizedException('credentials are missing or not valid: send X-Api-Key or Authorization: Bearer');
    }
    const role = principal.roles.find((candidate) => allowed?.includes(candidate));
    if (!role) throw new ForbiddenException(allowed ? `this needs the role ${allowed.join(' or ')}` : 'this route admits nobody');
    setAuthenticated(request, { principal, role });
    return true;
  }

  private async authenticate(request: Request): Promise<Principal | null> {
    const { apiKey, bearer } = presentedCredentials(request.headers);
    if (apiKey !== undefined) return bearer === undefined ? this.verifiedKey(apiKey) : null;
    if (!bearer) return null;
    const key = await this.verifiedKey(bearer);
    if (key || !this.jwt || !looksLikeJwt(bearer)) return key;
    try {
      return await this.jwt.verify(bearer);
    } catch {
      throw new ServiceUnavailableException('the identity provider cannot be reached to verify the token; try again');
    }
  }

  /** A key store that cannot be read (MongoDB when scaled out) is a 503 to retry, not a 500. */
  private async verifiedKey(presented: string): Promise<Principal | null> {
    try {
      return await this.keys.verify(presented);
    } catch {
      throw new ServiceUnavailableException('the key store cannot be reached to verify the API key; try again');
    }
  }
}
