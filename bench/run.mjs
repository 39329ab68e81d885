// `npm run bench`: carto's performance targets (issues 5 and 18), measured side by side with their
// peers on this machine. Generates the inputs and the equivalent helm chart under .cache/bench/,
// fetches helm and the pinned Node 22 and 24 when they are missing, checks both tools print the
// same objects, then times cold runs (a new process each) alternately, prints medians and ratios as
// a table and writes them to bench/results/latest.json (and latest.md). Options: --quick (fewer
// repetitions), --reps-small N (default 15), --reps-large N (default 5), --reps-huge N (the
// 100,000-Workload rows, default 3), --huge N (their number of Workloads, default 100,000),
// --only ID[,ID] (run only those rows; an ID also selects the rows it prefixes: P1 is P1, P1-22,
// P1-24 and P1-24-first, P4 is P4a to P4d; B is the baselines). With --only, the results go to
// bench/results/only.json and only.md, so latest.* keeps the last full run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareStreams, objectsOf } from './compare.mjs';
import { writeDepsScripts } from './deps-bundle.mjs';
import { keptChart, writeChart } from './helm-chart.mjs';
import { findHelm, helmEnv } from './helm-fetch.mjs';
import { blogWorkload, generateInputs, readWorkloads, writeChangedTemplate } from './inputs.mjs';
import { closeSink, countDocuments, cpuAlternating, peakRssMB, timeAlternating } from './measure.mjs';
import { findNode } from './node-fetch.mjs';
import { judge, legend, markdownTable, textTable, toJson } from './report.mjs';
import { findYtt } from './ytt-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, '.cache', 'bench');
const resultsDir = join(root, 'bench', 'results');
const log = (s) => process.stderr.write(`${s}\n`);
const loadAtStart = loadavg().map((x) => +x.toFixed(2)); // other work on the machine skews timings

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const quick = process.argv.includes('--quick');
const reps = { small: option('--reps-small', quick ? 5 : 15), large: option('--reps-large', quick ? 3 : 5), huge: option('--reps-huge', quick ? 1 : 3) };
const hugeCount = option('--huge', 100_000);
const onlyArg = process.argv.indexOf('--only') > 0 ? process.argv[process.argv.indexOf('--only') + 1] ?? '' : undefined;
const only = onlyArg?.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
if (only && !only.length) {
  process.stderr.write('carto bench: --only needs row IDs, e.g. --only P2,P4c\n');
  process.exit(2);
}
/** Whether any of the rows `ids` is selected (all are without --only). */
const wanted = (...ids) => !only || ids.some((id) => only.some((o) => id.toUpperCase().startsWith(o)));
const HUGE_IDS = ['P4c', 'P4d', 'P5'];
const P1_IDS = ['P1', 'P1-22', 'P1-24', 'P1-24-first'];
const ALL_IDS = ['B1', 'B2', 'B3', ...P1_IDS, 'P2', 'P3', 'P7', 'P7c', 'P4a', 'P4b', ...HUGE_IDS, 'P6', 'P8'];
for (const o of only ?? []) {
  if (ALL_IDS.some((id) => id.toUpperCase().startsWith(o))) continue;
  process.stderr.write(`carto bench: --only ${o}: no such row (the rows are ${ALL_IDS.join(', ')})\n`);
  process.exit(2);
}
const count = (n) => n.toLocaleString('en-US');

// The two environments: as this one is, and without NODE_EXTRA_CA_CERTS (Node reads the whole CA
// file at start-up when it is set, which costs every node process tens of milliseconds).
const unsetEnv = { ...process.env };
delete unsetEnv.NODE_EXTRA_CA_CERTS;
const envs = [];
if (process.env.NODE_EXTRA_CA_CERTS) {
  envs.push({ id: 'ca-set', short: 'CA set', title: 'NODE_EXTRA_CA_CERTS set', label: `NODE_EXTRA_CA_CERTS=${process.env.NODE_EXTRA_CA_CERTS} (as in this environment)`, env: process.env });
}
envs.push({ id: 'ca-unset', short: 'CA unset', title: 'NODE_EXTRA_CA_CERTS unset', label: `NODE_EXTRA_CA_CERTS unset${envs.length ? '' : ' (it is not set in this environment)'}`, env: unsetEnv });

