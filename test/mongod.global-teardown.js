'use strict';
// Stops the replica set that the global setup started; a server named by the caller's
// MONGODB_URL is left alone.
module.exports = async function globalTeardown() {
  const replSet = globalThis.__TOC_MONGO_REPLSET__;
  if (!replSet) return;
  globalThis.__TOC_MONGO_REPLSET__ = undefined;
  // Cleared so a watch-mode rerun starts a fresh server instead of reusing a stopped one.
  delete process.env.MONGODB_URL;
  await replSet.stop();
};
