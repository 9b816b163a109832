import { gzipSync } from 'node:zlib';
import { RawRequest } from './raw-http.fixture';

/**
 * Hostile requests generated from the OpenAPI document: the same seed gives the same requests on
 * every run, so a failure can be replayed from its index.
 */

type Random = () => number;

/** mulberry32: small, fast and the same sequence for the same seed everywhere. */
export const seeded = (seed: number): Random => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

export interface Schema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly minimum?: number;
  readonly properties?: Record<string, Schema>;
  readonly items?: Schema;
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
}

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
  readonly parameters: readonly { name: string; in: 'path' | 'query' | 'header' }[];
  /** The schema of the JSON body, when the operation takes one. */
  readonly body?: Schema;
}

export interface HostileRequest extends RawRequest {
  readonly label: string;
  /** Refused whatever the route: the answer must be a 4xx, not only below 500. */
  readonly malformed: boolean;
}

/** Ids that are not ids: traversal, encodings that decode to separators or nothing, operators, script. */
const HOSTILE_IDS = [
  '..%2F..%2Fetc%2Fpasswd', '..', '%2E%2E%2F%2E%2E%2F', '....%2F%2F....%2F%2Fetc', '%00', 'a%00b', '%FF%FE', '%C0%AF', '%25', '%2e',
  '%24where', '%7B%22%24gt%22%3A%22%22%7D', 'x'.repeat(300), '%C3%BC-%F0%9F%98%80', '%0D%0ASet-Cookie%3A%20x%3D1', '%27%20OR%201%3D1%20--',
  '1e309', 'NaN', '-1', '__proto__', 'constructor', '%3Cscript%3E', '%20', 'a%2Fb',
];

/** Query values, already encoded where they need to be. */
const HOSTILE_QUERY_VALUES = [
  '', '1e309', '-1e309', 'NaN', 'Infinity', '-1', '1.5', '5e-324', '0x10', '9007199254740993', '[]', '%7B%22%24gt%22%3A%22%22%7D', '%24where',
  '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(5000), '%00', '%FF%FE', '%C0%AF', '__proto__', 'true', '%E2%80%AE', '%0D%0A', '2010-02-30', 'June%2030%2C%202010',
];
const HOSTILE_QUERY_KEYS = ['__proto__', 'constructor', 'constructor%5Bprototype%5D%5Bx%5D', '__proto__%5Bx%5D', '%24where', '%24gt', 'a%5Bb%5D', '%00', 'x'.repeat(200)];

/** Header values an HTTP client will send (no CR, LF or NUL: those go in raw bytes). */
const HOSTILE_HEADER_VALUES = [
  '', ' ', 'x'.repeat(300), 'x'.repeat(9000), '\u00ff\u00fe', 'ü', '"-2"', 'W/"1"', '"1", "2"', '$where', '{"$gt":""}', '../../etc/passwd', 'a b', 'null', '1e309', '\t',
];

/** Values of the wrong type or shape for any field. */
const WRONG_VALUES: readonly unknown[] = [
  null, true, false, 0, -1, 1.5, 5e-324, 1e-7, 2 ** 53 + 1, '', ' ', [], [null], {}, { $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }, { $regex: '.*' },
  '../../etc/passwd', '\u202e', 'ü😀', '2010-02-30', '9999-12-31T23:59:59Z', [[[[]]]], 'x'.repeat(3000), Array.from({ length: 300 }, () => 'x'), '<script>alert(1)</script>',
];

/** Number literals as written in the body: those JSON.parse refuses or the body guard refuses as beyond a double, and those that parse. */
const REFUSED_NUMBERS = ['1e309', '-1e309', 'NaN', 'Infinity', '-Infinity', '01', '+1', '.5', '1.', '0x10', '1e400'];
const PARSED_NUMBERS = ['5e-324', '0.0000001', '1.5e-10', '2e-7', '1e-5', '1e21', '-0', '9007199254740993', '1.7976931348623157e308', '123456789012345678901234567890'];
const NOT_UTF8 = [[0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3], [0xe2, 0x82]];
const CONTROL = ['\\u0000', '\\u0007', '\\u001b[2J', '\\u007f', '\\u0085', '\\ud800', '\\udfff'];