// ---- inputs, peers, and a check that carto and helm print the same objects ----
mkdirSync(cacheDir, { recursive: true });
log(`carto bench: inputs under ${cacheDir}`);
const inputs = generateInputs(root, cacheDir, wanted(...HUGE_IDS) ? hugeCount : 0);
const helm = findHelm(cacheDir, log);
log(helm.available ? `helm: ${helm.version} (${helm.source})` : `helm: UNAVAILABLE: ${helm.reason}\n      the helm ratios (P1, P2) are reported as n/a`);
const ytt = findYtt(cacheDir);
log(`ytt for --ytt: ${ytt.note}`);
const deps = await writeDepsScripts(cacheDir);
// P1 also runs carto on the LTS lines people run (22 and 24), pinned, fetched when missing.
const notRun = (major) => ({ available: false, version: String(major), reason: 'not selected by --only' });
const nodes = wanted('P1-22', 'P1-24') ? { 22: findNode(22, root), 24: findNode(24, root) } : { 22: notRun(22), 24: notRun(24) };
for (const n of Object.values(nodes)) if (wanted('P1-22', 'P1-24')) log(n.available ? `node ${n.version}: ${n.path} (${n.source})` : `node ${n.version}: UNAVAILABLE: ${n.reason}`);

const node = process.execPath;
const carto = (...args) => ({ cmd: node, args: [join(root, 'bin', 'carto.js'), ...args] });
const cartoRender = (dir, ...more) => carto('render', '-f', dir, ...more);
const charts = {
  blog4: writeChart(join(cacheDir, 'chart-4'), readWorkloads(inputs.blog4)),
  blog1000: writeChart(join(cacheDir, 'chart-1000'), readWorkloads(inputs.blog1000)),
  blogHuge: wanted(...HUGE_IDS) ? keptChart(join(cacheDir, `chart-${hugeCount}`), hugeCount, blogWorkload) : undefined,
};
// carto's own code caches for Nodes other than the one that built it (bin/carto.js): one
// directory each, emptied now (this build's caches are written by the first run) and, for the
// first run ever, before every run.
const codeCaches = join(cacheDir, 'code-cache');
rmSync(codeCaches, { recursive: true, force: true });
const cartoOn = (n, cache, ...args) => ({ ...carto(...args), cmd: n.path, extraEnv: { CARTO_CACHE_DIR: join(codeCaches, cache) } });
const firstRunEver = (n, ...args) => ({ ...cartoOn(n, 'first-run', ...args), prepare: () => rmSync(join(codeCaches, 'first-run'), { recursive: true, force: true }) });
const helmTemplate = (chart) => ({ cmd: helm.path, args: ['template', 'bench', chart.dir, ...(chart.values ? ['-f', chart.values] : [])], helm: true });

