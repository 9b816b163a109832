import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role } from '@toc/runtime';

export const ALLOWED_ROLES = 'toc:allowed-roles';

/**
 * The roles a route admits. Every route must say: a route without `@Allow` or `@Public` is
 * refused to everyone (and the role-matrix test fails), so a new route cannot be open by accident.
 */
export const Allow = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiSecurity('api-key'),
    ApiBearerAuth('jwt'),
    ApiUnauthorizedResponse({ description: 'no credentials, or credentials that are not valid' }),
    ApiForbiddenResponse({ description: `the credentials' roles do not include ${roles.join(' or ')}` }),
  );

/** A route anyone may call without credentials (health only). */
export const Public = () => SetMetadata(ALLOWED_ROLES, 'public');