const resolve = (schema: Schema, schemas: Record<string, Schema>): Schema => {
  const ref = schema.$ref ?? schema.allOf?.[0]?.$ref;
  return ref ? schemas[ref.split('/').pop()!] : schema;
};

/** A body of the operation's shape with plausible values, as a start to break. */
export const sampleBody = (schema: Schema, schemas: Record<string, Schema>, depth = 0): unknown => {
  const resolved = resolve(schema, schemas);
  if (resolved.enum) return resolved.enum[0];
  switch (resolved.type) {
    case 'object':
      return depth > 4 ? {} : Object.fromEntries(Object.entries(resolved.properties ?? {}).map(([name, property]) => [name, sampleBody(property, schemas, depth + 1)]));
    case 'array':
      return [sampleBody(resolved.items ?? {}, schemas, depth + 1)];
    case 'number':
    case 'integer':
      return resolved.example ?? resolved.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return resolved.example ?? (resolved.properties ? sampleBody({ ...resolved, type: 'object' }, schemas, depth) : 'x-1');
  }
};

/** The body as text with the values of some fields written as given (number literals, deep values, bytes to splice in). */
const withRaw = (body: Record<string, unknown>, raw: Record<string, string>) => {
  const entries = Object.entries(raw);
  const marked = JSON.stringify({ ...body, ...Object.fromEntries(entries.map(([name], i) => [name, `\u0000${i}\u0000`])) });
  return entries.reduce((text, [, value], i) => text.replace(JSON.stringify(`\u0000${i}\u0000`), () => value), marked);
};

const JSON_TYPE = { 'content-type': 'application/json' };

interface Body {
  readonly label: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | string;
}

/**
 * Bodies that break an operation's body. Each also carries an unknown `$where`, so that none can
 * be accepted even where it happens to fit every field: nothing may be written.
 */
