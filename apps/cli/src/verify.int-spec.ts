import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { event, forgeAfterHead } from '@toc/event-store/sqlite/sqlite-event-store.fixture';
import { Runtime, loadConfig } from '@toc/runtime';
import * as commands from './commands';

/** The fixture's events are recorded at this time. */
const RECORDED_AT = '2024-02-01T10:00:05.000Z';

describe('verify with ANCHOR_FILE', () => {
  let dir: string;
  let anchorFile: string;
  let runtime: Runtime;
  let printed: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'toc-verify-'));
    anchorFile = join(dir, 'anchors.txt');
    runtime = await Runtime.open(loadConfig({ DATA_DIR: join(dir, 'data'), ANCHOR_FILE: anchorFile }));
    await runtime.events.append('course-1', [event(0), event(1)], 'no-stream');
    printed = [];
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(format(...args)));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says when the anchor file holds no anchor yet, then checks the newest one by itself', async () => {
    await commands.verify(runtime, {});
    expect(printed[1]).toBe(`no anchor checked: ${anchorFile} holds none yet`);

    const publishedAt = new Date(RECORDED_AT);
    await runtime.anchors!.publish(publishedAt);
    printed = [];
    await commands.verify(runtime, {});

    expect(printed.slice(0, 2)).toEqual(['ok: 2 events, hash chain intact', `anchor 2 (published at ${publishedAt.toISOString()} in ${anchorFile}): matches, nothing up to it was rewritten or removed`]);
    expect(process.exitCode).toBeUndefined();
  });

  it('reports an event stored after the newest anchor but recorded before it was published, with exit code 2', async () => {
    await runtime.anchors!.publish(new Date('2024-02-01T12:00:00.000Z'));
    const forged = event(2);
    forgeAfterHead(join(dir, 'data', 'events.sqlite'), 'course-1', forged);

    await commands.verify(runtime, {});

    expect(printed[1]).toBe(
      `FORGED? event ${forged.metadata.eventId} (course-1) at position 3 was recorded at ${RECORDED_AT}, before anchor 2 was published at 2024-02-01T12:00:00.000Z, yet it is stored after it`,
    );
    expect(process.exitCode).toBe(2);
  });
});
