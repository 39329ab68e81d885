// Builds the bundles that ship: dist/cli.js (what bin/carto.js runs) and dist/index.js (the library).
// One bundle keeps start-up near bare Node; code splitting lets a command load only what it needs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { buildValidators } from './build-validators.mjs';

rmSync('dist', { recursive: true, force: true });
// carto lint's schema validators, compiled ahead of time (src/lint/generated, bundled below).
buildValidators();

await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  // Some CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  banner: { js: "import { createRequire as __cartoCreateRequire } from 'node:module'; const require = __cartoCreateRequire(import.meta.url);" },
});
