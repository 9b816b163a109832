import { setTimeout as sleep } from 'node:timers/promises';
import { MongoClient } from 'mongodb';
import { describeLeaseStoreContract } from '../lease.contract';
import { mongoTestDatabase } from '../../../../test/mongo-test-database';
import { MongoReadModelStore, withOsAdapter } from './mongo-read-model-store';

const database = mongoTestDatabase('toc_leases');

describeLeaseStoreContract('MongoReadModelStore', () => MongoReadModelStore.connect(database.url, database.name));

describe('MongoReadModelStore leases', () => {
  it.each([
    ['a process that died', 'holder-that-died', 'b'],
    ['this process, whose connection dropped in the middle of it', 'this-process', 'a'],
  ])(
    'ends the open transaction of %s on the lease, so that the next tenure does not wait a minute for the server to end it',
    async (_, orphanApp, nextHolder) => {
      const first = await MongoReadModelStore.connect(database.url, database.name, { appName: orphanApp });
      const orphanClient = await MongoClient.connect(database.url, withOsAdapter({ appName: orphanApp }));
      const next = nextHolder === 'a' ? first : await MongoReadModelStore.connect(database.url, database.name, { appName: 'survivor' });
      const name = `orphaned-${nextHolder}`;
      try {
        const lease = (await first.acquireLease(name, 'a', 500))!;
        // A fenced commit cut off after its first write: the lease document stays locked by it.
        const session = orphanClient.startSession();
        session.startTransaction();
        await orphanClient.db(database.name).collection<{ _id: string }>('projection_leases').updateOne({ _id: lease.name }, { $inc: { fencedCommits: 1 } }, { session });
        await sleep(600);

        const started = performance.now();
        await expect(next.acquireLease(name, nextHolder, 500)).resolves.toEqual({ name, holder: nextHolder, epoch: 2 });
        expect(performance.now() - started).toBeLessThan(5_000);
      } finally {
        await Promise.all([first.close(), orphanClient.close(), next.close()]);
      }
    },
  );
});
