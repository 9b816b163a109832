import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { namespaceOf, storedBuilds } from '@toc/read-models';
import { Runtime, loadConfig } from '@toc/runtime';
import { foldedInMemory, rounded, snapshot } from '../../../libs/read-models/src/projection-runner.contract';
import { generateEvents, liveEvent } from '../../../scripts/bench/generate-events';
import { ProjectorProcess, startProjectorProcess } from '../../../test/projector-process';
import * as commands from './commands';

/**
 * `rebuild` without --api while a projector runs on the same stores: it used to rebuild beside
 * the running projector, which went on feeding the build it dropped while readers switched to
 * one nothing fed. Now it refuses while another process holds the lease, and rebuilds, holding
 * the lease itself, once nobody does.
 */

jest.setTimeout(60_000);

describe('rebuild without --api while a projector process runs', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let runtime: Runtime;
  let projector: ProjectorProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'toc-cli-lease-'));
    env = { DATA_DIR: dataDir, READ_MODEL_STORE: 'sqlite', PROJECTION_LEASE_TTL_MS: '2000', PROJECTION_LEASE_RENEW_MS: '400' };
    runtime = await Runtime.open(loadConfig(env));
    await generateEvents(runtime.events, { events: 500 });
    projector = startProjectorProcess(env);
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await projector.stop('SIGKILL');
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const sameAsOnePass = async () => {
    const { live } = await storedBuilds(runtime.readModels, runtime.programme);
    expect(rounded(await snapshot(runtime.readModels, live, { positions: false }))).toEqual(rounded(await foldedInMemory(runtime.events, runtime.programme)));
  };

  it('refuses, naming the process that holds the lease and --api, and leaves the read model to it; a write after it shows up', async () => {
    while (!(await runtime.projector.statusView()).lease) await sleep(20);
    await runtime.projector.waitFor(await runtime.events.headPosition());

    await expect(commands.rebuild(runtime, 'programme', {})).rejects.toThrow(new RegExp(`^programme is run by [^ ]+/${projector.child.pid}/.*rebuild --api URL`));
    expect(await runtime.projector.statusView()).toMatchObject({ runningHere: false, build: 1, rebuild: null, state: 'live' });
    expect((await runtime.readModels.listCollections()).filter((name) => name.startsWith(namespaceOf(runtime.programme, 2)))).toEqual([]);

    const { streamId, event } = liveEvent(0, 1, new Date());
    const { position } = await runtime.events.append(streamId, [event], 'no-stream');
    await runtime.projector.waitFor(position);
    await sameAsOnePass();
  });

  it('takes the lease itself once nobody holds it, and rebuilds', async () => {
    await projector.stop();
    await commands.rebuild(runtime, 'programme', {});
    expect(await runtime.projector.statusView()).toMatchObject({ build: 2, rebuild: null, state: 'live' });
    await sameAsOnePass();
    await runtime.projector.stop();
  });
});
