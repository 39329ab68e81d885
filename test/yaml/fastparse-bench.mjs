// Hand-run benchmark of the fast YAML reader (src/yaml/parse.ts) against the `yaml` package with
// kubeYamlOptions. Not a test; nothing asserts on time.
//
//   node test/yaml/fastparse-bench.mjs [runs]
//
// Both readers are bundled with esbuild the way carto ships (one ESM bundle, node20), then timed
// in fresh Node processes:
//   cold  — import the bundle, then read the ~20 files of examples/ (each file read once);
//   bulk  — one stream of 1,000 Workloads (~1.3 KB each): the first call, then the best of
//           repeated calls once warm; reported per object and per KB.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const runs = Number(process.argv[2] ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'carto-fastyaml-bench-'));

const examples = [];
(function walk(d) {
  for (const e of readdirSync(d)) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.ya?ml$/.test(e)) examples.push(p);
  }
})(join(repo, 'examples'));
examples.sort();

const readers = {
  fast: `import { parseYamlStream } from ${JSON.stringify(join(repo, 'src/yaml/parse.ts'))};
    export const read = (text) => parseYamlStream(text).documents.map((d) => d.value);`,
  yaml: `import { parseAllDocuments } from 'yaml';
    import { kubeYamlOptions } from ${JSON.stringify(join(repo, 'src/yaml/schema.ts'))};
    export const read = (text) => parseAllDocuments(text, kubeYamlOptions).map((d) => d.toJS());`,
};
for (const [name, source] of Object.entries(readers)) {
  writeFileSync(join(dir, `${name}-entry.mjs`), source);
  await build({
    entryPoints: [join(dir, `${name}-entry.mjs`)],
    outfile: join(dir, `${name}.mjs`),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    absWorkingDir: repo,
    nodePaths: [join(repo, 'node_modules')],
    logLevel: 'warning',
    // as scripts/build.mjs: CommonJS dependencies may require() Node built-ins
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

// The workload of test/yaml/fastparse-gen.ts (workloadYaml), kept in step by hand.
const genSource = readFileSync(join(repo, 'test/yaml/fastparse-gen.ts'), 'utf8');
const template = genSource.slice(genSource.indexOf('return `apiVersion') + 8, genSource.lastIndexOf('`;'));
const bulk = Array.from({ length: 1000 }, (_, i) => template.replaceAll('${i}', String(i)).replaceAll('${i % 7}', String(i % 7)));
writeFileSync(join(dir, 'bulk.yaml'), bulk.join('---\n'));
writeFileSync(join(dir, 'files.json'), JSON.stringify(examples));

writeFileSync(
  join(dir, 'child.mjs'),
  `import { readFileSync } from 'node:fs';
  const [mode, bundle] = process.argv.slice(2);
  if (mode === 'cold') {
    const texts = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'files.json'))}, 'utf8')).map((f) => readFileSync(f, 'utf8'));
    const t0 = performance.now();
    const { read } = await import(bundle);
    const t1 = performance.now();
    let n = 0;
    for (const t of texts) n += read(t).length;
    const t2 = performance.now();
    console.log(JSON.stringify({ import: t1 - t0, read: t2 - t1, total: t2 - t0, docs: n }));
  } else {
    const text = readFileSync(${JSON.stringify(join(dir, 'bulk.yaml'))}, 'utf8');
    const { read } = await import(bundle);
    let t0 = performance.now();
    const n = read(text).length;
    const first = performance.now() - t0;
    let best = Infinity;
    for (let i = 0; i < 8; i++) {
      t0 = performance.now();
      read(text);
      best = Math.min(best, performance.now() - t0);
    }
    console.log(JSON.stringify({ first, best, docs: n, kb: text.length / 1024 }));
  }`,
);

function child(mode, name) {
  const r = spawnSync(process.execPath, [join(dir, 'child.mjs'), mode, join(dir, `${name}.mjs`)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (x) => x.toFixed(2).padStart(8);

console.log(`cold: import + read ${examples.length} example files, fresh process, median of ${runs}`);
console.log('          import     read    total (ms)');
for (const name of Object.keys(readers)) {
  const rs = Array.from({ length: runs }, () => child('cold', name));
  console.log(`  ${name.padEnd(6)}${f(median(rs.map((r) => r.import)))} ${f(median(rs.map((r) => r.read)))} ${f(median(rs.map((r) => r.total)))}   (${rs[0].docs} documents)`);
}

const bulkRuns = Math.max(3, Math.ceil(runs / 3));
console.log(`bulk: one stream of 1,000 Workloads, fresh process, median of ${bulkRuns}`);
console.log('          first call       warm (best of 8)');
for (const name of Object.keys(readers)) {
  const rs = Array.from({ length: bulkRuns }, () => child('bulk', name));
  const kb = rs[0].kb;
  const first = median(rs.map((r) => r.first));
  const best = median(rs.map((r) => r.best));
  console.log(
    `  ${name.padEnd(6)}${f(first)} ms${f(best)} ms   = ${(best / 1000).toFixed(4)} ms/object, ${(best / kb).toFixed(4)} ms/KB warm; ${(first / kb).toFixed(4)} ms/KB first call (${kb.toFixed(0)} KB)`,
  );
}
rmSync(dir, { recursive: true, force: true });
