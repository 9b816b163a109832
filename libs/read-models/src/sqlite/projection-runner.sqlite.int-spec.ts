import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeProjectionRunnerContract } from '../projection-runner.contract';
import { SqliteReadModelStore } from './sqlite-read-model-store';

const dir = mkdtempSync(join(tmpdir(), 'toc-runner-read-models-'));
let files = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeProjectionRunnerContract('SqliteReadModelStore', async () => SqliteReadModelStore.open(join(dir, `read-models-${++files}.sqlite`)));
