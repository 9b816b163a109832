import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AccessLog } from '@toc/runtime';
import { authenticatedOf } from '../auth/current-principal';
import { Clock } from '../runtime.module';
import { LOGGED, LoggedRoute } from './logged';

/**
 * Writes an access-log entry for every call of a `@Logged` route once its response is over, so the
 * entry has the status the client got, streamed exports and refusals included. It runs after the
 * guard, so the principal is the authenticated one; a request the guard refuses reaches no data.
 */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AccessLogInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly log: AccessLog,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const route = this.reflector.get<LoggedRoute | undefined>(LOGGED, context.getHandler());
    if (route) this.logWhenDone(route, context.switchToHttp().getRequest<Request>(), context.switchToHttp().getResponse<Response>());
    return next.handle();
  }

  private logWhenDone(route: LoggedRoute, request: Request, response: Response) {
    // A logged route is never public, so the guard has authenticated the request.
    const { principal, role } = authenticatedOf(request)!;
    const target = route.target && request.params[route.target];
    const entry = {
      at: this.clock.now().toISOString(),
      principalSubject: principal.subject,
      principalName: principal.name,
      role,
      action: route.action,
      method: request.method,
      route: request.originalUrl.split('?')[0],
      target: typeof target === 'string' ? target : null,
      query: request.query,
      // The id the request logger gave the request (the caller's, or a new one), so the entry joins its log line and events.
      correlationId: String(request.id),
    };
    response.once('close', () => {
      this.log.append({ ...entry, status: response.statusCode }).catch((error: unknown) => {
        this.logger.error(`could not write the access log entry of ${entry.method} ${entry.route} by ${entry.principalSubject}: ${String(error)}`);
      });
    });
  }
}
