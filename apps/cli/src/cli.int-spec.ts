import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import Database from 'better-sqlite3';
import { IndicatorView, RETRACT_RECORD, indicatorCatalogue, taskForceIntegration2010 } from '@toc/domain';
import { CommandService } from '@toc/event-store';
import { CORRECTION_RECORDED_AT, DEMO_NOW, Runtime, loadConfig, seedDemo } from '@toc/runtime';
import { UsageError } from './args';
import * as commands from './commands';

/**
 * The CLI as an evaluator or administrator runs it: every invocation opens the runtime on the
 * data directory, runs one command and closes again, as main.ts does; what the command prints
 * and the files it writes are what is checked. Expected figures come from docs/demo.md.
 */

jest.setTimeout(60_000);

/** The demo programme: 661 commands, 662 events (the correction appends a retraction and a replacement). */
const DEMO_COMMANDS = 661;
const DEMO_EVENTS = 662;
const PROGRAMME = { periodType: 'programme', period: 'programme' } as const;

let stdout: string[] = [];
let stderr: string[] = [];
let isTtyDescriptor: PropertyDescriptor | undefined;

beforeEach(() => {
  stdout = [];
  stderr = [];
  isTtyDescriptor = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void stdout.push(`${format(...args)}\n`));
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void stderr.push(`${format(...args)}\n`));
});

afterEach(() => {
  jest.restoreAllMocks();
  if (isTtyDescriptor) Object.defineProperty(process.stdout, 'isTTY', isTtyDescriptor);
  else delete (process.stdout as { isTTY?: boolean }).isTTY;
  process.exitCode = undefined;
});

const openRuntime = (dataDir: string) => Runtime.open(loadConfig({ DATA_DIR: dataDir }));

/** Opens the runtime on the data directory for one piece of work, as each CLI process does. */
const withRuntime = async <T>(dataDir: string, work: (runtime: Runtime) => Promise<T>): Promise<T> => {
  const runtime = await openRuntime(dataDir);
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
};

/** One CLI invocation; returns what it printed. */
const cli = async (dataDir: string, command: (runtime: Runtime) => Promise<unknown>): Promise<string> => {
  const from = stdout.length;
  await withRuntime(dataDir, command);
  return stdout.slice(from).join('');
};

const lines = (text: string) => text.split(/\r?\n/).filter((line) => line !== '');

/** Runs the programme projection in a process of its own until it has applied every event. */
const projectToHead = (dataDir: string) =>
  cli(dataDir, async (runtime) => {
    await runtime.startProjector();
    await runtime.projector.waitFor(await runtime.events.headPosition());
    await runtime.replayIndex.catchUp();
  });

/** The live indicator values, read as the api reads them. */
const indicators = (dataDir: string, query: { periodType: 'programme' | 'quarter'; period: string } = PROGRAMME) =>
  withRuntime(dataDir, async (runtime) => (await runtime.indicators.at())(query));

const view = (views: readonly IndicatorView[], code: string) => {
  const found = views.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
};

const cell = (views: readonly IndicatorView[], code: string, dimension: string, value: string) => {
  const found = view(views, code).breakdowns[dimension]?.find((candidate) => candidate.value === value);
  if (!found) throw new Error(`no cell ${dimension}=${value} of ${code}`);
  return found;
};

/** Splits a CSV text that has no quoted line breaks into rows of fields (quotes are kept where used). */
const csvRows = (text: string, separator: string) =>
  text.replace(/^\uFEFF/, '').split('\r\n').filter((row) => row !== '').map((row) => row.split(separator));

