import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@toc/domain';
import { WrongExpectedVersionError } from '@toc/event-store';

const DOMAIN_STATUS = { rule: 422, 'not-found': 404, 'already-exists': 409 } as const;

/** Maps refusals to HTTP: broken rules 422, missing 404, duplicates and version conflicts 409 (412 with If-Match). */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    if (error instanceof HttpException) {
      const body = error.getResponse();
      response.status(error.getStatus()).json(typeof body === 'string' ? { statusCode: error.getStatus(), message: [body] } : body);
    } else if (error instanceof DomainError) {
      const statusCode = DOMAIN_STATUS[error.kind];
      response.status(statusCode).json({
        statusCode,
        error: error.kind,
        message: [error.message],
        errors: [{ field: error.field ?? null, rule: error.code, message: error.message }],
      });
    } else if (error instanceof WrongExpectedVersionError) {
      const statusCode = request.headers['if-match'] !== undefined ? 412 : 409;
      const actual = error.actual === 'no-stream' ? -1 : error.actual;
      response
        .status(statusCode)
        .setHeader('ETag', `"${actual}"`)
        .json({ statusCode, error: 'version-conflict', message: [`stream ${error.streamId} is at revision ${actual}, not ${error.expected}`], currentRevision: actual });
    } else {
      this.logger.error(error instanceof Error ? error.stack : String(error));
      response.status(500).json({ statusCode: 500, message: ['internal error'] });
    }
  }
}
