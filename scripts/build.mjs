// Builds what ships:
// - dist/cli.cjs: the command line's core (flag parsing with commander), and one bundle per
//   command and per heavy engine under dist/lazy/ (render, lint, ytt, the ytt engine…), each
//   loaded only when needed. bin/carto.js runs them through V8 code caches (*.cache next to
//   them), so a cold start neither parses nor compiles them again.
// - dist/index.js: the library (ESM), with its types built separately by `npm run build:types`.
// The code caches are made by running the commands on the bundled examples once (a warm-up), so
// the functions a run needs are already compiled when a user's first run starts.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildValidators } from './build-validators.mjs';

rmSync('dist', { recursive: true, force: true });
// carto lint's schema validators, compiled ahead of time (src/lint/generated, bundled below).
buildValidators();

/**
 * Modules that get a bundle of their own, by the source file a dynamic `import()` names. In the
 * source they are ordinary `await import('./render.js')`; in the bundles such an import asks
 * bin/carto.js for the separate bundle instead (see the plugin below).
 */
const LAZY = {
  'src/cli/render.ts': 'render',
  'src/cli/lint.ts': 'lint',
  'src/cli/ytt.ts': 'ytt',
  'src/cli/test.ts': 'test',
  'src/cli/graph.ts': 'graph',
  'src/cli/explain.ts': 'explain',
  'src/cli/status.ts': 'status',
  'src/cli/diff.ts': 'diff',
  'src/cli/ytt-binary.ts': 'ytt-binary',
  'src/cli/validate.ts': 'validate',
  // rarely run, and migrate holds a copy of the loader: out of dist/cli.cjs, which every start reads
  'src/cli/migrate.ts': 'migrate',
  'src/cli/completion.ts': 'completion',
  // one bundle for the ytt engine, whether a render needs it for spec.ytt templates, for input
  // files that are ytt templates, or for both (two bundles would each hold a copy to compile)
  'src/stamp/ytt-builtin.ts': 'ytt-engine',
  'src/load/ytt-files.ts': 'ytt-engine',
};

