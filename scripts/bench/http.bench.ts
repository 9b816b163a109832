import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { SqliteApiKeyStore } from '@toc/runtime';
import { singleCommitCeiling } from './append.bench';
import { BenchResult } from './bench-result';

const PORT = 3917;
const API = resolve(__dirname, '../../apps/api/src/main.js');

/** The credentials of the internal app the load comes from, created in the data dir before the api starts. */
let headers: Record<string, string>;

const startApi = async (dataDir: string): Promise<ChildProcess> => {
  const keys = SqliteApiKeyStore.open(join(dataDir, 'access.sqlite'));
  headers = { 'content-type': 'application/json', 'x-api-key': (await keys.create({ name: 'bench', roles: ['recorder'] })).key, 'x-source-app': 'bench' };
  await keys.close();
  const child = spawn(process.execPath, [API], { env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), RATE_LIMIT: '0' }, stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the api did not start');
};

const areas = ['tingbjerg-husum', 'mjolnerparken', 'akacieparken', 'bispeparken'];

/**
 * Writers that share one stream without If-Match: every request records a use of the same
 * allocation. None contradicts another, so every one should be accepted, at the rate one stream
 * allows (each append waits for the one before it).
 */
const oneStream = async (connections: number, seconds: number): Promise<BenchResult[]> => {
  const allocation = { allocationId: 'bench-shared', resourceLine: 'R6', kind: 'budget', unit: 'dkk', amount: 100_000_000, periodStart: '2010-01-01', periodEnd: '2010-12-31', occurredAt: '2010-01-04T09:00:00+01:00' };
  const allocated = await fetch(`http://127.0.0.1:${PORT}/v1/resource-allocations`, { method: 'POST', headers, body: JSON.stringify(allocation) });
  if (allocated.status !== 201) throw new Error(`allocating the shared resource failed with ${allocated.status}`);
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', path: '/v1/resource-allocations/bench-shared/uses', headers, body: JSON.stringify({ amount: 1, occurredAt: '2010-03-01T10:00:00+01:00' }) }],
  });
  const accepted = result['2xx'];
  const notes = `${connections} connections on one stream (each command waits for the commit before it: compare single-event appends), ${result.duration} s, ${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors`;
  return [
    { suite: 'http', name: 'one stream: share of non-conflicting commands accepted', value: (100 * accepted) / Math.max(1, accepted + result.non2xx), unit: '%', target: { value: 100, better: 'higher' }, notes },
    { suite: 'http', name: 'one stream: commands per second (POST …/uses)', value: result.requests.average, unit: 'req/s', notes },
    { suite: 'http', name: 'one stream: latency p99', value: result.latency.p99, unit: 'ms', notes },
  ];
};

/**
 * The HTTP command path under concurrent load, on the embedded default (api and projector in one
 * process on SQLite, fsync on every commit): every request registers a new association.
 */
export async function benchHttp(options: { connections?: number; seconds?: number } = {}): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'toc-http-bench-'));
  const child = await startApi(dataDir);
  let counter = 0;
  try {
    const result = await autocannon({
      url: `http://127.0.0.1:${PORT}`,
      connections: options.connections ?? 32,
      duration: options.seconds ?? 20,
      requests: [
        {
          method: 'POST',
          path: '/v1/associations',
          headers,
          setupRequest: (request) => {
            const id = `bench-${++counter}`;
            return {
              ...request,
              body: JSON.stringify({
                associationId: id,
                name: `Forening ${id}`,
                housingArea: areas[counter % areas.length],
                associationType: 'cultural',
                sizeBand: '11-50',
                occurredAt: '2010-03-01T10:00:00+01:00',
              }),
            };
          },
        },
      ],
    });
    const connections = options.connections ?? 32;
    const notes = `${connections} connections, ${result.duration} s, ${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors`;
    const ceiling = await singleCommitCeiling();
    return [
      { suite: 'http', name: 'commands per second (POST /v1/associations)', value: result.requests.average, unit: 'req/s', target: { value: 2000, better: 'higher' }, notes },
      {
        suite: 'http',
        name: "commands per second as % of the disk's single-commit ceiling",
        value: Math.round((1000 * result.requests.average) / ceiling) / 10,
        unit: '%',
        notes: `ceiling measured right after, same run: ${Math.round(ceiling).toLocaleString('en-US')} appends/s, each waiting for its own fsync'd commit (raw better-sqlite3, synchronous=FULL); group commit lets commands share commits`,
      },
      { suite: 'http', name: 'latency p50', value: result.latency.p50, unit: 'ms', notes },
      { suite: 'http', name: 'latency p99', value: result.latency.p99, unit: 'ms', target: { value: 50, better: 'lower' }, notes },
      ...(await oneStream(connections, 10)),
    ];
  } finally {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) benchHttp().then((results) => console.table(results));
