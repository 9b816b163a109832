import { RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { indicatorFeature } from '../indicators/indicator-feature';
import { IndicatorFact } from '../indicators/indicator-facts';
import { ResourceAllocated, ResourceEvent } from './resource.events';

const resourceProjection = recordProjection<ResourceEvent>('allocations', {
  ResourceAllocated: (data) => [data.allocationId],
  ResourceUsed: (data) => [data.allocationId],
});

/** Danish full-time norm: 37 hours a week, 52 weeks. */
export const HOURS_PER_FTE_YEAR = 1924;
const DAY_MS = 86_400_000;

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/** Hours for staff time (FTE over a span of days, or hours as given); DKK as given. */
const normalised = (allocation: ResourceAllocated['data'], amount: number, spanDays: number) =>
  allocation.unit === 'fte' ? (amount * HOURS_PER_FTE_YEAR * spanDays) / 365 : amount;

/** Splits an inclusive date range into calendar-quarter pieces: [first day, days in range]. */
const quarterPieces = (start: string, end: string): [string, number][] => {
  const pieces: [string, number][] = [];
  let from = start;
  while (from <= end) {
    const year = Number(from.slice(0, 4));
    const quarterEndMonth = Math.ceil(Number(from.slice(5, 7)) / 3) * 3;
    const quarterEnd = new Date(Date.UTC(year, quarterEndMonth, 0)).toISOString().slice(0, 10);
    const to = quarterEnd < end ? quarterEnd : end;
    pieces.push([from, days(from, to)]);
    from = new Date(Date.parse(to) + DAY_MS).toISOString().slice(0, 10);
  }
  return pieces;
};

/**
 * Planned amounts are spread over the allocation period pro rata by days, quarter by quarter,
 * so every period compares what was used in it with what was planned for it.
 */
const resourceFacts = (doc: RecordDocument<ResourceEvent>): IndicatorFact[] => {
  const [allocated] = recordsOf(doc, 'ResourceAllocated');
  if (!allocated) return [];
  const allocation = allocated.data;
  const indicator = allocation.kind === 'budget' ? 'RES-BUDGET' : 'RES-STAFF-TIME';
  const dims = { resourceLine: allocation.resourceLine };
  const totalDays = days(allocation.periodStart, allocation.periodEnd);
  const planned: IndicatorFact[] = quarterPieces(allocation.periodStart, allocation.periodEnd).map(([at, pieceDays]) => ({
    indicator,
    at,
    numerator: 0,
    denominator: allocation.unit === 'fte' ? normalised(allocation, allocation.amount, pieceDays) : (allocation.amount * pieceDays) / totalDays,
    subjects: 0,
    dims,
  }));
  // Staff time used in FTE is read as FTE-years.
  const used = recordsOf(doc, 'ResourceUsed').map((use): IndicatorFact => ({
    indicator,
    at: use.at,
    numerator: normalised(allocation, use.data.amount, 365),
    subjects: 0,
    dims,
  }));
  return [...planned, ...used];
};

export const resourceFeature = indicatorFeature({ projection: resourceProjection, indicators: ['RES-STAFF-TIME', 'RES-BUDGET'], facts: resourceFacts });
