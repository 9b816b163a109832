import { MongoClient } from 'mongodb';
import { describeReadModelStoreContract } from '../read-model-store.contract';
import { MongoReadModelStore, withOsAdapter } from './mongo-read-model-store';

// Set by test/mongod.global-setup.js, or by the caller to use an existing replica set.
const url = process.env.MONGODB_URL;
if (!url) throw new Error('MONGODB_URL is not set: run through the Jest integration project, whose global setup starts mongod');

const databaseName = `toc_read_models_${process.pid}_${Date.now().toString(36)}`;
let admin: MongoClient;

beforeAll(async () => {
  admin = await MongoClient.connect(url, withOsAdapter());
});

afterAll(async () => {
  await admin.db(databaseName).dropDatabase();
  await admin.close();
});

describeReadModelStoreContract('MongoReadModelStore', () => MongoReadModelStore.connect(url, databaseName));

describe('MongoReadModelStore specifics', () => {
  it('stores documents as { _id, _position, ...fields }', async () => {
    const store = MongoReadModelStore.fromClient(admin, databaseName);
    await store.commit([{ collection: 'shape', id: 'a', doc: { id: 'a', title: 'T' }, position: 3 }]);
    const raw = await admin.db(databaseName).collection('shape').findOne({});
    expect(raw).toEqual({ _id: 'a', _position: 3, id: 'a', title: 'T' });
    // fromClient leaves the caller's client open.
    await store.close();
    await expect(admin.db(databaseName).command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
  });

  it('rejects documents that use the reserved _id or _position fields', async () => {
    const store = MongoReadModelStore.fromClient(admin, databaseName);
    await expect(
      store.commit([{ collection: 'reserved', id: 'a', doc: { id: 'a', _position: 99 }, position: 1 }]),
    ).rejects.toThrow(/reserved/);
    await expect(store.get('reserved', 'a')).resolves.toBeNull();
  });

  it('creates the indexes that ensureIndex declares, idempotently', async () => {
    const store = MongoReadModelStore.fromClient(admin, databaseName);
    await store.ensureIndex('indexed', ['kind', 'seats']);
    await store.ensureIndex('indexed', ['kind', 'seats']);
    const keys = (await admin.db(databaseName).collection('indexed').listIndexes().toArray()).map((index) => index.key);
    expect(keys).toEqual([{ _id: 1 }, { kind: 1, seats: 1 }]);
    await expect(store.ensureIndex('indexed', ['_position'])).rejects.toThrow();
  });

  it('keeps every commit of concurrent writers to the same documents, newest position winning', async () => {
    const store = MongoReadModelStore.fromClient(admin, databaseName);
    const commits = Array.from({ length: 12 }, (_, i) =>
      store.commit([
        { collection: 'race', id: 'shared', doc: { id: 'shared', by: i }, position: i + 1 },
        { collection: 'race', id: `own-${i}`, doc: { id: `own-${i}` }, position: i + 1 },
      ]),
    );
    await Promise.all(commits);
    await expect(store.get('race', 'shared')).resolves.toEqual({ doc: { id: 'shared', by: 11 }, position: 12 });
    await expect(store.find('race')).resolves.toHaveLength(13);
  });
});
