import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Command,
  CommandContext,
  Decider,
  DomainEvent,
  INDICATOR_CELLS,
  IndicatorCode,
  PeriodType,
  Projection,
  ReadModelDefinition,
  RecordedEvent,
  TOTAL,
  associationDecider,
  cellId,
  courseDecider,
  domainUpcasters,
  networkDecider,
  programmeReadModel,
  staffDecider,
  streamName,
  workshopDecider,
  deciderRecording,
} from '@toc/domain';
import { CommandEnvelope, CommandResult, CommandRunner, EventStore, SqliteEventStore, SubscribeOptions, Subscription } from '@toc/event-store';
import { Lease, LeaseKeeper, LeaseNotHeldError, LeaseState, LeaseStore } from './lease';
import { MemoryReadModelStore } from './memory/memory-read-model-store';
import { CHECKPOINTS, applyEvents, collectionIn, namespaceOf } from './projection-engine';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';
import { REPLAY_INDEX } from './replay-index';
import { ReplayIndexer, replayIndexPosition } from './replay-indexer';
import { PROJECTION_STATUS, StoredProjectionStatus } from './projection-status';
import type { Document, DocumentChange, FindOptions, ReadModelStore, StoredDocument } from './read-model-store.port';

const CALENDAR = { start: '2010-01-01', end: '2011-12-31' } as const;
// Pinned to version 1 so the tests can name the builds and versions they expect.
const programme: ReadModelDefinition = { ...programmeReadModel(CALENDAR), version: 1 };
const B1 = namespaceOf(programme, 1);
const B2 = namespaceOf(programme, 2);
const BATCH_SIZE = 4;
/** Short, so that a test that waits out a lease or a retry takes a second or two. */
const LEASE = { ttlMs: 2_000, renewIntervalMs: 300 } as const;
/** Generous for a real mongod; nothing in these tests waits on a timer. */
const TIMEOUT_MS = 60_000;

type Predicate = (changes: readonly DocumentChange[]) => boolean;

/** Resolves once `condition` holds, looking every 20 ms: for what leases decide by the clock, not for projections. */
const until = async (condition: () => Promise<boolean>): Promise<void> => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
};

/** A commit that applied a batch to a namespace: every such commit writes its checkpoint. */
const batchInto =
  (namespace: string): Predicate =>
  (changes) =>
    changes.some((change) => change.collection === CHECKPOINTS && change.id === namespace && change.doc !== null);

/** The last step of dropping a build: its checkpoint goes. */
const namespaceDropped =
  (namespace: string): Predicate =>
  (changes) =>
    changes.some((change) => change.collection === CHECKPOINTS && change.id === namespace && change.doc === null);

const statusWritten =
  (matches: (status: StoredProjectionStatus) => boolean): Predicate =>
  (changes) =>
    changes.some((change) => change.collection === PROJECTION_STATUS && change.doc !== null && matches(change.doc as unknown as StoredProjectionStatus));

interface Hold {
  /** Resolves once the matching commit is waiting. */
  readonly reached: Promise<void>;
  /** Lets the held commit go through. */
  release(): void;
}

/**
 * A read-model store that lets a test see commits land, hold one back (a batch in flight) or make
 * one fail before it reaches the store (a crash before the transaction commits).
 */
class ObservedStore implements ReadModelStore, LeaseStore {
  private readonly holds: { matches: Predicate; remaining: number; arrive: () => void; gate: Promise<void>; release: () => void }[] = [];
  private readonly faults: { matches: Predicate; error: Error }[] = [];
  private readonly watchers: { matches: Predicate; resolve: () => void }[] = [];
  private readonly releases: (() => void)[] = [];
  private leaseFault?: Error;
  private readGate?: Promise<void>;
  /** performance.now() of every commit this store wrote. */
  readonly commitTimes: number[] = [];

  constructor(readonly inner: ReadModelStore & LeaseStore) {}

  async get(collection: string, id: string): Promise<StoredDocument | null> {
    await this.readGate;
    return this.inner.get(collection, id);
  }

  async getMany(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    await this.readGate;
    return this.inner.getMany(collection, ids);
  }

  async find(collection: string, options?: FindOptions): Promise<StoredDocument[]> {
    await this.readGate;
    return this.inner.find(collection, options);
  }

  /** Makes every read wait, as when the store's server cannot be selected, until the returned function is called. */
  stallReads(): () => void {
    let release!: () => void;
    this.readGate = new Promise<void>((resolve) => (release = resolve));
    this.releases.push(release);
    return () => {
      this.readGate = undefined;
      release();
    };
  }

  async commit(changes: readonly DocumentChange[], fence?: Lease): Promise<void> {
    const fault = this.faults.findIndex((candidate) => candidate.matches(changes));
    if (fault >= 0) throw this.faults.splice(fault, 1)[0].error;
    const hold = this.holds.find((candidate) => candidate.matches(changes) && --candidate.remaining === 0);
    if (hold) {
      this.holds.splice(this.holds.indexOf(hold), 1);
      hold.arrive();
      await hold.gate;
    }
    await this.inner.commit(changes, fence);
    this.commitTimes.push(performance.now());
    for (const watcher of this.watchers.filter((candidate) => candidate.matches(changes))) {
      this.watchers.splice(this.watchers.indexOf(watcher), 1);
      watcher.resolve();
    }
  }

  ensureIndex(collection: string, fields: readonly string[]): Promise<void> {
    return this.inner.ensureIndex(collection, fields);
  }

  dropCollection(collection: string): Promise<void> {
    return this.inner.dropCollection(collection);
  }

  listCollections(): Promise<string[]> {
    return this.inner.listCollections();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  async acquireLease(name: string, holder: string, ttlMs: number): Promise<Lease | null> {
    if (this.leaseFault) throw this.leaseFault;
    return this.inner.acquireLease(name, holder, ttlMs);
  }

  async renewLease(lease: Lease, ttlMs: number): Promise<boolean> {
    if (this.leaseFault) throw this.leaseFault;
    return this.inner.renewLease(lease, ttlMs);
  }

  releaseLease(lease: Lease): Promise<void> {
    return this.inner.releaseLease(lease);
  }

  readLease(name: string): Promise<LeaseState | null> {
    return this.inner.readLease(name);
  }

  /** Holds back the `nth` commit that matches (counting from now) until released. */
  hold(matches: Predicate, nth = 1): Hold {
    let arrive!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((resolve) => (arrive = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ matches, remaining: nth, arrive, gate, release });
    this.releases.push(release);
    return { reached, release };
  }

  /** Lets every held commit go, so that a failed test can still stop its runners. */
  releaseAll(): void {
    for (const release of this.releases) release();
  }

  /** Makes every lease call fail from now on, as when the store cannot be reached, while commits still go through. */
  failLeases(error: Error): void {
    this.leaseFault = error;
  }

  /** Makes the next matching commit throw before anything is written. */
  failNext(matches: Predicate, error: Error): void {
    this.faults.push({ matches, error });
  }

  /** Resolves after the next matching commit has been written. */
  committed(matches: Predicate): Promise<void> {
    return new Promise((resolve) => this.watchers.push({ matches, resolve }));
  }
}

/** An event store that remembers where each subscription started. */
class RecordingEventStore implements EventStore {
  readonly subscribedAfter: number[] = [];
  /** Subscriptions not closed yet. */
  open = 0;

  constructor(private readonly inner: EventStore) {}

