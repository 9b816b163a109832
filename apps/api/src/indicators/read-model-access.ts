import { BadRequestException, Injectable } from '@nestjs/common';
import { PeriodType } from '@toc/domain';
import { PROJECTION_STATUS, StoredProjectionStatus, periodsWithValues } from '@toc/read-models';
import { Runtime } from '@toc/runtime';
import { periodMatchesType } from './indicator-query.dto';

const WAIT_LIMIT_MS = 5000;

/** Where readers find the live build of the programme read model, and how far it has got. */
@Injectable()
export class ReadModelAccess {
  constructor(private readonly runtime: Runtime) {}

  /** The live build's namespace, from the stored status so that api instances without a projector agree. */
  async namespace(): Promise<string> {
    const stored = await this.runtime.readModels.get(PROJECTION_STATUS, this.runtime.programme.name);
    return (stored?.doc as StoredProjectionStatus | undefined)?.namespace ?? `${this.runtime.programme.name}_v${this.runtime.programme.version}_b1`;
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
    if (period !== undefined) {
      if (!periodMatchesType(periodType, period)) {
        const message = `period ${period} is not a ${periodType}`;
        throw new BadRequestException({ statusCode: 400, message: [message], errors: [{ field: 'period', rule: 'matchesPeriodType', message }] });
      }
      return period;
    }
    if (periodType === 'programme') return 'programme';
    const periods = await periodsWithValues(this.runtime.readModels, namespace, periodType);
    return periods[periods.length - 1] ?? 'programme';
  }
}
