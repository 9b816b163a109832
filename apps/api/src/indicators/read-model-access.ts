import { Inject, Injectable } from '@nestjs/common';
import { PROGRAMME_PERIOD, PeriodType } from '@toc/domain';
import { LiveIndicators, ProjectionRunner } from '@toc/read-models';
import { AppConfig } from '@toc/runtime';
import { APP_CONFIG } from '../runtime.module';
import { checkedPeriod } from './indicator-query.dto';

const WAIT_LIMIT_MS = 5000;

/** How far the live read model has got for a reader, and which of its periods a reader means. */
@Injectable()
export class ReadModelAccess {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projector: ProjectionRunner,
  ) {}

  /** Waits, when this process runs the projector, until `position` is applied (or the wait limit passes). */
  async caughtUpTo(position: number | undefined): Promise<void> {
    if (position === undefined || !this.config.embeddedProjector) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.projector.waitFor(position), new Promise<void>((resolve) => (timer = setTimeout(resolve, WAIT_LIMIT_MS)))]);
    clearTimeout(timer);
  }

  /** The period asked for, or the latest one with values. */
  async resolvePeriod(live: LiveIndicators, periodType: PeriodType, period: string | undefined): Promise<string> {
    if (period !== undefined) return checkedPeriod(periodType, period);
    if (periodType === 'programme') return PROGRAMME_PERIOD;
    const periods = await live.periods(periodType);
    return periods[periods.length - 1] ?? PROGRAMME_PERIOD;
  }
}
