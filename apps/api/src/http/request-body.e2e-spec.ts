import { gzipSync } from 'node:zlib';
import { TestApp, authHeaders, startTestApp } from '../../../../test/api.harness';
import { AT, staffMember } from '../../../../test/command-assertions';
import { json, listen, send } from './raw-http.fixture';

const JSON_TYPE = { 'content-type': 'application/json' };
const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const withBytes = (before: string, bytes: number[], after: string) => Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
const staff = JSON.stringify(staffMember('s-1'));
const use = (hours: string) => `{"occurredAt":"${AT}","hours":${hours}}`;

/** [case, path, headers, body, status, field, rule]: every request is refused before anything is written. */
const refusals: [string, string, Record<string, string>, Buffer | string, number, string, string][] = [
  ['a body over MAX_BODY_BYTES', '/v1/staff-members', JSON_TYPE, JSON.stringify({ ...staffMember('s-1'), name: 'x'.repeat(1_100_000) }), 413, 'body', 'maxBytes'],
  ['a gzip body that inflates beyond MAX_BODY_BYTES', '/v1/staff-members', { ...JSON_TYPE, 'content-encoding': 'gzip' }, gzipSync(`{"name":"${'x'.repeat(20_000_000)}"}`), 413, 'body', 'maxBytes'],
  ['JSON in latin1', '/v1/staff-members', { 'content-type': 'application/json; charset=latin1' }, staff, 415, 'header:Content-Type', 'isUtf8'],
  ['JSON in UTF-16', '/v1/staff-members', { 'content-type': 'application/json; charset=utf-16' }, staff, 415, 'header:Content-Type', 'isUtf8'],
  ['a form instead of JSON', '/v1/staff-members', { 'content-type': 'application/x-www-form-urlencoded' }, 'staffId=s-1', 415, 'header:Content-Type', 'isJson'],
  ['JSON sent as text/plain', '/v1/staff-members', { 'content-type': 'text/plain' }, staff, 415, 'header:Content-Type', 'isJson'],
  ['a body without a Content-Type', '/v1/staff-members', {}, staff, 415, 'header:Content-Type', 'isJson'],
  ['Content-Encoding: gzip on a body that is not gzip', '/v1/staff-members', { ...JSON_TYPE, 'content-encoding': 'gzip' }, staff, 400, 'header:Content-Encoding', 'matchesBody'],
  ['an unsupported Content-Encoding', '/v1/staff-members', { ...JSON_TYPE, 'content-encoding': 'compress' }, staff, 415, 'header:Content-Encoding', 'isIn'],
  ['JSON that does not parse', '/v1/staff-members', JSON_TYPE, '{"staffId":', 400, 'body', 'isJson'],
  ['a JSON array instead of an object', '/v1/staff-members', JSON_TYPE, `[${staff}]`, 400, 'body', 'isObject'],
  ['10,000 levels of nesting', '/v1/staff-members', JSON_TYPE, `{"role":${deep(10_000)}}`, 400, `role${'.a'.repeat(31)}`, 'maxDepth'],
  ['10,000 levels of nested arrays', '/v1/staff-members', JSON_TYPE, `{"role":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 400, `role${'[0]'.repeat(31)}`, 'maxDepth'],
  ['an object of 1,000 fields', '/v1/staff-members', JSON_TYPE, JSON.stringify({ ...staffMember('s-1'), correction: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, i])) }), 400, 'correction', 'maxProperties'],
  ['a list of 100,000 items', '/v1/workshops', JSON_TYPE, JSON.stringify({ occurredAt: AT, participantStaffIds: Array.from({ length: 100_000 }, () => 's') }), 400, 'participantStaffIds', 'maxItems'],
  ['a string of 20,000 characters', '/v1/staff-members', JSON_TYPE, JSON.stringify(staffMember('s-1', { employer: 'x'.repeat(20_000) })), 400, 'employer', 'maxLength'],
  ['a __proto__ key', '/v1/staff-members', JSON_TYPE, `{"__proto__":{"isAdmin":true},${staff.slice(1)}`, 400, '__proto__', 'unknownField'],
  ['a constructor.prototype key', '/v1/staff-members', JSON_TYPE, `{"constructor":{"prototype":{"isAdmin":true}},${staff.slice(1)}`, 400, 'constructor', 'unknownField'],
  ['a nested prototype key', '/v1/staff-members', JSON_TYPE, JSON.stringify(staffMember('s-1', { correction: { prototype: {}, eventId: 'e', reason: 'r' } })), 400, 'correction.prototype', 'unknownField'],
  ['bytes that are not UTF-8 in a string', '/v1/staff-members', JSON_TYPE, withBytes('{"staffId":"s-', [0xff, 0xfe], '"}'), 400, 'staffId', 'isUtf8'],
  ['an overlong UTF-8 encoding of "/"', '/v1/staff-members', JSON_TYPE, withBytes('{"staffId":"..', [0xc0, 0xaf], '"}'), 400, 'staffId', 'isUtf8'],
  ['an unpaired surrogate escape', '/v1/staff-members', JSON_TYPE, '{"staffId":"s-\\ud800"}', 400, 'staffId', 'isUtf8'],
  ['a control character in a string', '/v1/staff-members', JSON_TYPE, '{"staffId":"s-\\u0007"}', 400, 'staffId', 'noControlCharacters'],
  ['a control character in a field name', '/v1/staff-members', JSON_TYPE, '{"staff\\u0000Id":"s-1"}', 400, 'body', 'noControlCharacters'],
  ['hours of 5e-324, 324 decimals', '/v1/resource-allocations/r-1/uses', JSON_TYPE, use('5e-324'), 400, 'hours', 'isNumber'],
  ['hours of 0.0000001, written out', '/v1/resource-allocations/r-1/uses', JSON_TYPE, use('0.0000001'), 400, 'hours', 'isNumber'],
  ['hours of 1e309, beyond a double', '/v1/resource-allocations/r-1/uses', JSON_TYPE, use('1e309'), 400, 'hours', 'isFinite'],
  ['hours of -1e309', '/v1/resource-allocations/r-1/uses', JSON_TYPE, use('-1e309'), 400, 'hours', 'isFinite'],
];

describe('request bodies: bounded, UTF-8 JSON only, refused with a problem naming the field and the rule', () => {
  let t: TestApp;
  let port: number;
  let recorder: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    port = await listen(t);
    recorder = authHeaders(t, 'recorder');
  });
  afterAll(() => t.close());

  const post = (path: string, headers: Record<string, string>, body: Buffer | string) => send(port, { method: 'POST', path, headers: { ...recorder, ...headers }, body });

  it.each(refusals)('refuses %s and writes nothing', async (_case, path, headers, body, status, field, rule) => {
    const head = await t.runtime.events.headPosition();
    const response = await post(path, headers, body);
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status, type: 'application/problem+json; charset=utf-8' });
    expect(json(response)).toMatchObject({ status, statusCode: status, errors: expect.arrayContaining([expect.objectContaining({ field, rule })]) });
    expect(await t.runtime.events.headPosition()).toBe(head);
  });

  it('refuses a body over a configured MAX_BODY_BYTES with 413, and takes one under it', async () => {
    const small = await startTestApp({ env: { MAX_BODY_BYTES: '2048' } });
    try {
      const over = await small.http.post('/v1/staff-members').send(staffMember('s-1', { employer: 'x'.repeat(3000) }));
      expect({ status: over.status, errors: over.body.errors }).toEqual({ status: 413, errors: [{ field: 'body', rule: 'maxBytes', message: 'body must be at most 2048 bytes' }] });
      expect((await small.http.post('/v1/staff-members').send(staffMember('s-1'))).status).toBe(201);
    } finally {
      await small.close();
    }
  });

  it('takes a gzip body and a charset=utf-8 body, and reads a tab and a line break in text as text', async () => {
    const gzipped = await post('/v1/staff-members', { ...JSON_TYPE, 'content-encoding': 'gzip' }, gzipSync(staff));
    const utf8 = await post('/v1/staff-members', { 'content-type': 'Application/JSON; charset="UTF-8"' }, JSON.stringify(staffMember('s-2')));
    const reason = 'first line\n\tsecond line';
    const corrected = await post('/v1/staff-members/s-2/corrections', JSON_TYPE, JSON.stringify({ occurredAt: AT, role: 'manager', reason }));
    expect([gzipped.status, utf8.status, corrected.status]).toEqual([201, 201, 201]);
  });
});
