#!/usr/bin/env node
// The installed `carto` command. It runs dist/cli.cjs (one bundle, built by `npm run build`)
// through V8's code cache in dist/cli.cache, so a cold start does not parse and compile the
// bundle again; when the cache is missing or was made by another Node, it simply compiles.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const cacheFile = fileURLToPath(new URL('../dist/cli.cache', import.meta.url));
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const wrapper = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
const script = new Script(wrapper, { filename: file, cachedData });
if (process.env.CARTO_CODE_CACHE === 'write') {
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
