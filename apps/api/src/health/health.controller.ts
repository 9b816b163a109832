import { messageOf } from '@toc/domain';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { EventStore, StoreHealth } from '@toc/event-store';
import { ProjectionRunner } from '@toc/read-models';
import { AppConfig } from '@toc/runtime';
import { Public } from '../auth/allow';
import { APP_CONFIG, EVENT_STORE } from '../runtime.module';

/** A readiness check that does not answer in this time counts as down: readiness never hangs. */
const CHECK_TIMEOUT_MS = 2_000;

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
      () => this.probe('eventStore', () => this.eventStore()),
      () => this.probe('projection', () => this.projection()),
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

  /** Up with what `check` returns, or down with why it threw or that it took too long. */
  private async probe<const Key extends string>(key: Key, check: () => Promise<Record<string, unknown>>) {
    const session = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)));
    try {
      return session.up(await Promise.race([check(), timeout]));
    } catch (error) {
      return session.down({ message: messageOf(error) });
    } finally {
      clearTimeout(timer);
    }
  }

  /** A damaged store refuses writes, so an instance on it is not ready although it answers reads. */
  private async eventStore() {
    const damage = this.events.damage();
    if (damage) throw new Error(`the event store is damaged (${damage.check}): ${damage.detail}`);
    return { headPosition: await this.events.headPosition() };
  }

  /** The projection's state, which reads its status from the read-model store; throws what makes it not ready. */
  private async projection() {
    const { name, state, lagEvents, lagSeconds, lastError } = await this.projector.statusView();
    if (state === 'failed') throw new Error(`projection ${name} failed: ${lastError?.message}`);
    // A store outage: the projection retries by itself, but what it serves meanwhile is behind.
    if (state === 'retrying') throw new Error(`projection ${name} is retrying after: ${lastError?.message}`);
    const limit = this.config.maxProjectionLagEvents;
    if (lagEvents > limit) throw new Error(`projection ${name} is ${lagEvents} events behind (limit ${limit})`);
    return { name, state, lagEvents, lagSeconds };
  }
}
