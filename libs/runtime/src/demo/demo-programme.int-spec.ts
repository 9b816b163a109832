import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queryIndicators } from '@toc/read-models';
import { loadConfig } from '../config';
import { Runtime } from '../runtime';
import { seedDemo } from './demo-programme';

it('smoke', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'toc-demo-'));
  const runtime = await Runtime.open(loadConfig({ DATA_DIR: dir, SQLITE_SYNCHRONOUS: 'NORMAL' }));
  const t = Date.now();
  const seeded = await seedDemo(runtime);
  console.log('seeded', seeded, Date.now() - t);
  await runtime.projector.start();
  await runtime.projector.waitFor(seeded.lastPosition);
  const out: Record<string, unknown> = {};
  for (const [periodType, period] of [['programme', 'programme'], ['quarter', '2010-Q1'], ['quarter', '2010-Q2'], ['quarter', '2010-Q3'], ['quarter', '2010-Q4'], ['quarter', '2011-Q1'], ['quarter', '2011-Q2'], ['year', '2010'], ['year', '2011'], ['half-year', '2010-H1'], ['half-year', '2010-H2'], ['half-year', '2011-H1']] as const) {
    out[period] = await queryIndicators(runtime.readModels, runtime.projector.activeNamespace, { periodType, period });
  }
  require('node:fs').writeFileSync('/tmp/demo-scratch/views.json', JSON.stringify(out, null, 1));
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
}, 120000);
