import { RecordedEvent } from '../core/event';
import { ProjectionDocument } from '../core/projection';
import { RecordDocument } from '../core/record-projection';
import { RECORD_RETRACTED } from '../core/retraction';
import { IndicatorFact } from './indicator-facts';
import { ProgrammeCalendar } from './periods';
import { INDICATOR_CELLS, indicatorFactsOf, programmeReadModel } from './programme-read-model';

const calendar: ProgrammeCalendar = { start: '2010-01-01', end: '2011-12-31' };
const model = programmeReadModel(calendar);

/** Schema versions of the event types whose payload has changed since version 1. */
const schemaVersions: Readonly<Record<string, number>> = { CapacityAssessmentRecorded: 2 };

/**
 * A stream history as the event store would hand it to the projector: every event with its
 * stream, revision, global position and full metadata.
 */
class History {
  readonly events: RecordedEvent[] = [];
  private position = 0;
  private readonly revisions = new Map<string, number>();

  record(streamId: string, type: string, data: object, occurredAt: string, correctionOf?: string): RecordedEvent {
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
        schemaVersion: schemaVersions[type] ?? 1,
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

  /** Appends RecordRetracted carrying a copy of what it retracts. */
  retract(target: RecordedEvent, occurredAt: string, reason: string): RecordedEvent {
    return this.record(
      target.streamId,
      RECORD_RETRACTED,
      {
        retractedEventId: target.metadata.eventId,
        reason,
        retracted: { eventId: target.metadata.eventId, type: target.type, data: target.data, occurredAt: target.metadata.occurredAt },
      },
      occurredAt,
    );
  }

