// Generates the benchmark's carto inputs, deterministically, under the cache folder: N Workloads in
// the style of the blog's (examples/source-to-url/, 5 resources each) and N Workloads in the style of
// examples/ytt/workloads.yaml, each next to a copy of its example's supply chain and templates. The
// large sets (10,000 and 100,000 Workloads) are kept between runs: a marker says one is complete.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

const LANGS = ['golang', 'nodejs', 'ruby', 'tanzu', 'java'];

/** The i-th generated blog-style Workload (as a plain object, namespace left to the default). */
export function blogWorkload(i) {
  const name = `hello-${LANGS[i % LANGS.length]}-${String(i).padStart(4, '0')}`;
  const spec = {
    source: { git: { url: `https://github.com/example/${name}.git`, ref: { branch: i % 3 === 0 ? 'master' : 'main' } } },
  };
  // The blog's four shapes of env and resources: a value, absent, a quoted number, an empty list.
  if (i % 4 === 0) spec.env = [{ name: 'TARGET', value: `World ${i}` }];
  if (i % 4 === 2) spec.env = [{ name: 'PORT', value: '8080' }];
  if (i % 4 === 3) spec.env = [];
  if (i % 2 === 0) spec.resources = {};
  return { apiVersion: 'carto.run/v1alpha1', kind: 'Workload', metadata: { labels: { 'app.tanzu.vmware.com/workload-type': 'web' }, name }, spec };
}

/** The labels the ytt example's Workloads carry (read from the example, so the two cannot drift). */
const YTT_LABELS = (() => {
  const docs = parseAllDocuments(readFileSync(new URL('../examples/ytt/workloads.yaml', import.meta.url), 'utf8')).map((d) => d.toJS());
  return docs.find((d) => d?.kind === 'Workload').metadata.labels;
})();

/** The i-th generated Workload for the ytt example chain (git by tag or branch, or an OCI image). */
export function yttWorkload(i) {
  const name = `ytt-app-${String(i).padStart(4, '0')}`;
  const spec = {};
  if (i % 3 === 2) spec.source = { image: `registry.example.com/sources/${name}` };
  else spec.source = { git: { url: `https://github.com/example/${name}`, ref: i % 3 === 0 ? { tag: `v1.${i}.0` } : { branch: 'main' } } };
  if (i % 2 === 0) spec.build = { env: [{ name: 'BP_JVM_VERSION', value: '21' }] };
  if (i % 4 !== 3) spec.env = [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }];
  if (i % 5 === 0) spec.params = [{ name: 'ports', value: [{ name: 'http', port: 8080 }, { name: 'metrics', port: 9090 }] }];
  return {
    apiVersion: 'carto.run/v1alpha1',
    kind: 'Workload',
    metadata: { name, namespace: 'apps', labels: { ...YTT_LABELS } },
    spec,
  };
}

function writeInputs(dir, exampleDir, workloads) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of ['supply-chain.yaml', 'templates.yaml']) copyFileSync(join(exampleDir, f), join(dir, f));
  writeFileSync(join(dir, 'workloads.yaml'), workloads.map((w) => stringify(w)).join('---\n'));
  return dir;
}

/** A large input set, written once: regenerated only when its marker (or the example) is missing. */
function keptInputs(dir, exampleDir, count) {
  const marker = join(dir, '.complete');
  const stamp = `${count} ${readFileSync(join(exampleDir, 'templates.yaml'), 'utf8').length}\n`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return dir;
  writeInputs(dir, exampleDir, range(count, blogWorkload));
  writeFileSync(marker, stamp);
  return dir;
}

const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));

/** The Workloads of a carto input folder (its *.yaml documents of kind Workload), as plain objects. */
export function readWorkloads(dir) {
  const out = [];
  for (const f of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, f), 'utf8'))) {
      const obj = doc.toJS();
      if (obj?.kind === 'Workload') out.push(obj);
    }
  }
  return out;
}

/** Writes every input set (the largest of `hugeCount` Workloads, none when 0); returns their folders. */
export function generateInputs(root, cacheDir, hugeCount = 100_000) {
  const blog = join(root, 'examples', 'source-to-url');
  const ytt = join(root, 'examples', 'ytt');
  const base = join(cacheDir, 'inputs');
  return {
    blog4: blog, // the bundled example itself, as a user renders it
    blog1000: writeInputs(join(base, 'source-to-url-1000'), blog, range(1000, blogWorkload)),
    blog10000: keptInputs(join(base, 'source-to-url-10000'), blog, 10_000),
    blogHuge: hugeCount ? keptInputs(join(base, `source-to-url-${hugeCount}`), blog, hugeCount) : undefined,
    ytt100: writeInputs(join(base, 'ytt-100'), ytt, range(100, yttWorkload)),
  };
}

/**
 * P8's NEW side: a copy of the input folder `from` (e.g. the 1,000 Workloads) where one template
 * changes (the Service's port, 80 → 8080), so `carto diff from dir` finds every Workload's Service
 * modified and nothing else. Returns the folder.
 */
export function writeChangedTemplate(dir, from) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(from).filter((f) => /\.ya?ml$/.test(f))) copyFileSync(join(from, f), join(dir, f));
  const templates = readFileSync(join(from, 'templates.yaml'), 'utf8');
  const changed = templates.replace(/(kind: Service\n(?:.*\n)*?\s+port: )80\n/, '$18080\n');
  if (changed === templates) throw new Error(`bench: no Service port 80 to change in ${join(from, 'templates.yaml')}`);
  writeFileSync(join(dir, 'templates.yaml'), changed);
  return dir;
}
