import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Writable } from 'node:stream';
import request from 'supertest';
import { TestApp, post, readStream, startTestApp } from '../../../../test/api.harness';
import { AT, staffMember } from '../../../../test/command-assertions';
import { loggingModule } from './logging';

describe('request logs', () => {
  @Controller()
  class Probe {
    @Get('probe')
    probe() {
      return { ok: true };
    }
  }

  let app: INestApplication;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const stream = new Writable({ write: (chunk, _encoding, done) => void (lines.push(JSON.parse(String(chunk))), done()) });
    @Module({ imports: [loggingModule('info', stream)], controllers: [Probe] })
    class LoggedModule {}
    app = await NestFactory.create(LoggedModule, { logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it('writes one JSON line per request with its correlation id, without credentials or the query', async () => {
    const response = await request(app.getHttpServer()).get('/probe?subject=rep-7').set({ 'X-Api-Key': 'toc_secret-key', 'X-Correlation-Id': 'form-42' });
    expect(response.headers['x-correlation-id']).toBe('form-42');
    const line = lines.find((entry) => (entry.req as { id?: string } | undefined)?.id === 'form-42')!;
    expect(line).toMatchObject({ level: 30, req: { id: 'form-42', method: 'GET', path: '/probe' }, res: { statusCode: 200 }, responseTime: expect.any(Number) });
    expect(JSON.stringify(lines)).not.toContain('toc_secret-key');
    expect(JSON.stringify(lines)).not.toContain('rep-7');
  });

  it('gives a request without a valid correlation id a new one', async () => {
    const response = await request(app.getHttpServer()).get('/probe').set('X-Correlation-Id', 'not valid!');
    expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the correlation id of a command', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('is the one the answer and its log line carry, when the caller sent none', async () => {
    const response = await post(t, '/v1/staff-members', staffMember('s-1', { occurredAt: AT }));
    const [event] = (await readStream(t, 'staff-s-1')).events;
    expect(event.metadata.correlationId).toBe(response.headers['x-correlation-id']);
  });
});