describe('the CLI on the seeded demo programme', () => {
  let dataDir: string;
  let firstSeedOutput: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'toc-cli-'));
    // Seeded once for every test here; what the first seed printed is checked by the seed test.
    const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void stdout.push(`${format(...args)}\n`));
    try {
      firstSeedOutput = await cli(dataDir, commands.seed);
    } finally {
      log.mockRestore();
    }
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seed records the demo and prints the counts; seeding again appends nothing', async () => {
    expect(firstSeedOutput).toBe(`demo programme seeded: ${DEMO_COMMANDS} commands, store head at position ${DEMO_EVENTS}\n`);

    const again = await cli(dataDir, commands.seed);
    expect(again).toBe(firstSeedOutput);
    const { head, events } = await withRuntime(dataDir, async (runtime) => ({
      head: await runtime.events.headPosition(),
      events: await runtime.events.readAll({ after: 0, limit: 10_000 }),
    }));
    expect(head).toBe(DEMO_EVENTS);
    expect(events).toHaveLength(DEMO_EVENTS);
  });

  it('status prints version, build, checkpoint/head and state, before and after the projector has run', async () => {
    const { name, version } = await withRuntime(dataDir, async (runtime) => runtime.programme);

    const before = await cli(dataDir, commands.status);
    expect(before).toMatch(new RegExp(`^${name} v${version} build 1: catching-up, checkpoint 0/${DEMO_EVENTS}, lag ${DEMO_EVENTS} events \\(\\d+\\.\\d s\\)\\n  replay index: not built yet\\n$`));

    await projectToHead(dataDir);
    const after = await cli(dataDir, commands.status);
    expect(after).toBe(`${name} v${version} build 1: live, checkpoint ${DEMO_EVENTS}/${DEMO_EVENTS}, lag 0 events (0.0 s)\n  replay index: position ${DEMO_EVENTS}, lag 0 events\n`);
  });

  it('rebuild (without --api) shows a progress bar, ends with build 2 live, and leaves every figure as it was', async () => {
    await projectToHead(dataDir);
    const beforeProgramme = await indicators(dataDir);
    const beforeQuarter = await indicators(dataDir, { periodType: 'quarter', period: '2010-Q3' });
    expect(view(beforeProgramme, 'RES-STAFF-TIME').total.result).toBe(3862);

    Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
    const printed = lines(await cli(dataDir, (runtime) => commands.rebuild(runtime, 'programme', {})));

    const bars = printed.filter((line) => line.startsWith('['));
    expect(bars.length).toBeGreaterThanOrEqual(1);
    for (const bar of bars) expect(bar).toMatch(/^\[[#.]{30}\] +\d{1,3}\.\d % build 2/);
    const percents = bars.map((bar) => Number(/\] +([\d.]+) %/.exec(bar)![1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(bars[bars.length - 1]).toBe(`[${'#'.repeat(30)}] 100.0 % build 2 live`);
    expect(printed[printed.length - 2]).toMatch(new RegExp(`build 2: live, checkpoint ${DEMO_EVENTS}/${DEMO_EVENTS}, lag 0 events`));
    // The new build's replay index is built before the command ends, so replays are fast at once.
    expect(printed[printed.length - 1]).toBe(`  replay index: position ${DEMO_EVENTS}, lag 0 events`);

    expect(await cli(dataDir, commands.status)).toMatch(/ build 2: live, /);
    expect(await indicators(dataDir)).toEqual(beforeProgramme);
    expect(await indicators(dataDir, { periodType: 'quarter', period: '2010-Q3' })).toEqual(beforeQuarter);
  });

  it('rebuild refuses a projection it does not know', async () => {
    await expect(cli(dataDir, (runtime) => commands.rebuild(runtime, 'nonsense', {}))).rejects.toThrow(new UsageError('unknown projection nonsense; known: programme'));
  });

  describe('reading the figures', () => {
    beforeAll(() => projectToHead(dataDir));

    it('replay --format table prints a row per indicator with the programme values of docs/demo.md', async () => {
      const printed = lines(await cli(dataDir, (runtime) => commands.replay(runtime, { format: 'table' })));
      const [header, rule, ...rows] = printed;
      expect(header.split(/\s{2,}/)).toEqual(['code', 'node', 'indicator', 'value', 'target', 'progress']);
      expect(rule).toMatch(/^[- ]+$/);
      expect(rows.map((row) => row.split(' ')[0])).toEqual(indicatorCatalogue.map((indicator) => indicator.code));

      const valueOf = (code: string) => rows.find((row) => row.startsWith(`${code} `))!.split(/\s{2,}/)[3];
      expect(valueOf('RES-STAFF-TIME')).toBe('3.862');
      expect(valueOf('RES-BUDGET')).toBe('122.500');
      expect(valueOf('PRD-REPRESENTATIVES-TRAINED')).toBe('41');
      expect(valueOf('RSL-NETWORK-MEMBERS')).toBe('63');
      expect(valueOf('LT-FORUM-INPUTS')).toBe('12');
      expect(valueOf('MED-CAPACITY-CHANGE')).toBe('0,85');
      expect(valueOf('ACT-ASSESSMENT-COVERAGE')).toBe('90 %');
      expect(valueOf('PRD-ASSOCIATIONS-ENROLLED')).toBe('31');
      expect(valueOf('PRD-WORKSHOPS-HELD')).toBe('12');
      expect(valueOf('PRD-CROSS-GROUP-STAFF')).toBe('39');
      expect(valueOf('MED-CAPACITY-AT-BASELINE')).toBe('2,59');
      expect(valueOf('LT-FORUM-SEATS-TAKEN')).toBe('51');
      // Seats left: 6 against a baseline of 8 and a target of 4 to decrease to, half way.
      const seatsLeft = rows.find((row) => row.startsWith('LT-FORUM-SEATS-LEFT '))!.split(/\s{2,}/);
      expect([seatsLeft[3], seatsLeft[5]]).toEqual(['6', '50 %']);
    });

    it('replay --format table of a quarter shows that quarter, and withholds small groups', async () => {
      const printed = await cli(dataDir, (runtime) => commands.replay(runtime, { 'period-type': 'quarter', period: '2010-Q2' }));
      const valueOf = (code: string) => lines(printed).find((row) => row.startsWith(`${code} `))!.split(/\s{2,}/)[3];
      expect(valueOf('RES-STAFF-TIME')).toBe('639');
      expect(valueOf('PRD-CROSS-GROUP-PARTICIPANTS')).toBe('143');
      expect(valueOf('PRD-ASSOCIATIONS-COMPLETED')).toBe('withheld');
      expect(valueOf('PRD-ASSOCIATIONS-ENROLLED')).toBe('5');
      expect(valueOf('PRD-CROSS-GROUP-ASSOCIATIONS')).toBe('13');
    });

    it('replay --format csv writes Danish Excel CSV: BOM, semicolons and a decimal comma', async () => {
      const text = await cli(dataDir, (runtime) => commands.replay(runtime, { format: 'csv' }));
      expect(text.startsWith('\uFEFFcode;node;name_da;name_en;unit;periodType;period;dimension;value;numerator;denominator;subjects;result;suppressed;baseline;target\r\n')).toBe(true);
      const rows = csvRows(text, ';');
      const views = await indicators(dataDir);
      expect(rows).toHaveLength(1 + views.reduce((sum, v) => sum + 1 + Object.values(v.breakdowns).flat().length, 0));

      const result = (code: string, dimension: string, value: string) =>
        rows.find((row) => row[0] === code && row[7] === dimension && row[8] === value)![12];
      expect(result('MED-CAPACITY-CHANGE', 'total', '*')).toBe('0,85');
      expect(result('MED-CAPACITY-CHANGE', 'capacityDomain', 'networks-and-influence')).toBe('1,6');
      expect(result('RES-STAFF-TIME', 'total', '*')).toBe('3862');
      expect(result('RES-STAFF-TIME', 'resourceLine', 'R1')).toBe('2886');
    });

    it('replay --format csv --separator , writes plain CSV with a decimal point', async () => {
      const rows = csvRows(await cli(dataDir, (runtime) => commands.replay(runtime, { format: 'csv', separator: ',' })), ',');
      expect(rows[0].slice(0, 3)).toEqual(['code', 'node', 'name_da']);
      expect(rows.find((row) => row[0] === 'MED-CAPACITY-CHANGE' && row[7] === 'total')![12]).toBe('0.85');
    });

    it('audit --stream prints the entries of the stream with their amendments', async () => {
      const printed = lines(await cli(dataDir, (runtime) => commands.audit(runtime, { stream: 'course-c2-mjolnerparken' })));
      expect(printed.length).toBeGreaterThan(5);
      for (const line of printed) expect(line).toMatch(/^ +\d+ \d{4}-\d\d-\d\dT\S+ \S+\/\S+ course-c2-mjolnerparken \w+ \(occurred \S+\)/);

      const sessions = printed.filter((line) => line.includes(' CourseSessionHeld '));
      expect(sessions).toHaveLength(4);
      const corrected = sessions.filter((line) => line.includes('[correction by'));
      expect(corrected).toEqual([
        expect.stringContaining(
          `(occurred 2010-09-27T16:00:00.000Z) [correction by tfi-trainer-04 at ${CORRECTION_RECORDED_AT}: attendance sheet re-checked: rep-a11-1 attended and was left out]`,
        ),
      ]);
      expect(printed.filter((line) => line.includes(' RecordRetracted '))).toHaveLength(1);
      const positions = printed.map((line) => Number(line.trim().split(' ')[0]));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });

    it('audit --occurred-from and --occurred-to given as the same date list the whole of that Copenhagen day', async () => {
      const printed = lines(await cli(dataDir, (runtime) => commands.audit(runtime, { stream: 'course-c2-mjolnerparken', 'occurred-from': '2010-09-27', 'occurred-to': '2010-09-27' })));
      const occurred = printed.map((line) => /\(occurred (\S+)\)/.exec(line)![1]);
      expect(occurred).toContain('2010-09-27T16:00:00.000Z');
      // 27 September in Copenhagen (summer time) runs from 22:00 UTC the day before to 22:00 UTC.
      for (const at of occurred) expect(at >= '2010-09-26T22:00:00.000Z' && at < '2010-09-27T22:00:00.000Z').toBe(true);
    });

    it('replay --as-of a date replays at the last millisecond of that day in Copenhagen', async () => {
      const replayed = async (asOf: string) => JSON.parse(await cli(dataDir, (runtime) => commands.replay(runtime, { format: 'json', 'as-of': asOf })));
      const byDate = await replayed('2010-12-31');
      expect(byDate.asOf).toBe('2010-12-31T22:59:59.999Z');
      expect(byDate.indicators).toEqual((await replayed('2010-12-31T23:59:59.999+01:00')).indicators);
    });

    it('audit shows a plain retraction, and pages with --limit and --after', async () => {
      const printed = await cli(dataDir, (runtime) => commands.audit(runtime, { stream: 'forum-f2', types: 'ForumInputGiven, RecordRetracted' }));
      expect(lines(printed).filter((line) => line.includes('[retraction by tfi-coord-02'))).toEqual([
        expect.stringMatching(/ForumInputGiven \(occurred 2011-02-08T10:30:00\.000Z\) \[retraction by tfi-coord-02 at \S+: duplicate entry of input i08\]$/),
      ]);

      const first = lines(await cli(dataDir, (runtime) => commands.audit(runtime, { limit: '3' })));
      expect(first).toHaveLength(4);
      expect(first[3]).toBe('more: --after 3');
      const next = lines(await cli(dataDir, (runtime) => commands.audit(runtime, { limit: '3', after: '3' })));
      expect(next.slice(0, 3).map((line) => Number(line.trim().split(' ')[0]))).toEqual([4, 5, 6]);
    });

    it('export events --format csv --out writes one line per event under a header, with a BOM', async () => {
      const file = join(dataDir, 'events.csv');
      const printed = await cli(dataDir, (runtime) => commands.exportData(runtime, 'events', { format: 'csv', out: file }));
      expect(printed).toBe('');
      expect(stderr.join('')).toContain(`written to ${file}`);

      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('\uFEFFposition;streamId;revision;eventId;type;schemaVersion;occurredAt;recordedAt;actorUserId;actorRole;')).toBe(true);
      const records = text.slice(1).split('\r\n').filter((line) => line !== '');
      expect(records).toHaveLength(1 + DEMO_EVENTS);
      expect(records.slice(1).map((line) => Number(line.split(';')[0]))).toEqual(Array.from({ length: DEMO_EVENTS }, (_, i) => i + 1));
      expect(records.filter((line) => line.split(';')[4] === 'RecordRetracted')).toHaveLength(2);
    });

    it('export events --format ndjson writes one JSON object per event, and filters like audit', async () => {
      const file = join(dataDir, 'events.ndjson');
      await cli(dataDir, (runtime) => commands.exportData(runtime, 'events', { format: 'ndjson', out: file }));
      const entries = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(entries).toHaveLength(DEMO_EVENTS);
      expect(entries.map((entry) => entry.position)).toEqual(Array.from({ length: DEMO_EVENTS }, (_, i) => i + 1));
      const replacement = entries.find((entry) => entry.type === 'CourseSessionHeld' && entry.amends !== null);
      expect(replacement.data.attendeeIds).toContain('rep-a11-1');
      expect(entries.find((entry) => entry.eventId === replacement.amends).amendedBy).toEqual([
        expect.objectContaining({ kind: 'correction', replacementEventId: replacement.eventId }),
      ]);

      const toStdout = await cli(dataDir, (runtime) => commands.exportData(runtime, 'events', { stream: 'forum-f2' }));
      const streamIds = new Set(lines(toStdout).map((line) => JSON.parse(line).streamId));
      expect([...streamIds]).toEqual(['forum-f2']);
    });

    it('export events --out into a directory that does not exist fails instead of crashing', async () => {
      const file = join(dataDir, 'missing', 'events.csv');
      await expect(cli(dataDir, (runtime) => commands.exportData(runtime, 'events', { format: 'csv', out: file }))).rejects.toThrow(/ENOENT/);
    });

    it('export indicators --out writes the indicator CSV for Excel', async () => {
      const file = join(dataDir, 'indicators.csv');
      await cli(dataDir, (runtime) => commands.exportData(runtime, 'indicators', { out: file }));
      expect(stderr.join('')).toContain(`written to ${file}`);
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('\uFEFFcode;node;')).toBe(true);
      const rows = csvRows(text, ';');
      expect(rows.find((row) => row[0] === 'MED-CAPACITY-CHANGE' && row[7] === 'total')![12]).toBe('0,85');
      expect(rows.find((row) => row[0] === 'LT-FORUM-INPUTS' && row[7] === 'total')![12]).toBe('12');

      const pointFile = join(dataDir, 'indicators-point.csv');
      await cli(dataDir, (runtime) => commands.exportData(runtime, 'indicators', { out: pointFile, separator: ',', decimal: 'point', 'period-type': 'quarter', period: '2011-Q1' }));
      const pointRows = csvRows(readFileSync(pointFile, 'utf8'), ',');
      const total = pointRows.find((row) => row[0] === 'MED-CAPACITY-CHANGE' && row[7] === 'total')!;
      expect(total.slice(5, 7)).toEqual(['quarter', '2011-Q1']);
      expect(total[12]).toBe('0.875');
    });

    it('report --out writes a self-contained HTML report with the model title and data-quality notes', async () => {
      const file = join(dataDir, 'report.html');
      await cli(dataDir, (runtime) => commands.report(runtime, { out: file }));
      expect(stderr.join('')).toContain(`written to ${file}`);
      const html = readFileSync(file, 'utf8');
      expect(html).toMatch(/^<!doctype html>/i);
      expect(html).toContain(taskForceIntegration2010.title.da);
      expect(html).toContain(taskForceIntegration2010.title.en);
      expect(html).toContain('Datakvalitet');
      expect(html).toContain(`${DEMO_EVENTS} registreringer i alt.`);
      expect(html).toContain('1 rettede og 1 tilbagetrukne registreringer');
    });

    /** The command fails with a UsageError whose message matches, before it prints anything. */
    const refused = async (command: (runtime: Runtime) => Promise<unknown>, message: string | RegExp) => {
      const failure = cli(dataDir, command);
      await expect(failure).rejects.toBeInstanceOf(UsageError);
      await expect(failure).rejects.toThrow(message);
      expect(stdout.join('')).toBe('');
    };

    it('refuses bad flags with a usage error that names the flag', async () => {
      await refused((runtime) => commands.replay(runtime, { format: 'xml' }), '--format must be one of table, csv, json, got "xml"');
      await refused((runtime) => commands.exportData(runtime, 'events', { format: 'xml' }), '--format must be one of ndjson, csv, got "xml"');
      await refused((runtime) => commands.diff(runtime, { format: 'xml' }), '--format must be one of text, json, got "xml"');
      await refused((runtime) => commands.replay(runtime, { 'known-at': 'yesterday' }), '--known-at must be an ISO-8601 date or time, got "yesterday"');
      await refused((runtime) => commands.diff(runtime, { 'from-as-of': '2010-13-45' }), /^--from-as-of must be an ISO-8601/);
      await refused((runtime) => commands.replay(runtime, { 'as-of': 'June 30, 2010' }), /^--as-of must be an ISO-8601 date or time, got "June 30, 2010": a time with its offset/);
      await refused((runtime) => commands.diff(runtime, { 'to-known-at': '2010-12-31T10:00' }), /^--to-known-at must be an ISO-8601 date or time, got "2010-12-31T10:00"/);
      await refused((runtime) => commands.audit(runtime, { 'occurred-to': '2010-12-31 10:00:00Z' }), /^--occurred-to must be an ISO-8601/);
      await refused((runtime) => commands.replay(runtime, { 'period-type': 'month' }), /^--period-type must be one of quarter, half-year, year, programme/);
      await refused((runtime) => commands.replay(runtime, { format: 'csv', separator: '|' }), /^--separator must be one of ;, ,/);
      await refused((runtime) => commands.exportData(runtime, 'indicators', { decimal: 'dot' }), '--decimal must be one of comma, point, got "dot"');
      await refused((runtime) => commands.audit(runtime, { after: 'abc' }), /^--after must be a whole number/);
      await refused((runtime) => commands.audit(runtime, { limit: '0' }), /^--limit must be a whole number from 1/);
      await refused((runtime) => commands.audit(runtime, { 'recorded-from': 'soon' }), /^--recorded-from must be an ISO-8601/);
      await refused((runtime) => commands.exportData(runtime, 'people', {}), 'export what? events or indicators');
    });

    it('refuses a period that does not fit its period type instead of showing empty figures', async () => {
      await refused((runtime) => commands.replay(runtime, { 'period-type': 'quarter' }), '--period-type quarter needs --period, e.g. --period 2010-Q3');
      await refused((runtime) => commands.report(runtime, { 'period-type': 'year', period: '2010-Q3' }), '--period must be a year such as 2010 for --period-type year, got "2010-Q3"');
      await refused((runtime) => commands.exportData(runtime, 'indicators', { period: '2010' }), /^--period must be a programme/);
    });
  });

  describe('verify', () => {
    it('prints ok and the head to keep on an intact store, and BROKEN with exit code 2 once a row has been altered', async () => {
      const printed = lines(await cli(dataDir, (runtime) => commands.verify(runtime, {})));
      expect(printed[0]).toBe(`ok: ${DEMO_EVENTS} events, hash chain intact`);
      expect(printed[1]).toMatch(new RegExp(`^head ${DEMO_EVENTS}:[0-9a-f]{64} \\(keep it elsewhere; check later with --anchor\\)$`));
      expect(process.exitCode).toBeUndefined();
      const head = printed[1].split(' ')[1];
      expect(lines(await cli(dataDir, (runtime) => commands.verify(runtime, { anchor: head })))[1]).toBe(`anchor ${DEMO_EVENTS}: matches, nothing up to it was rewritten or removed`);
      expect(process.exitCode).toBeUndefined();
      await expect(cli(dataDir, (runtime) => commands.verify(runtime, { anchor: '12:abc' }))).rejects.toThrow(/^--anchor must be position:hash/);

      const db = new Database(join(dataDir, 'events.sqlite'));
      try {
        const row = db.prepare('SELECT stream_id, event_id FROM events WHERE position = 100').get() as { stream_id: string; event_id: string };
        expect(db.prepare(`UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE position = 100`).run().changes).toBe(1);
        const broken = lines(await cli(dataDir, (runtime) => commands.verify(runtime, {})));
        expect(broken[0]).toBe(`BROKEN at position 100 (${row.stream_id}, event ${row.event_id}): hash does not match the event content and the previous link`);
        expect(broken[1]).toMatch(/^head 99:[0-9a-f]{64} /);
        expect(process.exitCode).toBe(2);
      } finally {
        db.close();
      }
    });
  });
});

/**
 * The demo with its two amendments (the corrected c2 attendance and the withdrawn duplicate input
 * i09) entered the day after the rest, so that `--known-at` can look at the figures before them.
 */
const AMENDED_AT = '2011-07-01T09:00:00.000Z';

const amendedLater = (runtime: Runtime): { commands: Pick<CommandService, 'handle'> } => {
  const handle: CommandService['handle'] = (command, envelope) =>
    runtime.commands.handle(
      command.type === RETRACT_RECORD || envelope.correctionOf ? { ...command, context: { ...command.context, now: AMENDED_AT } } : command,
      envelope,
    );
  return { commands: { handle } };
};

describe('the CLI looking back to before the demo’s correction and retraction', () => {
  let dataDir: string;
  const before = { 'known-at': DEMO_NOW };
  const after = { 'known-at': AMENDED_AT };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'toc-cli-known-at-'));
    const amendments = await withRuntime(dataDir, async (runtime) => {
      await seedDemo(amendedLater(runtime));
      return (await runtime.events.readAll({ after: 0, limit: 10_000 })).filter((event) => event.metadata.recordedAt === AMENDED_AT);
    });
    expect(amendments.map((event) => event.type)).toEqual(['RecordRetracted', 'CourseSessionHeld', 'RecordRetracted']);
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const replayJson = async (flags: Record<string, string>) => {
    const parsed = JSON.parse(await cli(dataDir, (runtime) => commands.replay(runtime, { format: 'json', ...flags })));
    return parsed as { knownAt?: string; asOf?: string; periodType: string; period: string; indicators: IndicatorView[] };
  };

  it('replay --format json --known-at shows 13 inputs and 10 communication trainees before, 12 and 11 after', async () => {
    const earlier = await replayJson(before);
    const later = await replayJson(after);
    expect(earlier).toMatchObject({ knownAt: DEMO_NOW, periodType: 'programme', period: 'programme' });
    expect(later.knownAt).toBe(AMENDED_AT);

    expect(view(earlier.indicators, 'LT-FORUM-INPUTS').total.result).toBe(13);
    expect(view(later.indicators, 'LT-FORUM-INPUTS').total.result).toBe(12);
    expect(cell(earlier.indicators, 'LT-FORUM-INPUTS', 'inputKind', 'hearing-response').result).toBe(4);
    expect(cell(later.indicators, 'LT-FORUM-INPUTS', 'inputKind', 'hearing-response').result).toBe(3);
    expect(cell(earlier.indicators, 'PRD-REPRESENTATIVES-TRAINED', 'courseModule', 'communication').result).toBe(10);
    expect(cell(later.indicators, 'PRD-REPRESENTATIVES-TRAINED', 'courseModule', 'communication').result).toBe(11);
    // rep-a11-1 had attended c2's first session, so the count of distinct people does not change.
    expect(view(earlier.indicators, 'PRD-REPRESENTATIVES-TRAINED').total.result).toBe(41);
    expect(view(later.indicators, 'PRD-REPRESENTATIVES-TRAINED').total.result).toBe(41);

    // After the amendments, the replay agrees with the live figures of the whole store.
    await projectToHead(dataDir);
    expect(later.indicators).toEqual(await indicators(dataDir));
  });

  it('replay --format json --known-at of the quarters the amendments touch: 2010-Q3 communication 5 → 6, 2011-Q1 inputs 4 → 3', async () => {
    const q3 = { 'period-type': 'quarter', period: '2010-Q3' };
    expect(cell((await replayJson({ ...before, ...q3 })).indicators, 'PRD-REPRESENTATIVES-TRAINED', 'courseModule', 'communication').result).toBe(5);
    expect(cell((await replayJson({ ...after, ...q3 })).indicators, 'PRD-REPRESENTATIVES-TRAINED', 'courseModule', 'communication').result).toBe(6);

    const q1 = { 'period-type': 'quarter', period: '2011-Q1' };
    const earlier = await replayJson({ ...before, ...q1 });
    const later = await replayJson({ ...after, ...q1 });
    expect(earlier).toMatchObject({ periodType: 'quarter', period: '2011-Q1' });
    expect(view(earlier.indicators, 'LT-FORUM-INPUTS').total.result).toBe(4);
    expect(view(later.indicators, 'LT-FORUM-INPUTS').total.result).toBe(3);
  });

  it('replay --format csv --known-at gives the same figures in Danish Excel CSV', async () => {
    const result = async (flags: Record<string, string>, code: string, dimension: string, value: string) => {
      const text = await cli(dataDir, (runtime) => commands.replay(runtime, { format: 'csv', ...flags }));
      expect(text.startsWith('\uFEFFcode;')).toBe(true);
      return csvRows(text, ';').find((row) => row[0] === code && row[7] === dimension && row[8] === value)![12];
    };
    expect(await result(before, 'LT-FORUM-INPUTS', 'total', '*')).toBe('13');
    expect(await result(after, 'LT-FORUM-INPUTS', 'total', '*')).toBe('12');
    expect(await result(before, 'LT-MINORITY-SEAT-SHARE', 'total', '*')).toBe(await result(after, 'LT-MINORITY-SEAT-SHARE', 'total', '*'));
    expect(await result(after, 'LT-MINORITY-SEAT-SHARE', 'total', '*')).toMatch(/^0,28\d+$/);
  });

  it('diff between the two moments lists exactly the figures the amendments change', async () => {
    const printed = await cli(dataDir, (runtime) => commands.diff(runtime, { 'from-known-at': DEMO_NOW, 'to-known-at': AMENDED_AT }));
    expect(lines(printed)).toEqual([
      'LT-FORUM-INPUTS forumType=helhedsplan-board: 3 -> 2',
      'LT-FORUM-INPUTS housingArea=mjolnerparken: 3 -> 2',
      'LT-FORUM-INPUTS inputKind=hearing-response: 4 -> 3',
      'LT-FORUM-INPUTS total=*: 13 -> 12',
      'PRD-REPRESENTATIVES-TRAINED courseModule=communication: 10 -> 11',
    ]);

    const quarter = JSON.parse(
      await cli(dataDir, (runtime) => commands.diff(runtime, { 'from-known-at': DEMO_NOW, 'to-known-at': AMENDED_AT, 'period-type': 'quarter', period: '2010-Q3', format: 'json' })),
    );
    expect(quarter).toEqual([{ code: 'PRD-REPRESENTATIVES-TRAINED', dimension: 'courseModule', value: 'communication', from: 5, to: 6, change: 1 }]);

    expect(await cli(dataDir, (runtime) => commands.diff(runtime, { 'from-known-at': AMENDED_AT, 'to-known-at': '2011-12-31T00:00:00Z' }))).toBe('no differences\n');
  });

  it('report --known-at before the amendments reports no corrections or retractions yet', async () => {
    const file = join(dataDir, 'report-before.html');
    await cli(dataDir, (runtime) => commands.report(runtime, { ...before, out: file }));
    const html = readFileSync(file, 'utf8');
    expect(html).toContain(`Data som kendt pr. ${DEMO_NOW}`);
    expect(html).toContain(`${DEMO_EVENTS - 3} registreringer i alt.`);
    expect(html).toContain('0 rettede og 0 tilbagetrukne registreringer');
  });
});
