// `carto test DIR...`: runs the cartotest cases and whole-chain tests under each directory and
// prints the report on stdout whatever the outcome (text like cartotest, or --format json),
// optionally JUnit XML to a file; exit 1 when a case failed or is focused. --update rewrites
// whole-chain expectations (refused when CI is set, unless --force). Progress goes to stderr,
// and only to a terminal.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, normalize } from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';
import { writeDirectory } from '../emit/index.js';
import type { YttRunner } from '../stamp/ytt.js';
import {
  builtinPreprocessor,
  findCases,
  formatJsonReport,
  formatJunitReport,
  formatTextReport,
  nodeFs,
  runSuite,
  suiteFailed,
  type Preprocessor,
  type UpdatePlan,
} from '../testing/index.js';
import { writeErr, writeOut } from './io.js';
import { isTerminal, makeStyle } from './style.js';
import { shardOption } from './shard.js';
import { formatShard, inShard } from '../util/shard.js';
import { formatCount } from '../util/limits.js';

export async function runTest(dirs: string[], options: Record<string, unknown>): Promise<number> {
  if (dirs.length === 0) throw new UsageError('test: give the directory holding the tests (cartotest suites or whole-chain tests)');
  for (const dir of dirs) {
    let stat;
    try {
      stat = statSync(dir);
    } catch {
      throw new UsageError(`test: ${dir}: argument must be a valid path`);
    }
    if (!stat.isDirectory()) throw new UsageError(`test: ${dir}: argument must be a valid directory`);
  }
  const shard = shardOption(options);
  const update = options['update'] === true;
  if (update && inCi() && options['force'] !== true) {
    throw new UsageError(`test --update: CI=${process.env['CI']} says this is a CI run, where expectations are checked, not rewritten; pass --force to rewrite them anyway`);
  }
  const format = options['format'] as 'text' | 'json';
  const junit = options['junit'] as string | undefined;
  const yttPath = (options['ytt'] as string | undefined) ?? (process.env['CARTO_YTT'] || undefined);
  let ytt: YttRunner;
  let preprocess: Preprocessor;
  if (yttPath) {
    ytt = (await import('./ytt-binary.js')).binaryYtt(yttPath);
    preprocess = binaryPreprocessor(yttPath);
  } else {
    ytt = (await import('../stamp/ytt-builtin.js')).budgetedBuiltinYtt();
    preprocess = builtinPreprocessor(nodeFs);
  }

  const found = findCases(dirs, nodeFs);
  if (found.length === 0) {
    writeErr(`carto test: no test cases under ${dirs.join(', ')} (a case is a leaf directory with cartotest's files, or a directory with carto-test.yaml)\n`);
    return 1;
  }
  // A case's shard is a hash of its path as found from the directories given (the same on every runner).
  const cases = shard ? found.filter((c) => inShard(normalize(c.path), shard)) : found;
  if (shard) {
    writeErr(`carto test: shard ${formatShard(shard)}: ${formatCount(cases.length)} of the ${formatCount(found.length)} test cases\n`);
    // With fewer cases than shards some shards are empty: not a failure of the suite.
    if (cases.length === 0) return 0;
  }
  const progress = isTerminal(2);
  // One line, rewritten in place: kept shorter than the terminal is wide, or it would wrap.
  const width = progress ? Math.max(40, (process.stderr.columns || 80) - 1) : 0;
  const line = (i: number, n: number, path: string) => {
    const head = `[${i + 1}/${n}] `;
    const room = width - head.length;
    return head + (path.length > room ? `…${path.slice(path.length - room + 1)}` : path);
  };
  const result = await runSuite(cases, {
    fs: nodeFs,
    preprocess,
    ytt,
    update,
    applyUpdate,
    ...(progress ? { onCase: (i: number, n: number, c: { path: string }) => writeErr(`\r\u001b[K${line(i, n, c.path)}`) } : {}),
  });
  if (progress) writeErr('\r\u001b[K');

  if (junit !== undefined) {
    try {
      mkdirSync(dirname(junit), { recursive: true });
      writeFileSync(junit, formatJunitReport(result));
    } catch (err) {
      throw new UsageError(`test --junit ${junit}: cannot write it: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (format === 'json') {
    writeOut(formatJsonReport(result));
  } else {
    const style = await makeStyle(options['color'] !== false, 1);
    writeOut(formatTextReport(result, { verbose: options['verbose'] === true, style }));
    if (result.failed > 0 && options['verbose'] !== true) writeErr('carto test: run with -v to see why each case failed\n');
  }
  return suiteFailed(result) ? 1 : 0;
}

function inCi(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** Writes a whole-chain expectation: the stream file, or the directory (stale files removed). */
function applyUpdate(plan: UpdatePlan): void {
  if (plan.kind === 'stream') {
    const temp = `${plan.file}.tmp-${process.pid}`;
    writeFileSync(temp, plan.text);
    renameSync(temp, plan.file);
    return;
  }
  mkdirSync(plan.dir, { recursive: true });
  writeDirectory(plan.dir, plan.files);
  for (const file of plan.remove) {
    unlinkSync(file);
    // Drop directories the removal emptied, up to the expectation's root.
    for (let dir = dirname(file); dir.startsWith(`${plan.dir}/`) && readdirSync(dir).length === 0; dir = dirname(dir)) rmdirSync(dir);
  }
}

/** `--ytt PATH`: cartotest's own preprocessing command, `ytt --ignore-unknown-comments -f FILE -f VALUES…`. */
function binaryPreprocessor(path: string): Preprocessor {
  return (files) => {
    const args = ['--ignore-unknown-comments', ...files.flatMap((f) => ['-f', f])];
    const run = spawnSync(path, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
    if (run.error) return { ok: false, message: `ytt: fork/exec ${path}: ${run.error.message}` };
    if (run.status !== 0) return { ok: false, message: run.stderr.trim() !== '' ? run.stderr.trimEnd() : `ytt: exit status ${run.status ?? run.signal}` };
    return { ok: true, text: run.stdout };
  };
}