  append: EventStore['append'] = (...args) => this.inner.append(...args);
  readStream: EventStore['readStream'] = (...args) => this.inner.readStream(...args);
  readAll: EventStore['readAll'] = (...args) => this.inner.readAll(...args);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  close: EventStore['close'] = () => this.inner.close();

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.subscribedAfter.push(options.after);
    const subscription = this.inner.subscribeToAll(options);
    this.open += 1;
    let closed = false;
    return {
      close: () => {
        if (!closed) this.open -= 1;
        closed = true;
        return subscription.close();
      },
    };
  }
}

const ACTOR = { userId: 'user-caseworker-7', role: 'case-worker' } as const;
const RECORDING_STARTS = Date.parse('2012-01-02T08:00:00.000Z');

/**
 * Sends commands through the real command runner and deciders, so every event is one the
 * service could have recorded. Each command is recorded one second after the previous one.
 */
class Recorder {
  private commands = 0;

  constructor(private readonly runner: CommandRunner) {}

  async run<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: { type: C['type']; data: C['data'] },
    day: string,
    correctionOf?: { eventId: string; reason: string },
  ): Promise<string> {
    const result = await this.runner.run(decider, streamId, { ...command, context: this.context(day) } as C, this.envelope(correctionOf));
    return lastEventId(result);
  }

  async retract(streamId: string, eventId: string, day: string): Promise<string> {
    const envelope = { ...this.envelope(), correctionOf: { eventId, reason: 'recorded against the wrong record' } };
    return lastEventId(await this.runner.retract(streamId, this.context(day), envelope, deciderRecording));
  }

  private context(day: string): CommandContext {
    this.commands += 1;
    return { occurredAt: `${day}T10:00:00.000Z`, now: new Date(RECORDING_STARTS + this.commands * 1000).toISOString(), actor: ACTOR };
  }

  private envelope(correctionOf?: { eventId: string; reason: string }): CommandEnvelope {
    return {
      correlationId: `correlation-${this.commands}`,
      causationId: null,
      actor: ACTOR,
      sourceApp: 'case-worker-tool',
      ...(correctionOf && { correctionOf }),
    };
  }
}

const lastEventId = (result: CommandResult): string => result.events[result.events.length - 1].metadata.eventId;

const network = (id: string) => streamName('network', id);
const association = (id: string) => streamName('association', id);
const staff = (id: string) => streamName('staff', id);
const workshop = (id: string) => streamName('workshop', id);
const course = (id: string) => streamName('course', id);

const assessment = (associationId: string, assessmentId: string) => ({
  associationId,
  assessmentId,
  wave: 'baseline' as const,
  instrumentVersion: 'cap-2010-v1',
  mode: 'facilitated' as const,
  items: [
    { domain: 'governance', score: 2, evidence: 'board meets irregularly' },
    { domain: 'finances', score: 3, evidence: 'accounts kept, no budget' },
  ],
});

/** What the tests retract or correct later. */
interface Recorded {
  readonly staffOneJoined: string;
  readonly secondBaseline: string;
  readonly secondSession: string;
  readonly feedback: string;
}

/**
 * 22 events of the first programme year in Mjølnerparken and Urbanplanen: a network that two
 * associations and a staff member join (one association leaves again), three workshops, a
 * course with two sessions, and baseline capacity assessments.
 */
const recordFirstYear = async (r: Recorder): Promise<Recorded> => {
  await r.run(networkDecider, network('N1'), { type: 'EstablishNetwork', data: { networkId: 'N1', name: 'Mjølnerparken network', housingArea: 'mjolnerparken' } }, '2010-01-05');
  await r.run(associationDecider, association('A1'), { type: 'RegisterAssociation', data: { associationId: 'A1', name: 'Kulturforeningen', housingArea: 'mjolnerparken', associationType: 'cultural', sizeBand: '11-50' } }, '2010-01-10');
  await r.run(associationDecider, association('A2'), { type: 'RegisterAssociation', data: { associationId: 'A2', name: 'Kvindeforeningen', housingArea: 'urbanplanen', associationType: 'women', sizeBand: '1-10' } }, '2010-01-12');
  await r.run(staffDecider, staff('S1'), { type: 'RegisterStaffMember', data: { staffId: 'S1', role: 'frontline', employer: 'municipality', housingArea: 'mjolnerparken' } }, '2010-01-15');
  await r.run(staffDecider, staff('S2'), { type: 'RegisterStaffMember', data: { staffId: 'S2', role: 'teacher', employer: 'school', housingArea: 'urbanplanen' } }, '2010-01-16');
  await r.run(courseDecider, course('C1'), { type: 'DesignCourse', data: { courseId: 'C1', title: 'Citizenship and rights', housingArea: 'mjolnerparken', modules: ['citizenship', 'rights'], plannedSessions: 2 } }, '2010-01-20');
  await r.run(networkDecider, network('N1'), { type: 'JoinNetwork', data: { networkId: 'N1', member: { kind: 'association', id: 'A1' } } }, '2010-02-01');
  await r.run(associationDecider, association('A1'), { type: 'RecordCapacityAssessment', data: assessment('A1', 'A1-baseline') }, '2010-02-20');
  await r.run(courseDecider, course('C1'), { type: 'StartCourse', data: { courseId: 'C1' } }, '2010-03-01');
  await r.run(courseDecider, course('C1'), { type: 'EnrolAssociation', data: { courseId: 'C1', associationId: 'A1', representativeIds: ['R1', 'R2', 'R3'] } }, '2010-03-01');
  await r.run(workshopDecider, workshop('W1'), { type: 'HoldWorkshop', data: { workshopId: 'W1', topic: 'parent-involvement', housingArea: 'mjolnerparken', participantStaffIds: ['S1', 'S2'] } }, '2010-03-10');
  const feedback = await r.run(workshopDecider, workshop('W1'), { type: 'RecordWorkshopFeedback', data: { workshopId: 'W1', staffId: 'S1', reactionScore: 4, learningScore: 5 } }, '2010-03-12');
  await r.run(courseDecider, course('C1'), { type: 'HoldCourseSession', data: { courseId: 'C1', sessionNumber: 1, module: 'citizenship', attendeeIds: ['R1', 'R2'] } }, '2010-03-15');
  await r.run(workshopDecider, workshop('W2'), { type: 'HoldWorkshop', data: { workshopId: 'W2', topic: 'good-collaboration', housingArea: 'mjolnerparken', participantStaffIds: ['S1'] } }, '2010-03-20');
  const staffOneJoined = await r.run(networkDecider, network('N1'), { type: 'JoinNetwork', data: { networkId: 'N1', member: { kind: 'staff', id: 'S1' } } }, '2010-04-10');
  const secondBaseline = await r.run(associationDecider, association('A2'), { type: 'RecordCapacityAssessment', data: assessment('A2', 'A2-baseline') }, '2010-04-15');
  const secondSession = await r.run(courseDecider, course('C1'), { type: 'HoldCourseSession', data: { courseId: 'C1', sessionNumber: 2, module: 'rights', attendeeIds: ['R1', 'R3'] } }, '2010-04-20');
  await r.run(networkDecider, network('N1'), { type: 'JoinNetwork', data: { networkId: 'N1', member: { kind: 'association', id: 'A2' } } }, '2010-05-01');
  await r.run(workshopDecider, workshop('W3'), { type: 'HoldWorkshop', data: { workshopId: 'W3', topic: 'parent-involvement', housingArea: 'urbanplanen', participantStaffIds: ['S2'] } }, '2010-05-05');
  await r.run(associationDecider, association('A3'), { type: 'RegisterAssociation', data: { associationId: 'A3', name: 'Ungdomsklubben', housingArea: 'bispeparken', associationType: 'youth', sizeBand: '11-50' } }, '2010-05-10');
  await r.run(courseDecider, course('C1'), { type: 'CompleteCourse', data: { courseId: 'C1', completedAssociationIds: ['A1'] } }, '2010-06-01');
  await r.run(networkDecider, network('N1'), { type: 'LeaveNetwork', data: { networkId: 'N1', member: { kind: 'association', id: 'A2' }, reason: 'board dissolved' } }, '2010-08-15');
  return { staffOneJoined, secondBaseline, secondSession, feedback };
};
const FIRST_YEAR_EVENTS = 22;

