// Benchmark (not a test): times `carto lint` on a generated directory of 200 templates, 20
// supply chains of 10 resources each (with options, inputs and params) and 40 Workloads.
// Run after `npm run build`:  node bench/lint.mjs [--templates N] [--runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TEMPLATES = arg('templates', 200);
const RUNS = arg('runs', 7);
const BIN = fileURLToPath(new URL('../bin/carto.js', import.meta.url));
const KINDS = ['ClusterSourceTemplate', 'ClusterImageTemplate', 'ClusterConfigTemplate', 'ClusterTemplate'];

function template(i, readsSource) {
  const kind = KINDS[i % KINDS.length];
  const paths = {
    ClusterSourceTemplate: '  urlPath: .status.artifact.url\n  revisionPath: .status.artifact.revision\n',
    ClusterImageTemplate: '  imagePath: .status.latestImage\n',
    ClusterConfigTemplate: '  configPath: .data\n',
    ClusterTemplate: '',
  }[kind];
  return `apiVersion: carto.run/v1alpha1
kind: ${kind}
metadata:
  name: tpl-${i}
spec:
${paths}  params:
  - name: replicas
    default: 1
  - name: registry
    default: registry.example.com
  healthRule:
    singleConditionType: Ready
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: $(workload.metadata.name)$-${i}
      labels:
        app.kubernetes.io/part-of: $(workload.metadata.labels['app\\.kubernetes\\.io/part-of'])$
    data:
${readsSource ? '      url: $(sources.source.url)$\n      revision: $(sources.source.revision)$\n' : ''}      image: $(params.registry)$/$(workload.metadata.name)$:$(params.replicas)$
      env: $(workload.spec.env)$
      account: $(workload.spec.serviceAccountName)$
      git: $(workload.spec.source.git.url)$
`;
}

const PER_CHAIN = 10;

/** The nearest resource before template i's resource in its chain that stamps a ClusterSourceTemplate, or -1. */
function sourceBefore(i) {
  const chainStart = i - (i % PER_CHAIN);
  for (let j = i - 1; j >= chainStart; j--) if (KINDS[j % KINDS.length] === 'ClusterSourceTemplate') return j - chainStart;
  return -1;
}

function supplyChain(c, perChain) {
  const resources = [];
  for (let r = 0; r < perChain; r++) {
    const i = c * perChain + r;
    const kind = KINDS[i % KINDS.length];
    resources.push(`  - name: step-${r}
    templateRef:
      kind: ${kind}
      name: tpl-${i}
    params:
    - name: replicas
      value: ${r + 1}
${sourceBefore(i) < 0 ? '' : `    sources:
    - resource: step-${sourceBefore(i)}
      name: source`}`);
  }
  return `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain-${c}
spec:
  selector:
    apps.example.com/chain: chain-${c}
  selectorMatchExpressions:
  - key: apps.example.com/tier
    operator: In
    values: [web, worker]
  params:
  - name: registry
    value: registry.example.com/apps
  resources:
${resources.join('\n')}
`;
}

function workload(w, chains) {
  return `apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: app-${w}
  namespace: apps
  labels:
    apps.example.com/chain: chain-${w % chains}
    apps.example.com/tier: web
    app.kubernetes.io/part-of: app-${w}
spec:
  serviceAccountName: deployer
  source:
    git:
      url: https://example.com/app-${w}.git
      ref: {branch: main}
  env:
  - name: A
    value: b
  params:
  - name: replicas
    value: 3
`;
}

const dir = mkdtempSync(join(tmpdir(), 'carto-lint-bench-'));
try {
  const perChain = PER_CHAIN;
  const chains = Math.max(1, Math.floor(TEMPLATES / perChain));
  for (let i = 0; i < TEMPLATES; i++) writeFileSync(join(dir, `template-${String(i).padStart(3, '0')}.yaml`), template(i, sourceBefore(i) >= 0));
  for (let c = 0; c < chains; c++) writeFileSync(join(dir, `supply-chain-${c}.yaml`), supplyChain(c, perChain));
  writeFileSync(join(dir, 'workloads.yaml'), Array.from({ length: 2 * chains }, (_, w) => workload(w, chains)).join('---\n'));

  const times = [];
  let last;
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    last = spawnSync(process.execPath, [BIN, 'lint', dir], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const baseline = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    baseline.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  // Where the time goes, in a fresh process through the library: reading (YAML) and checking.
  const INDEX = fileURLToPath(new URL('../dist/index.js', import.meta.url));
  const phases = [];
  for (let run = 0; run < RUNS; run++) {
    const script = `const { readInputs, lint } = await import(${JSON.stringify(INDEX)});
      let t = performance.now(); const loaded = readInputs([${JSON.stringify(dir)}]); const read = performance.now() - t;
      t = performance.now(); lint(loaded.documents); const check = performance.now() - t;
      console.log(JSON.stringify({ read, check }));`;
    phases.push(JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const problems = last.stdout.split('\n').filter(Boolean).length;
  console.log(`carto lint: ${TEMPLATES} templates, ${chains} supply chains, ${2 * chains} Workloads (${problems} problems reported, exit ${last.status})`);
  console.log(`  median ${median(times).toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); carto --version alone: ${median(baseline).toFixed(0)} ms`);
  console.log(`  of which, in process: reading the files (YAML) ${median(phases.map((p) => p.read)).toFixed(0)} ms, lint's checks ${median(phases.map((p) => p.check)).toFixed(0)} ms`);
} finally {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(dir);
}