function capture(c) {
  const env = c.helm ? helmEnv(cacheDir) : process.env;
  const run = spawnSync(c.cmd, c.args, { env, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error || run.status !== 0) throw new Error(`${c.cmd} ${c.args.join(' ')} failed: ${run.error?.message ?? run.stderr}`);
  return run.stdout;
}

const checks = {};
const countDocs = (s) => objectsOf(s).length;
for (const [key, expected] of [['blog4', 20], ['blog1000', 5000]]) {
  if (key === 'blog4' ? !wanted(...P1_IDS) : !wanted('P2', 'P5')) continue; // P5 uses blog1000's check
  const cartoOut = capture(cartoRender(inputs[key]));
  const check = { expected, carto: countDocs(cartoOut) };
  if (helm.available) {
    const cmp = compareStreams(cartoOut, capture(helmTemplate(charts[key])));
    Object.assign(check, { helm: cmp.right, sameObjects: cmp.mismatches.length === 0 && cmp.left === expected, firstDifference: cmp.mismatches[0] });
  }
  checks[key] = check;
  log(`check ${key}: carto ${check.carto} objects, helm ${check.helm ?? 'n/a'} (expected ${expected})${check.sameObjects === false ? ` — DIFFERENT: ${check.firstDifference.slice(0, 400)}` : check.sameObjects ? ', the same objects' : ''}`);
}
if (wanted('P3')) {
  const yttBuiltin = countDocs(capture(cartoRender(inputs.ytt100)));
  const yttSpawned = countDocs(capture(cartoRender(inputs.ytt100, '--ytt', ytt.path)));
  checks.ytt100 = { expected: 400, builtin: yttBuiltin, spawned: yttSpawned };
  log(`check ytt100: built-in ${yttBuiltin} objects, --ytt ${yttSpawned} (expected 400)`);
}

// P7's inputs: the ytt package example, rendered in one command or through the real ytt.
const pkg = join(root, 'examples', 'ytt-package');
const pkgArgs = ['-f', join(pkg, 'config'), '--data-values-file', join(pkg, 'values.yaml')];
const pkgDirect = carto('render', ...pkgArgs, '-f', join(pkg, 'hello.yaml'));
if (ytt.kind === 'ytt' && wanted('P7', 'P7c')) {
  const yttOut = capture({ cmd: ytt.path, args: pkgArgs });
  const piped = spawnSync(node, [join(root, 'bin', 'carto.js'), 'render', '-f', '-', '-f', join(pkg, 'hello.yaml')], { input: yttOut, encoding: 'utf8' }).stdout;
  const direct = capture(pkgDirect);
  checks.yttPackage = { objects: countDocs(direct), sameAsPipeline: direct === piped };
  log(`check ytt-package: ${checks.yttPackage.objects} objects, ${direct === piped ? 'the same bytes as ytt | carto' : 'DIFFERENT from ytt | carto'}`);
}

function helmNa(key) {
  if (!helm.available) return 'helm unavailable';
  if (!checks[key].sameObjects) return 'helm chart output differs from carto';
  return undefined;
}

// ---- rows measured in groups ----

/** P1: the source-to-url example on this Node, on Node 22 and 24 (later runs), and on 24's first run ever, against helm. */
function p1Rows(e, time) {
  const args = ['render', '-f', inputs.blog4];
  const version = (major) => nodes[major].version.replace(/^v/, '');
  const variants = [
    { id: 'P1', on: `Node ${process.version.slice(1)}`, c: carto(...args), limit: 0.75 },
    ...[22, 24].map((major) => ({ id: `P1-${major}`, on: `Node ${version(major)}, later runs`, c: nodes[major].available ? cartoOn(nodes[major], String(major), ...args) : undefined, na: nodes[major].reason, limit: 0.75 })),
    { id: 'P1-24-first', on: `Node ${version(24)}, first run ever`, c: nodes[24].available ? firstRunEver(nodes[24], ...args) : undefined, na: nodes[24].reason, limit: 1 },
  ];
  const chosen = variants.filter((v) => wanted(v.id));
  const runnable = chosen.filter((v) => v.c);
  const withHelm = !helmNa('blog4');
  const timed = time('P1', [...runnable.map((v) => v.c), ...(withHelm ? [helmTemplate(charts.blog4)] : [])], reps.small);
  const helmRun = withHelm ? timed.at(-1) : undefined;
  for (const v of chosen) {
    const fields = { short: `P1 render 4 WL (20 obj) vs helm, ${v.on}`, target: `cold render: source-to-url example (4 Workloads, 20 objects), ${v.on}`, vs: 'helm template, same 20 objects', limit: { max: v.limit, text: `ratio <= ${v.limit === 1 ? '1.0' : v.limit}` } };
    const i = runnable.indexOf(v);
    if (i < 0) put(v.id, fields, e.id, undefined, undefined, `Node unavailable: ${v.na}`);
    else put(v.id, fields, e.id, timed[i], helmRun, withHelm ? undefined : helmNa('blog4'));
  }
}

/** P7: a ytt package rendered in one command, against the pipeline users run without carto's
 *  engine (the real ytt, then carto on its output): the built-in engine must not be slower. */
function p7Rows(e, time) {
  const p7 = { short: 'P7 ytt package vs ytt | carto', target: 'render examples/ytt-package (ytt package + Workload) in one command', vs: `${ytt.kind === 'ytt' ? ytt.version : 'ytt'} -f config | carto render -f -`, limit: { max: 1, text: 'ratio <= 1.0' } };
  const direct = pkgDirect;
  if (ytt.kind !== 'ytt') {
    put('P7', p7, e.id, time('P7', [direct], reps.small)[0], undefined, 'no real ytt binary (set BENCH_YTT)');
    return;
  }
  const quote = (a) => `'${a.replace(/'/g, "'\\''")}'`;
  const pipelineLine = `${quote(ytt.path)} ${pkgArgs.map(quote).join(' ')} | ${quote(node)} ${quote(join(root, 'bin', 'carto.js'))} render -f - -f ${quote(join(pkg, 'hello.yaml'))}`;
  const pipeline = { cmd: '/bin/sh', args: ['-c', pipelineLine] };
  put('P7', p7, e.id, ...time('P7', [direct, pipeline], reps.small));
  // The pipeline's two processes run on two cores at once; what both cost in CPU is the other measure.
  log(`   P7 CPU time (${reps.small} runs each, alternating) ...`);
  const directLine = [direct.cmd, ...direct.args].map(quote).join(' ');
  put('P7c', { short: 'P7 CPU time: package vs ytt | carto', target: 'the same, CPU time (user + system) of all its processes', vs: 'the pipeline, both processes', limit: { max: 1, text: 'ratio <= 1.0' } },
    e.id, ...cpuAlternating([directLine, pipelineLine], reps.small, e.env));
}

const HUGE = {
  P4c: { short: `P4 peak RSS, ${count(hugeCount)} WL to a file`, target: `peak RSS, ${count(hugeCount)} Workloads (${count(5 * hugeCount)} objects), stdout to a file`, unit: 'MB', limit: { max: 300, text: '<= 300 MB', on: 'carto' } },
  P4d: { short: `P4 time ${count(hugeCount)} WL vs 10,000 WL`, target: `linearity: ${count(hugeCount)} Workloads vs 10,000 (${hugeCount / 10_000}x)`, vs: 'carto, 10,000 Workloads', limit: { max: 10.5, text: 'ratio <= 10.5' } },
  P5: { short: `P5 render ${count(hugeCount)} WL (${count(5 * hugeCount)} obj) vs helm`, target: `${count(hugeCount)} Workloads, same 5-resource chain (${count(5 * hugeCount)} objects)`, vs: `helm template, same ${count(5 * hugeCount)} objects`, limit: { max: 0.35, text: 'ratio <= 0.35' } },
};

/** P4c, P4d and P5: 100,000 Workloads. The first run of each writes to a file, whose objects are counted (and carto's peak RSS read). */
function hugeRows(e, withEnv) {
  const out = join(cacheDir, `out-${hugeCount}.yaml`);
  const cartoHuge = withEnv({ label: `carto ${count(hugeCount)}`, ...cartoRender(inputs.blogHuge) });
  log(`   P4 peak RSS, ${count(hugeCount)} Workloads to a file (${out}) ...`);
  const rss = peakRssMB(cartoHuge, out);
  const check = (checks.blogHuge = { expected: 5 * hugeCount, carto: countDocuments(out) });
  if (wanted('P4c')) {
    put('P4c', HUGE.P4c, e.id, rss.mb);
    rows.get('P4c').method = rss.method;
  }
  const withHelm = wanted('P5') && helm.available && checks.blog1000.sameObjects;
  if (withHelm) {
    log(`   helm template, ${count(hugeCount)} Workloads, to a file (once, for its count) ...`);
    peakRssMB(withEnv({ label: `helm ${count(hugeCount)}`, ...helmTemplate(charts.blogHuge) }), out);
    check.helm = countDocuments(out);
  }
  rmSync(out, { force: true });
  log(`check blogHuge: carto ${check.carto} objects, helm ${check.helm ?? 'n/a'} (expected ${count(check.expected)})`);
  if (!wanted('P4d', 'P5')) return;
  const tenK = wanted('P4d') ? [withEnv({ label: 'carto 10,000', ...cartoRender(inputs.blog10000) })] : [];
  const helmRun = withHelm ? [withEnv({ label: `helm ${count(hugeCount)}`, ...helmTemplate(charts.blogHuge) })] : [];
  log(`   P4/P5, ${count(hugeCount)} Workloads (${reps.huge} runs each, alternating) ...`);
  const [huge, ...rest] = timeAlternating([cartoHuge, ...tenK, ...helmRun], reps.huge);
  if (tenK.length) put('P4d', HUGE.P4d, e.id, huge, rest.shift());
  if (!wanted('P5')) return;
  const sameCount = check.helm === check.carto && check.carto === check.expected;
  put('P5', HUGE.P5, e.id, huge, rest.shift(), withHelm ? (sameCount ? undefined : 'helm printed another number of objects') : helmNa('blog1000'));
}

// ---- measurements, one environment at a time ----
const rows = new Map();
const row = (id, fields) => {
  if (!rows.has(id)) rows.set(id, { id, cols: {}, unit: 'ms', ...fields });
  return rows.get(id);
};
// carto and peer: a number, or a timing { median, samples } (the samples go to the JSON).
const put = (id, fields, envId, cartoRun, peerRun, naReason) => {
  if (!wanted(id)) return; // measured with a selected row of its group, not asked for itself
  const r = row(id, fields);
  const [carto, peer] = [cartoRun, peerRun].map((x) => (typeof x === 'object' ? x.median : x));
  const ratio = carto !== undefined && peer !== undefined ? carto / peer : undefined;
  const value = r.limit?.on === 'carto' ? carto : ratio;
  const samples = [cartoRun, peerRun].some((x) => typeof x === 'object') ? { carto: cartoRun?.samples, peer: peerRun?.samples } : undefined;
  r.cols[envId] = { carto, peer, ratio: r.limit?.on === 'carto' ? undefined : ratio, ...judge(value, r.limit, naReason), samples };
};

for (const e of envs) {
  log(`\n== ${e.label}`);
  const withEnv = (c) => ({ ...c, env: { ...(c.helm ? helmEnv(cacheDir, e.env) : e.env), ...c.extraEnv } });
  const time = (label, commands, n) => {
    log(`   ${label} (${n} runs each, alternating) ...`);
    return timeAlternating(commands.map((c, i) => withEnv({ label: `${label} #${i}`, ...c })), n);
  };

  // Baselines: what any node process, the dependencies, and start-up alone cost.
  if (wanted('B1', 'B2', 'B3')) {
    const base = [
      { cmd: node, args: ['-e', ''] },
      { cmd: node, args: [deps.modules] },
      ...(deps.bundle ? [{ cmd: node, args: [deps.bundle] }] : []),
      carto('--version'),
      ...(helm.available ? [{ cmd: helm.path, args: ['version'], helm: true }] : []),
    ];
    const b = time('baselines', base, reps.small);
    const [bNode, bModules] = b;
    const bBundle = deps.bundle ? b[2] : undefined;
    const bCarto = b[deps.bundle ? 3 : 2];
    const bHelm = helm.available ? b.at(-1) : undefined;
    put('B1', { short: 'node -e ""', target: 'node -e "" (bare Node start-up)' }, e.id, bNode);
    put('B2', { short: 'import 5 deps: node_modules vs 1 bundle', target: 'node: import commander, yaml, chalk, jsonpath-plus, ajv from node_modules', vs: 'the same imports as one esbuild bundle' }, e.id, bModules, bBundle, deps.bundle ? undefined : deps.bundleError);
    put('B3', { short: 'carto --version vs helm version', target: 'carto --version (start-up only)', vs: 'helm version' }, e.id, bCarto, bHelm, helm.available ? undefined : 'helm unavailable');
  }

  if (wanted(...P1_IDS)) p1Rows(e, time);

  const p2 = { short: 'P2 render 1,000 WL (5,000 obj) vs helm', target: '1,000 Workloads, same 5-resource chain (5,000 objects)', vs: 'helm template, same 5,000 objects', limit: { max: 0.35, text: 'ratio <= 0.35' } };
  if (wanted('P2') && helmNa('blog1000')) put('P2', p2, e.id, time('P2', [cartoRender(inputs.blog1000)], reps.large)[0], undefined, helmNa('blog1000'));
  else if (wanted('P2')) put('P2', p2, e.id, ...time('P2', [cartoRender(inputs.blog1000), helmTemplate(charts.blog1000)], reps.large));

  const p3vs = ytt.kind === 'ytt' ? `--ytt ${ytt.version}` : `--ytt ${ytt.kind} (lower bound)`;
  if (wanted('P3')) put('P3', { short: `P3 ytt 100 WL: built-in vs --ytt${ytt.kind === 'ytt' ? '' : ' stand-in'}`, target: '100 Workloads, ytt example chain (400 ytt templates), built-in engine', vs: p3vs, limit: { max: 0.05, text: 'ratio <= 0.05 (20x)' } },
    e.id, ...time('P3', [cartoRender(inputs.ytt100), cartoRender(inputs.ytt100, '--ytt', ytt.path)], reps.large));

  if (wanted('P7', 'P7c')) p7Rows(e, time);
  if (wanted('P4a')) p4aRow(e, withEnv);
  if (wanted('P4b')) put('P4b', { short: 'P4 time 10,000 WL vs 1,000 WL', target: 'linearity: 10,000 Workloads vs 1,000 (10x)', vs: 'carto, 1,000 Workloads', limit: { max: 10.5, text: 'ratio <= 10.5' } },
    e.id, ...time('P4 linearity', [cartoRender(inputs.blog10000), cartoRender(inputs.blog1000)], reps.large));
  // The 100,000-Workload rows take minutes: measured once, without the CA bundle (a start-up cost, lost at this scale).
  if (e === envs.at(-1)) {
    if (wanted(...HUGE_IDS)) hugeRows(e, withEnv);
  } else for (const id of HUGE_IDS.filter((id) => wanted(id))) put(id, HUGE[id], e.id, undefined, undefined, `measured with ${envs.at(-1).title} only`);
  if (wanted('P6')) validationRow(e, time);
  if (wanted('P8')) diffRow(e, time);
}
closeSink();

// ---- report ----
const all = [...rows.values()];
const machine = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${release()} ${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGB: +(totalmem() / 2 ** 30).toFixed(1),
  loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((x) => +x.toFixed(2)) },
};
const peers = {
  helm: helm.available ? { version: helm.version, source: helm.source } : { unavailable: helm.reason },
  ytt: { kind: ytt.kind, version: ytt.version, note: ytt.note },
  rssMethod: (rows.get('P4a') ?? rows.get('P4c'))?.method,
  checks,
};
const settings = { only: only?.join(','), repsSmall: reps.small, repsLarge: reps.large, repsHuge: reps.huge, nodes: Object.fromEntries(Object.entries(nodes).map(([k, n]) => [k, n.available ? { version: n.version, source: n.source } : { version: n.version, unavailable: n.reason }])), statistic: 'median wall time of cold runs (new process each, stdout and stderr to /dev/null), alternating, after one warm-up' };

