import { MongoClient } from 'mongodb';
import { describeProjectionRunnerContract } from '../projection-runner.contract';
import { MongoReadModelStore, withOsAdapter } from './mongo-read-model-store';

// Set by test/mongod.global-setup.js, or by the caller to use an existing replica set.
const url = process.env.MONGODB_URL;
if (!url) throw new Error('MONGODB_URL is not set: run through the Jest integration project, whose global setup starts mongod');

// One database per test: the runner writes fixed collection names (status, checkpoints, builds).
const prefix = `toc_runner_${process.pid}_${Date.now().toString(36)}`;
let databases = 0;

afterAll(async () => {
  const admin = await MongoClient.connect(url, withOsAdapter());
  try {
    const { databases: all } = await admin.db().admin().listDatabases({ nameOnly: true });
    for (const { name } of all) if (name.startsWith(prefix)) await admin.db(name).dropDatabase();
  } finally {
    await admin.close();
  }
});

describeProjectionRunnerContract('MongoReadModelStore', () => MongoReadModelStore.connect(url, `${prefix}_${++databases}`));
