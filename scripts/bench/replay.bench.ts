import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IndicatorView, MIN_CELL_SIZE, domainUpcasters, programmeReadModel } from '@toc/domain';
import { SqliteEventStore } from '@toc/event-store';
import { ReplayMoment, SqliteReadModelStore, bulkBuild, indexedReplay, namespaceOf, queryIndicators } from '@toc/read-models';
import { BenchResult } from './bench-result';
import { generatedHistory } from './projection.bench';

const definition = programmeReadModel({ start: '2010-01-01', end: '2011-12-31' });
const namespace = namespaceOf(definition, 1);
const YEAR_2010 = { periodType: 'year', period: '2010' } as const;
const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/** The largest relative difference between the figures of two sets of views of the same period. */
const largestDifference = (a: readonly IndicatorView[], b: readonly IndicatorView[]): number => {
  const figures = (views: readonly IndicatorView[]) =>
    views.flatMap((view) => [view.total, ...Object.values(view.breakdowns).flat()].flatMap((cell) => [cell.numerator, cell.denominator, cell.subjects, cell.result]));
  const [x, y] = [figures(a), figures(b)];
  if (x.length !== y.length) return Infinity;
  return Math.max(
    0,
    ...x.map((value, i) => {
      const other = y[i];
      if (value === null || other === null) return value === other ? 0 : Infinity;
      return Math.abs(value - other) / Math.max(1, Math.abs(value), Math.abs(other));
    }),
  );
};

/**
 * Evaluator replays over a generated history: the build and its replay index are built in bulk,
 * as a rebuild builds them, then each moment is answered from the index as the api answers it.
 */
export async function benchReplay(options: { events: number }): Promise<BenchResult[]> {
  const { file, history } = await generatedHistory(options.events);
  const events = SqliteEventStore.open(file, { synchronous: 'NORMAL' });
  const dir = mkdtempSync(join(tmpdir(), 'toc-bench-replay-'));
  const store = SqliteReadModelStore.open(join(dir, 'read-models.sqlite'), { synchronous: 'NORMAL' });
  const count = history.events.toLocaleString('en-US');
  try {
    console.error(`building ${count} events in bulk, with the replay index, for the replay benchmark ...`);
    let started = process.hrtime.bigint();
    await bulkBuild(definition, events, domainUpcasters, store, namespace, await events.headPosition());
    const buildSeconds = seconds(started);
    const results: BenchResult[] = [
      {
        suite: 'replay',
        name: 'bulk build with its replay index from position 0',
        value: history.events / buildSeconds,
        unit: 'events/s',
        notes: `${count} events in ${buildSeconds.toFixed(0)} s: documents, indicator cells and the replay index in one pass, as a rebuild builds them; RSS ${mb()} MB`,
      },
    ];

    // Nothing limits this moment, so it must equal the live read model, up to the order in which
    // decimals were added: a check, not a measurement; its largest difference goes into the notes.
    const unlimited = await (await indexedReplay(events, store, namespace, definition, domainUpcasters, {}, MIN_CELL_SIZE))!(YEAR_2010);
    const difference = largestDifference(unlimited, await queryIndicators(store, namespace, YEAR_2010, MIN_CELL_SIZE));
    results[0] = { ...results[0], notes: `${results[0].notes}; without limits it matches the live read model (largest relative difference ${difference.toExponential(1)})` };
    if (difference > 1e-9) throw new Error(`a replay without limits differs from the live read model by ${difference}`);

    const moments: [string, ReplayMoment][] = [
      ['replay as of 2010-12-31 (business time)', { asOf: '2010-12-31T23:59:59+01:00' }],
      ['replay as of a moment mid-day (2010-09-15 13:30)', { asOf: '2010-09-15T13:30:00+02:00' }],
      ['replay as known at 2011-01-15 12:00 (recording time)', { knownAt: '2011-01-15T12:00:00+01:00' }],
      ['replay as of 2010-12-31 as known at 2011-01-15 12:00', { asOf: '2010-12-31T23:59:59+01:00', knownAt: '2011-01-15T12:00:00+01:00' }],
    ];
    for (const [name, moment] of moments) {
      started = process.hrtime.bigint();
      const views: IndicatorView[] = await (await indexedReplay(events, store, namespace, definition, domainUpcasters, moment, MIN_CELL_SIZE))!(YEAR_2010);
      const took = seconds(started);
      if (views.length === 0) throw new Error('replay returned no indicators');
      results.push({
        suite: 'replay',
        name,
        value: took,
        unit: 's',
        target: { value: 1, better: 'lower' },
        notes: `${count} events, every indicator of 2010 from the replay index plus the documents touched on the moment's days; RSS ${mb()} MB`,
      });
    }
    return results;
  } finally {
    await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) benchReplay({ events: Number(process.argv[2] ?? 1_000_000) }).then((results) => console.table(results));
