import { once } from 'node:events';
import { WriteStream, createWriteStream, writeFileSync } from 'node:fs';
import { PeriodType, domainUpcasters, isPeriodOfType, periodKeyExamples, periodTypes } from '@toc/domain';
import { AuditTrail, EventLogFilter, chainLinkText, parseChainLink } from '@toc/event-store';
import { ProjectionStatusView, diffIndicators } from '@toc/read-models';
import {
  EVENT_COLUMNS,
  Runtime,
  buildEvaluationReport,
  csvEventLine,
  csvLine,
  danishExcel,
  indicatorsCsv,
  integrityProblems,
  ndjsonLine,
  plainCsv,
  seedDemo,
  verifyEventStore,
} from '@toc/runtime';
import { ParsedArgs, UsageError, integerFlag, isoFlag, oneOfFlag } from './args';
import { formatDuration, renderProgress, writeProgress } from './progress';
import { indicatorTable } from './table';

type Flags = ParsedArgs['flags'];

const period = (flags: Flags) => {
  const periodType = oneOfFlag<PeriodType>(flags, 'period-type', periodTypes, 'programme');
  const example = periodKeyExamples[periodType];
  const key = flags.period ?? 'programme';
  if (!isPeriodOfType(periodType, key)) {
    throw new UsageError(
      flags.period === undefined
        ? `--period-type ${periodType} needs --period, e.g. --period ${example}`
        : `--period must be a ${periodType} such as ${example} for --period-type ${periodType}, got "${key}"`,
    );
  }
  return { periodType, period: key };
};

const moment = (flags: Flags, prefix = '') => ({ asOf: isoFlag(flags, `${prefix}as-of`, 'through'), knownAt: isoFlag(flags, `${prefix}known-at`, 'through') });

const output = (flags: Flags, text: string) => {
  if (flags.out) {
    writeFileSync(flags.out, text);
    console.error(`written to ${flags.out}`);
  } else process.stdout.write(text);
};

const statusLine = (status: ProjectionStatusView) =>
  `${status.name} v${status.version} build ${status.build}: ${status.state}, checkpoint ${status.checkpoint}/${status.headPosition}, lag ${status.lagEvents} events (${status.lagSeconds.toFixed(1)} s)` +
  (status.replayIndex.position === null ? '\n  replay index: not built yet' : `\n  replay index: position ${status.replayIndex.position}, lag ${status.replayIndex.lagEvents} events`) +
  (status.lastError ? `\n  last error: ${status.lastError.message}` : '') +
  (status.rebuild ? `\n  rebuilding build ${status.rebuild.build}: ${status.rebuild.percent.toFixed(1)} %, eta ${formatDuration(status.rebuild.etaSeconds)}` : '');

export const status = async (runtime: Runtime) => {
  console.log(statusLine(await runtime.projector.statusView()));
};

/**
 * Rebuilds here, in this process, which takes the projection's lease for it. While another
 * process holds the lease (the service, a projector), rebuilding here would split the read model:
 * it refuses and points to --api, which asks the process that holds it.
 */
