// The hostile corpus (test/fixtures/hostile): broken and hostile inputs, one file per case, each
// saying in its header what it attacks and what carto must do:
//
//   # attack: what the file tries
//   # run: the carto command line ({file} the case, {fixtures} the corpus, {out} an output dir,
//     {links} a directory the test makes with symlinks to /dev/zero: zero.yaml, dir-with-device/,
//     and suite/ (support/suite with dev-zero/template.yaml))
//   # exit: the exit code
//   # stderr: a fragment stderr must hold (repeatable)
//   # stdout: `empty`, or a fragment stdout must hold (repeatable); empty when omitted and exit ≠ 0
//   # stdout-not: a fragment stdout must not hold
//   # outdir: `untouched` (nothing written, the file already there kept), `written` or `written N`
//   # stderr-max-lines: at most this many lines on stderr (one paragraph, not a flood)
//   # stderr-max-bytes: at most this many bytes on stderr (a flood of owners or a huge value stays short)
//   # timeout: seconds of CPU time the run may take (default 10; a hang is stopped on the clock, later)
//
// Every case must also end without an internal error or a stack trace, within its time, and
// write nothing outside {out}. The cases run in parallel, a few at a time.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/hostile');
const BIN = join(ROOT, 'bin/carto.js');
const PARALLEL = 4;

interface Case {
  name: string;
  attack: string;
  run: string;
  exit: number;
  stderr: string[];
  stdout: string[];
  stdoutNot: string[];
  outdir?: string;
  stderrMaxLines?: number;
  stderrMaxBytes?: number;
  timeout: number;
}

// Symlinks to a device are made here, never committed: one in the repository would hang any tool
// that reads the tree.
const LINKS = mkdtempSync(join(tmpdir(), 'carto-hostile-links-'));
symlinkSync('/dev/zero', join(LINKS, 'zero.yaml'));
mkdirSync(join(LINKS, 'dir-with-device'));
symlinkSync('/dev/zero', join(LINKS, 'dir-with-device', 'zero.yaml'));
cpSync(join(FIXTURES, 'support/suite'), join(LINKS, 'suite'), { recursive: true });
symlinkSync('/dev/zero', join(LINKS, 'suite/dev-zero/template.yaml'));

function readCase(name: string): Case {
  const path = join(FIXTURES, name);
  const base: Case = { name, attack: '', run: 'render {file}', exit: 1, stderr: [], stdout: [], stdoutNot: [], timeout: 10 };
  const bytes = readFileSync(path);
  // Headers are ASCII; a UTF-16 file is read as UTF-16 to find its header.
  const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString('utf16le') : bytes.toString('utf8');
  const c = { ...base };
  for (const raw of text.replace(/^\ufeff/, '').split('\n')) {
    const m = /^# ([a-z-]+): ?(.*?)\r?$/.exec(raw);
    if (!m) {
      if (raw.startsWith('#')) continue;
      break;
    }
    const [, key, value] = m as unknown as [string, string, string];
    if (key === 'attack') c.attack = value;
    else if (key === 'run') c.run = value;
    else if (key === 'exit') c.exit = Number(value);
    else if (key === 'stderr') c.stderr.push(value);
    else if (key === 'stdout') c.stdout.push(value);
    else if (key === 'stdout-not') c.stdoutNot.push(value);
    else if (key === 'outdir') c.outdir = value;
    else if (key === 'timeout') c.timeout = Number(value);
    else if (key === 'stderr-max-lines') c.stderrMaxLines = Number(value);
    else if (key === 'stderr-max-bytes') c.stderrMaxBytes = Number(value.replaceAll(',', ''));
  }
  return c;
}

interface Outcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** CPU time carto used (user + system). */
  ms: number;
  tmp: string;
  out: string;
}

