import { mkdtempSync, rmSync } from 'node:fs';
import { Server, Socket, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { domainUpcasters, programmeReadModel } from '@toc/domain';
import { SqliteEventStore } from '@toc/event-store';
import { generateEvents, liveEvent } from '../../../../scripts/bench/generate-events';
import { mongoTestDatabase } from '../../../../test/mongo-test-database';
import { LeaseKeeper } from '../lease';
import { namespaceOf } from '../projection-engine';
import { ProjectionRunner } from '../projection-runner';
import { ProjectionStatusView } from '../projection-status';
import { startProjectorProcess } from '../../../../test/projector-process';
import { foldedInMemory, rounded, snapshot } from '../projection-runner.contract';
import { MongoReadModelStore } from './mongo-read-model-store';

/**
 * mongod becoming unreachable while the projection has work, for longer than the driver's server
 * selection timeout and the lease: the runner must survive it, say it is retrying, and catch up
 * afterwards with nothing lost or counted twice.
 */

const database = mongoTestDatabase('toc_outage');
// Five times the driver's server selection timeout; MONGO_OUTAGE_MS=150000 and
// MONGO_SERVER_SELECTION_TIMEOUT_MS=30000 run it at the driver's default timeout, for minutes.
const SERVER_SELECTION_TIMEOUT_MS = Number(process.env.MONGO_SERVER_SELECTION_TIMEOUT_MS ?? 1_000);
const OUTAGE_MS = Number(process.env.MONGO_OUTAGE_MS ?? 5_000);

jest.setTimeout(60_000 + 2 * OUTAGE_MS);

/** A TCP proxy in front of mongod that can refuse connections and cut those it has, as an outage does. */
const proxyTo = async (target: URL) => {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket)).on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const port = (server.address() as { port: number }).port;
  return {
    port,
    cut: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    restore: () => listen(port),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};

/** Appends an event every 20 ms until `done`. */
const appendUntil = async (events: SqliteEventStore, cohorts: number, done: () => boolean) => {
  for (let n = 0; !done(); n++) {
    const { streamId, event } = liveEvent(n, cohorts, new Date());
    await events.append(streamId, [event], 'no-stream');
    await sleep(20);
  }
};

describe('a mongod outage while the projection has work', () => {
  it('is survived: the runner reports retrying with the error, and once mongod is back catches up with nothing lost or counted twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'toc-outage-'));
    const events = SqliteEventStore.open(join(dir, 'events.sqlite'), { synchronous: 'NORMAL' });
    const proxy = await proxyTo(new URL(database.url));
    const store = await MongoReadModelStore.connect(`mongodb://127.0.0.1:${proxy.port}/?directConnection=true`, database.name, {
      serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    });
    const definition = programmeReadModel({ start: '2010-01-01', end: '2011-12-31' });
    const runner = new ProjectionRunner(events, store, definition, domainUpcasters, {
      lease: new LeaseKeeper(store, definition.name, { ttlMs: 2_000, renewIntervalMs: 400 }),
      retryMs: 100,
      retryMaxMs: 1_000,
    });
    try {
      const { cohorts } = await generateEvents(events, { events: 1_000 });
      await runner.start();
      await runner.waitFor(await events.headPosition());
      expect(await runner.statusView()).toMatchObject({ state: 'live', runningHere: true });

      // Events keep coming through the outage.
      await proxy.cut();
      const cutAt = performance.now();
      const appended = appendUntil(events, cohorts, () => performance.now() - cutAt > OUTAGE_MS);
      let view: ProjectionStatusView;
      do view = await runner.statusView();
      while (view.state !== 'retrying');
      expect(view.lastError).toMatchObject({ transient: true });
      await appended;
      expect((await runner.statusView()).state).toBe('retrying');

      await proxy.restore();
      await runner.waitFor(await events.headPosition());
      expect(await runner.statusView()).toMatchObject({ state: 'live', runningHere: true, lastError: null, lagEvents: 0 });
      expect(rounded(await snapshot(store, runner.activeNamespace, { positions: false }))).toEqual(rounded(await foldedInMemory(events, definition)));
    } finally {
      await runner.stop();
      await store.close();
      await proxy.close();
      await events.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves a projector process running through it, which catches up once mongod is back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'toc-outage-process-'));
    const events = SqliteEventStore.open(join(dir, 'events.sqlite'), { synchronous: 'NORMAL' });
    const proxy = await proxyTo(new URL(database.url));
    const databaseName = `${database.name}_process`;
    const store = await MongoReadModelStore.connect(database.url, databaseName);
    const definition = programmeReadModel({ start: '2010-01-01', end: '2011-12-31' });
    // Never started: it answers waits from the stored checkpoint the projector process writes.
    const reader = new ProjectionRunner(events, store, definition, domainUpcasters);
    const projector = startProjectorProcess({
      DATA_DIR: dir,
      READ_MODEL_STORE: 'mongodb',
      MONGODB_URL: `mongodb://127.0.0.1:${proxy.port}/?directConnection=true&serverSelectionTimeoutMS=${SERVER_SELECTION_TIMEOUT_MS}`,
      MONGODB_DATABASE: databaseName,
      PROJECTION_LEASE_TTL_MS: '2000',
      PROJECTION_LEASE_RENEW_MS: '400',
      PROJECTION_RETRY_MS: '100',
      PROJECTION_RETRY_MAX_MS: '1000',
    });
    try {
      const { cohorts } = await generateEvents(events, { events: 1_000 });
      await reader.waitFor(await events.headPosition());

      await proxy.cut();
      const cutAt = performance.now();
      await appendUntil(events, cohorts, () => performance.now() - cutAt > OUTAGE_MS);
      await proxy.restore();

      await reader.waitFor(await events.headPosition());
      // The outage is in its log (the replay index could not be written), but the process runs on.
      expect({ exitCode: projector.child.exitCode, signal: projector.child.signalCode }).toEqual({ exitCode: null, signal: null });
      expect(rounded(await snapshot(store, namespaceOf(definition, 1), { positions: false }))).toEqual(rounded(await foldedInMemory(events, definition)));
    } finally {
      await projector.stop();
      await database.admin().db(databaseName).dropDatabase();
      await store.close();
      await proxy.close();
      await events.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