const lazyImports = {
  name: 'carto-lazy-bundles',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const resolved = await b.resolve(args.path.replace(/\.js$/, '.ts'), { resolveDir: args.resolveDir, kind: 'import-statement' });
      const relative = resolved.path.slice(process.cwd().length + 1);
      const name = LAZY[relative];
      return name ? { path: name, namespace: 'carto-lazy' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'carto-lazy' }, (args) => ({
      contents: `module.exports = globalThis.__cartoLoadBundle(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * Modules several bundles use, built once into a bundle of their own (dist/lazy/yaml-kit.cjs) that
 * the first bundle needing them loads: the YAML reader and emitter (src/yaml) and the `yaml`
 * package. One copy to read and compile instead of one per bundle, and code a render has already
 * run (reading its inputs) is not cold again when the ytt engine reads and writes YAML.
 */
const SHARED_BUNDLE = 'yaml-kit';
const sharedModules = {
  name: 'carto-shared-modules',
  setup(b) {
    b.onResolve({ filter: /^yaml$|\/yaml\/index\.js$/ }, async (args) => {
      if (args.kind !== 'import-statement' && args.kind !== 'require-call') return undefined;
      if (args.path === 'yaml') return args.importer.includes('/node_modules/') ? undefined : { path: 'yaml-package', namespace: 'carto-shared' };
      const resolved = await b.resolve(args.path.replace(/\.js$/, '.ts'), { resolveDir: args.resolveDir, kind: 'import-statement' });
      return resolved.path.endsWith('/src/yaml/index.ts') ? { path: 'src-yaml', namespace: 'carto-shared' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'carto-shared' }, (args) => ({
      contents: `module.exports = globalThis.__cartoLoadBundle(${JSON.stringify(SHARED_BUNDLE)})${args.path === 'yaml-package' ? '.yamlPackage' : ''};`,
      loader: 'js',
    }));
  },
};

// commander loads child_process eagerly (with net and more) for executable subcommands, which carto
// never uses: give commander, and only commander, a stand-in that loads it on first use.
const lazyChildProcess = {
  name: 'carto-lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: new URL('./lazy-child-process.cjs', import.meta.url).pathname } : undefined,
    );
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };
const cli = { ...common, format: 'cjs', plugins: [lazyImports, lazyChildProcess, sharedModules] };

await build({ ...cli, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs' });
// The yaml package is only the fallback of carto's own reader (anchors, tags, errors…): it is a
// bundle of its own (dist/lazy/yaml-package.cjs, two thirds of what yaml-kit held), and the shared
// bundle's `yamlPackage` and src/yaml's own imports of it (the lexer that measures deep nesting)
// are getters that load it on first use, so that a start neither reads nor runs it for nothing.
const yamlExports = Object.keys(await import('yaml')).filter((name) => name !== 'default');
const lazyYamlPackage = {
  name: 'carto-lazy-yaml-package',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml', namespace: 'carto-lazy-yaml' }));
    b.onLoad({ filter: /.*/, namespace: 'carto-lazy-yaml' }, () => ({
      contents: [
        'let pkg;',
        'const lazy = {};',
        `for (const name of ${JSON.stringify(yamlExports)}) Object.defineProperty(lazy, name, { enumerable: true, get: () => (pkg ??= globalThis.__cartoLoadBundle('yaml-package'))[name] });`,
        'module.exports = lazy;',
      ].join('\n'),
      loader: 'js',
    }));
  },
};
await build({ ...common, format: 'cjs', stdin: { contents: "module.exports = require('yaml');", resolveDir: process.cwd(), sourcefile: 'yaml-package.js', loader: 'js' }, outfile: 'dist/lazy/yaml-package.cjs' });
await build({
  ...common,
  format: 'cjs',
  plugins: [lazyYamlPackage],
  stdin: {
    contents: ["export * from './src/yaml/index.ts';", "export * as yamlPackage from 'yaml';"].join('\n'),
    resolveDir: process.cwd(),
    sourcefile: `${SHARED_BUNDLE}.ts`,
    loader: 'ts',
  },
  outfile: `dist/lazy/${SHARED_BUNDLE}.cjs`,
});
for (const name of new Set(Object.values(LAZY))) {
  // A command that does not exist (yet) is never imported, so it needs no bundle.
  const entries = Object.keys(LAZY).filter((entry) => LAZY[entry] === name && existsSync(entry));
  if (entries.length === 1) await build({ ...cli, entryPoints: entries, outfile: `dist/lazy/${name}.cjs` });
  else if (entries.length > 1) {
    const contents = entries.map((entry) => `export * from './${entry}';`).join('\n');
    await build({ ...cli, stdin: { contents, resolveDir: process.cwd(), sourcefile: `${name}.ts`, loader: 'ts' }, outfile: `dist/lazy/${name}.cjs` });
  }
}

await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  format: 'esm',
  banner: { js: "import { createRequire as __cartoCreateRequire } from 'node:module'; const require = __cartoCreateRequire(import.meta.url);" },
});

// A bundle with one non-ASCII character (esbuild escapes those of strings, not those of the comments
// it keeps) is read into a two-byte string: twice the memory and about a millisecond more to read
// at each start. \u escapes mean the same in comments, strings, templates, regexps and identifiers.
const BUILD_STAMP = '// carto build ';
for (const file of [join('dist', 'cli.cjs'), ...readdirSync(join('dist', 'lazy')).filter((f) => f.endsWith('.cjs')).map((f) => join('dist', 'lazy', f))]) {
  const text = readFileSync(file, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // The last line names the content: bin/carto.js keys a user's code cache by it, as npm gives every
  // release's files one mtime and V8 accepts a cache for any source of the same length (a release
  // that only changes its version number would otherwise run the old one's compiled functions).
  writeFileSync(file, `${text}${BUILD_STAMP}${createHash('sha256').update(text).digest('hex').slice(0, 16)}\n`);
}

// Warm-up runs that write the code caches (a failure here only costs start-up speed). Each run
// starts from the caches the previous ones wrote, so the compiled functions add up.
const warm = [
  ['render', '-f', 'examples/source-to-url/'],
  ['render', '-f', 'examples/web-app/', '-o', 'json'],
  ['render', '-f', 'examples/ytt/'],
  ['render', '-f', 'examples/ytt-package/config/', '-f', 'examples/ytt-package/hello.yaml', '--data-values-file', 'examples/ytt-package/values.yaml'],
  ['ytt', '-f', 'examples/ytt-package/config/', '--data-values-file', 'examples/ytt-package/values.yaml'],
  ['render', '-f', 'examples/delivery/', '-f', 'examples/testing/', '--expand-runnables'],
  ['render', '-f', 'examples/source-to-url/', '--strict'],
  ['render', '-f', 'examples/validate/', '--validate'],
  ['lint', '-R', 'examples/'],
  ['graph', 'examples/web-app/'],
  ['graph', 'examples/web-app/', '--workload', 'petclinic', '--format', 'mermaid'],
  ['explain', 'examples/web-app/', '--workload', 'petclinic'],
  ['status', 'examples/web-app/'],
  ['status', 'examples/delivery/', '--observed', 'examples/delivery/observed/', '-o', 'yaml'],
  ['test', 'examples/'],
  ['diff', '-f', 'examples/web-app/', '-f', 'examples/web-app/'],
  ['migrate', 'examples/source-to-url/'],
  ['completion', 'bash'],
];
for (const args of warm) {
  try {
    execFileSync(process.execPath, ['bin/carto.js', ...args], { env: { ...process.env, CARTO_CODE_CACHE: 'write' }, stdio: 'ignore' });
  } catch {
    // The caches are an optimisation: without them carto is correct, only slower to start.
  }
}
