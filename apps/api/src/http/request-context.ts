import { ExecutionContext, ForbiddenException, createParamDecorator } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { CommandEnvelope } from '@toc/event-store';
import { authenticatedOf } from '../auth/current-principal';
import { invalidInput } from './validation';

/**
 * Header values (actor ids, roles, source apps, correlation and idempotency keys) are tokens, not
 * entity ids: they come from other systems, so they may be longer and carry @.
 */
export const HEADER_TOKEN = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}$/;
export const HEADER_TOKEN_FORMAT = '1-200 letters, digits or _ . : @ -';

const header = (request: Request, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

const token = (request: Request, name: string, required: boolean): string | undefined => {
  const value = header(request, name);
  if (value === undefined || value === '') {
    if (required) throw headerError(name, 'isNotEmpty', `header ${name} is required`);
    return undefined;
  }
  if (!HEADER_TOKEN.test(value)) throw headerError(name, 'matches', `header ${name} must be ${HEADER_TOKEN_FORMAT}`);
  return value;
};

const headerError = (name: string, rule: string, message: string) => invalidInput([{ field: `header:${name}`, rule, message }]);

/** `If-Match: "3"` (or 3): the stream revision the client last read. */
const expectedRevision = (request: Request): number | undefined => {
  const raw = header(request, 'If-Match');
  if (raw === undefined) return undefined;
  const match = /^(?:W\/)?"?(-?\d+)"?$/.exec(raw.trim());
  if (!match || Number(match[1]) < -1) throw headerError('If-Match', 'isEtag', 'header If-Match must be a stream revision ETag such as "3" ("-1" for a new stream)');
  return Number(match[1]);
};

/** Headers that once named the actor: authentication does now, and a header claiming it is refused rather than ignored. */
const SELF_ASSERTED = ['X-Actor-Id', 'X-Actor-Role'];

/** Who is acting (the authenticated principal) and how the request relates to others, from the request headers. */
export const requestEnvelope = (request: Request): CommandEnvelope => {
  const { principal, role } = authenticatedOf(request)!;
  for (const name of SELF_ASSERTED)
    if (header(request, name) !== undefined) throw headerError(name, 'notAccepted', `header ${name} is not accepted: the actor is the authenticated principal`);
  const onBehalfOf = token(request, 'X-On-Behalf-Of', false);
  if (onBehalfOf && !principal.mayActOnBehalf) throw new ForbiddenException('these credentials may not record on behalf of someone else (X-On-Behalf-Of)');
  return {
    actor: { userId: principal.subject, role, ...(onBehalfOf ? { onBehalfOf } : {}) },
    sourceApp: token(request, 'X-Source-App', false) ?? 'unknown',
    // The request's id (see logging.ts), so that its log line names the events it appended.
    correlationId: token(request, 'X-Correlation-Id', false) ?? String(request.id ?? randomUUID()),
    causationId: token(request, 'X-Causation-Id', false) ?? null,
    idempotencyKey: token(request, 'Idempotency-Key', false),
    expectedRevision: expectedRevision(request),
  };
};

export const Envelope = createParamDecorator((_: unknown, context: ExecutionContext) => requestEnvelope(context.switchToHttp().getRequest<Request>()));
