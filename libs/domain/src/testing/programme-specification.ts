import { contributionsOf } from '../core/cell-fold';
import { RecordedEvent } from '../core/event';
import { ProjectionDocument } from '../core/projection';
import { EventOfType } from '../core/record-projection';
import { IndicatorCode } from '../indicators/indicator-catalogue';
import { IndicatorFact, TOTAL, cellId } from '../indicators/indicator-facts';
import { PeriodType, ProgrammeCalendar } from '../indicators/periods';
import { ProgrammeEvent, indicatorFactsOf, programmeReadModel } from '../indicators/programme-read-model';
import { retractionOf } from '../retracted-record';
import { domainUpcasters } from '../upcasters';

const calendar: ProgrammeCalendar = { start: '2010-01-01', end: '2011-12-31' };
export const model = programmeReadModel(calendar);

type ProgrammeEventType = ProgrammeEvent['type'];
type DataOf<T extends ProgrammeEventType> = EventOfType<ProgrammeEvent, T>['data'];

/** Schema versions of the event types whose payload has changed since version 1. */
/**
 * A stream history as the event store would hand it to the projector: every event with its
 * stream, revision, global position and full metadata. Types and payloads are checked against
 * the programme's events, so a renamed event or field fails to compile.
 */
export class ProgrammeHistory {
  readonly events: RecordedEvent[] = [];
  private position = 0;
  private readonly revisions = new Map<string, number>();

  record<T extends ProgrammeEventType>(streamId: string, type: T, data: DataOf<T>, occurredAt: string, correctionOf?: string): RecordedEvent<EventOfType<ProgrammeEvent, T>> {
    return this.append(streamId, type, data, occurredAt, correctionOf) as RecordedEvent<EventOfType<ProgrammeEvent, T>>;
  }

  /** Appends RecordRetracted as the command runner does. */
  retract(target: RecordedEvent, occurredAt: string, reason: string): RecordedEvent {
    const { type, data } = retractionOf(target, reason);
    return this.append(target.streamId, type, data, occurredAt);
  }

  /** A correction: the retraction and the replacement, appended together with the same business time. */
  correct<E extends ProgrammeEvent>(target: RecordedEvent<E>, data: E['data'], occurredAt: string, reason: string): RecordedEvent<E> {
    this.retract(target, occurredAt, reason);
    return this.append(target.streamId, target.type, data, occurredAt, target.metadata.eventId) as RecordedEvent<E>;
  }

  private append(streamId: string, type: string, data: unknown, occurredAt: string, correctionOf?: string): RecordedEvent {
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    this.position += 3; // the global order may have gaps
    const event: RecordedEvent = {
      type,
      data,
      streamId,
      revision,
      position: this.position,
      metadata: {
        eventId: `${streamId}.${revision}`,
        schemaVersion: domainUpcasters.currentVersion(type),
        correlationId: `corr-${this.position}`,
        causationId: null,
        actor: { userId: 'user-4b2e', role: 'coordinator' },
        sourceApp: 'registration-form',
        occurredAt,
        recordedAt: '2012-01-16T08:00:00.000Z',
        ...(correctionOf ? { correctionOf } : {}),
      },
    };
    this.events.push(event);
    return event;
  }
}

type Sums = { numerator: number; denominator: number; subjects: number };

/** The documents every projection of the programme read model makes from the events, by collection and id. */
const projectDocuments = (events: readonly RecordedEvent[]) => {
  const docs = new Map<string, Map<string, ProjectionDocument>>();
  for (const event of events) {
    for (const projection of model.projections) {
      if (!projection.handles.has(event.type)) continue;
      const collection = docs.get(projection.collection) ?? new Map<string, ProjectionDocument>();
      docs.set(projection.collection, collection);
      for (const id of projection.documentIds(event)) {
        const next = projection.evolve(collection.get(id) ?? null, event, id);
        if (next) collection.set(id, next);
        else collection.delete(id);
      }
    }
  }
  return docs;
};

const sumCells = (docs: ReadonlyMap<string, ReadonlyMap<string, ProjectionDocument>>) => {
  const cells = new Map<string, Sums>();
  for (const [collection, byId] of docs) {
    for (const doc of byId.values()) {
      for (const contribution of contributionsOf(model.aggregation!, model.aggregation!.parts(collection, doc))) {
        const sums = cells.get(contribution.key) ?? { numerator: 0, denominator: 0, subjects: 0 };
        sums.numerator += contribution.sums.numerator;
        sums.denominator += contribution.sums.denominator;
        sums.subjects += contribution.sums.subjects;
        cells.set(contribution.key, sums);
      }
    }
  }
  return cells;
};

/**
 * Given a history, then the programme read model projected from it in memory: its documents,
 * each document's facts and the summed indicator cells.
 */
export const given = (history: ProgrammeHistory) => {
  const docs = projectDocuments(history.events);
  const cells = sumCells(docs);
  const factsOf = (collection: string, doc: ProjectionDocument | undefined) => (doc ? indicatorFactsOf(collection, doc) : []);
  return {
    doc: (collection: string, id: string) => docs.get(collection)?.get(id),
    facts: (collection: string, id: string): IndicatorFact[] => factsOf(collection, docs.get(collection)?.get(id)),
    /** The facts of every document of a collection. */
    collectionFacts: (collection: string): IndicatorFact[] => [...(docs.get(collection)?.values() ?? [])].flatMap((doc) => factsOf(collection, doc)),
    cell: (indicator: IndicatorCode, periodType: PeriodType, period: string, dimension = TOTAL, value = '*'): Sums | undefined =>
      cells.get(cellId({ indicator, periodType, period, dimension, value })),
    keys: (indicator: IndicatorCode) => [...cells.keys()].filter((key) => key.startsWith(`${indicator}|`)).sort(),
  };
};