/** Withdraws S1's network membership and the second course session; moves A2's baseline to July. */
const recordCorrections = async (r: Recorder, recorded: Recorded): Promise<void> => {
  await r.retract(network('N1'), recorded.staffOneJoined, '2010-04-10');
  await r.retract(course('C1'), recorded.secondSession, '2010-04-20');
  await r.run(associationDecider, association('A2'), { type: 'RecordCapacityAssessment', data: assessment('A2', 'A2-baseline') }, '2010-07-01', {
    eventId: recorded.secondBaseline,
    reason: 'the assessment took place after the summer break',
  });
};

/** S2 joins the network in October; a fourth workshop in 2011. */
const recordLaterEvents = async (r: Recorder): Promise<void> => {
  await r.run(networkDecider, network('N1'), { type: 'JoinNetwork', data: { networkId: 'N1', member: { kind: 'staff', id: 'S2' } } }, '2010-10-01');
  await r.run(workshopDecider, workshop('W4'), { type: 'HoldWorkshop', data: { workshopId: 'W4', topic: 'involving-minority-associations', housingArea: 'mjolnerparken', participantStaffIds: ['S1'] } }, '2011-02-01');
};

interface Sums {
  readonly numerator: number;
  readonly denominator: number;
  readonly subjects: number;
}

const cell = async (
  store: ReadModelStore,
  namespace: string,
  indicator: IndicatorCode,
  periodType: PeriodType,
  period: string,
  dimension = TOTAL,
  value = '*',
): Promise<Sums | null> => {
  const stored = await store.get(collectionIn(namespace, INDICATOR_CELLS), cellId({ indicator, periodType, period, dimension, value }));
  return (stored?.doc.sums as Sums | undefined) ?? null;
};

const count = (n: number): Sums => ({ numerator: n, denominator: 0, subjects: n });

export type Snapshot = Record<string, readonly (StoredDocument | Document)[]>;

/**
 * Every non-empty collection of a build, by logical name, ordered by id. With `positions`, each
 * document comes with the position it was written at; without, only the content counts (builds
 * fed in different batches write aggregate rows at different positions). The replay index is
 * left out unless asked for: a bulk build writes it, a build fed event by event leaves it to the indexer.
 */
export const snapshot = async (store: ReadModelStore, namespace: string, { positions, index = false }: { positions: boolean; index?: boolean }): Promise<Snapshot> => {
  const prefix = `${namespace}_`;
  const result: Record<string, (StoredDocument | Document)[]> = {};
  const indexCollection = collectionIn(namespace, REPLAY_INDEX);
  for (const collection of (await store.listCollections()).filter((name) => name.startsWith(prefix) && (index || name !== indexCollection)).sort()) {
    const stored = (await store.find(collection)).sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
    if (stored.length > 0) result[collection.slice(prefix.length)] = positions ? stored : stored.map(({ doc }) => doc);
  }
  return result;
};

/**
 * Numbers to 12 significant digits, for comparing read models of a history with fractional
 * figures (hours): their sums differ in the last bits with the order they were added in.
 */
export const rounded = (value: unknown): unknown => {
  if (typeof value === 'number') return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, rounded(field)]));
  return value;
};

/** The read model computed in memory in one batch over every event, independently of any runner. */
export const foldedInMemory = async (events: EventStore, definition: ReadModelDefinition): Promise<Snapshot> => {
  const memory = new MemoryReadModelStore();
  await applyEvents(definition, memory, 'reference', (await events.readAll()).map((event) => domainUpcasters.upcast(event)));
  return snapshot(memory, 'reference', { positions: false });
};

const checkpointOf = async (store: ReadModelStore, namespace: string): Promise<number | null> =>
  ((await store.get(CHECKPOINTS, namespace))?.doc.position as number | undefined) ?? null;

const collectionsOf = async (store: ReadModelStore, namespace: string): Promise<string[]> =>
  (await store.listCollections()).filter((name) => name.startsWith(`${namespace}_`));

/** The programme read model with one projection that cannot apply one event type while `fault.active`. */
const withFault = (fault: { active: boolean }, collection: string, type: string): ReadModelDefinition => ({
  ...programme,
  projections: programme.projections.map((projection): Projection<any> =>
    projection.collection !== collection
      ? projection
      : {
          ...projection,
          evolve: (doc, event, id) => {
            if (fault.active && event.type === type) throw new Error(`cannot read a ${type} payload`);
            return projection.evolve(doc, event, id);
          },
        },
  ),
});

/**
 * The projection runner's behaviour on a real event store (SQLite file) and a given read-model
 * store: live projection, redelivery, crashes, retractions, poison events, blue/green rebuilds
 * and the status operators see. Each test gets a fresh event store and a fresh read-model store
 * from `createReadModelStore`.
 */
