'use strict';
// Lets a child process that a test starts (`node --require ./test/register-ts.js app.ts`) run the
// TypeScript sources as Jest does: compiled by @swc/core with Jest's options, @toc/* mapped to libs.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const jest = require('../jest.config.js');

const [, options] = jest.projects[0].transform['^.+\\.ts$'];
const libs = /^@toc\/(domain|event-store|read-models|runtime)(\/.*)?$/;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lib = libs.exec(request);
  return resolveFilename.call(this, lib ? path.join(__dirname, '..', 'libs', lib[1], 'src', lib[2] ?? '') : request, ...rest);
};

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
