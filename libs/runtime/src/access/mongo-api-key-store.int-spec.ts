import { mongoTestDatabase } from '../../../../test/mongo-test-database';
import { describeApiKeyStoreContract } from './api-key-store.contract';
import { MongoApiKeyStore } from './mongo-api-key-store';

let databases = 0;
const places: string[] = [];
// Before the test database's own hook, which closes its client.
afterAll(async () => {
  for (const name of places) await database.admin().db(name).dropDatabase();
});
const database = mongoTestDatabase('toc_keys');
const newDatabase = () => {
  const name = `${database.name}_${++databases}`;
  places.push(name);
  return name;
};

describeApiKeyStoreContract('MongoApiKeyStore', newDatabase, (name) => MongoApiKeyStore.fromClient(database.admin(), name));

describe('MongoApiKeyStore documents', () => {
  it('keep only a hash of each key, unique, nowhere the key itself', async () => {
    const name = newDatabase();
    const store = await MongoApiKeyStore.fromClient(database.admin(), name);
    const created = await store.create({ name: 'registration-form', roles: ['recorder'] });
    const documents = JSON.stringify(await database.admin().db(name).collection('api_keys').find({}).toArray());
    expect(documents).toContain(created.id);
    expect(documents).not.toContain(created.key.slice(4));
    const indexes = await database.admin().db(name).collection('api_keys').indexes();
    expect(indexes).toContainEqual(expect.objectContaining({ key: { hash: 1 }, unique: true }));
    await store.close();
  });
});
