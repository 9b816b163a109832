import { IndicatorView, PeriodType, ReadModelDefinition, UpcasterChain } from '@toc/domain';
import { EventLogReader, EventStore } from '@toc/event-store';
import { indexedReplay } from './indexed-replay';
import { IndicatorQuery, periodsWithValues, queryIndicators } from './indicator-queries';
import { ReadModelStore } from './read-model-store.port';
import { REPLAY_NAMESPACE, ReplayMoment, replayReadModel } from './replay';
import { storedBuilds } from './stored-builds';

/** Answers many indicator queries of one moment cheaply. */
export type IndicatorSource = (query: IndicatorQuery) => Promise<IndicatorView[]>;

/** The live read model, pinned to one build so that every answer of a request comes from the same one. */
export interface LiveIndicators {
  readonly namespace: string;
  readonly query: IndicatorSource;
  /** The periods of a type that have values. */
  readonly periods: (periodType: PeriodType) => Promise<string[]>;
}

/** Where every reader of indicator values (api, CLI, reports) gets them, now or at a past moment. */
export class IndicatorReader {
  constructor(
    private readonly events: EventStore & EventLogReader,
    private readonly store: ReadModelStore,
    private readonly definition: ReadModelDefinition,
    private readonly upcasters: UpcasterChain,
    /** Groups of fewer subjects are withheld, in every answer of every source. */
    readonly minCellSize: number,
  ) {}

  /** The live build's read model, named by the stored status so that every process agrees. */
  async live(): Promise<LiveIndicators> {
    const { live: namespace } = await storedBuilds(this.store, this.definition);
    return {
      namespace,
      query: (query) => queryIndicators(this.store, namespace, query, this.minCellSize),
      periods: (periodType) => periodsWithValues(this.store, namespace, periodType),
    };
  }

  /**
   * Indicator values now (no moment: the live read model) or at a past moment: from the replay
   * index of the live build, or, before the index exists, by replaying the same projection code
   * in memory.
   */
  async at(moment: ReplayMoment = {}): Promise<IndicatorSource> {
    if (moment.asOf === undefined && moment.knownAt === undefined) return (await this.live()).query;
    const { live } = await storedBuilds(this.store, this.definition);
    const indexed = await indexedReplay(this.events, this.store, live, this.definition, this.upcasters, moment, this.minCellSize);
    if (indexed) return indexed;
    const replayed = await replayReadModel(this.events, this.definition, this.upcasters, moment);
    return (query) => queryIndicators(replayed, REPLAY_NAMESPACE, query, this.minCellSize);
  }
}
