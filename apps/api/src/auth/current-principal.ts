import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { Principal, Role } from '@toc/runtime';

/** A verified principal and the one of its roles that admitted it to the route. */
export interface Authenticated {
  readonly principal: Principal;
  readonly role: Role;
}

const AUTHENTICATED = Symbol('authenticated');

type AuthenticatedRequest = Request & { [AUTHENTICATED]?: Authenticated };

/** Set by the guard once the credentials are verified and a role admits them. */
export const setAuthenticated = (request: Request, authenticated: Authenticated): void => {
  (request as AuthenticatedRequest)[AUTHENTICATED] = authenticated;
};

/** Who a request that passed the guard comes from (undefined only on public routes). */
export const authenticatedOf = (request: Request): Authenticated | undefined => (request as AuthenticatedRequest)[AUTHENTICATED];

/** The authenticated principal of a request that passed the guard (undefined only on public routes). */
export const principalOf = (request: Request): Principal | undefined => authenticatedOf(request)?.principal;

/** `@CurrentPrincipal() principal: Principal` in a controller method. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) => principalOf(context.switchToHttp().getRequest<Request>()));
