import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { EventStore } from '@toc/event-store';
import { Runtime, copyEvents, loadConfig, openEventStore, seedDemo } from '@toc/runtime';
import { UsageError } from './args';
import { migrate } from './migrate';

jest.setTimeout(60_000);

describe('migrate: every event into another store, in order with ids and metadata, resumable', () => {
  const root = mkdtempSync(join(tmpdir(), 'toc-migrate-'));
  const source = loadConfig({ DATA_DIR: join(root, 'source') });
  let printed: string[];
  beforeAll(async () => {
    const runtime = await Runtime.open(source);
    await seedDemo(runtime);
    await runtime.close();
  });
  beforeEach(() => {
    printed = [];
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(format(...args)));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('copies the demo programme into a new SQLite store with the same digest, and the copy verifies', async () => {
    await migrate(source, { 'to-data-dir': join(root, 'copy') });
    expect(printed.slice(-2)).toEqual(['\ncopied 662, already there 0, 662 events in the source', expect.stringMatching(/^ok: both logs have digest [0-9a-f]{64}$/)]);
    const copy = await openEventStore(loadConfig({ DATA_DIR: join(root, 'copy') }));
    await expect(copy.verifyIntegrity()).resolves.toMatchObject({ ok: true, eventsChecked: 662 });
    await copy.close();
  });

  it('goes on where a copy that stopped half-way left off', async () => {
    const [from, to] = await Promise.all([openEventStore(source), openEventStore(loadConfig({ DATA_DIR: join(root, 'resumed') }))]);
    let appends = 0;
    const failing: EventStore = Object.create(to, {
      append: { value: (...args: Parameters<EventStore['append']>) => (++appends > 300 ? Promise.reject(new Error('connection lost')) : to.append(...args)) },
    });
    await expect(copyEvents(from, failing)).rejects.toThrow('connection lost');
    const report = await copyEvents(from, to);
    expect(report).toMatchObject({ copied: 362, skipped: 300, events: 662, ok: true });
    await Promise.all([from.close(), to.close()]);
  });

  it('refuses a target that holds other events, and the source as its own target', async () => {
    const from = await openEventStore(source);
    const [first] = await from.readAll({ limit: 1 });
    await from.close();
    const other = await openEventStore(loadConfig({ DATA_DIR: join(root, 'other') }));
    await other.append(first.streamId, [{ type: first.type, data: first.data, metadata: { ...first.metadata, eventId: 'another-event' } }], 'no-stream');
    await other.close();
    await expect(migrate(source, { 'to-data-dir': join(root, 'other') })).rejects.toThrow(/holds another event at revision 0: not a copy of this source/);
    await expect(migrate(source, { 'to-data-dir': source.dataDir })).rejects.toThrow(new UsageError('the target is the source'));
    await expect(migrate(source, {})).rejects.toThrow(UsageError);
  });
});