  /** A correction: the retraction and the replacement, appended together with the same business time. */
  correct(target: RecordedEvent, data: object, occurredAt: string, reason: string): RecordedEvent {
    this.retract(target, occurredAt, reason);
    return this.record(target.streamId, target.type, data, occurredAt, target.metadata.eventId);
  }
}

type Sums = { numerator: number; denominator: number; units: number };

/** Runs every projection of the programme read model over the events in memory, then sums the cells. */
const project = (history: History) => {
  const docs = new Map<string, Map<string, ProjectionDocument>>();
  for (const event of history.events) {
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
  const cells = new Map<string, Sums>();
  for (const [collection, byId] of docs) {
    for (const doc of byId.values()) {
      for (const contribution of model.aggregation!.contributions(collection, doc)) {
        const sums = cells.get(contribution.key) ?? { numerator: 0, denominator: 0, units: 0 };
        sums.numerator += contribution.sums.numerator;
        sums.denominator += contribution.sums.denominator;
        sums.units += contribution.sums.units;
        cells.set(contribution.key, sums);
      }
    }
  }
  return {
    doc: (collection: string, id: string) => docs.get(collection)?.get(id),
    facts: (collection: string, id: string): IndicatorFact[] => {
      const doc = docs.get(collection)?.get(id);
      return doc ? indicatorFactsOf(collection, doc) : [];
    },
    cell: (indicator: string, periodType: string, period: string, dimension = 'total', value = '*'): Sums | undefined =>
      cells.get(`${indicator}|${periodType}|${period}|${dimension}|${value}`),
    keys: (indicator: string) => [...cells.keys()].filter((key) => key.startsWith(`${indicator}|`)).sort(),
  };
};

// ----- the programme's actors -------------------------------------------------------------

const registerAssociation = (history: History, associationId: string, housingArea: string, associationType: string, at: string) =>
  history.record(`association-${associationId}`, 'AssociationRegistered', { associationId, name: `Forening ${associationId}`, housingArea, associationType, sizeBand: '11-50' }, at);

const assess = (history: History, associationId: string, wave: 'baseline' | 'follow-up', scores: Record<string, number>, at: string, assessmentId = `${associationId}-${wave}`) =>
  history.record(`association-${associationId}`, 'CapacityAssessmentRecorded', assessmentData(associationId, wave, scores, assessmentId), at);

const assessmentData = (associationId: string, wave: 'baseline' | 'follow-up', scores: Record<string, number>, assessmentId: string) => ({
  associationId,
  assessmentId,
  wave,
  instrumentVersion: 'cap-2010-v1',
  mode: 'facilitated',
  items: Object.entries(scores).map(([domain, score]) => ({ domain, score, evidence: `dokumentation for ${domain}` })),
});

const registerStaff = (history: History, staffId: string, role: string, employer: string, housingArea: string, at: string) =>
  history.record(`staff-${staffId}`, 'StaffMemberRegistered', { staffId, role, employer, housingArea }, at);

const establishNetwork = (history: History, networkId: string, housingArea: string, at: string) =>
  history.record(`network-${networkId}`, 'NetworkEstablished', { networkId, name: `Netværk ${networkId}`, housingArea }, at);

const join = (history: History, networkId: string, kind: 'association' | 'staff', id: string, at: string) =>
  history.record(`network-${networkId}`, 'NetworkMemberJoined', { networkId, member: { kind, id } }, at);

const leave = (history: History, networkId: string, kind: 'association' | 'staff', id: string, at: string) =>
  history.record(`network-${networkId}`, 'NetworkMemberLeft', { networkId, member: { kind, id }, reason: 'flyttet' }, at);

const associationDims = { housingArea: 'tingbjerg-husum', associationType: 'women' };

/**
 * a1 (Tingbjerg/Husum, women's association): registered 20 Jan 2010, baseline 10 Feb 2010
 * (governance 2, finances 3, communication 2), follow-up 5 Nov 2010 (governance 4, finances 3,
 * communication 3, networks-and-influence 4, which has no baseline).
 * a2 (Mjølnerparken, cultural): registered 5 Mar 2010, never assessed.
 */
const assessedAssociation = () => {
  const history = new History();
  registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
  const baseline = assess(history, 'a1', 'baseline', { governance: 2, finances: 3, communication: 2 }, '2010-02-10T10:00:00.000Z');
  const followUp = assess(history, 'a1', 'follow-up', { governance: 4, finances: 3, communication: 3, 'networks-and-influence': 4 }, '2010-11-05T10:00:00.000Z');
  registerAssociation(history, 'a2', 'mjolnerparken', 'cultural', '2010-03-05T09:00:00.000Z');
  return { history, baseline, followUp };
};

describe('programme read model projections', () => {
  it('given the programme read model, when its cells are named, then they go to the indicator_cells collection', () => {
    expect(model.aggregation?.collection).toBe(INDICATOR_CELLS);
    expect(INDICATOR_CELLS).toBe('indicator_cells');
  });

  describe('given an association registered, assessed at baseline and followed up, and a second association never assessed', () => {
    it('when the events are projected, then the first association has coverage facts from registration and from the baseline', () => {
      const { history } = assessedAssociation();
      const facts = project(history).facts('associations', 'a1');
      expect(facts).toEqual(
        expect.arrayContaining([
          { indicator: 'ACT-ASSESSMENT-COVERAGE', from: '2010-01-20T09:00:00.000Z', numerator: 0, denominator: 1, units: 1, dims: associationDims },
          { indicator: 'ACT-ASSESSMENT-COVERAGE', from: '2010-02-10T10:00:00.000Z', numerator: 1, denominator: 0, units: 0, dims: associationDims },
        ]),
      );
    });

    it('when the events are projected, then the capacity change is the mean over the domains assessed twice, plus one fact per domain', () => {
      const { history } = assessedAssociation();
      const facts = project(history).facts('associations', 'a1');
      // governance 2 -> 4 (+2), finances 3 -> 3 (0), communication 2 -> 3 (+1): mean 3 / 3 = 1.
      expect(facts).toEqual(
        expect.arrayContaining([
          { indicator: 'MED-CAPACITY-CHANGE', at: '2010-11-05T10:00:00.000Z', numerator: 1, denominator: 1, units: 1, dims: associationDims },
          { indicator: 'MED-CAPACITY-CHANGE', at: '2010-11-05T10:00:00.000Z', numerator: 2, denominator: 1, units: 1, dims: { capacityDomain: 'governance' }, only: 'capacityDomain' },
          { indicator: 'MED-CAPACITY-CHANGE', at: '2010-11-05T10:00:00.000Z', numerator: 0, denominator: 1, units: 1, dims: { capacityDomain: 'finances' }, only: 'capacityDomain' },
          { indicator: 'MED-CAPACITY-CHANGE', at: '2010-11-05T10:00:00.000Z', numerator: 1, denominator: 1, units: 1, dims: { capacityDomain: 'communication' }, only: 'capacityDomain' },
        ]),
      );
      expect(facts).toHaveLength(6);
    });

    it('when the events are projected, then the unassessed association has only a coverage denominator', () => {
      const { history } = assessedAssociation();
      expect(project(history).facts('associations', 'a2')).toEqual([
        {
          indicator: 'ACT-ASSESSMENT-COVERAGE',
          from: '2010-03-05T09:00:00.000Z',
          numerator: 0,
          denominator: 1,
          units: 1,
          dims: { housingArea: 'mjolnerparken', associationType: 'cultural' },
        },
      ]);
    });

    it('when the cells are summed, then coverage at the end of Q1 2010 is 1 of 2 registered associations, by area and type', () => {
      const { cell } = project(assessedAssociation().history);
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 2, units: 2 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 1, denominator: 1, units: 1 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 0, denominator: 1, units: 1 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'associationType', 'women')).toEqual({ numerator: 1, denominator: 1, units: 1 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'associationType', 'cultural')).toEqual({ numerator: 0, denominator: 1, units: 1 });
    });

    it('when the cells are summed, then coverage holds at every later period end up to the programme end', () => {
      const { cell } = project(assessedAssociation().history);
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2011-Q4')).toEqual({ numerator: 1, denominator: 2, units: 2 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'half-year', '2010-H1')).toEqual({ numerator: 1, denominator: 2, units: 2 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'year', '2011')).toEqual({ numerator: 1, denominator: 2, units: 2 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'programme', 'programme')).toEqual({ numerator: 1, denominator: 2, units: 2 });
    });

    it('when the cells are summed, then the capacity change lands in the follow-up\'s quarter, in total and per domain', () => {
      const { cell, keys } = project(assessedAssociation().history);
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4')).toEqual({ numerator: 1, denominator: 1, units: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'governance')).toEqual({ numerator: 2, denominator: 1, units: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'finances')).toEqual({ numerator: 0, denominator: 1, units: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'communication')).toEqual({ numerator: 1, denominator: 1, units: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'networks-and-influence')).toBeUndefined();
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 1, denominator: 1, units: 1 });
      expect(keys('MED-CAPACITY-CHANGE').filter((key) => key.includes('|quarter|'))).toEqual(
        [
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|associationType|women',
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|capacityDomain|communication',
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|capacityDomain|finances',
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|capacityDomain|governance',
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|housingArea|tingbjerg-husum',
          'MED-CAPACITY-CHANGE|quarter|2010-Q4|total|*',
        ],
      );
    });
  });

  describe('given a second assessed association followed up in 2011', () => {
    it('when the cells are summed, then the programme\'s change is the mean of each association\'s mean change, and each domain its own mean', () => {
      const { history } = assessedAssociation();
      registerAssociation(history, 'a3', 'akacieparken', 'women', '2010-01-25T09:00:00.000Z');
      assess(history, 'a3', 'baseline', { governance: 3, communication: 3 }, '2010-03-01T10:00:00.000Z');
      assess(history, 'a3', 'follow-up', { governance: 4, communication: 5 }, '2011-02-10T10:00:00.000Z');
      const { cell } = project(history);
      // a1: mean +1 (2, 0, 1); a3: mean +1.5 (1, 2). Programme: (1 + 1.5) / 2 associations.
      expect(cell('MED-CAPACITY-CHANGE', 'programme', 'programme')).toEqual({ numerator: 2.5, denominator: 2, units: 2 });
      expect(cell('MED-CAPACITY-CHANGE', 'programme', 'programme', 'capacityDomain', 'governance')).toEqual({ numerator: 3, denominator: 2, units: 2 });
      expect(cell('MED-CAPACITY-CHANGE', 'programme', 'programme', 'capacityDomain', 'communication')).toEqual({ numerator: 3, denominator: 2, units: 2 });
      expect(cell('MED-CAPACITY-CHANGE', 'programme', 'programme', 'capacityDomain', 'finances')).toEqual({ numerator: 0, denominator: 1, units: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'programme', 'programme', 'associationType', 'women')).toEqual({ numerator: 2.5, denominator: 2, units: 2 });
      expect(cell('MED-CAPACITY-CHANGE', 'year', '2010')).toEqual({ numerator: 1, denominator: 1, units: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'year', '2011')).toEqual({ numerator: 1.5, denominator: 1, units: 1 });
      // Coverage at the end of Q1 2010: a1, a2, a3 registered; a1 and a3 have a baseline.
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 2, denominator: 3, units: 3 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'associationType', 'women')).toEqual({ numerator: 2, denominator: 2, units: 2 });
    });
  });

  describe('given the association\'s housing area corrected after registration', () => {
    it('when the events are projected, then every breakdown of its facts moves to the corrected area, also for earlier periods', () => {
      const { history } = assessedAssociation();
      history.record('association-a1', 'AssociationDetailsCorrected', { associationId: 'a1', housingArea: 'urbanplanen', reason: 'forkert boligområde' }, '2010-04-02T09:00:00.000Z');
      const { cell, facts } = project(history);
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'housingArea', 'urbanplanen')).toEqual({ numerator: 1, denominator: 1, units: 1 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'housingArea', 'tingbjerg-husum')).toBeUndefined();
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1', 'associationType', 'women')).toEqual({ numerator: 1, denominator: 1, units: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'housingArea', 'urbanplanen')).toEqual({ numerator: 1, denominator: 1, units: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'housingArea', 'tingbjerg-husum')).toBeUndefined();
      expect(facts('associations', 'a1').filter((fact) => !fact.only).map((fact) => fact.dims)).toEqual([
        { housingArea: 'urbanplanen', associationType: 'women' },
        { housingArea: 'urbanplanen', associationType: 'women' },
        { housingArea: 'urbanplanen', associationType: 'women' },
      ]);
    });
  });

  describe('given the baseline assessment retracted', () => {
    it('when the events are projected, then the record is gone from the document and so are its facts', () => {
      const { history, baseline } = assessedAssociation();
      history.retract(baseline, '2010-12-01T09:00:00.000Z', 'registreret på den forkerte forening');
      const { doc, facts, cell, keys } = project(history);
      const records = (doc('associations', 'a1') as RecordDocument).records;
      expect(Object.keys(records).sort()).toEqual(['association-a1.0', 'association-a1.2']);
      expect(facts('associations', 'a1')).toEqual([
        { indicator: 'ACT-ASSESSMENT-COVERAGE', from: '2010-01-20T09:00:00.000Z', numerator: 0, denominator: 1, units: 1, dims: associationDims },
      ]);
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 0, denominator: 2, units: 2 });
      expect(keys('MED-CAPACITY-CHANGE')).toEqual([]);
    });
  });

  describe('given the follow-up assessment retracted', () => {
    it('when the events are projected, then the change disappears but the baseline still counts for coverage', () => {
      const { history, followUp } = assessedAssociation();
      history.retract(followUp, '2010-12-01T09:00:00.000Z', 'dobbeltregistrering');
      const { cell, keys } = project(history);
      expect(keys('MED-CAPACITY-CHANGE')).toEqual([]);
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 2, units: 2 });
    });
  });

  describe('given the baseline assessment corrected (retraction plus replacement)', () => {
    it('when the events are projected, then the facts are the replacement\'s: its date and its scores', () => {
      const { history, baseline } = assessedAssociation();
      const replacement = history.correct(
        baseline,
        assessmentData('a1', 'baseline', { governance: 3, finances: 3, communication: 2 }, 'a1-baseline'),
        '2010-02-12T10:00:00.000Z',
        'forkert score for governance',
      );
      expect(replacement.metadata.correctionOf).toBe(baseline.metadata.eventId);
      const { facts, cell } = project(history);
      const a1 = facts('associations', 'a1');
      expect(a1.filter((fact) => fact.indicator === 'ACT-ASSESSMENT-COVERAGE')).toEqual([
        { indicator: 'ACT-ASSESSMENT-COVERAGE', from: '2010-01-20T09:00:00.000Z', numerator: 0, denominator: 1, units: 1, dims: associationDims },
        { indicator: 'ACT-ASSESSMENT-COVERAGE', from: '2010-02-12T10:00:00.000Z', numerator: 1, denominator: 0, units: 0, dims: associationDims },
      ]);
      // governance 3 -> 4 (+1), finances 3 -> 3 (0), communication 2 -> 3 (+1): mean 2 / 3.
      const total = a1.find((fact) => fact.indicator === 'MED-CAPACITY-CHANGE' && !fact.only)!;
      expect(total.numerator).toBeCloseTo(0.666667, 5);
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'governance')).toEqual({ numerator: 1, denominator: 1, units: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'finances')).toEqual({ numerator: 0, denominator: 1, units: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4', 'capacityDomain', 'communication')).toEqual({ numerator: 1, denominator: 1, units: 1 });
      expect(cell('MED-CAPACITY-CHANGE', 'quarter', '2010-Q4')!.numerator).toBeCloseTo(0.666667, 5);
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 2, units: 2 });
    });
  });

  describe('given a baseline assessment dated before its association was registered', () => {
    it('when the cells are summed, then at the end of a quarter the association was not yet registered it is not among the associations with a baseline', () => {
      const history = new History();
      registerAssociation(history, 'a2', 'mjolnerparken', 'cultural', '2010-03-05T09:00:00.000Z');
      registerAssociation(history, 'a9', 'mjolnerparken', 'cultural', '2010-04-10T09:00:00.000Z');
      assess(history, 'a9', 'baseline', { governance: 2, communication: 2 }, '2010-03-20T10:00:00.000Z');
      const { cell } = project(history);
      // Share of registered associations with a baseline: at 31 March only a2 is registered, and it has none.
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q1')).toEqual({ numerator: 0, denominator: 1, units: 1 });
      expect(cell('ACT-ASSESSMENT-COVERAGE', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 2, units: 2 });
    });
  });

  describe('given a course completed by two associations, and the completion then retracted', () => {
    const courseHistory = () => {
      const history = new History();
      registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
      registerAssociation(history, 'a2', 'mjolnerparken', 'cultural', '2010-03-05T09:00:00.000Z');
      history.record(
        'course-c1',
        'CourseDesigned',
        { courseId: 'c1', title: 'Medborgerskab', housingArea: 'tingbjerg-husum', modules: ['citizenship', 'rights'], plannedSessions: 6 },
        '2010-02-01T10:00:00.000Z',
      );
      history.record('course-c1', 'CourseStarted', { courseId: 'c1' }, '2010-03-01T10:00:00.000Z');
      const completed = history.record('course-c1', 'CourseCompleted', { courseId: 'c1', completedAssociationIds: ['a1', 'a2'] }, '2010-06-15T10:00:00.000Z');
      return { history, completed };
    };

    it('when only the completion is projected, then both associations count as completing in Q2 2010', () => {
      const { cell } = project(courseHistory().history);
      expect(cell('PRD-ASSOCIATIONS-COMPLETED', 'quarter', '2010-Q2')).toEqual({ numerator: 2, denominator: 0, units: 2 });
      expect(cell('PRD-ASSOCIATIONS-COMPLETED', 'quarter', '2010-Q2', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('ACT-COURSES-DESIGNED', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 0, units: 0 });
      expect(cell('ACT-COURSES-DESIGNED', 'quarter', '2010-Q1', 'courseModule', 'rights')).toEqual({ numerator: 1, denominator: 0, units: 0 });
    });

    it('when the retraction is projected too, then it reaches the associations\' documents and their completions are gone', () => {
      const { history, completed } = courseHistory();
      history.retract(completed, '2010-06-20T10:00:00.000Z', 'forløbet er ikke afsluttet');
      const { keys, cell, facts } = project(history);
      expect(keys('PRD-ASSOCIATIONS-COMPLETED')).toEqual([]);
      expect(facts('associations', 'a1').map((fact) => fact.indicator)).toEqual(['ACT-ASSESSMENT-COVERAGE']);
      expect(cell('ACT-COURSES-DESIGNED', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 0, units: 0 });
    });
  });

  describe('given an association that joins two networks, leaves both and rejoins one, and a staff member who joins once', () => {
    const networkHistory = () => {
      const history = new History();
      establishNetwork(history, 'n1', 'tingbjerg-husum', '2010-01-10T10:00:00.000Z');
      establishNetwork(history, 'n2', 'mjolnerparken', '2010-01-12T10:00:00.000Z');
      registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
      registerStaff(history, 's1', 'frontline', 'municipality', 'tingbjerg-husum', '2010-01-04T09:00:00.000Z');
      join(history, 'n1', 'association', 'a1', '2010-02-01T10:00:00.000Z');
      join(history, 'n2', 'association', 'a1', '2010-03-01T10:00:00.000Z');
      join(history, 'n1', 'staff', 's1', '2010-03-10T10:00:00.000Z');
      leave(history, 'n1', 'association', 'a1', '2010-06-15T10:00:00.000Z');
      leave(history, 'n2', 'association', 'a1', '2010-08-10T10:00:00.000Z');
      join(history, 'n1', 'association', 'a1', '2010-11-20T10:00:00.000Z');
      return history;
    };

    it('when the events are projected, then the association\'s overlapping memberships merge into one interval, and the rejoin opens another', () => {
      const members = project(networkHistory())
        .facts('associations', 'a1')
        .filter((fact) => fact.indicator === 'RSL-NETWORK-MEMBERS');
      expect(members).toEqual([
        { indicator: 'RSL-NETWORK-MEMBERS', from: '2010-02-01T10:00:00.000Z', until: '2010-08-10T10:00:00.000Z', numerator: 1, units: 1, dims: { ...associationDims, memberKind: 'association' } },
        { indicator: 'RSL-NETWORK-MEMBERS', from: '2010-11-20T10:00:00.000Z', until: null, numerator: 1, units: 1, dims: { ...associationDims, memberKind: 'association' } },
      ]);
    });

    it('when the cells are summed, then the association counts once per period end while a member of either network', () => {
      const { cell } = project(networkHistory());
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q1')).toEqual({ numerator: 2, denominator: 0, units: 2 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q1', 'memberKind', 'association')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q1', 'memberKind', 'staff')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q2', 'memberKind', 'association')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q3', 'memberKind', 'association')).toBeUndefined();
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q3')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q4')).toEqual({ numerator: 2, denominator: 0, units: 2 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2011-Q4')).toEqual({ numerator: 2, denominator: 0, units: 2 });
      expect(cell('RSL-NETWORK-MEMBERS', 'half-year', '2010-H2', 'memberKind', 'association')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('RSL-NETWORK-MEMBERS', 'year', '2010', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 2, denominator: 0, units: 2 });
      expect(cell('RSL-NETWORK-MEMBERS', 'programme', 'programme')).toEqual({ numerator: 2, denominator: 0, units: 2 });
    });
  });

  describe('given an association that leaves a network late in the evening and rejoins shortly after, recorded with different UTC offsets', () => {
    it('when the cells are summed, then it is a member at the end of the quarter it rejoined in', () => {
      const history = new History();
      establishNetwork(history, 'n1', 'tingbjerg-husum', '2010-01-10T10:00:00.000Z');
      registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
      join(history, 'n1', 'association', 'a1', '2010-02-01T10:00:00.000Z');
      // Left at 21:30 UTC on 29 September (23:30 in Copenhagen); rejoined at 22:15 UTC (00:15 on 30 September).
      leave(history, 'n1', 'association', 'a1', '2010-09-29T23:30:00+02:00');
      join(history, 'n1', 'association', 'a1', '2010-09-29T22:15:00.000Z');
      const { cell } = project(history);
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q3')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q4')).toEqual({ numerator: 1, denominator: 0, units: 1 });
    });
  });

  describe('given a joint activity organised by a network association and a staff member, and the association later leaving and rejoining', () => {
    const contactHistory = () => {
      const history = new History();
      establishNetwork(history, 'n1', 'tingbjerg-husum', '2010-01-10T10:00:00.000Z');
      registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
      registerAssociation(history, 'a2', 'mjolnerparken', 'cultural', '2010-01-22T09:00:00.000Z');
      registerStaff(history, 's1', 'frontline', 'municipality', 'tingbjerg-husum', '2010-01-04T09:00:00.000Z');
      join(history, 'n1', 'association', 'a1', '2010-02-01T10:00:00.000Z');
      join(history, 'n1', 'association', 'a2', '2010-02-15T10:00:00.000Z');
      history.record(
        'network-n1',
        'JointActivityOrganised',
        { networkId: 'n1', activityId: 'ja-1', associationId: 'a1', staffId: 's1', title: 'Fælles sommerfest' },
        '2010-05-20T14:00:00.000Z',
      );
      leave(history, 'n1', 'association', 'a1', '2010-08-10T10:00:00.000Z');
      join(history, 'n1', 'association', 'a1', '2010-11-20T10:00:00.000Z');
      return history;
    };

    it('when the events are projected, then the association has a contact from the activity date to leaving, and again from rejoining', () => {
      const contact = project(contactHistory())
        .facts('associations', 'a1')
        .filter((fact) => fact.indicator === 'RSL-ASSOCIATIONS-WITH-STAFF-CONTACT' && fact.numerator === 1);
      expect(contact).toEqual([
        { indicator: 'RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', from: '2010-05-20T14:00:00.000Z', until: '2010-08-10T10:00:00.000Z', numerator: 1, denominator: 0, units: 0, dims: associationDims },
        { indicator: 'RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', from: '2010-11-20T10:00:00.000Z', until: null, numerator: 1, denominator: 0, units: 0, dims: associationDims },
      ]);
    });

    it('when the cells are summed, then the share of network associations with a contact follows the contact date and the membership', () => {
      const { cell } = project(contactHistory());
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'quarter', '2010-Q1')).toEqual({ numerator: 0, denominator: 2, units: 2 });
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 2, units: 2 });
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'quarter', '2010-Q2', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 1, denominator: 1, units: 1 });
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'quarter', '2010-Q2', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 0, denominator: 1, units: 1 });
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'quarter', '2010-Q3')).toEqual({ numerator: 0, denominator: 1, units: 1 });
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'quarter', '2010-Q4')).toEqual({ numerator: 1, denominator: 2, units: 2 });
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'programme', 'programme', 'associationType', 'women')).toEqual({ numerator: 1, denominator: 1, units: 1 });
    });

    it('when the cells are summed, then the network counts one joint activity in Q2 2010 in its own housing area', () => {
      const { cell } = project(contactHistory());
      expect(cell('RSL-JOINT-ACTIVITIES', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, units: 0 });
      expect(cell('RSL-JOINT-ACTIVITIES', 'quarter', '2010-Q2', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 1, denominator: 0, units: 0 });
    });
  });

  describe('given two registered staff members and three workshops, one of them with learning feedback', () => {
    const workshopHistory = () => {
      const history = new History();
      registerStaff(history, 's1', 'frontline', 'municipality', 'tingbjerg-husum', '2010-01-04T09:00:00.000Z');
      registerStaff(history, 's2', 'teacher', 'school', 'mjolnerparken', '2010-01-05T09:00:00.000Z');
      const w1 = { workshopId: 'w1', topic: 'parent-involvement', housingArea: 'tingbjerg-husum', participantStaffIds: ['s1', 's2'] };
      history.record('workshop-w1', 'WorkshopHeld', w1, '2010-03-10T13:00:00.000Z');
      history.record('workshop-w2', 'WorkshopHeld', { workshopId: 'w2', topic: 'good-collaboration', housingArea: 'mjolnerparken', participantStaffIds: ['s1'] }, '2010-03-20T13:00:00.000Z');
      history.record('workshop-w3', 'WorkshopHeld', { workshopId: 'w3', topic: 'parent-involvement', housingArea: 'tingbjerg-husum', participantStaffIds: ['s1'] }, '2010-09-15T13:00:00.000Z');
      history.record('workshop-w1', 'WorkshopFeedbackRecorded', { workshopId: 'w1', staffId: 's1', reactionScore: 4, learningScore: 4 }, '2010-04-05T09:00:00.000Z');
      history.record('workshop-w1', 'WorkshopFeedbackRecorded', { workshopId: 'w1', staffId: 's2', reactionScore: 5, learningScore: 5 }, '2010-04-06T09:00:00.000Z');
      history.record('workshop-w2', 'WorkshopFeedbackRecorded', { workshopId: 'w2', staffId: 's1', reactionScore: 3, learningScore: 2 }, '2010-03-25T09:00:00.000Z');
      return history;
    };

    it('when the cells are summed, then each staff member counts once per topic and once in the total of a quarter', () => {
      const { cell } = project(workshopHistory());
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1')).toEqual({ numerator: 2, denominator: 0, units: 2 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'workshopTopic', 'parent-involvement')).toEqual({ numerator: 2, denominator: 0, units: 2 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'workshopTopic', 'good-collaboration')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'role', 'frontline')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'role', 'teacher')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'employer', 'school')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q1', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('PRD-STAFF-TRAINED', 'quarter', '2010-Q3')).toEqual({ numerator: 1, denominator: 0, units: 1 });
    });

    it('when the cells are summed, then over the year the member trained twice on one topic still counts once', () => {
      const { cell } = project(workshopHistory());
      expect(cell('PRD-STAFF-TRAINED', 'year', '2010')).toEqual({ numerator: 2, denominator: 0, units: 2 });
      expect(cell('PRD-STAFF-TRAINED', 'year', '2010', 'workshopTopic', 'parent-involvement')).toEqual({ numerator: 2, denominator: 0, units: 2 });
      expect(cell('PRD-STAFF-TRAINED', 'year', '2010', 'workshopTopic', 'good-collaboration')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('PRD-STAFF-TRAINED', 'programme', 'programme')).toEqual({ numerator: 2, denominator: 0, units: 2 });
    });

    it('when the cells are summed, then the learning scores are averaged in the quarter the workshop was held, whenever the feedback came', () => {
      const { cell } = project(workshopHistory());
      // w1: 4 + 5, w2: 2 -> 11 over 3 responses.
      expect(cell('PRD-WORKSHOP-LEARNING', 'quarter', '2010-Q1')).toEqual({ numerator: 11, denominator: 3, units: 3 });
      expect(cell('PRD-WORKSHOP-LEARNING', 'quarter', '2010-Q1', 'workshopTopic', 'parent-involvement')).toEqual({ numerator: 9, denominator: 2, units: 2 });
      expect(cell('PRD-WORKSHOP-LEARNING', 'quarter', '2010-Q1', 'workshopTopic', 'good-collaboration')).toEqual({ numerator: 2, denominator: 1, units: 1 });
      expect(cell('PRD-WORKSHOP-LEARNING', 'quarter', '2010-Q1', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 9, denominator: 2, units: 2 });
      expect(cell('PRD-WORKSHOP-LEARNING', 'quarter', '2010-Q2')).toBeUndefined();
    });

    it('when the cells are summed, then every workshop counts as an event held', () => {
      const { cell } = project(workshopHistory());
      expect(cell('ACT-EVENTS-HELD', 'quarter', '2010-Q1')).toEqual({ numerator: 2, denominator: 0, units: 0 });
      expect(cell('ACT-EVENTS-HELD', 'quarter', '2010-Q1', 'format', 'workshop')).toEqual({ numerator: 2, denominator: 0, units: 0 });
      expect(cell('ACT-EVENTS-HELD', 'year', '2010')).toEqual({ numerator: 3, denominator: 0, units: 0 });
    });
  });

  describe('given two cross-group events in one quarter with head counts per target group', () => {
    const seminarHistory = () => {
      const history = new History();
      history.record(
        'seminar-sem1',
        'SeminarHeld',
        {
          seminarId: 'sem1',
          format: 'seminar',
          title: 'Dialog på tværs',
          housingArea: 'urbanplanen',
          participantsByTargetGroup: { staff: 12, associations: 8, citizens: 30 },
          associationIds: ['a1'],
          staffIds: ['s1'],
        },
        '2010-05-18T16:00:00.000Z',
      );
      history.record(
        'seminar-sem2',
        'SeminarHeld',
        {
          seminarId: 'sem2',
          format: 'event',
          title: 'Gadefest',
          housingArea: 'bispeparken',
          participantsByTargetGroup: { staff: 3, associations: 2, citizens: 5 },
          associationIds: [],
          staffIds: [],
        },
        '2010-06-20T12:00:00.000Z',
      );
      return history;
    };

    it('when the cells are summed, then participants per target group add up to the total', () => {
      const { cell } = project(seminarHistory());
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'quarter', '2010-Q2')).toEqual({ numerator: 60, denominator: 0, units: 0 });
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'quarter', '2010-Q2', 'targetGroup', 'staff')).toEqual({ numerator: 15, denominator: 0, units: 0 });
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'quarter', '2010-Q2', 'targetGroup', 'associations')).toEqual({ numerator: 10, denominator: 0, units: 0 });
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'quarter', '2010-Q2', 'targetGroup', 'citizens')).toEqual({ numerator: 35, denominator: 0, units: 0 });
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'quarter', '2010-Q2', 'housingArea', 'urbanplanen')).toEqual({ numerator: 50, denominator: 0, units: 0 });
      expect(cell('PRD-CROSS-GROUP-PARTICIPANTS', 'quarter', '2010-Q2', 'housingArea', 'bispeparken')).toEqual({ numerator: 10, denominator: 0, units: 0 });
    });

    it('when the cells are summed, then both count as cross-group events and as events held, by format', () => {
      const { cell } = project(seminarHistory());
      expect(cell('PRD-CROSS-GROUP-SEMINARS', 'quarter', '2010-Q2')).toEqual({ numerator: 2, denominator: 0, units: 0 });
      expect(cell('PRD-CROSS-GROUP-SEMINARS', 'quarter', '2010-Q2', 'format', 'seminar')).toEqual({ numerator: 1, denominator: 0, units: 0 });
      expect(cell('PRD-CROSS-GROUP-SEMINARS', 'quarter', '2010-Q2', 'format', 'event')).toEqual({ numerator: 1, denominator: 0, units: 0 });
      expect(cell('ACT-EVENTS-HELD', 'half-year', '2010-H1')).toEqual({ numerator: 2, denominator: 0, units: 0 });
    });
  });

  describe('given a forum with three seats taken (minority and nominated, other, background withheld) and the minority seat later left', () => {
    const forumHistory = () => {
      const history = new History();
      history.record('forum-f1', 'ForumRegistered', { forumId: 'f1', name: 'Afdelingsbestyrelsen', forumType: 'resident-board', housingArea: 'mjolnerparken', seats: 7 }, '2010-01-05T10:00:00.000Z');
      history.record('forum-f1', 'ForumSeatTaken', { forumId: 'f1', seatHolderId: 'h1', background: 'ethnic-minority', nominatedByAssociationId: 'a2' }, '2010-02-01T18:00:00.000Z');
      history.record('forum-f1', 'ForumSeatTaken', { forumId: 'f1', seatHolderId: 'h2', background: 'other' }, '2010-02-10T18:00:00.000Z');
      history.record('forum-f1', 'ForumSeatTaken', { forumId: 'f1', seatHolderId: 'h3', background: 'not-disclosed' }, '2010-03-01T18:00:00.000Z');
      history.record('forum-f1', 'ForumSeatLeft', { forumId: 'f1', seatHolderId: 'h1' }, '2010-08-01T18:00:00.000Z');
      history.record('forum-f1', 'ForumInputGiven', { forumId: 'f1', inputId: 'i1', kind: 'hearing-response', associationId: 'a2', summary: 'Høringssvar om legeplads' }, '2010-04-12T10:00:00.000Z');
      history.record('forum-f1', 'ForumInputGiven', { forumId: 'f1', inputId: 'i2', kind: 'proposal', summary: 'Forslag fra en beboer' }, '2010-04-13T10:00:00.000Z');
      return history;
    };

    it('when the cells are summed, then the withheld background counts as an occupied seat but never as a minority seat', () => {
      const { cell } = project(forumHistory());
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 3, units: 3 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 3, units: 3 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q3')).toEqual({ numerator: 0, denominator: 2, units: 2 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'quarter', '2010-Q1', 'forumType', 'resident-board')).toEqual({ numerator: 1, denominator: 3, units: 3 });
      expect(cell('LT-MINORITY-SEAT-SHARE', 'programme', 'programme')).toEqual({ numerator: 0, denominator: 2, units: 2 });
    });

    it('when the cells are summed, then the nominated seat counts at each period end while held', () => {
      const { cell } = project(forumHistory());
      expect(cell('LT-ASSOCIATION-NOMINATED-SEATS', 'quarter', '2010-Q1')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('LT-ASSOCIATION-NOMINATED-SEATS', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, units: 1 });
      expect(cell('LT-ASSOCIATION-NOMINATED-SEATS', 'quarter', '2010-Q3')).toBeUndefined();
      expect(cell('LT-ASSOCIATION-NOMINATED-SEATS', 'half-year', '2010-H1', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 1, denominator: 0, units: 1 });
    });

    it('when the cells are summed, then only the input given by an association counts', () => {
      const { cell } = project(forumHistory());
      expect(cell('LT-FORUM-INPUTS', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, units: 0 });
      expect(cell('LT-FORUM-INPUTS', 'quarter', '2010-Q2', 'inputKind', 'hearing-response')).toEqual({ numerator: 1, denominator: 0, units: 0 });
      expect(cell('LT-FORUM-INPUTS', 'quarter', '2010-Q2', 'inputKind', 'proposal')).toBeUndefined();
    });
  });

  describe('given resource allocations (1 FTE for 2010, 600 hours from July 2010 to June 2011, 10,000 DKK for the first half of 2010) and uses', () => {
    const resourceHistory = () => {
      const history = new History();
      history.record(
        'resource-r1',
        'ResourceAllocated',
        { allocationId: 'r1', resourceLine: 'R1', kind: 'staff-time', unit: 'fte', amount: 1, periodStart: '2010-01-01', periodEnd: '2010-12-31' },
        '2009-12-15T10:00:00.000Z',
      );
      history.record('resource-r1', 'ResourceUsed', { allocationId: 'r1', amount: 0.25, note: 'januar-februar' }, '2010-02-15T10:00:00.000Z');
      history.record('resource-r1', 'ResourceUsed', { allocationId: 'r1', amount: 0.1 }, '2010-05-10T10:00:00.000Z');
      history.record(
        'resource-r2',
        'ResourceAllocated',
        { allocationId: 'r2', resourceLine: 'R2', kind: 'staff-time', unit: 'hours', amount: 600, periodStart: '2010-07-01', periodEnd: '2011-06-30' },
        '2010-06-01T10:00:00.000Z',
      );
      history.record('resource-r2', 'ResourceUsed', { allocationId: 'r2', amount: 37.5 }, '2010-09-01T08:00:00.000Z');
      history.record(
        'resource-r6',
        'ResourceAllocated',
        { allocationId: 'r6', resourceLine: 'R6', kind: 'budget', unit: 'dkk', amount: 10000, periodStart: '2010-01-01', periodEnd: '2010-06-30' },
        '2009-12-15T10:00:00.000Z',
      );
      history.record('resource-r6', 'ResourceUsed', { allocationId: 'r6', amount: 2500, note: 'tryk af undervisningsmateriale' }, '2010-03-01T10:00:00.000Z');
      return history;
    };

    it('when the cells are summed, then 1 FTE plans 1,924 hours for the year, split by days per quarter (90, 91, 92, 92 of 365)', () => {
      const { cell } = project(resourceHistory());
      // 1924 * 90 / 365 = 474.410959; * 91 / 365 = 479.682192; * 92 / 365 = 484.953425.
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q1', 'resourceLine', 'R1')!.denominator).toBeCloseTo(474.410959, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q2', 'resourceLine', 'R1')!.denominator).toBeCloseTo(479.682192, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q3', 'resourceLine', 'R1')!.denominator).toBeCloseTo(484.953425, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q4', 'resourceLine', 'R1')!.denominator).toBeCloseTo(484.953425, 5);
      // Half-years: 181 and 184 days.
      expect(cell('RES-STAFF-TIME', 'half-year', '2010-H1', 'resourceLine', 'R1')!.denominator).toBeCloseTo(954.093151, 5);
      expect(cell('RES-STAFF-TIME', 'half-year', '2010-H2', 'resourceLine', 'R1')!.denominator).toBeCloseTo(969.906849, 5);
      expect(cell('RES-STAFF-TIME', 'year', '2010', 'resourceLine', 'R1')!.denominator).toBeCloseTo(1924, 6);
      expect(cell('RES-STAFF-TIME', 'year', '2011', 'resourceLine', 'R1')).toBeUndefined();
    });

    it('when the cells are summed, then uses in FTE are read as FTE-years of 1,924 hours', () => {
      const { cell } = project(resourceHistory());
      // 0.25 * 1924 = 481; 0.1 * 1924 = 192.4.
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q1', 'resourceLine', 'R1')!.numerator).toBeCloseTo(481, 6);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q2', 'resourceLine', 'R1')!.numerator).toBeCloseTo(192.4, 6);
      expect(cell('RES-STAFF-TIME', 'year', '2010', 'resourceLine', 'R1')!.numerator).toBeCloseTo(673.4, 6);
    });

    it('when the cells are summed, then hours are planned pro rata by days across the year boundary and used as given', () => {
      const { cell } = project(resourceHistory());
      // 600 hours over 365 days: 92, 92, 90, 91 days -> 151.232877, 151.232877, 147.945205, 149.589041.
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q3', 'resourceLine', 'R2')!.denominator).toBeCloseTo(151.232877, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q4', 'resourceLine', 'R2')!.denominator).toBeCloseTo(151.232877, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2011-Q1', 'resourceLine', 'R2')!.denominator).toBeCloseTo(147.945205, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2011-Q2', 'resourceLine', 'R2')!.denominator).toBeCloseTo(149.589041, 5);
      expect(cell('RES-STAFF-TIME', 'year', '2011', 'resourceLine', 'R2')!.denominator).toBeCloseTo(297.534247, 5);
      expect(cell('RES-STAFF-TIME', 'programme', 'programme', 'resourceLine', 'R2')!.denominator).toBeCloseTo(600, 6);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q3', 'resourceLine', 'R2')!.numerator).toBe(37.5);
    });

    it('when the cells are summed, then the total adds the resource lines', () => {
      const { cell } = project(resourceHistory());
      // Q3 2010: planned 484.953425 + 151.232877, used 0 + 37.5.
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q3')!.denominator).toBeCloseTo(636.186301, 5);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q3')!.numerator).toBe(37.5);
      // 2010: planned 1924 + 302.465753, used 673.4 + 37.5.
      expect(cell('RES-STAFF-TIME', 'year', '2010')!.denominator).toBeCloseTo(2226.465753, 5);
      expect(cell('RES-STAFF-TIME', 'year', '2010')!.numerator).toBeCloseTo(710.9, 6);
    });

    it('when the cells are summed, then a budget is planned pro rata by days and spent in DKK', () => {
      const { cell } = project(resourceHistory());
      // 10,000 DKK over 181 days: 90 -> 4972.375691, 91 -> 5027.624309.
      expect(cell('RES-BUDGET', 'quarter', '2010-Q1')!.denominator).toBeCloseTo(4972.375691, 5);
      expect(cell('RES-BUDGET', 'quarter', '2010-Q2')!.denominator).toBeCloseTo(5027.624309, 5);
      expect(cell('RES-BUDGET', 'quarter', '2010-Q1')!.numerator).toBe(2500);
      expect(cell('RES-BUDGET', 'half-year', '2010-H1', 'resourceLine', 'R6')!.denominator).toBeCloseTo(10000, 6);
      expect(cell('RES-STAFF-TIME', 'quarter', '2010-Q1', 'resourceLine', 'R6')).toBeUndefined();
    });
  });
});
