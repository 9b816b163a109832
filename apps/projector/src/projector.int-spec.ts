import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProjectionStatusView, storedBuilds } from '@toc/read-models';
import { Runtime, loadConfig } from '@toc/runtime';
import { foldedInMemory, rounded, snapshot } from '../../../libs/read-models/src/projection-runner.contract';
import { generateEvents, liveEvent } from '../../../scripts/bench/generate-events';
import { mongoTestDatabase } from '../../../test/mongo-test-database';
import { ProjectorProcess, startProjectorProcess } from '../../../test/projector-process';

/**
 * Two projector processes on the same stores, as a scaled-out deployment runs them: one holds the
 * lease and projects, the other stands by. The holder is killed (SIGKILL, so it cannot let the
 * lease go) while it works through a history and events keep arriving; the other takes over once
 * the lease has run out, and the read model ends as one pass over every event makes it.
 */

jest.setTimeout(120_000);

const TTL_MS = 2_000;
const RENEW_MS = 400;
const LEASE = { PROJECTION_LEASE_TTL_MS: String(TTL_MS), PROJECTION_LEASE_RENEW_MS: String(RENEW_MS) };
const HISTORY_EVENTS = 3_000;
/** Starting a process, its polling of the event store and the test's own polling, beyond the lease itself. */
const SLACK_MS = 1_500;

const mongo = mongoTestDatabase('toc_projectors');

/** Polls every 20 ms until `read` answers something: the lease decides by the clock. */
const until = async <T>(read: () => Promise<T | undefined>): Promise<T> => {
  for (;;) {
    const found = await read();
    if (found !== undefined) return found;
    await sleep(20);
  }
};

const heldBy = (view: ProjectionStatusView, process: ProjectorProcess) => view.lease?.holder.includes(`/${process.child.pid}/`) === true;

describe.each([
  ['a SQLite read-model file', () => ({ READ_MODEL_STORE: 'sqlite' })],
  ['a MongoDB replica set', () => ({ READ_MODEL_STORE: 'mongodb', MONGODB_URL: mongo.url, MONGODB_DATABASE: mongo.name })],
])('two projector processes on %s', (_, readModels) => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let runtime: Runtime;
  let processes: ProjectorProcess[] = [];

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'toc-projectors-'));
    env = { DATA_DIR: dataDir, ...LEASE, ...readModels() };
    // This process only looks: its own projector is never started.
    runtime = await Runtime.open(loadConfig(env));
  });

  afterEach(async () => {
    await Promise.all(processes.map((process) => process.stop('SIGKILL')));
    processes = [];
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets one project; when it is killed mid-batch the other takes over within the lease expiry, and the read model equals a clean build', async () => {
    const { cohorts } = await generateEvents(runtime.events, { events: HISTORY_EVENTS });
    processes = [startProjectorProcess(env), startProjectorProcess(env)];
    const view = () => runtime.projector.statusView();

    // The holder, once it is part of the way through the history.
    const working = await until(async () => {
      const current = await view();
      return current.lease && current.checkpoint > 0 ? current : undefined;
    });
    const holder = processes.find((process) => heldBy(working, process))!;
    const standby = processes.find((process) => process !== holder)!;
    expect(working.checkpoint).toBeLessThan(HISTORY_EVENTS);

    let appending = true;
    const appends = (async () => {
      for (let n = 0; appending; n++) {
        const { streamId, event } = liveEvent(n, cohorts, new Date());
        await runtime.events.append(streamId, [event], 'no-stream');
        await sleep(5);
      }
    })();
    const killedAt = performance.now();
    await holder.stop('SIGKILL');
    await until(async () => (heldBy(await view(), standby) ? true : undefined));
    const takeoverMs = performance.now() - killedAt;
    await sleep(RENEW_MS);
    appending = false;
    await appends;

    await runtime.projector.waitFor(await runtime.events.headPosition());
    expect({ takeoverMs, standbyRunning: standby.child.exitCode === null }).toEqual({ takeoverMs: expect.any(Number), standbyRunning: true });
    expect(takeoverMs).toBeLessThan(TTL_MS + RENEW_MS + SLACK_MS);
    expect(await view()).toMatchObject({ state: 'live', lastError: null, build: 1 });
    const { live } = await storedBuilds(runtime.readModels, runtime.programme);
    expect(rounded(await snapshot(runtime.readModels, live, { positions: false }))).toEqual(rounded(await foldedInMemory(runtime.events, runtime.programme)));
  });
});
