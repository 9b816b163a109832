import { Inject, Injectable } from '@nestjs/common';
import { PROGRAMME_PERIOD, PeriodType } from '@toc/domain';
import { EventStore } from '@toc/event-store';
import { LiveIndicators, ProjectionRunner } from '@toc/read-models';
import { AppConfig } from '@toc/runtime';
import { invalidInput, retryLater } from '../http/validation';
import { APP_CONFIG, EVENT_STORE } from '../runtime.module';
import { checkedPeriod } from './indicator-query.dto';

/** How far the live read model has got for a reader, and which of its periods a reader means. */
@Injectable()
export class ReadModelAccess {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly projector: ProjectionRunner,
  ) {}

  /**
   * Read your own writes: a position not yet written is a 400 at once; otherwise the read waits
   * until the live build has applied `position`, whichever process projects it (this one, or a
   * separate projector whose stored checkpoint is polled), at most MAX_READ_WAIT_MS, and is
   * otherwise answered 503 with Retry-After rather than with figures that miss the write.
   */
  async caughtUpTo(position: number | undefined): Promise<void> {
    if (position === undefined) return;
    const head = await this.events.headPosition();
    if (position > head) {
      throw invalidInput([{ field: 'minPosition', rule: 'max', message: `minPosition must be at most ${head}, the position of the last event written` }]);
    }
    const abandon = new AbortController();
    const timer = setTimeout(() => abandon.abort(), this.config.http.maxReadWaitMs);
    const caughtUp = await this.projector.waitFor(position, abandon.signal).finally(() => clearTimeout(timer));
    if (!caughtUp) {
      const message = `the read model has not applied position ${position} within ${this.config.http.maxReadWaitMs} ms; retry`;
      throw retryLater(1, [{ field: 'minPosition', rule: 'isApplied', message }]);
    }
  }

  /** The period asked for, or the latest one with values. */
  async resolvePeriod(live: LiveIndicators, periodType: PeriodType, period: string | undefined): Promise<string> {
    if (period !== undefined) return checkedPeriod(periodType, period);
    if (periodType === 'programme') return PROGRAMME_PERIOD;
    const periods = await live.periods(periodType);
    return periods[periods.length - 1] ?? PROGRAMME_PERIOD;
  }
}
