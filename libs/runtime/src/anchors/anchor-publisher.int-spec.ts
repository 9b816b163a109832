import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, chainLinkText } from '@toc/event-store';
import { event, forgeAfterHead } from '@toc/event-store/sqlite/sqlite-event-store.fixture';
import { AnchorPublisher } from './anchor-publisher';

const AT = new Date('2024-02-01T10:00:05.000Z');
const HOUR_LATER = new Date(AT.getTime() + 3_600_000);

describe('AnchorPublisher', () => {
  let dir: string;
  let store: SqliteEventStore;
  let anchorFile: string;
  let logged: jest.SpyInstance;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'toc-anchors-'));
    anchorFile = join(dir, 'anchors.txt');
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    // The fixture's events are recorded at AT.
    await store.append('course-1', [event(0), event(1)], 'no-stream');
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    logged.mockRestore();
    jest.useRealTimers();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const anchorLines = () => readFileSync(anchorFile, 'utf8').split('\n').filter(Boolean);

  it('appends the verified head to the anchor file every interval and at shutdown, and POSTs each to the webhook', async () => {
    const posted: unknown[] = [];
    const webhook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk)).on('end', () => {
        posted.push({ type: request.headers['content-type'], anchor: JSON.parse(body) });
        response.end();
      });
    });
    await new Promise<void>((listening) => webhook.listen(0, '127.0.0.1', listening));
    try {
      jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'], now: AT });
      const webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/anchors?token=secret`;
      const publisher = new AnchorPublisher(store, { file: anchorFile, webhookUrl, intervalMs: 3_600_000 });
      publisher.start();
      const head = chainLinkText((await store.chainHead())!);

      jest.advanceTimersByTime(3_600_000);
      while (!existsSync(anchorFile) || anchorLines().length === 0) await new Promise(setImmediate);
      await store.append('course-1', [event(2, { recordedAt: HOUR_LATER.toISOString() })], 1);
      await publisher.stop();

      const last = chainLinkText((await store.chainHead())!);
      expect(anchorLines()).toEqual([`${head} at ${HOUR_LATER.toISOString()}`, `${last} at ${HOUR_LATER.toISOString()}`]);
      expect(posted).toEqual(
        [head, last].map((link) => ({ type: 'application/json', anchor: { position: Number(link.split(':')[0]), hash: link.split(':')[1], publishedAt: HOUR_LATER.toISOString() } })),
      );
    } finally {
      webhook.close();
    }
  });

  it('publishes nothing over an event stored after the last anchor but recorded before it was published, and says why', async () => {
    const publisher = new AnchorPublisher(store, { file: anchorFile, intervalMs: 3_600_000 });
    const first = await publisher.publish(HOUR_LATER);
    const forged = forgeAfterHead(join(dir, 'events.sqlite'), 'course-1', event(2, { recordedAt: AT.toISOString() }));

    expect(await publisher.publish(new Date(HOUR_LATER.getTime() + 3_600_000))).toBeNull();

    expect(anchorLines()).toEqual([`${first!.position}:${first!.hash} at ${HOUR_LATER.toISOString()}`]);
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^anchors: not published, .*FORGED\\? event \\S+ \\(course-1\\) at position ${forged} was recorded at ${AT.toISOString()}`)));
  });

  it('publishes nothing once the chain no longer passes through the last anchor', async () => {
    const publisher = new AnchorPublisher(store, { file: anchorFile, intervalMs: 3_600_000 });
    await publisher.publish(AT);
    await store.close();
    // A later process finds the newest event gone and SQLite's count of positions lowered to match.
    const raw = new Database(join(dir, 'events.sqlite'));
    raw.exec("DELETE FROM events WHERE position = 2; UPDATE sqlite_sequence SET seq = 1 WHERE name = 'events'");
    raw.close();
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));

    expect(await new AnchorPublisher(store, { file: anchorFile, intervalMs: 3_600_000 }).publish(HOUR_LATER)).toBeNull();

    expect(anchorLines()).toHaveLength(1);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('ANCHOR 2 is gone: events were removed'));
  });

  it('publishes nothing while this process is not the one that publishes (it does not hold the lease), and publishes once it is', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'], now: AT });
    let holdsLease = false;
    const publisher = new AnchorPublisher(store, { file: anchorFile, intervalMs: 3_600_000 }, () => holdsLease);
    publisher.start();
    jest.advanceTimersByTime(3_600_000);
    for (let turn = 0; turn < 20; turn++) await new Promise(setImmediate);
    expect(anchorLines()).toEqual([]);

    holdsLease = true;
    jest.advanceTimersByTime(3_600_000);
    while (anchorLines().length === 0) await new Promise(setImmediate);
    holdsLease = false;
    await publisher.stop();

    expect(anchorLines()).toEqual([`${chainLinkText((await store.chainHead())!)} at ${new Date(AT.getTime() + 2 * 3_600_000).toISOString()}`]);
  });

  it('refuses to start, naming the file, when the anchor file cannot be written', () => {
    const unwritable = join(dir, 'missing-directory', 'anchors.txt');
    expect(() => new AnchorPublisher(store, { file: unwritable, intervalMs: 3_600_000 }).start()).toThrow(unwritable);
  });
});
