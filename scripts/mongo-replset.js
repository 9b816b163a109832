'use strict';
// Starts a throwaway one-node replica set (transactions need a replica set) on the mongod that
// ensure-mongod provides. Shared by the Jest global setup and the benchmark scripts.
const { ensureMongodBinary, MONGOD_VERSION } = require('./ensure-mongod');

/** @returns {Promise<{ uri: string, stop(): Promise<void> }>} */
async function startReplSet() {
  // A binary the caller chose through MONGOMS_SYSTEM_BINARY wins over ours.
  const binary = process.env.MONGOMS_SYSTEM_BINARY ? null : ensureMongodBinary();
  if (binary) {
    // mongodb-memory-server reads these when it resolves its binary; workers that inherit the
    // environment then resolve the same one.
    process.env.MONGOMS_SYSTEM_BINARY = binary;
    process.env.MONGOMS_VERSION = MONGOD_VERSION;
  }
  // Required here, not at the top, so the variables above are in place before it loads.
  const { MongoMemoryReplSet } = require('mongodb-memory-server');
  const replSet = await MongoMemoryReplSet.create({ replSet: { count: 1, storageEngine: 'wiredTiger' } });
  return {
    uri: replSet.getUri(),
    stop: async () => {
      await replSet.stop({ doCleanup: true, force: true });
    },
  };
}

module.exports = { startReplSet };
