import { Command, CommandContext } from '../core/command';
import { defineDecider } from '../core/decider';
import { alreadyExists, notFound, ruleBroken } from '../core/domain-error';
import { resourceKinds, resourceLines, resourceUnits } from '../model/reference-data';
import { ResourceAllocated, ResourceEvent, ResourceUsed } from './resource.events';
import { assertCode, isCalendarDate, trimmed } from '../core/input';
import { localDate } from '../indicators/periods';
import { MAX_HOURS_PER_FTE_YEAR, STANDARD_HOURS_PER_FTE_YEAR, STATED_PERIOD_FORMAT, fteHours, statedPeriodSpan } from './staff-time';

export type AllocateResource = Command<'AllocateResource', ResourceAllocated['data']>;
export type RecordResourceUse = Command<'RecordResourceUse', ResourceUsed['data']>;

export type ResourceCommand = AllocateResource | RecordResourceUse;
export const resourceCommandTypes = ['AllocateResource', 'RecordResourceUse'] as const satisfies readonly ResourceCommand['type'][];

export type ResourceState =
  | { readonly status: 'unallocated' }
  | {
      readonly status: 'allocated';
      readonly allocationId: string;
      readonly kind: ResourceAllocated['data']['kind'];
      readonly periodStart: string;
      readonly periodEnd: string;
    };

type UseData = RecordResourceUse['data'];

const positive = (field: 'amount' | 'hours' | 'fte', value: unknown): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    ruleBroken(`${field}-not-positive`, `${field} ${String(value)} must be a number greater than 0`, field);
  }
  return value as number;
};

/** The rate the entry point passed (the service's setting), or the standard one. */
const hoursPerFteYearOf = (value: unknown): number => {
  if (value === undefined) return STANDARD_HOURS_PER_FTE_YEAR;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_HOURS_PER_FTE_YEAR) {
    ruleBroken('invalid-hours-per-fte-year', `hoursPerFteYear ${String(value)} must be greater than 0 and at most ${MAX_HOURS_PER_FTE_YEAR}`, 'hoursPerFteYear');
  }
  return value as number;
};

/** The business date of a command: its local date in Copenhagen, like the reporting periods. */
const businessDate = (context: CommandContext): string => localDate(context.occurredAt);

const allocate = (command: AllocateResource, state: ResourceState): ResourceAllocated[] => {
  const { allocationId, resourceLine, kind, unit, amount, periodStart, periodEnd } = command.data;
  if (state.status !== 'unallocated') return alreadyExists(`resource allocation ${allocationId}`);
  assertCode('unknown-resource-line', resourceLines, resourceLine, 'resourceLine');
  assertCode('unknown-resource-kind', resourceKinds, kind, 'kind');
  const units: readonly string[] = resourceUnits[kind];
  if (!units.includes(unit)) ruleBroken('unit-not-allowed', `unit "${unit}" cannot measure ${kind}; use ${units.join(' or ')}`, 'unit');
  positive('amount', amount);
  for (const [field, value] of [['periodStart', periodStart], ['periodEnd', periodEnd]] as const) {
    if (!isCalendarDate(value)) ruleBroken('invalid-date', `${field} "${value}" is not a date written YYYY-MM-DD`, field);
  }
  if (periodStart > periodEnd) ruleBroken('period-reversed', `periodEnd ${periodEnd} lies before periodStart ${periodStart}`, 'periodEnd');
  // The rate is kept with the allocation, so its planned hours never change with the setting.
  const rate = unit === 'fte' ? { hoursPerFteYear: hoursPerFteYearOf(command.data.hoursPerFteYear) } : {};
  return [{ type: 'ResourceAllocated', data: { allocationId, resourceLine, kind, unit, amount, periodStart, periodEnd, ...rate } }];
};

/** A budget is used in DKK, as an amount. */
const budgetSpent = (use: UseData) => {
  for (const field of ['hours', 'fte', 'period'] as const) {
    if (use[field] !== undefined) ruleBroken('use-unit-not-allowed', `${field} cannot measure the use of a budget; give amount in DKK`, field);
  }
  return { amount: positive('amount', use.amount) };
};

/**
 * Staff time is used in hours, given as hours or as FTE over a period: a quarter, half-year or
 * year that has begun by the use's business date and lies in the allocation's period. The
 * conversion is recorded with the FTE, the period and the rate it came from.
 */