export const rebuild = async (runtime: Runtime, name: string | undefined, flags: Flags) => {
  if (name && name !== runtime.projector.name) throw new UsageError(`unknown projection ${name}; known: ${runtime.projector.name}`);
  if (flags.api) return rebuildThroughApi(flags.api, runtime.projector.name, flags['api-key'] ?? process.env.TOC_API_KEY);
  await runtime.projector.start();
  const { runningHere, lease } = await runtime.projector.statusView();
  if (!runningHere) {
    await runtime.projector.stop();
    throw new Error(
      `${runtime.projector.name} is run by ${lease?.holder ?? 'another process'} (its lease runs until ${lease?.expiresAt ?? 'unknown'} unless renewed), so it is not rebuilt here: ` +
        'ask that process with rebuild --api URL --api-key KEY, or stop it first',
    );
  }
  const { build } = await runtime.projector.startRebuild();
  for (;;) {
    const view = await runtime.projector.statusView();
    if (view.state === 'failed') throw new Error(`rebuild failed: ${view.lastError?.message}`);
    if (!view.runningHere) throw new Error(`this process lost the lease of ${view.name} (it could not renew it); the process that takes the lease over resumes the rebuild`);
    if (!view.rebuild) {
      writeProgress(renderProgress(100, `build ${view.build} live`));
      console.error('\nbuilding the replay index ...');
      await runtime.replayIndex.catchUp();
      console.log(statusLine(await runtime.projector.statusView()));
      return;
    }
    writeProgress(renderProgress(view.rebuild.percent, `build ${build}: ${view.rebuild.position}/${view.rebuild.targetPosition} events, ${Math.round(view.rebuild.eventsPerSecond)} ev/s, eta ${formatDuration(view.rebuild.etaSeconds)}`));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

const rebuildThroughApi = async (baseUrl: string, name: string, apiKey: string | undefined) => {
  if (!apiKey) throw new UsageError('rebuild --api needs an admin key: --api-key KEY or TOC_API_KEY');
  const headers = { 'X-Api-Key': apiKey };
  const started = await fetch(`${baseUrl}/v1/admin/projections/${name}/rebuild`, { method: 'POST', headers });
  if (!started.ok) throw new Error(`the service refused the rebuild: ${started.status} ${await started.text()}`);
  for (;;) {
    const [view] = (await (await fetch(`${baseUrl}/v1/admin/projections`, { headers })).json()) as ProjectionStatusView[];
    if (view.state === 'failed') throw new Error(`rebuild failed: ${view.lastError?.message}`);
    if (!view.rebuild) return console.log(`\n${statusLine(view)}`);
    writeProgress(renderProgress(view.rebuild.percent, `${view.rebuild.position}/${view.rebuild.targetPosition} events, eta ${formatDuration(view.rebuild.etaSeconds)}`));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

export const replay = async (runtime: Runtime, flags: Flags) => {
  const query = period(flags);
  const format = oneOfFlag(flags, 'format', ['table', 'csv', 'json'] as const, 'table');
  const separator = oneOfFlag(flags, 'separator', [';', ','] as const, ';');
  const views = await (await runtime.indicators.at(moment(flags)))(query);
  if (format === 'json') output(flags, JSON.stringify({ ...moment(flags), ...query, indicators: views }, null, 2) + '\n');
  else if (format === 'csv') output(flags, indicatorsCsv(views, separator === ',' ? plainCsv : danishExcel));
  else output(flags, indicatorTable(views) + '\n');
};

export const diff = async (runtime: Runtime, flags: Flags) => {
  const query = period(flags);
  const format = oneOfFlag(flags, 'format', ['text', 'json'] as const, 'text');
  const [before, after] = await Promise.all([moment(flags, 'from-'), moment(flags, 'to-')].map(async (m) => (await runtime.indicators.at(m))(query)));
  const changes = diffIndicators(before, after);
  if (format === 'json') return output(flags, JSON.stringify(changes, null, 2) + '\n');
  output(flags, changes.map((c) => `${c.code} ${c.dimension}=${c.value}: ${c.from ?? '–'} -> ${c.to ?? '–'}`).join('\n') + (changes.length ? '\n' : 'no differences\n'));
};

export const verify = async (runtime: Runtime, flags: Flags) => {
  const anchor = flags.anchor === undefined ? undefined : parseChainLink(flags.anchor);
  if (anchor === null) throw new UsageError(`--anchor must be position:hash (the hash as 64 hex digits), got "${flags.anchor}"`);
  const anchorFile = runtime.config.anchors.file;
  const report = await verifyEventStore(runtime.events, anchorFile, anchor);
  if (!report.fileDamage && !report.firstBrokenLink && !report.removedNewest) console.log(`ok: ${report.eventsChecked} events, hash chain intact`);
  for (const problem of integrityProblems(report)) console.log(problem);
  if (report.anchor?.ok) {
    const published = report.anchor.publishedAt ? ` (published at ${report.anchor.publishedAt} in ${anchorFile})` : '';
    console.log(`anchor ${report.anchor.position}${published}: matches, nothing up to it was rewritten or removed`);
  } else if (!anchor && anchorFile && !report.anchor && !report.fileDamage) {
    console.log(`no anchor checked: ${anchorFile} holds none yet`);
  }
  if (report.head) console.log(`head ${chainLinkText(report.head)} (keep it elsewhere; check later with --anchor)`);
  if (!report.ok) process.exitCode = 2;
};

const logFilter = (flags: Flags, limit: number): EventLogFilter => ({
  limit,
  actorUserId: flags.actor,
  actorRole: flags.role,
  sourceApp: flags['source-app'],
  types: flags.types?.split(',').map((type) => type.trim()),
  streamId: flags.stream,
  streamPrefix: flags.category ? `${flags.category}-` : undefined,
  occurredFrom: isoFlag(flags, 'occurred-from', 'from'),
  occurredTo: isoFlag(flags, 'occurred-to', 'before'),
  recordedFrom: isoFlag(flags, 'recorded-from', 'from'),
  recordedTo: isoFlag(flags, 'recorded-to', 'before'),
  correlationId: flags.correlation,
});

export const audit = async (runtime: Runtime, flags: Flags) => {
  const page = await new AuditTrail(runtime.events, domainUpcasters).page({ ...logFilter(flags, integerFlag(flags, 'limit', 50, 1, 10_000)), after: integerFlag(flags, 'after', 0, 0) });
  for (const entry of page.entries) {
    const amended = entry.amendedBy.map((a) => ` [${a.kind} by ${a.actor.userId} at ${a.recordedAt}: ${a.reason}]`).join('');
    console.log(`${String(entry.position).padStart(8)} ${entry.recordedAt} ${entry.actor.userId}/${entry.actor.role} ${entry.streamId} ${entry.type} (occurred ${entry.occurredAt})${amended}`);
  }
  if (page.nextCursor !== null) console.log(`more: --after ${page.nextCursor}`);
};

export const exportData = async (runtime: Runtime, what: string | undefined, flags: Flags) => {
  if (what === 'indicators') {
    const views = await (await runtime.indicators.at(moment(flags)))(period(flags));
    const separator = oneOfFlag(flags, 'separator', [';', ','] as const, ';');
    const decimal = oneOfFlag(flags, 'decimal', ['comma', 'point'] as const, 'comma');
    return output(flags, indicatorsCsv(views, { separator, decimalComma: decimal === 'comma', bom: true }));
  }
  if (what !== 'events') throw new UsageError('export what? events or indicators');
  const format = oneOfFlag(flags, 'format', ['ndjson', 'csv'] as const, 'ndjson');
  const csvOptions = { ...danishExcel, separator: oneOfFlag(flags, 'separator', [';', ','] as const, ';') };
  const filter = logFilter(flags, 1000);
  const file = flags.out ? await openForWriting(flags.out) : undefined;
  const sink: NodeJS.WritableStream = file ?? process.stdout;
  // A large store does not fit in the stream's buffer: wait for it to drain between pages.
  const write = async (text: string) => {
    if (!sink.write(text)) await once(sink, 'drain');
  };
  try {
    if (format === 'csv') await write('\uFEFF' + csvLine(EVENT_COLUMNS, csvOptions));
    const trail = new AuditTrail(runtime.events, domainUpcasters);
    for (let after = 0; ; ) {
      const page = await trail.page({ ...filter, after });
      await write(page.entries.map((entry) => (format === 'csv' ? csvEventLine(entry, csvOptions) : ndjsonLine(entry))).join(''));
      if (page.nextCursor === null) break;
      after = page.nextCursor;
    }
  } finally {
    if (file) await new Promise<void>((resolve, reject) => file.once('error', reject).end(resolve));
  }
  if (file) console.error(`written to ${flags.out}`);
};

/** Opens a file for the export, failing (rather than crashing the process later) when it cannot be created. */
const openForWriting = (path: string) =>
  new Promise<WriteStream>((resolve, reject) => {
    const stream = createWriteStream(path);
    stream.once('open', () => resolve(stream)).once('error', reject);
  });

export const report = async (runtime: Runtime, flags: Flags) => {
  const html = await buildEvaluationReport(runtime, { ...period(flags), moment: moment(flags), now: new Date() });
  output(flags, html);
};

export const seed = async (runtime: Runtime) => {
  const result = await seedDemo(runtime);
  console.log(`demo programme seeded: ${result.commands} commands, store head at position ${result.lastPosition}`);
};
