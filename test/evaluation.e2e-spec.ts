import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Clock } from '../apps/api/src/runtime.module';
import { TestApp, post, startTestApp } from './api.harness';

/** A clock the scenario moves forward, so that events carry the recording times of a real year. */
class ScenarioClock extends Clock {
  at = new Date('2010-03-02T10:00:00Z');
  now() {
    return new Date(this.at);
  }
}

const total = (body: { indicators: { code: string; total: unknown }[] }, code: string) => body.indicators.find((view) => view.code === code)!.total;

describe('evaluators: audit trail, replay, exports, report and tamper evidence', () => {
  let t: TestApp;
  const clock = new ScenarioClock();
  let a5Baseline: string;
  let a1Baseline: string;
  let a1Replacement: string;
  let lastPosition = 0;

  const command = async (at: string, path: string, body: object) => {
    clock.at = new Date(at);
    const response = await post(t, path, body);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ status: 201 });
    lastPosition = response.body.position;
    return response.body as { events: { eventId: string }[]; position: number };
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await command('2010-03-02T10:00:00Z', '/v1/associations', {
        associationId: `a${n}`, name: `Forening ${n}`, housingArea: 'tingbjerg-husum', associationType: 'cultural', sizeBand: '11-50', occurredAt: '2010-03-01T10:00:00+01:00',
      });
    }
    for (const n of [1, 2, 3, 4, 5]) {
      const result = await command('2010-03-11T10:00:00Z', `/v1/associations/a${n}/capacity-assessments`, {
        assessmentId: `b${n}`, wave: 'baseline', instrumentVersion: 'cap-2010-v1', mode: 'facilitated',
        items: [{ domain: 'governance', score: 2, evidence: 'board minutes' }], occurredAt: '2010-03-10T10:00:00+01:00',
      });
      if (n === 1) a1Baseline = result.events[0].eventId;
      if (n === 5) a5Baseline = result.events[0].eventId;
    }
    await command('2010-02-01T10:00:00Z', '/v1/staff-members', { staffId: 's1', role: 'frontline', employer: 'municipality', housingArea: 'tingbjerg-husum', occurredAt: '2010-02-01T10:00:00+01:00' });
    // Held in November 2010, recorded only in late January 2011.
    await command('2011-01-20T10:00:00Z', '/v1/workshops', { workshopId: 'w1', topic: 'parent-involvement', housingArea: 'tingbjerg-husum', participantStaffIds: ['s1'], occurredAt: '2010-11-20T10:00:00+01:00' });
    // On 1 February 2011 a5's baseline turns out never to have been done.
    await command('2011-02-01T09:00:00Z', `/v1/streams/association-a5/events/${a5Baseline}/retraction`, { reason: 'assessment was never held', occurredAt: '2011-02-01T09:00:00+01:00' });
    // On 2 February a1's baseline score is corrected.
    const corrected = await command('2011-02-02T09:00:00Z', '/v1/associations/a1/capacity-assessments', {
      assessmentId: 'b1', wave: 'baseline', instrumentVersion: 'cap-2010-v1', mode: 'facilitated',
      items: [{ domain: 'governance', score: 3, evidence: 'board minutes, re-scored' }], occurredAt: '2010-03-10T10:00:00+01:00',
      correction: { eventId: a1Baseline, reason: 'score mistyped' },
    });
    a1Replacement = corrected.events[1].eventId;
    await t.runtime.projector.waitFor(lastPosition);
    // Replays read the replay index from here on; later appends are folded in on top of it.
    await t.runtime.replayIndex.catchUp();
  });

  afterAll(() => t.close());

  describe('audit trail', () => {
    it('shows who recorded what and when, in both times, filtered by actor, category and recording time', async () => {
      const response = await t.http.get('/v1/audit/events').query({ actorUserId: t.actor.userId, category: 'workshop' });
      expect(response.status).toBe(200);
      expect(response.body.entries).toHaveLength(1);
      expect(response.body.entries[0]).toMatchObject({
        streamId: 'workshop-w1', type: 'WorkshopHeld', occurredAt: '2010-11-20T10:00:00+01:00', recordedAt: '2011-01-20T10:00:00.000Z',
        actor: t.actor, sourceApp: 'test', amendedBy: [],
      });
      const late = await t.http.get('/v1/audit/events').query({ recordedFrom: '2011-01-01T00:00:00Z', types: 'WorkshopHeld,RecordRetracted' });
      expect(late.body.entries.map((entry: { type: string }) => entry.type)).toEqual(['WorkshopHeld', 'RecordRetracted', 'RecordRetracted']);
    });

    it('links a retraction and the record it withdraws, both ways', async () => {
      const { body } = await t.http.get('/v1/audit/streams/association-a5');
      const baseline = body.entries.find((entry: { eventId: string }) => entry.eventId === a5Baseline);
      const retraction = body.entries.find((entry: { type: string }) => entry.type === 'RecordRetracted');
      expect(baseline.amendedBy).toEqual([expect.objectContaining({ kind: 'retraction', reason: 'assessment was never held', replacementEventId: null, recordedAt: '2011-02-01T09:00:00.000Z' })]);
      expect(retraction.amends).toBe(a5Baseline);
    });

    it('links a correction to its replacement, both ways', async () => {
      const { body } = await t.http.get('/v1/audit/streams/association-a1');
      const original = body.entries.find((entry: { eventId: string }) => entry.eventId === a1Baseline);
      const replacement = body.entries.find((entry: { eventId: string }) => entry.eventId === a1Replacement);
      expect(original.amendedBy).toEqual([expect.objectContaining({ kind: 'correction', replacementEventId: a1Replacement, reason: 'score mistyped' })]);
      expect(replacement.amends).toBe(a1Baseline);
      expect(replacement.data.items[0].score).toBe(3);
    });

    it('pages by position without gaps or overlaps', async () => {
      const first = await t.http.get('/v1/audit/events').query({ limit: 5 });
      const second = await t.http.get('/v1/audit/events').query({ limit: 5, after: first.body.nextCursor });
      const all = await t.http.get('/v1/audit/events').query({ limit: 10 });
      expect([...first.body.entries, ...second.body.entries].map((entry: { position: number }) => entry.position)).toEqual(
        all.body.entries.map((entry: { position: number }) => entry.position),
      );
    });

    it('refuses a bad filter with the field and the rule', async () => {
      const response = await t.http.get('/v1/audit/events').query({ recordedFrom: 'yesterday', limit: 5000 });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string; rule: string }) => `${error.field}:${error.rule}`).sort()).toEqual(['limit:max', 'recordedFrom:isIso8601']);
    });
  });

  describe('replay', () => {
    it('as known on 15 January 2011: the report of that day, before the late workshop and the retraction', async () => {
      const { body } = await t.http.get('/v1/replay/indicators').query({ knownAt: '2011-01-15T12:00:00Z', periodType: 'year', period: '2010' });
      expect(total(body, 'ACT-ASSESSMENT-COVERAGE')).toMatchObject({ numerator: 5, denominator: 6, result: 5 / 6 });
      expect(total(body, 'ACT-EVENTS-HELD')).toMatchObject({ numerator: 0 });
    });

    it('with everything known: the same figures as the live read model', async () => {
      const [replayed, live] = await Promise.all([
        t.http.get('/v1/replay/indicators').query({ periodType: 'year', period: '2010', knownAt: '2100-01-01T00:00:00Z' }),
        t.http.get('/v1/indicators').query({ periodType: 'year', period: '2010' }),
      ]);
      expect(replayed.body.indicators).toEqual(live.body.indicators);
      expect(total(live.body, 'ACT-ASSESSMENT-COVERAGE')).toMatchObject({ numerator: 4, denominator: 6 });
      expect(total(live.body, 'ACT-EVENTS-HELD')).toMatchObject({ numerator: 1 });
    });

    it('as known on a date: the whole of that day in Copenhagen, so the workshop recorded on 20 January 2011 counts from then', async () => {
      const eventsHeld = async (knownAt: string) => {
        const { body } = await t.http.get('/v1/replay/indicators').query({ knownAt, periodType: 'year', period: '2010' });
        expect(body.knownAt).toMatch(/T22:59:59\.999Z$/);
        return total(body, 'ACT-EVENTS-HELD');
      };
      expect(await eventsHeld('2011-01-19')).toMatchObject({ numerator: 0 });
      expect(await eventsHeld('2011-01-20')).toMatchObject({ numerator: 1 });
    });

    it('as of a business time before the baselines: none counted', async () => {
      const { body } = await t.http.get('/v1/replay/indicators').query({ asOf: '2010-03-05T00:00:00+01:00' });
      expect(total(body, 'ACT-ASSESSMENT-COVERAGE')).toMatchObject({ numerator: 0, denominator: 6, result: 0 });
    });

    it('diff between two moments lists every figure that changed', async () => {
      const { body } = await t.http.get('/v1/replay/diff').query({ fromKnownAt: '2011-01-15T12:00:00Z', periodType: 'year', period: '2010' });
      const totals = body.changes.filter((change: { dimension: string }) => change.dimension === 'total');
      expect(totals).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'ACT-ASSESSMENT-COVERAGE', from: 5 / 6, to: 4 / 6 }),
          expect.objectContaining({ code: 'ACT-EVENTS-HELD', from: 0, to: 1 }),
        ]),
      );
    });

    it('refuses a moment that is not a time', async () => {
      const response = await t.http.get('/v1/replay/indicators').query({ asOf: '31/12/2010' });
      expect(response.status).toBe(400);
      expect(response.body.errors[0]).toMatchObject({ field: 'asOf', rule: 'isIso8601' });
    });
  });

  describe('exports', () => {
    it('events as CSV for Danish Excel: BOM, semicolons, one line per event', async () => {
      const response = await t.http.get('/v1/audit/export').query({ format: 'csv' }).buffer(true).parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      });
      const text = response.body as string;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0].split(';').slice(0, 5)).toEqual(['position', 'streamId', 'revision', 'eventId', 'type']);
      expect(lines).toHaveLength(1 + (await t.runtime.events.headPosition()));
    });

    it('events as NDJSON: one audit entry per line', async () => {
      const response = await t.http.get('/v1/audit/export').query({ format: 'ndjson', category: 'association', types: 'RecordRetracted' }).buffer(true).parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      });
      const entries = (response.body as string).trim().split('\n').map((line) => JSON.parse(line));
      expect(entries.map((entry) => entry.amends).sort()).toEqual([a1Baseline, a5Baseline].sort());
    });

    it('indicators as CSV with decimal comma, withheld cells kept with empty figures', async () => {
      const response = await t.http.get('/v1/exports/indicators.csv').query({ periodType: 'year', period: '2010' });
      expect(response.status).toBe(200);
      const text = response.text;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const rows = text.slice(1).trimEnd().split('\r\n').map((line) => line.split(';'));
      const header = rows[0];
      const row = (code: string, dimension: string) => rows.find((cells) => cells[0] === code && cells[header.indexOf('dimension')] === dimension)!;
      expect(row('ACT-ASSESSMENT-COVERAGE', 'total')[header.indexOf('result')]).toMatch(/^0,666/);
      const staff = row('PRD-STAFF-TRAINED', 'total');
      expect([staff[header.indexOf('result')], staff[header.indexOf('subjects')], staff[header.indexOf('suppressed')]]).toEqual(['', '', 'small-cell']);
    });
  });

  it('the evaluation report is one HTML file with the model, the figures and data-quality notes', async () => {
    const response = await t.http.get('/v1/reports/evaluation').query({ periodType: 'year', period: '2010' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    for (const text of ['Forandringsteori', 'Ressourcer', 'Langsigtet effekt', 'ACT-ASSESSMENT-COVERAGE', 'Datakvalitet', '1 rettede og 1 tilbagetrukne', '66,7 %']) {
      expect(response.text).toContain(text);
    }
    expect(response.text).not.toMatch(/<script/);
    const head = (await t.runtime.events.chainHead())!;
    expect(response.text).toContain(`verify --anchor ${head.position}:${head.hash}`);
  });

  it('the data-quality report lists the associations with a baseline but no follow-up, as known at a moment', async () => {
    const now = await t.http.get('/v1/reports/data-quality');
    expect({ status: now.status, awaiting: now.body.associationsAwaitingFollowUp, corrections: now.body.corrections, retractions: now.body.retractions }).toEqual({
      status: 200,
      awaiting: ['a1', 'a2', 'a3', 'a4'],
      corrections: 1,
      retractions: 1,
    });
    // Before a5's baseline was retracted, it was awaiting its follow-up too.
    const before = await t.http.get('/v1/reports/data-quality').query({ knownAt: '2011-01-31' });
    expect(before.body.associationsAwaitingFollowUp).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    const bad = await t.http.get('/v1/reports/data-quality').query({ knownAt: 'last week' });
    expect({ status: bad.status, field: bad.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'knownAt' });
  });

  it('a rebuild through the admin API switches readers to an identical new build', async () => {
    const before = await t.http.get('/v1/indicators').query({ periodType: 'quarter', period: '2010-Q1' });
    const started = await t.http.post('/v1/admin/projections/programme/rebuild');
    expect(started.status).toBe(202);
    for (let i = 0; i < 500 && (await t.runtime.projector.statusView()).rebuild; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const [status] = (await t.http.get('/v1/admin/projections')).body;
    expect(status).toMatchObject({ build: 2, state: 'live', rebuild: null, lagEvents: 0 });
    const after = await t.http.get('/v1/indicators').query({ periodType: 'quarter', period: '2010-Q1' });
    expect(after.body.readModel).toBe(`programme_v${t.runtime.programme.version}_b2`);
    expect(after.body.indicators).toEqual(before.body.indicators);
  });

  it('tamper evidence: verify passes, then fails at the first altered event', async () => {
    const intact = (await t.http.get('/v1/admin/integrity')).body;
    expect(intact).toMatchObject({ ok: true, eventsChecked: await t.runtime.events.headPosition(), head: await t.runtime.events.chainHead() });
    const anchor = `${intact.head.position}:${intact.head.hash}`;
    expect((await t.http.get('/v1/admin/integrity').query({ anchor })).body).toMatchObject({ ok: true, anchor: { ok: true } });
    const wrong = `${intact.head.position}:${'0'.repeat(64)}`;
    expect((await t.http.get('/v1/admin/integrity').query({ anchor: wrong })).body).toMatchObject({ ok: false, anchor: { ok: false, found: intact.head.hash } });
    const malformed = await t.http.get('/v1/admin/integrity').query({ anchor: 'latest' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0]).toMatchObject({ field: 'anchor', rule: 'matches' });

    const raw = new Database(join(t.runtime.config.dataDir, 'events.sqlite'));
    raw.prepare("UPDATE events SET data = replace(data, 'Forening 3', 'Forening X') WHERE stream_id = 'association-a3'").run();
    raw.close();
    const { body } = await t.http.get('/v1/admin/integrity');
    expect(body.ok).toBe(false);
    expect(body.firstBrokenLink).toMatchObject({ streamId: 'association-a3', position: 3 });
  });
});
