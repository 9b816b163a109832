import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLeaseStoreContract } from '../lease.contract';
import { SqliteReadModelStore } from './sqlite-read-model-store';

const dir = mkdtempSync(join(tmpdir(), 'toc-leases-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeLeaseStoreContract('SqliteReadModelStore', async () => SqliteReadModelStore.open(join(dir, 'read-models.sqlite')));