const staffTimeUsed = (use: UseData, allocation: Extract<ResourceState, { status: 'allocated' }>, date: string) => {
  if (use.amount !== undefined) {
    ruleBroken('use-unit-not-allowed', 'amount is DKK of a budget; give staff time as hours, or as fte with the period it was worked in', 'amount');
  }
  if (use.fte === undefined) {
    if (use.period !== undefined) ruleBroken('period-without-fte', `period ${String(use.period)} states when FTE were worked; give fte with it, or hours alone`, 'period');
    if (use.hours === undefined) ruleBroken('use-missing', 'give the staff time used as hours, or as fte with the period it was worked in', 'hours');
    return { hours: positive('hours', use.hours) };
  }
  const fte = positive('fte', use.fte);
  const hoursPerFteYear = hoursPerFteYearOf(use.hoursPerFteYear);
  if (use.period === undefined) ruleBroken('period-missing', `fte needs the period it was worked in: ${STATED_PERIOD_FORMAT}`, 'period');
  const span = statedPeriodSpan(use.period);
  if (span === undefined) return ruleBroken('invalid-period', `period "${String(use.period)}" must be ${STATED_PERIOD_FORMAT}`, 'period');
  const period = use.period as string;
  if (span.first < allocation.periodStart || span.last > allocation.periodEnd) {
    ruleBroken(
      'period-outside-allocation',
      `period ${period} (${span.first} to ${span.last}) lies outside the allocation period ${allocation.periodStart} to ${allocation.periodEnd}`,
      'period',
    );
  }
  if (span.first > date) ruleBroken('period-not-begun', `period ${period} begins ${span.first}, after this use's business date ${date}`, 'period');
  const hours = fteHours(fte, hoursPerFteYear, span);
  // A stored use carries the hours it was converted to; judged again, they must still be that conversion.
  if (use.hours !== undefined && Math.abs(use.hours - hours) > 1e-6) {
    ruleBroken('hours-not-fte-conversion', `hours ${use.hours} are not ${fte} FTE over ${period} at ${hoursPerFteYear} hours per FTE-year (${hours})`, 'hours');
  }
  return { hours, fte, period, hoursPerFteYear };
};

const recordUse = (command: RecordResourceUse, state: ResourceState): ResourceUsed[] => {
  const { allocationId } = command.data;
  if (state.status !== 'allocated') return notFound(`resource allocation ${allocationId}`);
  const date = businessDate(command.context);
  if (date < state.periodStart || date > state.periodEnd) {
    ruleBroken(
      'outside-period',
      `use on ${date} lies outside the allocation period ${state.periodStart} to ${state.periodEnd}`,
      'occurredAt',
    );
  }
  // Use beyond the allocated amount is accepted on purpose: the indicators report use against
  // plan, and an overspend is a finding for the evaluation, not an input error.
  const used = state.kind === 'budget' ? budgetSpent(command.data) : staffTimeUsed(command.data, state, date);
  const note = trimmed(command.data.note);
  return [{ type: 'ResourceUsed', data: { allocationId, ...used, ...(note !== '' && { note }) } }];
};

export const resourceDecider = defineDecider<ResourceCommand, ResourceEvent, ResourceState>({
  recordedBy: { ResourceAllocated: 'AllocateResource', ResourceUsed: 'RecordResourceUse' },
  initialState: () => ({ status: 'unallocated' }),

  decide: (command, state) => {
    switch (command.type) {
      case 'AllocateResource':
        return allocate(command, state);
      case 'RecordResourceUse':
        return recordUse(command, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown resource command ${(unknown as ResourceCommand).type}`);
      }
    }
  },

  evolve: (state, event) => {
    switch (event.type) {
      case 'ResourceAllocated': {
        const { allocationId, kind, periodStart, periodEnd } = event.data;
        return { status: 'allocated', allocationId, kind, periodStart, periodEnd };
      }
      case 'ResourceUsed':
        // Use changes no invariant (over-use is allowed), so the state stays as it is.
        return state;
      default: {
        const unknown: never = event;
        throw new Error(`unknown resource event ${(unknown as ResourceEvent).type}`);
      }
    }
  },
});
