// Writes two tiny scripts for the start-up baseline rows: one importing carto's five runtime
// dependencies (commander, yaml, chalk, jsonpath-plus, ajv) from node_modules, and the same imports
// as one esbuild bundle (esbuild is a devDependency; without it the bundle row is n/a).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DEPS = ['commander', 'yaml', 'chalk', 'jsonpath-plus', 'ajv'];

/** → { modules: path, bundle: path | undefined, bundleError?: string } */
export async function writeDepsScripts(cacheDir) {
  const dir = join(cacheDir, 'deps'); // inside the repository, so node_modules resolves from here
  mkdirSync(dir, { recursive: true });
  const modules = join(dir, 'deps-from-node-modules.mjs');
  writeFileSync(modules, DEPS.map((d) => `import * as m${DEPS.indexOf(d)} from '${d}';`).join('\n') + `\nif (process.env.NEVER) console.log(${DEPS.map((_, i) => `m${i}`).join(', ')});\n`);
  const bundle = join(dir, 'deps-bundle.mjs');
  try {
    const { build } = await import('esbuild');
    await build({
      entryPoints: [modules],
      outfile: bundle,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'error',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    return { modules, bundle };
  } catch (e) {
    return { modules, bundle: undefined, bundleError: `esbuild unavailable: ${e.message.split('\n')[0]}` };
  }
}
