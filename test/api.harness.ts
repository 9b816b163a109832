import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Actor, RecordedEvent } from '@toc/domain';
import { ROLES, Role, Runtime, loadConfig } from '@toc/runtime';
import { createApp } from '../apps/api/src/app';
import { Clock } from '../apps/api/src/runtime.module';

/** "Now" for every end-to-end test unless a test pins another time: inside the programme, after its first year. */
export const FIXED_NOW = new Date('2011-06-30T12:00:00Z');

class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }

  now() {
    return new Date(this.at);
  }
}

export interface TestApp {
  readonly app: INestApplication;
  /** Sends the credentials of an internal app holding every role, which may act on behalf of others. */
  readonly http: ReturnType<typeof request.agent>;
  readonly runtime: Runtime;
  /** The actor that events recorded through `http` carry: the key's principal in the recorder role. */
  readonly actor: Actor;
  readonly close: () => Promise<void>;
}

/**
 * The api and an embedded projector on SQLite files in a fresh temporary directory, or in `dataDir`
 * when given (it is removed on close all the same); `env` adds settings.
 */
export const startTestApp = async (options: { now?: Date; clock?: Clock; env?: NodeJS.ProcessEnv; dataDir?: string } = {}): Promise<TestApp> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'toc-e2e-'));
  const runtime = await Runtime.open(loadConfig({ ...options.env, DATA_DIR: dataDir, PORT: '0' }));
  await runtime.startProjector();
  const app = await createApp(runtime, { clock: options.clock ?? new FixedClock(options.now ?? FIXED_NOW), logger: false });
  await app.init();
  const key = await runtime.keys.create({ name: 'test app', roles: ['recorder', 'evaluator', 'admin', 'monitor'], mayActOnBehalf: true });
  const http = request.agent(app.getHttpServer()).set('X-Api-Key', key.key);
  const close = async () => {
    await app.close();
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const t: TestApp = { app, http, runtime, actor: { userId: `key:${key.id}`, role: 'recorder' }, close };
  singleRoleKeys.set(t, new Map(await Promise.all(ROLES.map(async (role) => [role, (await runtime.keys.create({ name: `test ${role}`, roles: [role] })).key] as const))));
  return t;
};

/** The headers an internal app sends with its commands. */
export const actor = { 'X-Source-App': 'test' } as const;

const singleRoleKeys = new WeakMap<TestApp, Map<Role, string>>();

/** Credentials of a key holding only `role`, created with the test app. */
export const authHeaders = (t: TestApp, role: Role): Record<string, string> => ({ 'X-Api-Key': singleRoleKeys.get(t)!.get(role)! });

/** A stream as GET /v1/streams/:streamId returns it. */
export interface StreamBody {
  readonly streamId: string;
  readonly revision: number;
  readonly events: readonly RecordedEvent[];
}

/** POSTs a command body with the actor headers plus any extra headers. */
export const post = (t: TestApp, path: string, body: object, headers: Record<string, string> = {}) =>
  t.http.post(path).set({ ...actor, ...headers }).send(body);

export const readStream = async (t: TestApp, streamId: string): Promise<StreamBody> => {
  const response = await t.http.get(`/v1/streams/${streamId}`);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
  return response.body as StreamBody;
};
