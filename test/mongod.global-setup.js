'use strict';
// Starts one replica set for the whole integration run, unless MONGODB_URL names a server.
// Workers inherit process.env, so they all read MONGODB_URL from here.
const { startReplSet } = require('../scripts/mongo-replset');

module.exports = async function globalSetup() {
  if (process.env.MONGODB_URL) return;
  const started = Date.now();
  const replSet = await startReplSet();
  globalThis.__TOC_MONGO_REPLSET__ = replSet;
  process.env.MONGODB_URL = replSet.uri;
  process.stderr.write(`\nmongod replica set up in ${Date.now() - started} ms at ${replSet.uri}\n`);
};
