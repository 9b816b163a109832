import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { KeyLike, SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { TestApp, readStream, startTestApp } from '../../../../test/api.harness';
import { AT, staffMember } from '../../../../test/command-assertions';

const ISSUER = 'https://login.example.kk.dk';
const AUDIENCE = 'toc-monitor';

const token = (key: KeyLike, claims: Record<string, unknown> = {}, options: { alg?: string; issuer?: string; audience?: string; expires?: string } = {}) =>
  new SignJWT({ roles: ['evaluator'], ...claims })
    .setProtectedHeader({ alg: options.alg ?? 'ES256', kid: 'k1' })
    .setSubject('person-7f3a')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '10m')
    .sign(key);

describe("people's signed tokens (JWT), verified against a configured public key", () => {
  let t: TestApp;
  let signing: KeyLike;
  let stranger: KeyLike;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    signing = pair.privateKey;
    stranger = (await generateKeyPair('ES256')).privateKey;
    t = await startTestApp({ env: { AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE, AUTH_JWT_PUBLIC_KEY: await exportSPKI(pair.publicKey) } });
  });
  afterAll(() => t.close());

  const indicators = (bearer: string) => request(t.app.getHttpServer()).get('/v1/indicators').set('Authorization', `Bearer ${bearer}`);

  it('admits a valid token in a role the route admits', async () => {
    expect((await indicators(await token(signing))).status).toBe(200);
  });

  it.each([
    ['expired', { expires: '-1m' }],
    ['for another audience', { audience: 'another-service' }],
    ['from another issuer', { issuer: 'https://evil.example' }],
  ] as const)('answers 401 to a token %s', async (_, options) => {
    expect((await indicators(await token(signing, {}, options))).status).toBe(401);
  });

  it('answers 401 to a token signed with another key, and to a forged one', async () => {
    const valid = await token(signing);
    const [header, , signature] = valid.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'admin', roles: ['admin'], iss: ISSUER, aud: AUDIENCE, exp: 9_999_999_999 })).toString('base64url');
    expect((await indicators(await token(stranger))).status).toBe(401);
    expect((await indicators(`${header}.${forgedPayload}.${signature}`)).status).toBe(401);
  });

  it('answers 401 to a token with a shared-secret algorithm, which anyone holding the secret could mint', async () => {
    const hs256 = await token(new TextEncoder().encode('a-secret-of-at-least-32-bytes-long!!') as unknown as KeyLike, {}, { alg: 'HS256' });
    expect((await indicators(hs256)).status).toBe(401);
  });

  it('answers 403 to a valid token whose roles the route does not admit', async () => {
    expect((await indicators(await token(signing, { roles: ['recorder'] }))).status).toBe(403);
    expect((await indicators(await token(signing, { roles: [] }))).status).toBe(403);
  });

  it("records the token's subject as the actor of the events it writes", async () => {
    const response = await request(t.app.getHttpServer())
      .post('/v1/staff-members')
      .set('Authorization', `Bearer ${await token(signing, { roles: 'recorder' })}`)
      .send(staffMember('s-jwt', { occurredAt: AT }));
    expect(response.status).toBe(201);
    const [event] = (await readStream(t, 'staff-s-jwt')).events;
    expect(event.metadata.actor).toEqual({ userId: 'person-7f3a', role: 'recorder' });
  });
});

describe("people's signed tokens, verified against the identity provider's JWKS", () => {
  let t: TestApp;
  let jwks: Server;
  let signing: KeyLike;
  let available = false;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signing = pair.privateKey;
    const keys = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
    jwks = createServer((_, response) => {
      if (!available) return response.destroy();
      response.setHeader('content-type', 'application/json').end(JSON.stringify(keys));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    t = await startTestApp({ env: { AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE, AUTH_JWKS_URL: url } });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const indicators = async () => request(t.app.getHttpServer()).get('/v1/indicators').set('Authorization', `Bearer ${await token(signing, {}, { alg: 'RS256' })}`);

  it('answers 503, not 401, while the JWKS cannot be fetched: the token may well be valid', async () => {
    expect((await indicators()).status).toBe(503);
  });

  it('admits a token signed with a key the JWKS publishes once it can be fetched', async () => {
    available = true;
    expect((await indicators()).status).toBe(200);
  });
});
