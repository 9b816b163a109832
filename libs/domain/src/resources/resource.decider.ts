import { Command, CommandContext } from '../core/command';
import { defineDecider } from '../core/decider';
import { alreadyExists, notFound, ruleBroken } from '../core/domain-error';
import { resourceKinds, resourceLines, resourceUnits } from '../model/reference-data';
import { ResourceAllocated, ResourceEvent, ResourceUsed } from './resource.events';
import { assertCode, isCalendarDate, trimmed } from '../core/input';
import { localDate } from '../indicators/periods';

export type AllocateResource = Command<'AllocateResource', ResourceAllocated['data']>;
export type RecordResourceUse = Command<'RecordResourceUse', ResourceUsed['data']>;

export type ResourceCommand = AllocateResource | RecordResourceUse;
export const resourceCommandTypes = ['AllocateResource', 'RecordResourceUse'] as const satisfies readonly ResourceCommand['type'][];

export type ResourceState =
  | { readonly status: 'unallocated' }
  | { readonly status: 'allocated'; readonly allocationId: string; readonly periodStart: string; readonly periodEnd: string };

const assertPositiveAmount = (amount: unknown): void => {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
    ruleBroken('amount-not-positive', `amount ${String(amount)} must be a number greater than 0`, 'amount');
  }
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
  assertPositiveAmount(amount);
  for (const [field, value] of [['periodStart', periodStart], ['periodEnd', periodEnd]] as const) {
    if (!isCalendarDate(value)) ruleBroken('invalid-date', `${field} "${value}" is not a date written YYYY-MM-DD`, field);
  }
  if (periodStart > periodEnd) ruleBroken('period-reversed', `periodEnd ${periodEnd} lies before periodStart ${periodStart}`, 'periodEnd');
  return [{ type: 'ResourceAllocated', data: { allocationId, resourceLine, kind, unit, amount, periodStart, periodEnd } }];
};

const recordUse = (command: RecordResourceUse, state: ResourceState): ResourceUsed[] => {
  const { allocationId, amount } = command.data;
  if (state.status !== 'allocated') return notFound(`resource allocation ${allocationId}`);
  assertPositiveAmount(amount);
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
  const note = trimmed(command.data.note);
  return [{ type: 'ResourceUsed', data: { allocationId, amount, ...(note !== '' && { note }) } }];
};

export const resourceDecider = defineDecider<ResourceCommand, ResourceEvent, ResourceState>({
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
        const { allocationId, periodStart, periodEnd } = event.data;
        return { status: 'allocated', allocationId, periodStart, periodEnd };
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
