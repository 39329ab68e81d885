#!/usr/bin/env node
// The installed `carto` command. It runs dist/cli.cjs, and the bundles under dist/lazy/ that a
// command needs, through V8's code caches (*.cache next to each bundle), so a cold start does not
// parse and compile them again; a missing cache, or one made by another Node, only costs speed.
// This file is CommonJS (see bin/package.json): Node starts CommonJS entry points without its
// ES module loader, which a command line that starts often should not pay for.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const writeCaches = process.env.CARTO_CODE_CACHE === 'write';
const loaded = new Map();

function run(file) {
  const cacheFile = file.replace(/\.cjs$/, '.cache');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
  if (writeCaches) process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

// How a bundle asks for another one (its dynamic imports were rewritten to call this).
globalThis.__cartoLoadBundle = (name) => {
  if (!loaded.has(name)) loaded.set(name, run(join(dist, 'lazy', `${name}.cjs`)));
  return loaded.get(name);
};

run(join(dist, 'cli.cjs'));
