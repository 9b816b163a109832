import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { damageLeafPage, forgeAfterHead } from '@toc/event-store/sqlite/sqlite-event-store.fixture';
import { FIXED_NOW, TestApp, post, startTestApp } from '../../../../test/api.harness';
import { staffMember } from '../../../../test/command-assertions';
import { given, staffMemberRegistered } from '../../../../test/given';

const PROBLEM_JSON = /^application\/problem\+json/;
const staff = (count: number) => Array.from({ length: count }, (_, n) => staffMemberRegistered(`s-${n}`));
const eventsFile = (t: TestApp) => join(t.runtime.config.dataDir, 'events.sqlite');

const tamper = (t: TestApp, sql: string) => {
  const raw = new Database(eventsFile(t));
  raw.exec(sql);
  raw.close();
};

const integrity = async (t: TestApp) => {
  const response = await t.http.get('/v1/admin/integrity');
  return { status: response.status, body: response.body };
};

const command = async (t: TestApp) => {
  const response = await post(t, '/v1/staff-members', staffMember(`s-${randomUUID()}`));
  return { status: response.status, type: response.headers['content-type'], body: response.body };
};

describe('GET /v1/admin/integrity and the writes after it', () => {
  let t: TestApp;
  let logged: jest.SpyInstance;

  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    await t.close();
    logged.mockRestore();
  });

  it("on a file SQLite's quick_check finds damaged, answers 200 saying what the check found, and commands are refused 503 naming the file", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'toc-e2e-'));
    t = await startTestApp({ dataDir });
    await given(t, staff(40));
    await t.app.close();
    await t.runtime.close();
    damageLeafPage(join(dataDir, 'events.sqlite'), 'events');
    t = await startTestApp({ dataDir });

    expect(await integrity(t)).toMatchObject({ status: 200, body: { ok: false, fileDamage: expect.arrayContaining([expect.stringMatching(/page \d+/)]) } });
    expect(await command(t)).toMatchObject({
      status: 503,
      type: expect.stringMatching(PROBLEM_JSON),
      body: { error: 'damaged', detail: expect.stringContaining(`${join(dataDir, 'events.sqlite')} is damaged (file: SQLite's quick_check`) },
    });
  });

  it('once it finds a link broken behind the service, commands are refused 503 naming the link', async () => {
    t = await startTestApp();
    await given(t, staff(10));
    tamper(t, `UPDATE events SET data = json_set(data, '$.role', 'manager') WHERE position = 3`);
    expect((await command(t)).status).toBe(201);

    expect(await integrity(t)).toMatchObject({ status: 200, body: { ok: false, eventsChecked: 2, firstBrokenLink: { position: 3, streamId: 'staff-s-2' } } });
    expect(await command(t)).toMatchObject({ status: 503, body: { error: 'damaged', detail: expect.stringContaining('(hash-chain: position 3 (event ') } });
  });

  it('reports the newest events removed without any anchor, from the positions the store gave out', async () => {
    t = await startTestApp();
    await given(t, staff(10));
    tamper(t, 'DELETE FROM events WHERE position > 8');

    expect(await integrity(t)).toMatchObject({ status: 200, body: { ok: false, head: { position: 8 }, removedNewest: { after: 8, upTo: 10 } } });
    expect(await command(t)).toMatchObject({ status: 503, body: { detail: expect.stringContaining('events after position 8 up to 10 were removed') } });
  });

  describe('with ANCHOR_FILE', () => {
    let anchorDir: string;

    beforeEach(() => {
      anchorDir = mkdtempSync(join(tmpdir(), 'toc-anchors-'));
    });

    afterEach(() => rmSync(anchorDir, { recursive: true, force: true }));

    it('checks the chain through the newest published anchor by itself, and reports an event forged after it with an earlier recording time', async () => {
      const anchorFile = join(anchorDir, 'anchors.txt');
      t = await startTestApp({ env: { ANCHOR_FILE: anchorFile } });
      await given(t, staff(5));
      const anchor = (await t.runtime.anchors!.publish(FIXED_NOW))!;
      expect(readFileSync(anchorFile, 'utf8')).toBe(`${anchor.position}:${anchor.hash} at ${FIXED_NOW.toISOString()}\n`);
      expect((await command(t)).status).toBe(201);
      expect(await integrity(t)).toMatchObject({ status: 200, body: { ok: true, anchor: { position: 5, ok: true, publishedAt: FIXED_NOW.toISOString() } } });

      const recordedAt = '2011-06-01T09:00:00.000Z';
      const { stream, type, data } = staffMemberRegistered('s-forged');
      const eventId = randomUUID();
      const metadata = { eventId, schemaVersion: 1, correlationId: randomUUID(), causationId: null, actor: t.actor, sourceApp: 'test', occurredAt: recordedAt, recordedAt };
      const position = forgeAfterHead(eventsFile(t), stream, { type, data, metadata });

      expect(await integrity(t)).toMatchObject({
        status: 200,
        body: { ok: false, anchor: { position: 5, ok: true }, recordedBeforeAnchor: [{ position, streamId: stream, eventId, recordedAt }] },
      });
    });
  });
});