const bodyFor = (random: Random, sample: Record<string, unknown>, validationReached: boolean): Body => {
  const fields = Object.keys(sample);
  const field = fields.length ? pick(random, fields) : 'x';
  const numeric = fields.filter((name) => typeof sample[name] === 'number');
  const base = { ...sample, $where: 'sleep(1000)' };
  const text = (value: unknown) => JSON.stringify(value);
  const numbers = (): Body => {
    const literals = validationReached && random() < 0.5 ? PARSED_NUMBERS : REFUSED_NUMBERS;
    const raw = Object.fromEntries((numeric.length ? numeric : [field]).map((name) => [name, pick(random, literals)]));
    return { label: `numbers ${JSON.stringify(raw)}`, headers: JSON_TYPE, body: withRaw(base, raw) };
  };
  // The first two get past the body guard: only where validation follows are they sure to be refused.
  const validated: (() => Body)[] = [
    () => {
      const broken = Object.fromEntries(fields.map((name) => [name, random() < 0.4 ? pick(random, WRONG_VALUES) : sample[name]]));
      return { label: 'wrong types', headers: JSON_TYPE, body: text({ ...broken, [field]: pick(random, WRONG_VALUES), $where: 'sleep(1000)' }) };
    },
    () => ({ label: 'operator injection', headers: JSON_TYPE, body: text({ ...base, [field]: pick(random, [{ $gt: '' }, { $ne: null }, { $in: [] }, { $where: '1' }, { $expr: {} }]) }) }),
  ];
  const guarded: (() => Body)[] = [
    numbers,
    () => {
      const key = pick(random, ['__proto__', 'constructor', 'prototype']);
      const where = random() < 0.5 ? `{"${key}":{"polluted":true},` : `{"${field}":{"${key}":{"polluted":true}},`;
      return { label: `${key} key`, headers: JSON_TYPE, body: where + text(base).slice(1) };
    },
    () => ({ label: 'deep nesting', headers: JSON_TYPE, body: random() < 0.5 ? withRaw(base, { [field]: '['.repeat(10_000) + ']'.repeat(10_000) }) : '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000) }),
    () => ({ label: 'huge body', headers: JSON_TYPE, body: random() < 0.1 ? text({ ...base, [field]: 'x'.repeat(1_100_000) }) : text({ ...base, [field]: 'x'.repeat(20_000) }) }),
    () => {
      const [before, after] = withRaw(base, { [field]: '"\u0001"' }).split('\u0001');
      return { label: 'not UTF-8', headers: JSON_TYPE, body: Buffer.concat([Buffer.from(before), Buffer.from(pick(random, NOT_UTF8)), Buffer.from(after)]) };
    },
    () => ({ label: 'control character', headers: JSON_TYPE, body: withRaw(base, { [field]: `"a${pick(random, CONTROL)}b"` }) }),
    () => ({ label: 'broken JSON', headers: JSON_TYPE, body: pick(random, [text(base).slice(0, -1), `${text(base)}}`, '{"a":1,}', "{'a':1}", '{"a":1 /* */}', 'null', '"text"', '[]', '{"a":"\\x41"}', `\uFEFF[${text(base)}]`]) }),
    () => {
      const [headers, body] = pick(random, [
        [{ 'content-type': 'application/json; charset=latin1' }, text(base)],
        [{ 'content-type': 'application/json; charset=utf-16le' }, Buffer.from(text(base), 'utf16le')],
        [{ 'content-type': 'text/plain' }, text(base)],
        [{ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1&__proto__[x]=1'],
        [{ 'content-type': 'multipart/form-data; boundary=x' }, '--x\r\n\r\n--x--'],
        [{ 'content-type': 'application/xml' }, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
        [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, text(base)],
        [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync('{"a":'.repeat(200_000))],
        [{ 'content-type': 'application/json', 'content-encoding': 'compress' }, text(base)],
        [{ 'content-type': 'application/json', 'content-encoding': 'gzip, br' }, gzipSync(text(base))],
        [{ 'content-type': 'application/json; foo=bar' }, text(base)],
        [{ 'content-type': '' }, text(base)],
      ] as [Record<string, string>, Buffer | string][]);
      return { label: `media type ${JSON.stringify(headers)}`, headers, body };
    },
  ];
  // Numbers weigh more where a body has numeric fields: their validation is where notation matters.
  const families = validationReached ? [...validated, ...guarded, ...(numeric.length ? [numbers, numbers] : [])] : guarded;
  return pick(random, families)();
};

const query = (random: Random, names: readonly string[]) => {
  const pairs = [
    ...names.filter(() => random() < 0.6).map((name) => `${name}=${pick(random, HOSTILE_QUERY_VALUES)}`),
    ...(random() < 0.3 ? [`${pick(random, HOSTILE_QUERY_KEYS)}=${pick(random, HOSTILE_QUERY_VALUES)}`] : []),
    ...(names.length && random() < 0.2 ? [`${names[0]}=1&${names[0]}=2`] : []),
  ];
  return pairs.length ? `?${pairs.join('&')}` : '';
};

/**
 * A hostile request for an operation, aimed at one part of it: the path, the query, the headers
 * or (mostly, where the operation takes one) the body, the other parts kept plausible so that the
 * aimed part is what gets checked. Path parameters are never real ids, so that no admin action or
 * erasure reaches an entity; the plausible ones only go with a body, which is always refused.
 */
export const hostileRequest = (operation: Operation, schemas: Record<string, Schema>, credentials: Record<string, string>, seed: number): HostileRequest => {
  const random = seeded(seed);
  const byKind = (kind: string) => operation.parameters.filter((parameter) => parameter.in === kind).map((parameter) => parameter.name);
  const aim = operation.body ? pick(random, ['body', 'body', 'body', 'body', 'body', 'path', 'header', 'query']) : pick(random, ['path', 'header', 'query', 'body']);
  const path = operation.path.replace(/\{[^}]+\}/g, () => (operation.body && aim !== 'path' ? `h-${Math.floor(random() * 100)}` : pick(random, HOSTILE_IDS)));
  const headers: Record<string, string> = { ...credentials };
  if (aim === 'header') {
    for (const name of byKind('header')) if (random() < 0.5) headers[name] = pick(random, HOSTILE_HEADER_VALUES);
    headers[pick(random, ['X-Actor-Id', 'X-Actor-Role', 'X-Forwarded-For', 'Host', 'Origin', 'Accept', 'If-Match'])] = pick(random, HOSTILE_HEADER_VALUES);
  }
  const sample = operation.body ? (sampleBody(operation.body, schemas) as Record<string, unknown>) : {};
  const body = operation.body || aim === 'body' ? bodyFor(random, sample, operation.body !== undefined) : undefined;
  return {
    method: operation.method.toUpperCase(),
    path: path + (aim === 'query' ? query(random, byKind('query')) : ''),
    headers: { ...headers, ...body?.headers },
    body: body?.body,
    label: `${operation.method.toUpperCase()} ${operation.path} #${seed} ${aim}: ${body?.label ?? ''}`,
    malformed: body !== undefined,
  };
};

/**
 * Header lines and framing no HTTP client sends: line breaks injected into a value, an actor
 * header smuggled in, request smuggling, broken chunks and request lines. Every one must be
 * refused, by Node's HTTP parser or by the api.
 */
export const rawRequests = (credential: string): string[] => {
  const post = (lines: string, body = '{}') => `POST /v1/staff-members HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: ${credential}\r\nContent-Type: application/json\r\n${lines}\r\n${body}`;
  const sized = (lines: string) => post(`Content-Length: 2\r\n${lines}`);
  return [
    sized('X-Correlation-Id: a\r\nX-Actor-Id: admin\r\n'),
    sized('X-Correlation-Id: a\rX-Actor-Id: admin\r\n'),
    sized('X-Correlation-Id: a\nX-Actor-Id: admin\r\n'),
    sized('X-Correlation-Id: a\u0000b\r\n'),
    sized('X-Correlation-Id: a\r\n continued\r\n'),
    sized('Bad Header: 1\r\n'),
    sized(': empty name\r\n'),
    sized(`X-Big: ${'x'.repeat(20_000)}\r\n`),
    post('Content-Length: 2\r\nContent-Length: 3\r\n'),
    post('Content-Length: 4\r\nTransfer-Encoding: chunked\r\n', '0\r\n\r\n'),
    post('Transfer-Encoding: chunked\r\n', 'zz\r\n{}\r\n0\r\n\r\n'),
    post('Transfer-Encoding: chunked\r\n', `${'f'.repeat(20)}\r\n{}\r\n0\r\n\r\n`),
    post('Transfer-Encoding: gzip, chunked\r\n', '2\r\n{}\r\n0\r\n\r\n'),
    post('Content-Length: -1\r\n'),
    post('Content-Length: 99999999999999999999\r\n'),
    post('Content-Length: 2\r\n', '{}GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n'),
    post('Content-Length: 100\r\n'),
    'GET /v1/ind icators HTTP/1.1\r\nHost: localhost\r\n\r\n',
    'GET /v1/\u0000 HTTP/1.1\r\nHost: localhost\r\n\r\n',
    `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
    'GET ../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n\r\n',
    'FOO /health HTTP/1.1\r\nHost: localhost\r\n\r\n',
    'GET /health HTTP/9.9\r\nHost: localhost\r\n\r\n',
  ];
};
