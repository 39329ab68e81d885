// Runs commands as a user runs them and times them: a new process per run, stdout and stderr to
// /dev/null, wall time from spawn to exit. Commands being compared run alternately (the order
// flips every repetition) after one discarded warm-up each; medians are what the report uses.
// Also measures a process's peak RSS, and counts the documents of a large output without holding it.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let devNull;
const sink = () => (devNull ??= openSync('/dev/null', 'w'));
export const closeSink = () => devNull !== undefined && closeSync(devNull);

/**
 * A command: { label, cmd, args, env, prepare?, status? }. Runs it once; returns wall milliseconds;
 * throws on failure: an exit code other than `status` (default 0; `carto diff` exits 1 when it finds
 * changes). `prepare` runs before the clock starts (e.g. emptying a cache for a first run ever).
 */
export function timeOnce(c) {
  c.prepare?.();
  const start = performance.now();
  const run = spawnSync(c.cmd, c.args, { env: c.env, stdio: ['ignore', sink(), sink()] });
  const ms = performance.now() - start;
  if (run.error || run.status !== (c.status ?? 0)) {
    const again = spawnSync(c.cmd, c.args, { env: c.env, encoding: 'utf8', maxBuffer: 1e9, stdio: ['ignore', 'ignore', 'pipe'] });
    const why = run.error?.message ?? `exit ${run.status}: ${(again.stderr || '').trim().split('\n').slice(-5).join('\n')}`;
    throw new Error(`${c.label} failed (${c.cmd} ${c.args.join(' ')}): ${why}`);
  }
  return ms;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Measures each item `reps` times, alternating between them (the order flips every repetition)
 * after one discarded warm-up each; → [{ median, samples }].
 */
function alternate(items, reps, measure) {
  for (const item of items) measure(item); // warm-up: file cache, not counted
  const samples = items.map(() => []);
  for (let r = 0; r < reps; r++) {
    const order = items.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) samples[i].push(measure(items[i]));
  }
  return samples.map((s) => ({ median: median(s), samples: s.map((x) => +x.toFixed(1)) }));
}

/** Times each command `reps` times, alternating between them; → [{ label, median, samples }]. */
export function timeAlternating(commands, reps) {
  return alternate(commands, reps, timeOnce).map((m, i) => ({ label: commands[i].label, ...m }));
}

/**
 * CPU time (user + system, milliseconds) of one run of a shell command line, all its processes
 * together (a pipeline's too), from bash's `times` for its children. `line` is shell syntax.
 */
export function cpuOnce(line, env) {
  const run = spawnSync('bash', ['-c', `${line} >/dev/null 2>&1; status=$?; times; exit $status`], { env, encoding: 'utf8' });
  if (run.error || run.status !== 0) throw new Error(`${line} failed: ${run.error?.message ?? `exit ${run.status}`}`);
  const children = run.stdout.trim().split('\n').pop() ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (seconds.length !== 2) throw new Error(`cannot read bash's times for ${line}: ${children}`);
  return (seconds[0] + seconds[1]) * 1000;
}

/** CPU time of shell command lines, alternating as timeAlternating does; → [{ median, samples }]. */
export function cpuAlternating(lines, reps, env) {
  return alternate(lines, reps, (line) => cpuOnce(line, env));
}

const probe = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));

/**
 * Peak RSS of one run, in MB. With GNU time (/usr/bin/time) the process runs untouched; otherwise
 * (a node command only) a preloaded module records process.resourceUsage().maxRSS at exit.
 * `stdoutFile`: stdout goes to that file (as `> file` does) instead of /dev/null.
 */
export function peakRssMB(c, stdoutFile) {
  const out = join(tmpdir(), `carto-bench-rss-${process.pid}.txt`);
  rmSync(out, { force: true });
  const stdout = stdoutFile === undefined ? sink() : openSync(stdoutFile, 'w');
  try {
    return peakRss(c, out, stdout);
  } finally {
    if (stdoutFile !== undefined) closeSync(stdout);
  }
}

function peakRss(c, out, stdout) {
  let failed;
  if (existsSync('/usr/bin/time')) {
    const run = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, c.cmd, ...c.args], { env: c.env, stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status === 0 && existsSync(out)) {
      const kb = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
      rmSync(out, { force: true });
      if (kb > 0) return { mb: kb / 1024, method: '/usr/bin/time -f %M' };
    }
    failed = `exit ${run.status}: ${(run.stderr || '').trim().split('\n').slice(-3).join(' ')}`;
  }
  if (c.cmd !== process.execPath && c.cmd !== 'node') throw new Error(failed ? `${c.label} failed under /usr/bin/time (${failed})` : `no /usr/bin/time to measure ${c.label}`);
  const run = spawnSync(c.cmd, ['--import', probe, ...c.args], { env: { ...c.env, CARTO_BENCH_RSS_OUT: out }, stdio: ['ignore', stdout, sink()] });
  if (run.status !== 0 || !existsSync(out)) throw new Error(`${c.label}: the RSS probe run failed`);
  const kb = Number(readFileSync(out, 'utf8').trim());
  rmSync(out, { force: true });
  return { mb: kb / 1024, method: 'process.resourceUsage().maxRSS at exit (preloaded probe)' };
}

/** YAML documents (`---` lines) in a file, read a chunk at a time (outputs of hundreds of MB). */
export function countDocuments(file) {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  let count = 0;
  let tail = '\n';
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
      const text = tail + buffer.toString('latin1', 0, n);
      for (let i = text.indexOf('\n---\n'); i >= 0; i = text.indexOf('\n---\n', i + 1)) count++;
      tail = text.slice(-4);
    }
  } finally {
    closeSync(fd);
  }
  return count;
}
