import { IndicatorView, PeriodType, ReadModelDefinition, RecordRetracted, RecordedEvent, UpcasterChain, isRetraction } from '@toc/domain';
import { EventStore } from '@toc/event-store';
import { queryIndicators } from './indicator-queries';
import { MemoryReadModelStore } from './memory/memory-read-model-store';
import { applyEvents } from './projection-engine';

/**
 * A moment to look back from. `asOf` (business time): only what had happened by then.
 * `knownAt` (recording time): only what had been recorded by then, so a later correction is
 * not yet applied. Either may be absent (no limit).
 */
export interface ReplayMoment {
  readonly asOf?: string;
  readonly knownAt?: string;
}

export const REPLAY_NAMESPACE = 'replay';
const PAGE_SIZE = 5000;

/** Business time of an event; a retraction counts at the time of the record it withdraws. */
const businessTime = (event: RecordedEvent): string =>
  isRetraction(event) ? (event as RecordedEvent & RecordRetracted).data.retracted.occurredAt : event.metadata.occurredAt;

export const includedAt = (moment: ReplayMoment) => {
  const asOf = moment.asOf === undefined ? Infinity : Date.parse(moment.asOf);
  const knownAt = moment.knownAt === undefined ? Infinity : Date.parse(moment.knownAt);
  return (event: RecordedEvent) => Date.parse(event.metadata.recordedAt) <= knownAt && Date.parse(businessTime(event)) <= asOf;
};

/**
 * Runs the live projection code in memory over the events of a moment, so a replay and the
 * live read model can never disagree on definitions.
 */
export const replayReadModel = async (
  events: EventStore,
  definition: ReadModelDefinition,
  upcasters: UpcasterChain,
  moment: ReplayMoment,
): Promise<MemoryReadModelStore> => {
  const store = new MemoryReadModelStore();
  const included = includedAt(moment);
  for (let after = 0; ; ) {
    const page = await events.readAll({ after, limit: PAGE_SIZE });
    if (page.length === 0) break;
    after = page[page.length - 1].position;
    await applyEvents(definition, store, REPLAY_NAMESPACE, page.filter(included).map((event) => upcasters.upcast(event)));
  }
  return store;
};

export const replayIndicators = async (
  events: EventStore,
  definition: ReadModelDefinition,
  upcasters: UpcasterChain,
  moment: ReplayMoment,
  query: { periodType: PeriodType; period: string; codes?: readonly string[] },
  minCellSize: number,
): Promise<IndicatorView[]> => queryIndicators(await replayReadModel(events, definition, upcasters, moment), REPLAY_NAMESPACE, query, minCellSize);

export interface IndicatorChange {
  readonly code: string;
  readonly dimension: string;
  readonly value: string;
  readonly from: number | null;
  readonly to: number | null;
  readonly change: number | null;
}

/** Every indicator figure (totals and breakdown cells) that differs between two views of a period. */
export const diffIndicators = (before: readonly IndicatorView[], after: readonly IndicatorView[]): IndicatorChange[] => {
  const figures = (views: readonly IndicatorView[]) => {
    const map = new Map<string, { code: string; dimension: string; value: string; result: number | null }>();
    for (const view of views) {
      for (const cell of [view.total, ...Object.values(view.breakdowns).flat()]) {
        map.set(`${view.code}|${cell.dimension}|${cell.value}`, { code: view.code, dimension: cell.dimension, value: cell.value, result: cell.result });
      }
    }
    return map;
  };
  const from = figures(before);
  const to = figures(after);
  const changes: IndicatorChange[] = [];
  for (const key of new Set([...from.keys(), ...to.keys()])) {
    const a = from.get(key);
    const b = to.get(key);
    const fromValue = a?.result ?? null;
    const toValue = b?.result ?? null;
    if (fromValue === toValue) continue;
    const { code, dimension, value } = (a ?? b)!;
    changes.push({ code, dimension, value, from: fromValue, to: toValue, change: fromValue !== null && toValue !== null ? toValue - fromValue : null });
  }
  return changes.sort((x, y) => x.code.localeCompare(y.code) || x.dimension.localeCompare(y.dimension) || x.value.localeCompare(y.value));
};
