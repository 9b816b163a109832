import { domainUpcasters, programmeReadModel } from '@toc/domain';
import { SqliteEventStore } from '@toc/event-store';
import { replayIndicators } from '@toc/read-models';
import { BenchResult } from './bench-result';
import { generatedHistory } from './projection.bench';

const definition = programmeReadModel({ start: '2010-01-01', end: '2011-12-31' });

/** Evaluator replays ("as of", "as known at") over a generated history, by the live projection code. */
export async function benchReplay(options: { events: number }): Promise<BenchResult[]> {
  const { file, history } = await generatedHistory(options.events);
  const store = SqliteEventStore.open(file, { synchronous: 'NORMAL' });
  try {
    const results: BenchResult[] = [];
    for (const [name, moment] of [
      ['replay as of 2010-12-31 (business time)', { asOf: '2010-12-31T23:59:59+01:00' }],
      ['replay as known at a recording time', { knownAt: new Date().toISOString() }],
    ] as const) {
      const started = process.hrtime.bigint();
      const views = await replayIndicators(store, definition, domainUpcasters, moment, { periodType: 'year', period: '2010' });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (views.length === 0) throw new Error('replay returned no indicators');
      results.push({
        suite: 'replay',
        name,
        value: seconds,
        unit: 's',
        target: { value: 2, better: 'lower' },
        notes: `${history.events.toLocaleString('en-US')} events, full in-memory replay of every indicator, no snapshots; RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
      });
    }
    return results;
  } finally {
    await store.close();
  }
}

if (require.main === module) benchReplay({ events: Number(process.argv[2] ?? 1_000_000) }).then((results) => console.table(results));
