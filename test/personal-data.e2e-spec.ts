import Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, startTestApp } from './api.harness';
import { postAccepted } from './command-assertions';

const REPRESENTATIVES = ['rep-1', 'rep-2', 'rep-3', 'rep-4', 'rep-5', 'rep-6', 'rep-7'];

/** The people of the test, by the pseudonymous ids the events use; the first two are erased. */
const people = {
  'rep-1': { kind: 'representative', name: 'Amina Hassan', email: 'amina.hassan@example.dk', phone: '+45 23 45 67 89' },
  'holder-1': { kind: 'seat-holder', name: 'Yusuf Demir', email: 'yusuf.demir@example.dk', note: 'board member since 2009' },
  'staff-1': { kind: 'staff', name: 'Bo Jensen', email: 'bo.jensen@kk.example.dk' },
  'resp-1': { kind: 'respondent', name: 'Leila Nouri' },
  'a-1': { kind: 'association-contact', name: 'Karim Said', phone: '23 45 67 00' },
} as const;

const erasedTexts = [people['rep-1'].name, people['rep-1'].email, people['rep-1'].phone, people['holder-1'].name, people['holder-1'].email, people['holder-1'].note];

/** Every output an evaluator or the read side can produce, as text. */
const outputs = async (t: TestApp) => {
  const texts: Record<string, string> = {};
  for (const path of [
    '/v1/indicators',
    '/v1/indicators?periodType=quarter&period=2010-Q1',
    '/v1/replay/indicators?asOf=2011-06-30',
    '/v1/replay/indicators?knownAt=2010-12-31',
    '/v1/exports/indicators.csv',
    '/v1/reports/evaluation',
    '/v1/reports/data-quality',
    '/v1/audit/export',
    '/v1/audit/export?format=csv',
    '/v1/audit/events?limit=1000',
    '/v1/streams/course-c-1',
    '/v1/streams/forum-f-1',
  ]) {
    const response = await t.http.get(path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    texts[path] = response.text;
  }
  return texts;
};

/** Every byte of every file the service keeps (event store, read models, personal data, keys, access log, write-ahead logs). */
const dataFiles = (t: TestApp) => Buffer.concat(readdirSync(t.runtime.config.dataDir).map((file) => readFileSync(join(t.runtime.config.dataDir, file))));

describe('erasing a person: the person is gone everywhere, every figure stays', () => {
  let t: TestApp;
  let recorder: { 'X-Api-Key': string };
  let admin: { 'X-Api-Key': string };
  let adminSubject: string;
  let recorderSubject: string;
  beforeAll(async () => {
    t = await startTestApp();
    const [recorderKey, adminKey] = await Promise.all([t.runtime.keys.create({ name: 'case-worker tool', roles: ['recorder'] }), t.runtime.keys.create({ name: 'data protection officer', roles: ['admin'] })]);
    [recorder, admin] = [{ 'X-Api-Key': recorderKey.key }, { 'X-Api-Key': adminKey.key }];
    [recorderSubject, adminSubject] = [`key:${recorderKey.id}`, `key:${adminKey.id}`];

    for (const [subjectId, details] of Object.entries(people)) await t.http.put(`/v1/people/${subjectId}`).set(recorder).send(details).expect(201);

    const at = (date: string) => `${date}T10:00:00+01:00`;
    await postAccepted(t, '/v1/associations', { occurredAt: at('2010-01-05'), associationId: 'a-1', name: 'Tingbjerg women', housingArea: 'tingbjerg-husum', associationType: 'women', sizeBand: '11-50' });
    await postAccepted(t, '/v1/staff-members', { occurredAt: at('2010-01-05'), staffId: 'staff-1', role: 'frontline', employer: 'municipality', housingArea: 'tingbjerg-husum' });
    await postAccepted(t, '/v1/courses', { occurredAt: at('2010-02-01'), courseId: 'c-1', title: 'Running an association', housingArea: 'tingbjerg-husum', modules: ['citizenship'], plannedSessions: 2 });
    await postAccepted(t, '/v1/courses/c-1/enrolments', { occurredAt: at('2010-02-15'), associationId: 'a-1', representativeIds: REPRESENTATIVES });
    await postAccepted(t, '/v1/courses/c-1/start', { occurredAt: at('2010-03-01') });
    const [session] = (await postAccepted(t, '/v1/courses/c-1/sessions', { occurredAt: at('2010-03-15'), sessionNumber: 1, module: 'citizenship', attendeeIds: REPRESENTATIVES })).body.events;
    const correction = { eventId: session.eventId, reason: 'rep-7 left before the session began' };
    await postAccepted(t, '/v1/courses/c-1/sessions', { occurredAt: at('2010-03-15'), sessionNumber: 1, module: 'citizenship', attendeeIds: REPRESENTATIVES.slice(0, 6), correction });
    await postAccepted(t, '/v1/forums', { occurredAt: at('2010-01-10'), forumId: 'f-1', name: 'Tingbjerg resident board', forumType: 'resident-board', housingArea: 'tingbjerg-husum', seats: 5 });
    await postAccepted(t, '/v1/forums/f-1/seats', { occurredAt: at('2010-04-01'), seatHolderId: 'holder-1', background: 'ethnic-minority', nominatedByAssociationId: 'a-1' });
    const answers = [{ statement: 'assoc-better-communication', score: 4 }];
    const last = await postAccepted(t, '/v1/survey-responses', { occurredAt: at('2010-05-01'), respondentId: 'resp-1', respondentKind: 'association-representative', associationId: 'a-1', wave: 'baseline', answers });
    // Read your writes: the read model has applied the last event.
    await t.http.get(`/v1/indicators?minPosition=${last.body.position}`).expect(200);
  });
  afterAll(() => t.close());

  it('removes the person from the register, every output and every file, and leaves every figure and the hash chain as they were', async () => {
    const read = await t.http.get('/v1/people/rep-1').set(admin);
    expect(read.body).toMatchObject({ subjectId: 'rep-1', name: 'Amina Hassan', email: 'amina.hassan@example.dk' });
    const before = await outputs(t);
    const integrityBefore = (await t.http.get('/v1/admin/integrity').set(admin)).body;
    expect(integrityBefore).toMatchObject({ ok: true });
    // The subject's key, to look for once it should be gone.
    const keyring = new Database(join(t.runtime.config.dataDir, 'personal-data-keys.sqlite'), { readonly: true });
    const { key } = keyring.prepare("SELECT key FROM subject_keys WHERE subject_id = 'rep-1'").get() as { key: Buffer };
    keyring.close();
    expect(dataFiles(t).includes(key)).toBe(true);

    for (const subjectId of ['rep-1', 'holder-1']) await t.http.delete(`/v1/people/${subjectId}`).set(admin).expect(204);

    for (const subjectId of ['rep-1', 'holder-1']) {
      const gone = await t.http.get(`/v1/people/${subjectId}`).set(admin);
      expect({ status: gone.status, rule: gone.body.errors[0].rule }).toEqual({ status: 410, rule: 'erased' });
      for (const text of erasedTexts) expect(gone.text).not.toContain(text);
    }
    // The others stay.
    await t.http.get('/v1/people/staff-1').set(admin).expect(200, { subjectId: 'staff-1', ...people['staff-1'], recordedAt: '2011-06-30T12:00:00.000Z' });

    const after = await outputs(t);
    expect(after).toEqual(before);
    for (const [path, text] of Object.entries(after)) for (const erased of erasedTexts) expect({ path, found: text.includes(erased) }).toEqual({ path, found: false });
    // What erasure cannot take: the pseudonymous ids stay in the records, and with them every figure.
    expect(after['/v1/streams/course-c-1']).toContain('rep-1');
    expect(JSON.parse(after['/v1/indicators']).indicators.find((view: { code: string }) => view.code === 'PRD-REPRESENTATIVES-TRAINED').total.result).toBe(6);

    const files = dataFiles(t);
    for (const erased of erasedTexts) expect({ erased, found: files.includes(erased) }).toEqual({ erased, found: false });
    expect(files.includes(key)).toBe(false);

    const integrityAfter = (await t.http.get('/v1/admin/integrity').set(admin)).body;
    expect(integrityAfter).toEqual(integrityBefore);
  });

  it('shows in the access log who recorded, read and erased the person, and the read that found them erased', async () => {
    const log = (await t.http.get('/v1/admin/access-log?target=rep-1').set(admin)).body.entries;
    expect(log.map(({ principalSubject, principalName, role, action, method, status }: Record<string, unknown>) => ({ principalSubject, principalName, role, action, method, status }))).toEqual([
      { principalSubject: recorderSubject, principalName: 'case-worker tool', role: 'recorder', action: 'record-person', method: 'PUT', status: 201 },
      { principalSubject: adminSubject, principalName: 'data protection officer', role: 'admin', action: 'read-person', method: 'GET', status: 200 },
      { principalSubject: adminSubject, principalName: 'data protection officer', role: 'admin', action: 'erase-person', method: 'DELETE', status: 204 },
      { principalSubject: adminSubject, principalName: 'data protection officer', role: 'admin', action: 'read-person', method: 'GET', status: 410 },
    ]);
    const erasure = await t.http.get('/v1/people/rep-1').set(admin);
    expect(erasure.body.message[0]).toBe(`rep-1 was erased on 2011-06-30T12:00:00.000Z by ${adminSubject}`);
  });
});