const text = textTable(all, envs);
process.stdout.write(`\n${text}\n\n${legend(all)}\n`);
for (const e of envs) process.stdout.write(`[${e.short}] ${e.label}\n`);
process.stdout.write(`helm: ${helm.available ? `${helm.version}, ${helm.source}` : `unavailable (${helm.reason})`}\n`);
process.stdout.write(`ytt:  ${ytt.note}\n`);
process.stdout.write(`node ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.platform}; ${reps.small} runs (small) / ${reps.large} runs (large), medians\n`);

mkdirSync(resultsDir, { recursive: true });
const json = toJson({ rows: all, envs, machine, peers, settings });
const md = `${markdownTable(all, envs)}\n\n${legend(all).split('\n').map((l) => `- ${l}`).join('\n')}\n\n${envs.map((e) => `[${e.short}] ${e.label}`).join('  \n')}  \nhelm: ${helm.available ? helm.version : 'unavailable'}; ytt: ${ytt.note}  \nnode ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.date.slice(0, 10)}; medians of ${reps.small} (small) / ${reps.large} (large) cold runs\n`;
const base = only ? 'only' : 'latest'; // a partial run must not overwrite the last full one
for (const [name, body] of [[`${base}.json`, `${JSON.stringify(json, null, 2)}\n`], [`${base}.md`, md]]) {
  writeFileSync(join(resultsDir, `${name}.tmp`), body);
  renameSync(join(resultsDir, `${name}.tmp`), join(resultsDir, name));
}
process.stdout.write(`wrote bench/results/${base}.json and bench/results/${base}.md\n`);

