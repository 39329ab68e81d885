// Builds what ships:
// - dist/cli.cjs: the whole command line in one file, loaded by bin/carto.js through a V8 code
//   cache (dist/cli.cache) so a cold start skips parsing and compiling it;
// - dist/index.js: the library (ESM), with its types built separately by `npm run build:types`.
// The code cache is made by rendering the bundled examples once (a warm-up), so the functions a
// render runs are already compiled when a user's first render starts.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { buildValidators } from './build-validators.mjs';

rmSync('dist', { recursive: true, force: true });
// carto lint's schema validators, compiled ahead of time (src/lint/generated, bundled below).
buildValidators();

const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  // commander loads child_process eagerly for executable subcommands, which carto never uses.
  alias: { child_process: './scripts/lazy-child-process.cjs' },
});

await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  format: 'esm',
  banner: { js: "import { createRequire as __cartoCreateRequire } from 'node:module'; const require = __cartoCreateRequire(import.meta.url);" },
});

// Warm-up renders that write dist/cli.cache (a failure here only costs start-up speed).
// Each run starts from the cache the previous one wrote, so the compiled functions add up.
const warm = [
  ['render', '-f', 'examples/source-to-url/'],
  ['render', '-f', 'examples/web-app/', '-o', 'json'],
  ['render', '-f', 'examples/ytt/'],
  ['render', '-f', 'examples/delivery/', '-f', 'examples/testing/', '--expand-runnables'],
  ['render', '-f', 'examples/source-to-url/', '--strict'],
  ['lint', 'examples/web-app/', 'examples/source-to-url/'],
];
for (const args of warm) {
  try {
    execFileSync(process.execPath, ['bin/carto.js', ...args], { env: { ...process.env, CARTO_CODE_CACHE: 'write' }, stdio: 'ignore' });
  } catch {
    // The cache is an optimisation: without it carto is correct, only slower to start.
  }
}
