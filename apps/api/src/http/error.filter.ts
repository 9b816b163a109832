import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { DomainError } from '@toc/domain';
import { StoreUnavailableError, WrongExpectedVersionError, sqliteStoreFailure } from '@toc/event-store';

const DOMAIN_STATUS = { rule: 422, 'not-found': 404, 'already-exists': 409 } as const;
const STORE_STATUS = { 'disk-full': 507, damaged: 503 } as const;

export const PROBLEM_JSON = 'application/problem+json';

interface ProblemError {
  readonly field: string | null;
  readonly rule: string;
  readonly message: string;
}

/** What a refusal says before it becomes a problem document; any other member is kept as an extension. */
export interface Refusal {
  readonly statusCode: number;
  readonly error?: string;
  readonly message: readonly string[];
  readonly errors?: readonly ProblemError[];
  /** Response headers that go with it, such as the current ETag of a conflict. */
  readonly headers?: Record<string, string>;
  readonly [extension: string]: unknown;
}

const kebab = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The RFC 9457 document of a refusal (without its headers) for the request at `instance`. */
export const problemDocument = ({ statusCode, error: kind, message, errors, headers: _headers, ...extensions }: Refusal, instance: string) => {
  const title = STATUS_CODES[statusCode] ?? 'Error';
  return {
    ...extensions,
    type: 'about:blank',
    title,
    status: statusCode,
    detail: message.join('; '),
    instance,
    statusCode,
    error: kind ?? title,
    message,
    errors: errors ?? message.map((text) => ({ field: null, rule: kebab(kind ?? title), message: text })),
  };
};

/** Nest's exceptions carry a string, or an object whose message is a string or a list. */
const fromHttpException = (exception: HttpException): Refusal => {
  const statusCode = exception.getStatus();
  const body = exception.getResponse();
  if (typeof body === 'string') return { statusCode, message: [body] };
  const { message, ...rest } = body as { message?: unknown };
  const messages = Array.isArray(message) ? message.map(String) : [typeof message === 'string' ? message : exception.message];
  return { ...rest, statusCode, message: messages };
};

const fromError = (error: unknown, request: Request): Refusal | undefined => {
  if (error instanceof HttpException) return fromHttpException(error);
  if (error instanceof DomainError) {
    const statusCode = DOMAIN_STATUS[error.kind];
    return { statusCode, error: error.kind, message: [error.message], errors: [{ field: error.field ?? null, rule: error.code, message: error.message }] };
  }
  if (error instanceof WrongExpectedVersionError) {
    const ifMatch = request.headers['if-match'] !== undefined;
    const actual = error.actual === 'no-stream' ? -1 : error.actual;
    const message = `stream ${error.streamId} is at revision ${actual}, not ${error.expected}`;
    return {
      statusCode: ifMatch ? 412 : 409,
      error: 'version-conflict',
      message: [message],
      errors: [{ field: ifMatch ? 'header:If-Match' : null, rule: 'version-conflict', message }],
      currentRevision: actual,
      headers: { ETag: `"${actual}"` },
    };
  }
  // The event store says which of its files failed; the other SQLite stores fail with SQLite's own error.
  const unavailable = error instanceof StoreUnavailableError ? error : sqliteStoreFailure(error, 'a store file');
  if (unavailable) return { statusCode: STORE_STATUS[unavailable.reason], error: unavailable.reason, message: [unavailable.message] };
  return undefined;
};

/**
 * Every error, Nest's own included, is answered as an RFC 9457 problem document: `type`, `title`,
 * `status`, `detail` and `instance`, beside `statusCode`, `error`, `message` (a list) and `errors`
 * (field, rule and message of each refusal). Broken rules are 422, missing 404, duplicates and
 * version conflicts 409 (412 with If-Match), a full disk 507 and a damaged store 503, both
 * saying which file. Anything unexpected is a 500 that tells nothing of its cause; the log has it.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const refusal = fromError(error, request);
    if (!refusal) this.logger.error(error instanceof Error ? error.stack : String(error));
    // A streamed answer that fails half-way can only be cut off, so that the client sees it is incomplete.
    if (response.headersSent) return void response.destroy();
    const answer = refusal ?? { statusCode: 500, message: ['internal error'] };
    if (typeof answer.retryAfter === 'number') response.setHeader('Retry-After', String(answer.retryAfter));
    for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
    response
      .status(answer.statusCode)
      .type(PROBLEM_JSON)
      .send(JSON.stringify(problemDocument(answer, request.originalUrl.split('?')[0])));
  }
}
