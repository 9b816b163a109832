import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { HttpLimits } from '@toc/runtime';

/**
 * The client a request counts against: its credential (hashed, so no secret is kept in memory),
 * else its address. Read from the headers, so requests count before authentication too.
 */
const client = (request: Request): string => {
  const credential = request.headers['x-api-key'] ?? request.headers.authorization;
  return credential ? `credential:${createHash('sha256').update(String(credential)).digest('hex')}` : `address:${request.ip}`;
};

/**
 * Wraps the application module with a rate limit per client across all routes: over the limit,
 * a 429 with Retry-After. RATE_LIMIT=0 leaves the limit out.
 */
@Module({})
export class RateLimitModule {
  static around(app: DynamicModule, limits: HttpLimits): DynamicModule {
    if (limits.rateLimit === 0) return { module: RateLimitModule, imports: [app] };
    const throttler = ThrottlerModule.forRoot({
      throttlers: [{ name: 'default', limit: limits.rateLimit, ttl: limits.rateLimitWindowMs }],
      getTracker: (request) => client(request as Request),
      generateKey: (_context, tracker) => tracker,
      errorMessage: `more than ${limits.rateLimit} requests in ${limits.rateLimitWindowMs / 1000} s; retry after the time in Retry-After`,
    });
    return { module: RateLimitModule, imports: [app, throttler], providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] };
  }
}
