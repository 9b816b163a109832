import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { EventStore, StoreHealth } from '@toc/event-store';
import { ProjectionRunner } from '@toc/read-models';
import { AppConfig, eventStoreReadiness, probe, projectionReadiness } from '@toc/runtime';
import { Public } from '../auth/allow';
import { APP_CONFIG, EVENT_STORE } from '../runtime.module';

/**
 * Liveness (the process answers: restart it when it does not) apart from readiness (it can serve
 * now: send it traffic only then), so that an instance catching up or waiting out a store outage
 * is kept out of the load balancer instead of being restarted in a loop.
 */
@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly checks: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore & StoreHealth,
    private readonly projector: ProjectionRunner,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: 200 while the process answers; no store is asked' })
  live() {
    return this.report([]);
  }

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness, as at /health/ready' })
  health() {
    return this.ready();
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: 503 naming the cause while the event store or the read models cannot be read, or the projection failed or lags too far behind' })
  ready() {
    return this.report([
      () => this.probe('eventStore', () => eventStoreReadiness(this.events)),
      () => this.probe('projection', () => projectionReadiness(this.projector, this.config.maxProjectionLagEvents)),
    ]);
  }

  /** Terminus's answer; when a check is down, a 503 problem whose messages name each cause. */
  private async report(checks: HealthIndicatorFunction[]) {
    try {
      return await this.checks.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const { error: down, details } = error.getResponse() as HealthCheckResult;
      throw new ServiceUnavailableException({ message: Object.entries(down ?? {}).map(([key, check]) => `${key}: ${check?.message}`), details });
    }
  }

  /** Terminus's answer for a check (see probe in @toc/runtime): up with its figures, or down with why. */
  private async probe<const Key extends string>(key: Key, check: () => Promise<Record<string, unknown>>) {
    const session = this.indicators.check(key);
    const result = await probe(check);
    return result.up ? session.up(result.details) : session.down({ message: result.message });
  }
}