/** P4a: peak RSS of 1,000 Workloads, the largest of three runs. */
function p4aRow(e, withEnv) {
  const rss = [1, 2, 3].map(() => peakRssMB(withEnv({ label: 'P4 RSS', ...cartoRender(inputs.blog1000) })));
  log(`   P4 peak RSS (${rss[0].method}, max of 3 runs) ...`);
  put('P4a', { short: 'P4 peak RSS, 1,000 WL', target: 'peak RSS, 1,000 Workloads (5,000 objects)', unit: 'MB', limit: { max: 150, text: '<= 150 MB', on: 'carto' } }, e.id, Math.max(...rss.map((r) => r.mb)));
  rows.get('P4a').method = rss[0].method;
}

/**
 * P6: `carto render --validate` of the 1,000 Workloads (their Deployments, Services and Ingresses
 * checked against Kubernetes' schemas) against the same render without it: validating may cost at
 * most half as much again.
 */
function validationRow(e, time) {
  const p6 = { short: 'P6 render --validate 1,000 WL vs render', target: '1,000 Workloads (5,000 objects), render --validate', vs: 'the same render without --validate', limit: { max: 1.5, text: 'ratio <= 1.5' } };
  put('P6', p6, e.id, ...time('P6', [cartoRender(inputs.blog1000, '--validate'), cartoRender(inputs.blog1000)], reps.large));
}

/**
 * P8: `carto diff OLD NEW` of the 1,000 Workloads, where NEW changes one template (every Workload's
 * Service is modified: 1,000 changes), against one `carto render` of OLD: diffing renders both
 * sides and compares them, and may cost at most twice one render. carto diff exits 1 when it finds
 * changes, and must here (status 1).
 */
function diffRow(e, time) {
  const changed = writeChangedTemplate(join(cacheDir, 'inputs', 'source-to-url-1000-changed'), inputs.blog1000);
  const p8 = { short: 'P8 diff 1,000 WL (1 template changed) vs render', target: '1,000 Workloads, carto diff OLD NEW where NEW changes one template (1,000 objects modified)', vs: 'one carto render of OLD', limit: { max: 2, text: 'ratio <= 2.0' } };
  const diff = { ...carto('diff', inputs.blog1000, changed), status: 1 };
  put('P8', p8, e.id, ...time('P8', [diff, cartoRender(inputs.blog1000)], reps.large));
}
