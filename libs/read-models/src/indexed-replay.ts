import {
  IndicatorCell,
  IndicatorView,
  RECORD_RETRACTED,
  ReadModelDefinition,
  RecordDocument,
  RecordHorizon,
  RecordedEvent,
  UpcasterChain,
  CellFields,
  cellId,
  documentAt,
  utcTime,
} from '@toc/domain';
import { EventLogFilter, EventLogReader } from '@toc/event-store';
import { IndicatorQuery, indicatorViews, periodSpanningIndicators } from './indicator-queries';
import { collectionIn, foldEvents, loadTouched } from './projection-engine';
import { withoutNoise } from './rounding-noise';
import { ReadModelStore } from './read-model-store.port';
import { REPLAY_INDEX, ReplayAxis, RowDeltas, addContributions, addDocumentRowChanges, dayOf, monthSumsBefore } from './replay-index';
import { replayIndexPosition } from './replay-indexer';
import { ReplayMoment } from './replay';

const PAGE_SIZE = 5_000;

const startOfDay = (iso: string) => `${dayOf(iso)}T00:00:00.000Z`;
const justBefore = (iso: string) => new Date(Date.parse(iso) - 1).toISOString();
const justAfter = (iso: string) => new Date(Date.parse(iso) + 1).toISOString();

/** Every event of the log that passes the filter, in position order. */
const queryAll = async (log: EventLogReader, filter: Omit<EventLogFilter, 'limit'>): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for (let after = filter.after ?? 0; ; ) {
    const page = await log.queryLog({ ...filter, after, limit: PAGE_SIZE });
    all.push(...page);
    if (page.length < PAGE_SIZE) return all;
    after = page[page.length - 1].position;
  }
};

/**
 * Indicator values at a moment from a build's replay index, or null while the build has none.
 *
 * One axis of the index gives the cells at the start of the moment's day: business time when
 * the moment looks back at what had happened (asOf no later than knownAt), recording time
 * otherwise. Documents that this base sees differently from the moment are then replayed
 * exactly, each counted as seen at the moment instead of as the base saw it:
 * - documents touched by events stored after the index position;
 * - documents touched on the moment's own day (happened on the asOf day, or recorded on the
 *   knownAt day, up to the moment);
 * - on the business axis, records that happened before asOf but were recorded or withdrawn
 *   after knownAt (late recordings); on the recording axis, records known by knownAt that
 *   happened after asOf.
 * The answer equals a full replay of the same projection code (the tests compare them).
 */
export const indexedReplay = async (
  events: EventLogReader,
  store: ReadModelStore,
  namespace: string,
  definition: ReadModelDefinition,
  upcasters: UpcasterChain,
  moment: ReplayMoment,
  minCellSize: number,
): Promise<((query: IndicatorQuery) => Promise<IndicatorView[]>) | null> => {
  const indexed = await replayIndexPosition(store, namespace);
  if (indexed === null) return null;
  const asOf = moment.asOf === undefined ? undefined : utcTime(moment.asOf);
  const knownAt = moment.knownAt === undefined ? undefined : utcTime(moment.knownAt);
  const axis: ReplayAxis = asOf !== undefined && (knownAt === undefined || asOf <= knownAt) ? 'happened' : 'recorded';
  const baseDay = axis === 'happened' ? asOf && dayOf(asOf) : knownAt && dayOf(knownAt);
  const inBase: RecordHorizon =
    axis === 'happened' ? { position: indexed, asOf: justBefore(startOfDay(asOf!)) } : { position: indexed, knownAt: knownAt && justBefore(startOfDay(knownAt)) };

  const later = await queryAll(events, { after: indexed });
  const unseen = [
    ...later,
    ...(axis === 'happened' ? await queryAll(events, { occurredFrom: startOfDay(asOf!), occurredTo: justAfter(asOf!) }) : []),
    ...(axis === 'recorded' && knownAt ? await queryAll(events, { recordedFrom: startOfDay(knownAt), recordedTo: justAfter(knownAt) }) : []),
    ...(axis === 'happened' && knownAt ? await queryAll(events, { recordedFrom: justAfter(knownAt), occurredTo: justAfter(asOf!) }) : []),
    ...(axis === 'happened' && knownAt ? await queryAll(events, { recordedFrom: justAfter(knownAt), types: [RECORD_RETRACTED] }) : []),
    ...(axis === 'recorded' && asOf ? await queryAll(events, { occurredFrom: justAfter(asOf), recordedTo: justAfter(knownAt!) }) : []),
  ];
  const upcast = (list: RecordedEvent[]) => list.map((event) => upcasters.upcast(event));
  const documents = await loadTouched(definition, store, namespace, upcast(unseen));
  foldEvents(definition, documents, upcast(later));

  const atMoment: RecordHorizon = { asOf, knownAt };
  const aggregation = definition.aggregation!;
  const corrections: RowDeltas = new Map();
  for (const { collection, current } of documents.values()) {
    if (!current) continue;
    const now = documentAt(current as RecordDocument, atMoment);
    const before = documentAt(current as RecordDocument, inBase);
    addDocumentRowChanges(corrections, aggregation, collection, before, now);
  }

  const rows = collectionIn(namespace, REPLAY_INDEX);
  /** The cells at the moment whose fields match `where`: the index rows of the base day, plus the corrections. */
  const cellsWhere = async (where: Readonly<Record<string, string>>): Promise<IndicatorCell[]> => {
    const matches = (fields: Record<string, unknown>) => Object.entries(where).every(([field, value]) => fields[field] === value);
    const cells: RowDeltas = new Map();
    for (const { doc } of await store.find(rows, { where: { ...where, axis } })) {
      const sums = monthSumsBefore(doc, baseDay);
      if (sums === null) continue;
      const cell = doc as unknown as IndicatorCell;
      addContributions(cells, [{ key: cellId(cell), fields: cell as unknown as CellFields, sums }], 1);
    }
    addContributions(cells, [...corrections.values()].filter((correction) => matches(correction.fields)), 1);
    const found: IndicatorCell[] = [];
    for (const { fields, sums } of cells.values()) {
      const settled = withoutNoise(sums);
      if (!Object.values(settled).some((value) => value !== 0)) continue;
      const { indicator, periodType, period, dimension, value } = fields as unknown as IndicatorCell;
      found.push({ indicator, periodType, period, dimension, value, sums: settled as unknown as IndicatorCell['sums'] });
    }
    return found;
  };
  // Every period of an indicator whose suppression spans periods, read once for all the queries of the moment.
  const wholeIndicators = new Map<string, Promise<IndicatorCell[]>>();
  const wholeIndicator = (indicator: string) => {
    if (!wholeIndicators.has(indicator)) wholeIndicators.set(indicator, cellsWhere({ indicator }));
    return wholeIndicators.get(indicator)!;
  };
  return async (query) => {
    const spanning = periodSpanningIndicators(query);
    const [inPeriod, ...whole] = await Promise.all([cellsWhere({ periodType: query.periodType, period: query.period }), ...[...spanning].map(wholeIndicator)]);
    return indicatorViews([...inPeriod.filter((cell) => !spanning.has(cell.indicator)), ...whole.flat()], query, minCellSize);
  };
};
