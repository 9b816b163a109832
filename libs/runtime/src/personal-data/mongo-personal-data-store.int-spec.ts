import { mongoTestDatabase } from '../../../../test/mongo-test-database';
import { MongoPersonalDataStore } from './mongo-personal-data-store';
import { amina, describePersonalDataStoreContract } from './personal-data-store.contract';

const database = mongoTestDatabase('toc_people');
const url = database.url;
const databaseName = database.name;

describePersonalDataStoreContract('MongoPersonalDataStore', () => MongoPersonalDataStore.connect(url, databaseName));

describe('MongoPersonalDataStore documents', () => {
  it('holds no plaintext, and after an erasure only the tombstone', async () => {
    const store = MongoPersonalDataStore.fromClient(database.admin(), databaseName);
    await store.record('rep-raw', amina, new Date('2011-06-01T10:00:00Z'));
    const db = database.admin().db(databaseName);
    const all = async () => JSON.stringify(await Promise.all(['personal_data', 'personal_data_keys', 'personal_data_erasures'].map((name) => db.collection<{ _id: string }>(name).find({ _id: 'rep-raw' }).toArray())));
    const before = await all();
    for (const plain of [amina.name, amina.email!, amina.phone!]) expect(before).not.toContain(plain);
    expect(await db.collection<{ _id: string }>('personal_data_keys').countDocuments({ _id: 'rep-raw' })).toBe(1);

    await store.erase('rep-raw', 'key:admin', new Date('2011-06-02T10:00:00Z'));
    expect(JSON.parse(await all())).toEqual([[], [], [{ _id: 'rep-raw', erasedAt: '2011-06-02T10:00:00.000Z', erasedBy: 'key:admin' }]]);
    await store.close();
  });
});
