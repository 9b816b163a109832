import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Runtime, loadConfig } from '@toc/runtime';
import { mongoTestDatabase } from '../../../../test/mongo-test-database';
import { createApp } from '../app';

const mongo = mongoTestDatabase('toc_shared_access');

/**
 * Two api instances on MongoDB read models, each with a data directory of its own, as on two
 * hosts: the API keys and the access log are where the read models are, so both instances
 * know the same keys and write one log.
 */
describe('api instances on other hosts, sharing MongoDB', () => {
  const dirs: string[] = [];
  const instances: { runtime: Runtime; app: INestApplication }[] = [];
  const startInstance = async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'toc-shared-access-'));
    dirs.push(dataDir);
    const runtime = await Runtime.open(loadConfig({ DATA_DIR: dataDir, READ_MODEL_STORE: 'mongodb', MONGODB_URL: mongo.url, MONGODB_DATABASE: mongo.name, EMBEDDED_PROJECTOR: 'false' }));
    const app = await createApp(runtime, { logger: false });
    await app.init();
    instances.push({ runtime, app });
    return { runtime, http: () => request(app.getHttpServer()) };
  };
  afterAll(async () => {
    for (const { app, runtime } of instances) {
      await app.close();
      await runtime.close();
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('authenticate a key created on one on the other, stop a key revoked on one at the next request on the other, and log both instances in one access log', async () => {
    const [a, b] = [await startInstance(), await startInstance()];
    const recorder = await a.runtime.keys.create({ name: 'case-worker tool', roles: ['recorder'] });
    const admin = await a.runtime.keys.create({ name: 'data protection officer', roles: ['admin'] });

    await b.http().put('/v1/people/rep-1').set('X-Api-Key', recorder.key).send({ kind: 'representative', name: 'Amina Hassan' }).expect(201);
    await b.http().get('/v1/people/rep-1').set('X-Api-Key', admin.key).expect(200);

    await b.http().delete(`/v1/admin/keys/${recorder.id}`).set('X-Api-Key', admin.key).expect(204);
    await a.http().put('/v1/people/rep-2').set('X-Api-Key', recorder.key).send({ kind: 'staff', name: 'Bo Jensen' }).expect(401);

    // The entry of a request is written once its response is over.
    while ((await a.runtime.accessLog.page({ limit: 10 })).entries.length < 3) await sleep(10);
    const logged = await a.http().get('/v1/admin/access-log').set('X-Api-Key', admin.key).expect(200);
    expect(logged.body.entries.map((entry: { action: string; route: string; principalSubject: string }) => [entry.action, entry.route, entry.principalSubject])).toEqual([
      ['record-person', '/v1/people/rep-1', `key:${recorder.id}`],
      ['read-person', '/v1/people/rep-1', `key:${admin.id}`],
      ['revoke-api-key', `/v1/admin/keys/${recorder.id}`, `key:${admin.id}`],
    ]);
  });
});
