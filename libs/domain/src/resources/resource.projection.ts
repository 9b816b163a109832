import { EventRecord, RecordDocument, recordProjection, recordsOf } from '../core/record-projection';
import { indicatorFeature } from '../indicators/indicator-feature';
import { IndicatorFact } from '../indicators/indicator-facts';
import { ResourceAllocated, ResourceEvent, ResourceUsed } from './resource.events';
import { STANDARD_HOURS_PER_FTE_YEAR, daysIn, fteHours, quarterPieces, statedPeriodSpan } from './staff-time';

const resourceProjection = recordProjection<ResourceEvent>('allocations', {
  ResourceAllocated: (data) => [data.allocationId],
  ResourceUsed: (data) => [data.allocationId],
});

type Allocation = ResourceAllocated['data'];

/** The rate an FTE allocation was recorded with; allocations from before it was stated used the standard. */
const hoursPerFteYearOf = (allocation: Allocation) => allocation.hoursPerFteYear ?? STANDARD_HOURS_PER_FTE_YEAR;

/**
 * Hours (staff time) or DKK (budget) of a use, as recorded. A use recorded before staff time was
 * given in hours has only `amount`, in the allocation's unit: FTE-years at the allocation's rate.
 */
const usedAmount = (allocation: Allocation, use: ResourceUsed['data']): number => {
  if (use.hours !== undefined) return use.hours;
  const amount = use.amount ?? 0;
  return allocation.unit === 'fte' ? amount * hoursPerFteYearOf(allocation) : amount;
};

/**
 * Planned amounts are spread over the allocation period pro rata by days, quarter by quarter,
 * so every period compares what was used in it with what was planned for it; FTE are planned
 * with the same conversion as FTE used. Use stated over a period is spread over it the same way;
 * any other use counts on its business date.
 */
const resourceFacts = (doc: RecordDocument<ResourceEvent>): IndicatorFact[] => {
  const [allocated] = recordsOf(doc, 'ResourceAllocated');
  if (!allocated) return [];
  const allocation = allocated.data;
  const indicator = allocation.kind === 'budget' ? 'RES-BUDGET' : 'RES-STAFF-TIME';
  const dims = { resourceLine: allocation.resourceLine };
  const fact = (at: string, numerator: number, denominator: number): IndicatorFact => ({ indicator, at, numerator, denominator, subjects: 0, dims });
  const allocationSpan = { first: allocation.periodStart, last: allocation.periodEnd };
  const allocationDays = daysIn(allocationSpan);
  const planned = quarterPieces(allocationSpan).map((piece) =>
    fact(
      piece.first,
      0,
      allocation.unit === 'fte' ? fteHours(allocation.amount, hoursPerFteYearOf(allocation), piece) : (allocation.amount * daysIn(piece)) / allocationDays,
    ),
  );
  const used = recordsOf(doc, 'ResourceUsed').flatMap((use: EventRecord<ResourceUsed>) => {
    const amount = usedAmount(allocation, use.data);
    const span = statedPeriodSpan(use.data.period);
    if (span === undefined) return [fact(use.at, amount, 0)];
    const spanDays = daysIn(span);
    return quarterPieces(span).map((piece) => fact(piece.first, (amount * daysIn(piece)) / spanDays, 0));
  });
  return [...planned, ...used];
};

export const resourceFeature = indicatorFeature({ projection: resourceProjection, indicators: ['RES-STAFF-TIME', 'RES-BUDGET'], facts: resourceFacts });
