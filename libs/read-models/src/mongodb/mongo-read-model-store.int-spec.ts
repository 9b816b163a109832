import { describeReadModelStoreContract } from '../read-model-store.contract';
import { mongoTestDatabase } from '../../../../test/mongo-test-database';
import { MongoReadModelStore } from './mongo-read-model-store';

const database = mongoTestDatabase('toc_read_models');
const url = database.url;
const databaseName = database.name;

describeReadModelStoreContract('MongoReadModelStore', () => MongoReadModelStore.connect(url, databaseName));

describe('MongoReadModelStore specifics', () => {
  it('stores documents as { _id, _position, ...fields }', async () => {
    const store = MongoReadModelStore.fromClient(database.admin(), databaseName);
    await store.commit([{ collection: 'shape', id: 'a', doc: { id: 'a', title: 'T' }, position: 3 }]);
    const raw = await database.admin().db(databaseName).collection('shape').findOne({});
    expect(raw).toEqual({ _id: 'a', _position: 3, id: 'a', title: 'T' });
    // fromClient leaves the caller's client open.
    await store.close();
    await expect(database.admin().db(databaseName).command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
  });

  it('rejects documents that use the reserved _id or _position fields', async () => {
    const store = MongoReadModelStore.fromClient(database.admin(), databaseName);
    await expect(
      store.commit([{ collection: 'reserved', id: 'a', doc: { id: 'a', _position: 99 }, position: 1 }]),
    ).rejects.toThrow(/reserved/);
    await expect(store.get('reserved', 'a')).resolves.toBeNull();
  });

  it('creates the indexes that ensureIndex declares, idempotently', async () => {
    const store = MongoReadModelStore.fromClient(database.admin(), databaseName);
    await store.ensureIndex('indexed', ['kind', 'seats']);
    await store.ensureIndex('indexed', ['kind', 'seats']);
    const keys = (await database.admin().db(databaseName).collection('indexed').listIndexes().toArray()).map((index) => index.key);
    expect(keys).toEqual([{ _id: 1 }, { kind: 1, seats: 1 }]);
    await expect(store.ensureIndex('indexed', ['_position'])).rejects.toThrow();
  });

  it('keeps every commit of concurrent writers to the same documents, newest position winning', async () => {
    const store = MongoReadModelStore.fromClient(database.admin(), databaseName);
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