export const describeProjectionRunnerContract = (name: string, createReadModelStore: () => Promise<ReadModelStore & LeaseStore>): void => {
  describe(`${name} (ProjectionRunner contract)`, () => {
    let dir: string;
    let files = 0;
    const cleanups: (() => Promise<unknown>)[] = [];
    const observed: ObservedStore[] = [];

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'toc-projection-runner-'));
    });

    afterEach(async () => {
      for (const store of observed.splice(0)) store.releaseAll();
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    }, TIMEOUT_MS);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const newReadModelStore = async (): Promise<ObservedStore> => {
      const store = new ObservedStore(await createReadModelStore());
      observed.push(store);
      cleanups.push(() => store.close());
      return store;
    };

    const upcastAll = async (events: EventStore): Promise<RecordedEvent[]> =>
      (await events.readAll()).map((event) => domainUpcasters.upcast(event));

    const setUp = async () => {
      const sqlite = SqliteEventStore.open(join(dir, `events-${++files}.sqlite`), { synchronous: 'NORMAL' });
      cleanups.push(() => sqlite.close());
      const events = new RecordingEventStore(sqlite);
      const recorder = new Recorder(new CommandRunner(sqlite, domainUpcasters));
      const store = await newReadModelStore();
      const clock = { ms: Date.parse('2012-01-02T09:00:00.000Z') };
      /** A runner as a process of its own would have it, with a lease of its own on `on`. */
      const runner = (
        options: { definition?: ReadModelDefinition; on?: ObservedStore } & ProjectionRunnerOptions = {},
      ): ProjectionRunner => {
        const { definition = programme, on = store, ...rest } = options;
        const created = new ProjectionRunner(events, on, definition, domainUpcasters, {
          batchSize: BATCH_SIZE,
          bulkPageSize: BATCH_SIZE,
          progressIntervalMs: 0,
          now: () => new Date(clock.ms),
          lease: new LeaseKeeper(on, definition.name, LEASE),
          retryMs: 20,
          retryMaxMs: 200,
          ...rest,
        });
        cleanups.push(() => created.stop());
        return created;
      };
      /** The read model as an uninterrupted runner builds it on a fresh store. */
      const uninterrupted = async (options: ProjectionRunnerOptions = {}): Promise<Snapshot> => {
        const fresh = await newReadModelStore();
        const reference = runner({ on: fresh, ...options });
        await reference.start();
        await reference.waitFor(await events.headPosition());
        await reference.stop();
        return snapshot(fresh, B1, { positions: true });
      };
      /** The read model computed in memory in one batch, independently of any runner. */
      const inMemory = () => foldedInMemory(events, programme);
      /** The same store as another process sees it: its own connection to observe, and to fail. */
      const sameStore = (): ObservedStore => {
        const other = new ObservedStore(store.inner);
        observed.push(other);
        return other;
      };
      /** The first process: the first year recorded, and it projecting all of it with the lease. */
      const firstHolder = async () => {
        await recordFirstYear(recorder);
        const first = runner();
        await first.start();
        await first.waitFor(FIRST_YEAR_EVENTS);
        return first;
      };
      return { events, recorder, store, clock, runner, sameStore, uninterrupted, inMemory, firstHolder };
    };

    describe('live projection', () => {
      it(
        'computes indicator cells that match the figures worked out by hand',
        async () => {
          const { events, recorder, store, runner, inMemory } = await setUp();
          await recordFirstYear(recorder);
          const live = runner();
          await live.start();
          await live.waitFor(await events.headPosition());

          // Network members at each period end: A1 from February, S1 from April, A2 from May to mid-August.
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q1')).toEqual(count(1));
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q2')).toEqual(count(3));
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q3')).toEqual(count(2));
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2011-Q4')).toEqual(count(2));
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'half-year', '2010-H1')).toEqual(count(3));
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'programme', 'programme')).toEqual(count(2));
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q2', 'memberKind', 'association')).toEqual(count(2));
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q2', 'memberKind', 'staff')).toEqual(count(1));
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q3', 'housingArea', 'urbanplanen')).toBeNull();

          // S1 took two workshops in Q1 and counts once; S2 counts in Q1 and again in Q2.
          expect(await cell(store, B1, 'PRD-STAFF-TRAINED', 'quarter', '2010-Q1')).toEqual(count(2));
          expect(await cell(store, B1, 'PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'workshopTopic', 'parent-involvement')).toEqual(count(2));
          expect(await cell(store, B1, 'PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'workshopTopic', 'good-collaboration')).toEqual(count(1));
          expect(await cell(store, B1, 'PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'role', 'teacher')).toEqual(count(1));
          expect(await cell(store, B1, 'PRD-STAFF-TRAINED', 'quarter', '2010-Q2')).toEqual(count(1));
          expect(await cell(store, B1, 'PRD-STAFF-TRAINED', 'year', '2010')).toEqual(count(2));
          expect(await cell(store, B1, 'PRD-STAFF-TRAINED', 'quarter', '2010-Q3')).toBeNull();

          // Registered associations (denominator) and those with a baseline (numerator) at each period end.
          expect(await cell(store, B1, 'ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 2, subjects: 2 });
          expect(await cell(store, B1, 'ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q2')).toEqual({ numerator: 2, denominator: 3, subjects: 3 });
          expect(await cell(store, B1, 'ACT-ASSESSMENT-COVERAGE', 'programme', 'programme')).toEqual({ numerator: 2, denominator: 3, subjects: 3 });
          expect(await cell(store, B1, 'ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'associationType', 'women')).toEqual({ numerator: 0, denominator: 1, subjects: 1 });

          expect(await cell(store, B1, 'PRD-REPRESENTATIVES-TRAINED', 'quarter', '2010-Q1')).toEqual(count(2));
          expect(await cell(store, B1, 'PRD-REPRESENTATIVES-TRAINED', 'quarter', '2010-Q2')).toEqual(count(2));
          expect(await cell(store, B1, 'PRD-REPRESENTATIVES-TRAINED', 'year', '2010')).toEqual(count(3));
          expect(await cell(store, B1, 'PRD-ASSOCIATIONS-COMPLETED', 'quarter', '2010-Q2')).toEqual(count(1));
          expect(await cell(store, B1, 'PRD-WORKSHOP-LEARNING', 'quarter', '2010-Q1')).toEqual({ numerator: 5, denominator: 1, subjects: 1 });

          expect(await checkpointOf(store, B1)).toBe(FIRST_YEAR_EVENTS);
          // Batch by batch, the runner ends where one pass over every event ends.
          expect(await snapshot(store, B1, { positions: false })).toEqual(await inMemory());
        },
        TIMEOUT_MS,
      );

      it(
        'keeps applying events appended while it runs',
        async () => {
          const { events, recorder, store, runner } = await setUp();
          await recordFirstYear(recorder);
          const live = runner();
          await live.start();
          await live.waitFor(FIRST_YEAR_EVENTS);
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q4')).toEqual(count(2));

          await recordLaterEvents(recorder);
          await live.waitFor(await events.headPosition());
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q4')).toEqual(count(3));
          expect(await cell(store, B1, 'PRD-STAFF-TRAINED', 'quarter', '2011-Q1')).toEqual(count(1));
          expect(await checkpointOf(store, B1)).toBe(FIRST_YEAR_EVENTS + 2);
        },
        TIMEOUT_MS,
      );
    });

    describe('retractions and corrections', () => {
      it(
        'undoes a retracted event and gives a correction the effect of its replacement',
        async () => {
          const { events, recorder, store, runner, inMemory } = await setUp();
          const recorded = await recordFirstYear(recorder);
          const live = runner();
          await live.start();
          await live.waitFor(FIRST_YEAR_EVENTS);
          const staffOne = collectionIn(B1, 'staff');
          expect(Object.values((await store.get(staffOne, 'S1'))!.doc.records as object).map((record) => record.type)).toContain('NetworkMemberJoined');

          await recordCorrections(recorder, recorded);
          await live.waitFor(await events.headPosition());

          // S1's membership is withdrawn: the stock loses a staff member from Q2 on.
          expect(Object.values((await store.get(staffOne, 'S1'))!.doc.records as object).map((record) => record.type)).not.toContain('NetworkMemberJoined');
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q1')).toEqual(count(1));
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q2')).toEqual(count(2));
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q3')).toEqual(count(1));
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q2', 'memberKind', 'staff')).toBeNull();

          // The second session is withdrawn: R3 attended nothing else, so R3's document keeps only the withdrawn record.
          const representatives = collectionIn(B1, 'representatives');
          expect((await store.get(representatives, 'R3'))!.doc).toMatchObject({ records: {}, withdrawn: { [recorded.secondSession]: { type: 'CourseSessionHeld' } } });
          expect(Object.keys((await store.get(representatives, 'R1'))!.doc.records as object)).toHaveLength(1);
          expect(await cell(store, B1, 'PRD-REPRESENTATIVES-TRAINED', 'quarter', '2010-Q2')).toBeNull();
          expect(await cell(store, B1, 'PRD-REPRESENTATIVES-TRAINED', 'year', '2010')).toEqual(count(2));

          // A2's baseline moves from April to July: the share drops in Q2 and is back in Q3.
          expect(await cell(store, B1, 'ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 3, subjects: 3 });
          expect(await cell(store, B1, 'ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q3')).toEqual({ numerator: 2, denominator: 3, subjects: 3 });
          const secondAssociation = (await store.get(collectionIn(B1, 'associations'), 'A2'))!.doc.records as Record<string, { type: string; at: string }>;
          expect(secondAssociation[recorded.secondBaseline]).toBeUndefined();
          expect(Object.values(secondAssociation).filter((record) => record.type === 'CapacityAssessmentRecorded').map((record) => record.at)).toEqual([
            '2010-07-01T10:00:00.000Z',
          ]);

          // Nothing is left over that a run over the corrected history would not have.
          expect(await snapshot(store, B1, { positions: false })).toEqual(await inMemory());
        },
        TIMEOUT_MS,
      );
    });

    describe('redelivery', () => {
      it(
        'changes nothing when the same batch is applied twice: documents, cells and checkpoint',
        async () => {
          const { events, recorder, store } = await setUp();
          await recordFirstYear(recorder);
          const all = await upcastAll(events);
          await applyEvents(programme, store, B1, all.slice(0, 10));
          const batch = all.slice(10);
          await applyEvents(programme, store, B1, batch);
          const once = await snapshot(store, B1, { positions: true });
          const checkpoint = await store.get(CHECKPOINTS, B1);

          await applyEvents(programme, store, B1, batch);
          expect(await snapshot(store, B1, { positions: true })).toEqual(once);
          expect(await store.get(CHECKPOINTS, B1)).toEqual(checkpoint);
          expect(checkpoint?.position).toBe(FIRST_YEAR_EVENTS);
        },
        TIMEOUT_MS,
      );

      it(
        'changes nothing when an older batch is delivered again after a retraction removed a document',
        async () => {
          const { events, recorder, store } = await setUp();
          const recorded = await recordFirstYear(recorder);
          await recordCorrections(recorder, recorded);
          const all = await upcastAll(events);
          const firstYear = all.slice(0, FIRST_YEAR_EVENTS);
          const corrections = all.slice(FIRST_YEAR_EVENTS);
          await applyEvents(programme, store, B1, firstYear);
          await applyEvents(programme, store, B1, corrections);
          const once = await snapshot(store, B1, { positions: true });
          expect((await store.get(collectionIn(B1, 'representatives'), 'R3'))!.doc.records).toEqual({});

          // The retraction withdrew R3's only record; replaying the session that created it must not bring it back.
          await applyEvents(programme, store, B1, firstYear);
          await applyEvents(programme, store, B1, all.slice(12, 20));
          expect(await snapshot(store, B1, { positions: true })).toEqual(once);
          expect(await checkpointOf(store, B1)).toBe(all.length);
        },
        TIMEOUT_MS,
      );
    });

    describe('a read-model store that does not answer', () => {
      it(
        'answers the status within its time limit with the figures read last and the state retrying, and the live figures once the store answers again',
        async () => {
          const { events, recorder, store, runner } = await setUp();
          await recordFirstYear(recorder);
          const live = runner({ statusReadTimeoutMs: 100 });
          await live.start();
          await live.waitFor(await events.headPosition());
          expect(await live.statusView()).toMatchObject({ state: 'live', checkpoint: FIRST_YEAR_EVENTS });

          const release = store.stallReads();
          const started = performance.now();
          const view = await live.statusView();
          expect({ state: view.state, checkpoint: view.checkpoint, message: view.lastError?.message, transient: view.lastError?.transient }).toEqual({
            state: 'retrying',
            checkpoint: FIRST_YEAR_EVENTS,
            message: 'the read-model store cannot be read: no answer within 100 ms',
            transient: true,
          });
          expect(performance.now() - started).toBeLessThan(2_000);

          release();
          expect(await live.statusView()).toMatchObject({ state: 'live', lastError: null, checkpoint: FIRST_YEAR_EVENTS });
        },
        TIMEOUT_MS,
      );
    });

    describe('crash and restart', () => {
      it(
        'retries a commit that failed mid-stream by itself, from the stored checkpoint, ending as an uninterrupted run',
        async () => {
          const { events, recorder, store, runner, clock, uninterrupted } = await setUp();
          await recordFirstYear(recorder);
          store.failNext(
            (changes) => batchInto(B1)(changes) && changes.some((change) => change.collection === CHECKPOINTS && change.position === 3 * BATCH_SIZE),
            new Error('connection reset before the transaction committed'),
          );
          const failed = store.committed(statusWritten((status) => status.lastError !== null));
          const recovered = store.committed(statusWritten((status) => status.lastError === null));
          const live = runner({ retryMs: 500, retryMaxMs: 500 });
          await live.start();
          await failed;

          const view = await live.statusView();
          expect(view).toMatchObject({ state: 'retrying', checkpoint: 2 * BATCH_SIZE, lastError: { event: null, transient: true, retryAt: new Date(clock.ms + 500).toISOString() } });
          expect(view.lastError?.message).toContain('connection reset');
          expect(await checkpointOf(store, B1)).toBe(2 * BATCH_SIZE);

          await recovered;
          await live.waitFor(await events.headPosition());
          expect(events.subscribedAfter).toEqual([0, 2 * BATCH_SIZE]);
          expect(await snapshot(store, B1, { positions: true })).toEqual(await uninterrupted());
          expect(await live.statusView()).toMatchObject({ state: 'live', lagEvents: 0, lastError: null, checkpoint: FIRST_YEAR_EVENTS });
        },
        TIMEOUT_MS,
      );

      it(
        'continues after being stopped between batches, ending as an uninterrupted run',
        async () => {
          const { events, recorder, store, runner, uninterrupted } = await setUp();
          await recordFirstYear(recorder);
          const third = store.hold(batchInto(B1), 3);
          const first = runner();
          await first.start();
          await third.reached;
          const stopping = first.stop();
          third.release();
          await stopping;
          expect(await checkpointOf(store, B1)).toBe(3 * BATCH_SIZE);

          const second = runner();
          await second.start();
          await second.waitFor(await events.headPosition());
          expect(events.subscribedAfter[events.subscribedAfter.length - 1]).toBe(3 * BATCH_SIZE);
          expect(await snapshot(store, B1, { positions: true })).toEqual(await uninterrupted());
        },
        TIMEOUT_MS,
      );
    });

    describe('poison events', () => {
      it(
        'stops on an event it cannot apply, names it, and catches up after a restart with the fix',
        async () => {
          const { events, recorder, store, runner, uninterrupted } = await setUp();
          const recorded = await recordFirstYear(recorder);
          const poison = (await events.readAll()).find((event) => event.metadata.eventId === recorded.feedback)!;
          const fault = { active: true };
          const failed = store.committed(statusWritten((status) => status.lastError !== null));
          const live = runner({ definition: withFault(fault, 'workshops', 'WorkshopFeedbackRecorded'), batchSize: 1 });
          await live.start();
          await failed;

          const view = await live.statusView();
          expect(view.state).toBe('failed');
          expect(view.lastError?.event).toEqual({ position: poison.position, streamId: workshop('W1'), eventId: recorded.feedback, type: 'WorkshopFeedbackRecorded' });
          expect(view.lastError?.message).toContain(recorded.feedback);
          expect(view.checkpoint).toBe(poison.position - 1);
          expect(await checkpointOf(store, B1)).toBe(poison.position - 1);
          // Nothing after the poison event is applied: W2 is held later in the stream.
          expect(await store.get(collectionIn(B1, 'workshops'), 'W2')).toBeNull();
          expect(await store.get(collectionIn(B1, 'workshops'), 'W1')).not.toBeNull();

          fault.active = false;
          await live.restart();
          await live.waitFor(await events.headPosition());
          expect(await live.statusView()).toMatchObject({ state: 'live', lastError: null, checkpoint: FIRST_YEAR_EVENTS });
          expect(await snapshot(store, B1, { positions: false })).toEqual(stripPositions(await uninterrupted()));
        },
        TIMEOUT_MS,
      );

      it(
        'catches up when a new process starts with the fixed definition',
        async () => {
          const { events, recorder, store, runner } = await setUp();
          await recordFirstYear(recorder);
          const failed = store.committed(statusWritten((status) => status.lastError !== null));
          const broken = runner({ definition: withFault({ active: true }, 'staff', 'NetworkMemberJoined') });
          await broken.start();
          await failed;
          await broken.stop();

          const fixed = runner();
          await fixed.start();
          await fixed.waitFor(await events.headPosition());
          expect(await fixed.statusView()).toMatchObject({ state: 'live', lastError: null, lagEvents: 0 });
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q2')).toEqual(count(3));
        },
        TIMEOUT_MS,
      );
    });

    describe('blue/green rebuild', () => {
      it(
        'builds beside the live build, applies appends made meanwhile, then switches readers and drops the old build',
        async () => {
          const { events, recorder, store, runner, clock, inMemory } = await setUp();
          await recordFirstYear(recorder);
          const live = runner();
          await live.start();
          await live.waitFor(FIRST_YEAR_EVENTS);

          // The bulk build's progress after its second page of the folding pass.
          const folding = store.hold(statusWritten((status) => status.rebuild?.position === 2 * BATCH_SIZE));
          await expect(live.startRebuild()).resolves.toEqual({ build: 2, alreadyRunning: false });
          await folding.reached;
          await expect(live.startRebuild()).resolves.toEqual({ build: 2, alreadyRunning: true });

          // Readers keep the live build while the new one is built in bulk, checkpoint last.
          expect(live.activeNamespace).toBe(B1);
          expect(await checkpointOf(store, B2)).toBeNull();
          clock.ms += 2000;
          const rebuilding = await live.statusView();
          expect(rebuilding).toMatchObject({ build: 1, state: 'rebuilding', checkpoint: FIRST_YEAR_EVENTS, lagEvents: 0 });
          expect(rebuilding.rebuild).toMatchObject({ build: 2, namespace: B2, position: 2 * BATCH_SIZE, targetPosition: FIRST_YEAR_EVENTS });
          expect(rebuilding.rebuild!.percent).toBeCloseTo((100 * 2 * BATCH_SIZE) / FIRST_YEAR_EVENTS);
          expect(rebuilding.rebuild!.eventsPerSecond).toBeCloseTo(BATCH_SIZE);
          expect(rebuilding.rebuild!.etaSeconds).toBeCloseTo((FIRST_YEAR_EVENTS - 2 * BATCH_SIZE) / BATCH_SIZE);
          const built = store.hold(batchInto(B2));
          folding.release();
          await built.reached;

          // Appends during the rebuild reach the live build now and the new build later.
          await recordLaterEvents(recorder);
          const head = await events.headPosition();
          await live.waitFor(head);
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q4')).toEqual(count(3));
          const liveBeforeSwitch = await snapshot(store, B1, { positions: false });

          const switched = store.committed(namespaceDropped(B1));
          built.release();
          await switched;

          expect(live.activeNamespace).toBe(B2);
          expect(await live.statusView()).toMatchObject({ build: 2, version: 1, state: 'live', rebuild: null, checkpoint: head, lagEvents: 0 });
          expect(await collectionsOf(store, B1)).toEqual([]);
          expect(await checkpointOf(store, B1)).toBeNull();
          const rebuilt = await snapshot(store, B2, { positions: false });
          expect(rebuilt).toEqual(liveBeforeSwitch);
          expect(rebuilt).toEqual(await inMemory());

          // The new build is now the one that follows the store.
          await recorder.run(networkDecider, network('N1'), { type: 'LeaveNetwork', data: { networkId: 'N1', member: { kind: 'staff', id: 'S2' } } }, '2011-05-01');
          await live.waitFor(head + 1);
          // A1 and S1 remain; S2 left in May.
          expect(await cell(store, B2, 'RSL-NETWORK-MEMBERS', 'quarter', '2011-Q1')).toEqual(count(3));
          expect(await cell(store, B2, 'RSL-NETWORK-MEMBERS', 'quarter', '2011-Q2')).toEqual(count(2));
        },
        TIMEOUT_MS,
      );

      it(
        'writes the replay index in the bulk pass, row for row the index built event by event, so the build is replay-ready when readers switch to it',
        async () => {
          const { events, recorder, store, runner } = await setUp();
          await recordCorrections(recorder, await recordFirstYear(recorder));
          await recordLaterEvents(recorder);
          const head = await events.headPosition();
          const live = runner();
          await live.start();
          await live.waitFor(head);
          await new ReplayIndexer(events, store, programme, domainUpcasters, { batchSize: 3 }).catchUp(B1);
          const indexedEventByEvent = (await snapshot(store, B1, { positions: false, index: true }))[REPLAY_INDEX];
          expect(indexedEventByEvent.length).toBeGreaterThan(100);

          const switched = store.committed(namespaceDropped(B1));
          await live.startRebuild();
          await switched;

          expect(live.activeNamespace).toBe(B2);
          expect(await replayIndexPosition(store, B2)).toBe(head);
          expect((await snapshot(store, B2, { positions: false, index: true }))[REPLAY_INDEX]).toEqual(indexedEventByEvent);
        },
        TIMEOUT_MS,
      );

      it(
        'starts a bulk build that was stopped half-way again from nothing and completes it',
        async () => {
          const { events, recorder, store, runner, inMemory } = await setUp();
          await recordFirstYear(recorder);
          const live = runner();
          await live.start();
          await live.waitFor(FIRST_YEAR_EVENTS);

          const folding = store.hold(statusWritten((status) => status.rebuild?.position === 2 * BATCH_SIZE));
          await live.startRebuild();
          await folding.reached;
          const stopping = live.stop();
          folding.release();
          await stopping;
          expect(await checkpointOf(store, B2)).toBeNull();
          expect((await store.get(PROJECTION_STATUS, programme.name))?.doc).toMatchObject({ build: 1, rebuild: { build: 2, namespace: B2 } });

          const switched = store.committed(namespaceDropped(B1));
          events.subscribedAfter.length = 0;
          await live.start();
          await switched;
          // The live build resumes at the head; the rebuild is built in bulk again and follows from its target.
          expect(events.subscribedAfter).toEqual([FIRST_YEAR_EVENTS, FIRST_YEAR_EVENTS]);
          expect(live.activeNamespace).toBe(B2);
          expect(await live.statusView()).toMatchObject({ build: 2, rebuild: null, state: 'live' });
          expect(await collectionsOf(store, B1)).toEqual([]);
          expect(await snapshot(store, B2, { positions: false })).toEqual(await inMemory());
          await live.waitFor(await events.headPosition());
        },
        TIMEOUT_MS,
      );

      it(
        'drops the new build when the rebuild is cancelled and keeps serving the live one',
        async () => {
          const { events, recorder, store, runner } = await setUp();
          await recordFirstYear(recorder);
          const live = runner();
          await live.start();
          await live.waitFor(FIRST_YEAR_EVENTS);
          const before = await snapshot(store, B1, { positions: true });

          const folding = store.hold(statusWritten((status) => status.rebuild?.position === 2 * BATCH_SIZE));
          await live.startRebuild();
          await folding.reached;
          const cancelling = live.cancelRebuild();
          folding.release();
          await expect(cancelling).resolves.toBe(true);

          expect(await collectionsOf(store, B2)).toEqual([]);
          expect(await checkpointOf(store, B2)).toBeNull();
          expect(live.activeNamespace).toBe(B1);
          expect(await live.statusView()).toMatchObject({ build: 1, rebuild: null, state: 'live' });
          expect((await store.get(PROJECTION_STATUS, programme.name))?.doc).toMatchObject({ build: 1, namespace: B1, rebuild: null });
          expect(await snapshot(store, B1, { positions: true })).toEqual(before);
          await expect(live.cancelRebuild()).resolves.toBe(false);

          await recordLaterEvents(recorder);
          await live.waitFor(await events.headPosition());
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q4')).toEqual(count(3));
        },
        TIMEOUT_MS,
      );

      it(
        'leaves one consistent build when a cancel meets the bulk build writing its last commit',
        async () => {
          const { events, recorder, store, runner } = await setUp();
          await recordFirstYear(recorder);
          const live = runner();
          await live.start();
          await live.waitFor(FIRST_YEAR_EVENTS);
          const before = await snapshot(store, B1, { positions: true });

          const last = store.hold(batchInto(B2));
          await live.startRebuild();
          await last.reached;
          const cancelling = live.cancelRebuild();
          last.release();
          await expect(cancelling).resolves.toBe(true);

          expect(live.activeNamespace).toBe(B1);
          expect(await live.statusView()).toMatchObject({ build: 1, rebuild: null, state: 'live' });
          expect(await collectionsOf(store, B2)).toEqual([]);
          expect(await snapshot(store, B1, { positions: true })).toEqual(before);
          await recordLaterEvents(recorder);
          await live.waitFor(await events.headPosition());
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q4')).toEqual(count(3));
        },
        TIMEOUT_MS,
      );

      it(
        'builds in partitions, when the open documents would hold too many records, the same read model as in one',
        async () => {
          const { events, recorder, runner, inMemory, store } = await setUp();
          await recordFirstYear(recorder);
          await recordLaterEvents(recorder);
          const live = runner({ bulkRecordsInMemory: 3 });
          await live.start();
          await live.waitFor(await events.headPosition());
          const switched = store.committed(namespaceDropped(B1));
          await live.startRebuild();
          await switched;

          expect(live.activeNamespace).toBe(B2);
          expect(await snapshot(store, B2, { positions: false })).toEqual(await inMemory());
        },
        TIMEOUT_MS,
      );

      it(
        'rebuilds a new version automatically while the old build keeps serving',
        async () => {
          const { events, recorder, store, runner, inMemory, firstHolder } = await setUp();
          const first = await firstHolder();
          await first.stop();

          const next: ReadModelDefinition = { ...programme, version: 2 };
          const nextBuild = namespaceOf(next, 2);
          const second = store.hold(batchInto(nextBuild));
          const upgraded = runner({ definition: next });
          await upgraded.start();
          await second.reached;

          expect(upgraded.activeNamespace).toBe(B1);
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q2')).toEqual(count(3));
          const view = await upgraded.statusView();
          expect(view).toMatchObject({ version: 1, build: 1, state: 'rebuilding', checkpoint: FIRST_YEAR_EVENTS });
          expect(view.rebuild).toMatchObject({ version: 2, build: 2, namespace: nextBuild });

          second.release();
          await upgraded.waitFor(await events.headPosition());
          expect(upgraded.activeNamespace).toBe(nextBuild);
          expect(await upgraded.statusView()).toMatchObject({ version: 2, build: 2, state: 'live', rebuild: null });
          expect(await collectionsOf(store, B1)).toEqual([]);
          expect(await snapshot(store, nextBuild, { positions: false })).toEqual(await inMemory());
        },
        TIMEOUT_MS,
      );

      it(
        'replaces a rebuild left half-way by an older version when a newer version starts',
        async () => {
          const { events, recorder, store, runner, inMemory, firstHolder } = await setUp();
          const first = await firstHolder();
          const second = store.hold(batchInto(B2));
          await first.startRebuild();
          await second.reached;
          const stopping = first.stop();
          second.release();
          await stopping;

          const next: ReadModelDefinition = { ...programme, version: 2 };
          const upgraded = runner({ definition: next });
          await upgraded.start();
          await upgraded.waitFor(await events.headPosition());

          // Nothing the version-1 code wrote survives into the version-2 build, which takes the next unused number.
          expect(upgraded.activeNamespace).toBe(namespaceOf(next, 3));
          expect(await upgraded.statusView()).toMatchObject({ version: 2, build: 3, rebuild: null, state: 'live' });
          expect(await collectionsOf(store, B1)).toEqual([]);
          expect(await collectionsOf(store, B2)).toEqual([]);
          expect(await checkpointOf(store, B2)).toBeNull();
          expect(await snapshot(store, namespaceOf(next, 3), { positions: false })).toEqual(await inMemory());
        },
        TIMEOUT_MS,
      );
    });

    describe('status', () => {
      it(
        'reports the lag in events and seconds while catching up, and none once caught up',
        async () => {
          const { events, recorder, store, runner, clock } = await setUp();
          await recordFirstYear(recorder);
          const [oldest] = await events.readAll({ limit: 1 });
          const first = store.hold(batchInto(B1), 1);
          const live = runner();
          await live.start();
          await first.reached;

          const behind = await live.statusView();
          expect(behind).toMatchObject({ name: 'programme', state: 'catching-up', checkpoint: 0, headPosition: FIRST_YEAR_EVENTS, lagEvents: FIRST_YEAR_EVENTS, rebuild: null });
          expect(behind.lagSeconds).toBe((clock.ms - Date.parse(oldest.metadata.recordedAt)) / 1000);

          first.release();
          await live.waitFor(FIRST_YEAR_EVENTS);
          expect(await live.statusView()).toMatchObject({ state: 'live', checkpoint: FIRST_YEAR_EVENTS, lagEvents: 0, lagSeconds: 0, lastError: null });
        },
        TIMEOUT_MS,
      );
    });

    describe('several processes, one lease', () => {
      it(
        'lets one runner project while another stands by; the standby refuses to rebuild, cancel or restart, answers waits from the store, and takes over when the first stops',
        async () => {
          const { events, recorder, store, runner, sameStore, inMemory, firstHolder } = await setUp();
          const first = await firstHolder();
          const other = sameStore();
          const second = runner({ on: other });
          await second.start();

          const standing = await second.statusView();
          expect(standing).toMatchObject({ runningHere: false, state: 'live', build: 1, checkpoint: FIRST_YEAR_EVENTS, lease: (await first.statusView()).lease });
          for (const refused of [second.startRebuild(), second.cancelRebuild(), second.restart()]) await expect(refused).rejects.toThrow(LeaseNotHeldError);
          // Nothing of the split read model that a rebuild from a second process used to leave.
          expect(other.commitTimes).toEqual([]);
          expect((await store.get(PROJECTION_STATUS, programme.name))?.doc).toMatchObject({ build: 1, namespace: B1, rebuild: null });
          expect(await collectionsOf(store, B2)).toEqual([]);

          // A write shows up for the readers of either process.
          await recordLaterEvents(recorder);
          const head = await events.headPosition();
          await expect(second.waitFor(head)).resolves.toBe(true);
          expect(await cell(store, B1, 'RSL-NETWORK-MEMBERS', 'quarter', '2010-Q4')).toEqual(count(3));

          await first.stop();
          await recorder.run(networkDecider, network('N1'), { type: 'LeaveNetwork', data: { networkId: 'N1', member: { kind: 'staff', id: 'S2' } } }, '2011-05-01');
          await second.waitFor(head + 1);
          expect(await second.statusView()).toMatchObject({ runningHere: true, state: 'live', checkpoint: head + 1 });
          expect(other.commitTimes.length).toBeGreaterThan(0);
          expect(await snapshot(store, B1, { positions: false })).toEqual(await inMemory());
        },
        TIMEOUT_MS,
      );

      it(
        'takes over from a holder that can no longer renew once its lease has run out, the holder having stopped writing before',
        async () => {
          const { events, recorder, store, runner, sameStore, inMemory, firstHolder } = await setUp();
          const first = await firstHolder();
          const other = sameStore();
          const second = runner({ on: other });
          await second.start();

          // The first process can no longer reach the lease; its commits still go through meanwhile.
          store.failLeases(new Error('lease store unreachable'));
          await recordLaterEvents(recorder);
          await until(async () => (await second.statusView()).runningHere);
          expect(await first.statusView()).toMatchObject({ runningHere: false });
          await recorder.run(networkDecider, network('N1'), { type: 'LeaveNetwork', data: { networkId: 'N1', member: { kind: 'staff', id: 'S2' } } }, '2011-05-01');
          await second.waitFor(await events.headPosition());

          // Never two writers at once.
          expect(Math.max(...store.commitTimes)).toBeLessThan(Math.min(...other.commitTimes));
          expect(await snapshot(store, B1, { positions: false })).toEqual(await inMemory());
        },
        TIMEOUT_MS,
      );

      it(
        'refuses the commit of a holder whose lease another process took over while it was in flight (fencing), writing none of it',
        async () => {
          const { events, recorder, store, runner, sameStore, inMemory, firstHolder } = await setUp();
          const first = await firstHolder();

          const inFlight = store.hold(batchInto(B1));
          await recordLaterEvents(recorder);
          await inFlight.reached;
          store.failLeases(new Error('lease store unreachable'));
          const second = runner({ on: sameStore() });
          await second.start();
          const head = await events.headPosition();
          await until(async () => (await second.statusView()).runningHere);
          await second.waitFor(head);
          const applied = await snapshot(store, B1, { positions: true });

          const refused = store.commitTimes.length;
          inFlight.release();
          await until(async () => events.open === 1);
          expect(store.commitTimes).toHaveLength(refused);
          expect(await snapshot(store, B1, { positions: true })).toEqual(applied);
          expect(await snapshot(store, B1, { positions: false })).toEqual(await inMemory());
        },
        TIMEOUT_MS,
      );

      it(
        'drops the builds that neither readers nor a rebuild use once it holds the lease',
        async () => {
          const { recorder, store, runner } = await setUp();
          await recordFirstYear(recorder);
          const orphan = namespaceOf(programme, 7);
          await store.commit([
            { collection: collectionIn(orphan, 'staff'), id: 'S9', doc: { id: 'S9' }, position: 1 },
            { collection: CHECKPOINTS, id: orphan, doc: { id: orphan, position: 1 }, position: 1 },
          ]);
          const live = runner();
          await live.start();
          await live.waitFor(FIRST_YEAR_EVENTS);
          expect(await collectionsOf(store, orphan)).toEqual([]);
          expect(await checkpointOf(store, orphan)).toBeNull();
          expect(await checkpointOf(store, B1)).toBe(FIRST_YEAR_EVENTS);
        },
        TIMEOUT_MS,
      );
    });

    describe('concurrent control calls', () => {
      it(
        'leaves one follower per build after five restarts in one tick, also in the middle of a rebuild, and no follower of a dropped build writes',
        async () => {
          const { events, recorder, store, runner, inMemory } = await setUp();
          await recordFirstYear(recorder);
          const live = runner();
          await live.start();
          await live.waitFor(FIRST_YEAR_EVENTS);
          await Promise.all(Array.from({ length: 5 }, () => live.restart()));
          expect(events.open).toBe(1);

          const switched = store.committed(namespaceDropped(B1));
          const calls = await Promise.all([live.startRebuild(), ...Array.from({ length: 5 }, () => live.restart()), live.startRebuild()]);
          expect([calls[0], calls[calls.length - 1]]).toEqual([
            { build: 2, alreadyRunning: false },
            { build: 2, alreadyRunning: true },
          ]);
          await switched;
          await recordLaterEvents(recorder);
          await live.waitFor(await events.headPosition());
          expect(events.open).toBe(1);
          expect(live.activeNamespace).toBe(B2);
          expect(await collectionsOf(store, B1)).toEqual([]);
          expect(await checkpointOf(store, B1)).toBeNull();
          expect(await snapshot(store, B2, { positions: false })).toEqual(await inMemory());

          const B3 = namespaceOf(programme, 3);
          await live.startRebuild();
          await expect(Promise.all(Array.from({ length: 5 }, () => live.cancelRebuild()))).resolves.toEqual([true, false, false, false, false]);
          expect(events.open).toBe(1);
          expect(await collectionsOf(store, B3)).toEqual([]);
          expect(await checkpointOf(store, B3)).toBeNull();
        },
        TIMEOUT_MS,
      );
    });

    describe('faults', () => {
      it(
        'survives a store error whose status cannot be written either, and resumes by itself from the stored checkpoint',
        async () => {
          const { events, recorder, store, runner, uninterrupted } = await setUp();
          await recordFirstYear(recorder);
          const outage = new Error('the disk is full');
          store.failNext((changes) => batchInto(B1)(changes) && changes.some((change) => change.collection === CHECKPOINTS && change.position === 3 * BATCH_SIZE), outage);
          store.failNext(statusWritten((status) => status.lastError !== null), outage);
          // Known in memory only, the fault is cleared in the store once a batch has gone through again.
          const recovered = store.committed(statusWritten((status) => status.lastError === null));
          const live = runner();
          await live.start();
          await recovered;
          await live.waitFor(await events.headPosition());
          expect(events.subscribedAfter).toEqual([0, 2 * BATCH_SIZE]);
          expect(await snapshot(store, B1, { positions: true })).toEqual(await uninterrupted());
          expect(await live.statusView()).toMatchObject({ state: 'live', lastError: null });
        },
        TIMEOUT_MS,
      );

      it(
        'tries an event it could not apply again by itself, slowly, and catches up once the event can be applied',
        async () => {
          const { events, recorder, store, runner, clock, uninterrupted } = await setUp();
          await recordFirstYear(recorder);
          const fault = { active: true };
          const failed = store.committed(statusWritten((status) => status.lastError !== null));
          const live = runner({ definition: withFault(fault, 'workshops', 'WorkshopFeedbackRecorded'), batchSize: 1, failedRetryMs: 300 });
          await live.start();
          await failed;
          expect(await live.statusView()).toMatchObject({ state: 'failed', lastError: { transient: false, retryAt: new Date(clock.ms + 300).toISOString() } });

          // Tried again while the cause lasts: failed again, and nothing after the event applied.
          await store.committed(statusWritten((status) => status.lastError !== null));
          expect(await store.get(collectionIn(B1, 'workshops'), 'W2')).toBeNull();

          fault.active = false;
          await store.committed(statusWritten((status) => status.lastError === null));
          await live.waitFor(await events.headPosition());
          expect(await live.statusView()).toMatchObject({ state: 'live', lastError: null, checkpoint: FIRST_YEAR_EVENTS });
          expect(await snapshot(store, B1, { positions: false })).toEqual(stripPositions(await uninterrupted()));
        },
        TIMEOUT_MS,
      );
    });
  });
};

const stripPositions = (snapshotWithPositions: Snapshot): Snapshot =>
  Object.fromEntries(Object.entries(snapshotWithPositions).map(([collection, stored]) => [collection, stored.map((entry) => (entry as StoredDocument).doc)]));
