import { MongoClient } from 'mongodb';
import { withOsAdapter } from '@toc/read-models';

/**
 * A database of its own on the replica set the integration project starts (MONGODB_URL, set by
 * test/mongod.global-setup.js or by the caller), with a client for looking at it directly; the
 * database is dropped after the file's tests.
 */
export const mongoTestDatabase = (prefix: string) => {
  const url = process.env.MONGODB_URL;
  if (!url) throw new Error('MONGODB_URL is not set: run through the Jest integration project, whose global setup starts mongod');
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  let client: MongoClient;
  beforeAll(async () => {
    client = await MongoClient.connect(url, withOsAdapter());
  });
  afterAll(async () => {
    await client.db(name).dropDatabase();
    await client.close();
  });
  return { url, name, admin: () => client };
};
