import { Injectable } from '@nestjs/common';
import { PeriodType } from '@toc/domain';
import { periodsWithValues } from '@toc/read-models';
import { Runtime } from '@toc/runtime';
import { checkedPeriod } from './indicator-query.dto';

const WAIT_LIMIT_MS = 5000;

/** Where readers find the live build of the programme read model, and how far it has got. */
@Injectable()
export class ReadModelAccess {
  constructor(private readonly runtime: Runtime) {}

  /** The live build's namespace, from the stored status so that api instances without a projector agree. */
  namespace(): Promise<string> {
    return this.runtime.activeNamespace();
  }

  /** Waits, when this process runs the projector, until `position` is applied (or the wait limit passes). */
  async caughtUpTo(position: number | undefined): Promise<void> {
    if (position === undefined || !this.runtime.config.embeddedProjector) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.runtime.projector.waitFor(position), new Promise<void>((resolve) => (timer = setTimeout(resolve, WAIT_LIMIT_MS)))]);
    clearTimeout(timer);
  }

  /** The period asked for, or the latest one with values. */
  async resolvePeriod(namespace: string, periodType: PeriodType, period: string | undefined): Promise<string> {
    if (period !== undefined) return checkedPeriod(periodType, period);
    if (periodType === 'programme') return 'programme';
    const periods = await periodsWithValues(this.runtime.readModels, namespace, periodType);
    return periods[periods.length - 1] ?? 'programme';
  }
}
