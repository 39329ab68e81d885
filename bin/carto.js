#!/usr/bin/env node
// The installed `carto` command. It runs dist/cli.cjs, and the bundles under dist/lazy/ that a
// command needs, through V8 code caches, so a cold start does not parse and compile them again.
// The caches shipped next to each bundle (*.cache) are made by the Node that built carto and V8
// refuses them on any other Node; there carto keeps its own, per Node version, in the user's cache
// directory, written once after a run (so they hold the functions the run compiled, not only the
// top level — which is why this is not Node's module.enableCompileCache; see README "Performance").
// A cache that is missing, refused or cannot be written only costs speed.
// This file is CommonJS (see bin/package.json): Node starts CommonJS entry points without its
// ES module loader, which a command line that starts often should not pay for.
'use strict';
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { isAscii } = require('node:buffer');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const mode = process.env.CARTO_CODE_CACHE; // 'write': the build's warm-up; 'off': no user cache
const loaded = new Map();
const toWrite = [];

function readCache(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Where this Node keeps its caches of this build: keyed by Node version and the bundles' identity.
 * `source` is the bundle's text, whose last line the build makes a hash of the rest.
 */
function userCacheFile(file, source) {
  const { homedir } = require('node:os');
  const base = process.env.CARTO_CACHE_DIR
    || (process.platform === 'win32' ? process.env.LOCALAPPDATA : process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches') : process.env.XDG_CACHE_HOME)
    || join(homedir(), '.cache');
  // V8 checks the Node version and the source length only. npm gives installed files one fixed
  // mtime: the path tells two installs apart, the build's stamp (the text's last line) two releases
  // of one length at one path, and the size and mtime two builds in one clone without a stamp.
  const stat = statSync(file);
  return join(base, 'carto', `node-${process.version}-${process.arch}`, `${hash(file)}-${hash(`${stat.size}:${stat.mtimeMs}:${source.slice(-40)}`)}.cache`);
}

function hash(text) {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  return h.toString(36);
}

/**
 * A bundle's text. The build leaves them ASCII, which read as Latin-1 is the same text, decoded
 * several times faster than as UTF-8 (about 0.7 ms a bundle); anything else is read as UTF-8.
 */
function readSource(file) {
  const bytes = readFileSync(file);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function run(file) {
  // The shipped caches are named for the Node that made them, so another Node goes straight to
  // its own (compiling once to find a cache refused costs as much as the cache saves).
  const shipped = file.replace(/\.cjs$/, `.node-${process.version}.cache`);
  const text = readSource(file);
  const source = `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  let cacheFile = shipped;
  let cachedData = readCache(shipped);
  if (!cachedData && mode !== 'write' && mode !== 'off') {
    cacheFile = userCacheFile(file, text);
    cachedData = readCache(cacheFile);
  }
  const script = new Script(source, { filename: file, cachedData });
  // (A shipped cache refused by this very Node means other V8 flags: dist/ is left as it is.)
  if (mode === 'write' || (mode !== 'off' && cacheFile !== shipped && (!cachedData || script.cachedDataRejected))) toWrite.push([cacheFile, script]);
  const module = { exports: {} };
  // The bundles require only Node's own modules (their packages are bundled): this file's require
  // loads those as well as one made for each bundle would, without loading node:module for it.
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  return module.exports;
}

process.on('exit', () => {
  for (const [file, script] of toWrite) {
    try {
      const dir = dirname(file);
      mkdirSync(dir, { recursive: true });
      // In the user's cache, the caches of this bundle's earlier builds (same path, other size or
      // mtime) are dead. (Not among the shipped ones, named for their bundles: `yaml-kit.node-…`
      // and `yaml-package.node-…` would be taken for two builds of one.)
      if (mode !== 'write') {
        const bundle = file.slice(dir.length + 1).split('-')[0];
        for (const old of readdirSync(dir)) if (old.startsWith(`${bundle}-`) && old.endsWith('.cache')) rmSync(join(dir, old), { force: true });
      }
      // Written aside and renamed: two carto processes never read half a cache.
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, file);
    } catch {
      // A read-only home or a full disk: carto runs as well, only without the faster start.
    }
  }
});

// How a bundle asks for another one (its dynamic imports were rewritten to call this).
globalThis.__cartoLoadBundle = (name) => {
  if (!loaded.has(name)) loaded.set(name, run(join(dist, 'lazy', `${name}.cjs`)));
  return loaded.get(name);
};

run(join(dist, 'cli.cjs'));
