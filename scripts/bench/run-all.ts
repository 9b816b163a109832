import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { benchAppend } from './append.bench';
import { BenchResult } from './bench-result';
import { benchHttp } from './http.bench';
import { benchProjections } from './projection.bench';
import { benchReplay } from './replay.bench';

/** Runs every benchmark and writes docs/benchmarks.md with the machine and the command. */
const main = async () => {
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const results: BenchResult[] = [];
  for (const [name, bench] of [
    ['append', () => benchAppend()],
    ['http', () => benchHttp()],
    ['projections', () => benchProjections({ events })],
    ['replay', () => benchReplay({ events })],
  ] as const) {
    console.error(`running ${name} ...`);
    const found = await bench();
    console.table(found);
    results.push(...found);
  }
  writeFileSync(resolve(__dirname, '../../../docs/benchmarks.md'), markdown(results, events));
  console.error('written docs/benchmarks.md');
};

const verdict = (result: BenchResult) => {
  if (!result.target) return '';
  const met = result.target.better === 'higher' ? result.value >= result.target.value : result.value <= result.target.value;
  return `${result.target.better === 'higher' ? '≥' : '≤'} ${result.target.value} ${met ? '✅ met' : '❌ missed'}`;
};

const markdown = (results: readonly BenchResult[], events: number) => {
  const cpu = cpus();
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const rows = results.map(
    (r) => `| ${r.suite} | ${r.name} | ${r.value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${r.unit} | ${verdict(r)} | ${r.notes ?? ''} |`,
  );
  return `# Benchmarks

Measured by \`npm run bench\` (events for the projection and replay benchmarks: \`BENCH_EVENTS\`, here ${events.toLocaleString('en-US')}).
Numbers are from one run; rerun on your machine before drawing conclusions.

- Date: ${new Date().toISOString()}
- Commit: ${commit}
- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}, ${process.platform}
- Durability: SQLite in WAL mode with \`synchronous=FULL\` (an acknowledged append survives power loss) unless a row says NORMAL.

| suite | measure | value | target | notes |
|---|---|---|---|---|
${rows.join('\n')}
`;
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
