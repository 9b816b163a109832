import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Command,
  Decider,
  DomainEvent,
  IndicatorView,
  MIN_CELL_SIZE,
  associationDecider,
  domainUpcasters,
  programmeReadModel,
  staffDecider,
  streamName,
  workshopDecider,
  deciderRecording,
} from '@toc/domain';
import { CommandEnvelope, CommandRunner, SqliteEventStore } from '@toc/event-store';
import { diffIndicators, replayIndicators } from './replay';

const definition = programmeReadModel({ start: '2010-01-01', end: '2011-12-31' });
const envelope: CommandEnvelope = { correlationId: 'c', causationId: null, actor: { userId: 'evaluator', role: 'case-worker' }, sourceApp: 'test' };

const total = (views: IndicatorView[], code: string) => views.find((view) => view.code === code)!.total;

describe('given a programme with a late recording and a later correction', () => {
  let dir: string;
  let store: SqliteEventStore;
  const a5BaselineEventId: string[] = [];

  const record = async <C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    stream: string,
    type: C['type'],
    data: unknown,
    occurredAt: string,
    recordedAt: string,
    extra: Partial<CommandEnvelope> = {},
  ) => new CommandRunner(store, domainUpcasters).run(decider, stream, { type, data, context: { occurredAt, now: recordedAt, actor: envelope.actor } } as C, { ...envelope, ...extra });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'replay-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await record(associationDecider, streamName('association', `a${n}`), 'RegisterAssociation',
        { associationId: `a${n}`, name: `Forening ${n}`, housingArea: 'tingbjerg-husum', associationType: 'cultural', sizeBand: '11-50' },
        '2010-03-01T10:00:00Z', '2010-03-02T10:00:00Z');
    }
    for (const n of [1, 2, 3, 4, 5]) {
      const result = await record(associationDecider, streamName('association', `a${n}`), 'RecordCapacityAssessment',
        { associationId: `a${n}`, assessmentId: `b${n}`, wave: 'baseline', instrumentVersion: 'cap-2010-v1', mode: 'facilitated', items: [{ domain: 'governance', score: 2, evidence: 'minutes' }] },
        '2010-03-10T10:00:00Z', '2010-03-11T10:00:00Z');
      if (n === 5) a5BaselineEventId.push(result.events[0].metadata.eventId);
    }
    await record(staffDecider, streamName('staff', 's1'), 'RegisterStaffMember', { staffId: 's1', role: 'frontline', employer: 'municipality', housingArea: 'tingbjerg-husum' },
      '2010-02-01T10:00:00Z', '2010-02-01T10:00:00Z');
    // Held in November 2010, recorded only in late January 2011.
    await record(workshopDecider, streamName('workshop', 'w1'), 'HoldWorkshop', { workshopId: 'w1', topic: 'parent-involvement', housingArea: 'tingbjerg-husum', participantStaffIds: ['s1'] },
      '2010-11-20T10:00:00Z', '2011-01-20T10:00:00Z');
    // On 1 February 2011 the baseline of a5 turns out never to have been done.
    await new CommandRunner(store, domainUpcasters).retract(streamName('association', 'a5'),
      { occurredAt: '2011-02-01T09:00:00Z', now: '2011-02-01T09:00:00Z', actor: envelope.actor },
      { ...envelope, correctionOf: { eventId: a5BaselineEventId[0], reason: 'assessment was never held' } }, deciderRecording);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const replay = (moment: { asOf?: string; knownAt?: string }, periodType: 'programme' | 'year' = 'programme', period = 'programme') =>
    replayIndicators(store, definition, domainUpcasters, moment, { periodType, period }, MIN_CELL_SIZE);

  it('when replayed as known on 15 January 2011, then the report of that day shows 5 of 6 assessed and no workshop yet', async () => {
    const views = await replay({ knownAt: '2011-01-15T12:00:00Z' }, 'year', '2010');
    expect(total(views, 'ACT-ASSESSMENT-COVERAGE')).toMatchObject({ numerator: 5, denominator: 6, subjects: 6, result: 5 / 6 });
    expect(total(views, 'ACT-EVENTS-HELD')).toMatchObject({ numerator: 0 });
  });

  it('when replayed as known on 25 January 2011, then the late workshop counts in 2010 where it happened', async () => {
    const views = await replay({ knownAt: '2011-01-25T12:00:00Z' }, 'year', '2010');
    expect(total(views, 'ACT-EVENTS-HELD')).toMatchObject({ numerator: 1 });
  });

  it('when read with everything known, then the retracted baseline no longer counts', async () => {
    const views = await replay({});
    expect(total(views, 'ACT-ASSESSMENT-COVERAGE')).toMatchObject({ numerator: 4, denominator: 6, result: 4 / 6 });
  });

  it('when replayed as of a business time before the baselines, then none is counted, whatever was known later', async () => {
    const views = await replay({ asOf: '2010-03-05T00:00:00Z' });
    expect(total(views, 'ACT-ASSESSMENT-COVERAGE')).toMatchObject({ numerator: 0, denominator: 6, result: 0 });
    expect(total(views, 'ACT-EVENTS-HELD')).toMatchObject({ numerator: 0 });
  });

  it('when replayed as of the end of 2010 as known on 15 January 2011, then both limits apply at once', async () => {
    const views = await replay({ asOf: '2010-12-31T23:59:59+01:00', knownAt: '2011-01-15T12:00:00Z' });
    expect(total(views, 'ACT-ASSESSMENT-COVERAGE')).toMatchObject({ numerator: 5, denominator: 6 });
    expect(total(views, 'ACT-EVENTS-HELD')).toMatchObject({ numerator: 0 });
  });

  it('when two moments are compared, then the diff names every figure that changed', async () => {
    const before = await replay({ knownAt: '2011-01-15T12:00:00Z' });
    const after = await replay({});
    const changes = diffIndicators(before, after).filter((change) => change.dimension === 'total');
    expect(changes).toEqual(
      expect.arrayContaining([
        { code: 'ACT-ASSESSMENT-COVERAGE', dimension: 'total', value: '*', from: 5 / 6, to: 4 / 6, change: 4 / 6 - 5 / 6 },
        { code: 'ACT-EVENTS-HELD', dimension: 'total', value: '*', from: 0, to: 1, change: 1 },
      ]),
    );
  });
});
