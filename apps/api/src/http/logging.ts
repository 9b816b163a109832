import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { HEADER_TOKEN } from './request-context';

/** The request's correlation id: the caller's, when it is a valid token, or a new one; echoed in the answer. */
export const correlationIdOf = (request: IncomingMessage, response: ServerResponse): string => {
  const sent = request.headers['x-correlation-id'];
  const id = typeof sent === 'string' && HEADER_TOKEN.test(sent) ? sent : randomUUID();
  response.setHeader('X-Correlation-Id', id);
  return id;
};

/**
 * Structured JSON logs (pino), one line per request with its correlation id, so that a log line,
 * the events a command appended and the access log can be joined. Credentials are redacted and
 * neither bodies nor query strings are logged: they may hold what the access log guards.
 */
export const loggingModule = (level: string, stream?: DestinationStream) =>
  LoggerModule.forRoot({
    pinoHttp: {
      level,
      stream,
      genReqId: correlationIdOf,
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, path: request.url.split('?')[0] }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
    },
  });