function runCase(c: Case): Promise<Outcome> {
  const tmp = mkdtempSync(join(tmpdir(), 'carto-hostile-'));
  const out = join(tmp, 'out');
  if (c.outdir === 'untouched') {
    // An output directory with a file of its own: it must be there, unchanged, afterwards.
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'not carto\'s\n');
  }
  const args = c.run
    .split(' ')
    .map((a) => a.replaceAll('{file}', join(FIXTURES, c.name)).replaceAll('{fixtures}', FIXTURES).replaceAll('{links}', LINKS).replaceAll('{out}', out));
  return new Promise((resolve) => {
    // Without NODE_EXTRA_CA_CERTS, which costs every Node process tens of milliseconds to read.
    const { NODE_EXTRA_CA_CERTS: _ca, ...env } = process.env;
    // Through bash, whose `times` reports the CPU time carto used: what a case's limit is about.
    // Wall-clock time on a busy machine (other test files, other jobs) says little about carto.
    const child = spawn('bash', ['-c', '"$@"; s=$?; times >&3; exit $s', 'carto', process.execPath, BIN, ...args], {
      cwd: ROOT,
      env: { ...env, NO_COLOR: '1', CARTO_YTT: '' },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let times = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    (child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8').on('data', (d: string) => (times += d));
    // The safety net for a hang, on the clock: generous, and more so when the machine is loaded.
    const load = Math.max(1, loadavg()[0] ?? 0) / Math.max(1, availableParallelism());
    let killed: NodeJS.Signals | null = null;
    const timer = setTimeout(() => {
      killed = 'SIGKILL';
      process.kill(-(child.pid as number), 'SIGKILL');
    }, (c.timeout + 5) * 1000 * Math.max(2, Math.ceil(load * 2)));
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal: killed ?? signal, stdout, stderr, ms: cpuMs(times), tmp, out });
    });
  });
}

/** The children's user + system time from bash's `times` (its second line: `0m1.250s 0m0.030s`). */
function cpuMs(times: string): number {
  const line = times.trim().split('\n')[1] ?? '';
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000);
  return parts.length === 2 ? (parts[0] as number) + (parts[1] as number) : Number.POSITIVE_INFINITY;
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

const names = readdirSync(FIXTURES)
  .filter((n) => n !== 'support' && !lstatSync(join(FIXTURES, n)).isDirectory())
  .sort();
const cases = names.map(readCase);
const outcomes = new Map<string, Outcome>();

beforeAll(async () => {
  const queue = [...cases];
  const worker = async (): Promise<void> => {
    for (let c = queue.shift(); c; c = queue.shift()) outcomes.set(c.name, await runCase(c));
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}, 600_000);

afterAll(() => {
  rmSync(LINKS, { recursive: true, force: true });
  for (const o of outcomes.values()) rmSync(o.tmp, { recursive: true, force: true });
});

describe('the hostile corpus', () => {
  it('has at least 40 cases, each saying what it attacks', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(c.attack, c.name).not.toBe('');
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const o = outcomes.get(c.name) as Outcome;
    const context = `${c.name} (${c.attack})\n--- stderr:\n${o.stderr.slice(0, 2000)}`;
    expect(o.signal, context).toBeNull();
    expect(o.status, context).toBe(c.exit);
    expect(o.ms, context).toBeLessThan(c.timeout * 1000);
    // A clear message, never an internal error or a stack trace.
    expect(o.stderr, context).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
    // Nor a warning Node prints on its own (`(node:123) Warning: …`), e.g. from a library.
    expect(o.stderr, context).not.toMatch(/^\(node:\d+\) /m);
    if (c.exit !== 0) expect(o.stderr.trim(), context).not.toBe('');
    for (const fragment of c.stderr) expect(o.stderr, context).toContain(fragment);
    if (c.stderrMaxLines !== undefined) expect(o.stderr.split('\n').length - 1, context).toBeLessThanOrEqual(c.stderrMaxLines);
    if (c.stderrMaxBytes !== undefined) expect(Buffer.byteLength(o.stderr), context).toBeLessThanOrEqual(c.stderrMaxBytes);
    if (c.stdout.includes('empty') || (c.exit !== 0 && c.stdout.length === 0)) expect(o.stdout, context).toBe('');
    for (const fragment of c.stdout.filter((s) => s !== 'empty')) expect(o.stdout, context).toContain(fragment);
    for (const fragment of c.stdoutNot) expect(o.stdout, context).not.toContain(fragment);
    // Nothing is written outside the output directory (the temporary directory holds only it).
    expect(readdirSync(o.tmp).filter((n) => n !== 'out'), context).toEqual([]);
    expect(existsSync('/tmp/carto-hostile-owner') || existsSync('/tmp/carto-hostile-resource') || existsSync('/etc/carto-hostile'), context).toBe(false);
    if (c.outdir === 'untouched') {
      expect(filesUnder(o.out), context).toEqual(['keep.txt']);
    } else if (c.outdir?.startsWith('written')) {
      const written = filesUnder(o.out);
      const count = c.outdir.split(' ')[1];
      if (count) expect(written, context).toHaveLength(Number(count));
      else expect(written.length, context).toBeGreaterThan(0);
      // Every file is a YAML file two directories down, named from safe segments only.
      for (const f of written) expect(f, context).toMatch(/^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+\.yaml$/);
      for (const f of written) for (const segment of f.split('/')) expect(['.', '..'], context).not.toContain(segment);
    }
  });
});
