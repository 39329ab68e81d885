// npm run mutate: a small mutation sample that the test suite must kill. Each mutant is one exact
// edit of the source (a rule dropped, a comparison loosened) and the few test files that should
// notice it. The run works on a temporary copy of the repository (node_modules and ../shared
// linked, not copied), so the checkout is never edited, whatever happens to the run. It prints one
// line per mutant and exits 1 when any survives (or when a search string no longer occurs exactly
// once: the list is kept as code moves, so it fails loudly, naming the mutant).
//
//   npm run mutate                  every mutant
//   npm run mutate -- jsonpath ytt  the mutants whose name contains one of these words
//   npm run mutate -- --list        the list, without running anything
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * name: what the mutant breaks; file: where; search: text that must occur exactly once there;
 * replace: what it becomes; tests: the test files that must fail; cli: whether those tests run
 * the built binary (dist/ is then rebuilt from the mutated source first).
 */
export const MUTANTS = [
  {
    name: 'lint: a blueprint param with neither value nor default passes',
    file: 'src/lint/webhook-blueprints.ts',
    search: "    if (isSet(item, 'value') === isSet(item, 'default')) {\n      report('param-value-default', `param [",
    replace: "    if (isSet(item, 'value') && isSet(item, 'default')) {\n      report('param-value-default', `param [",
    tests: ['test/lint/webhook.test.ts'],
  },
  {
    name: "lint: a blueprint template's placeholders may use Go field names ($(Workload.…)$)",
    file: 'src/lint/placeholders.ts',
    search: "(context === 'runnable' && k.charAt(0).toUpperCase() + k.slice(1) === head)",
    replace: "(k.charAt(0).toUpperCase() + k.slice(1) === head)",
    tests: ['test/lint/references.test.ts'],
  },
  {
    name: 'jsonpath: an empty slice of one input skips it instead of ending the step',
    file: 'src/jsonpath/evaluate.ts',
    search: 'if (end === start) return result;',
    replace: 'if (end === start) continue;',
    tests: ['test/jsonpath/semantics.test.ts', 'test/jsonpath/differential.test.ts'],
  },
  {
    name: 'jsonpath: the compile cache keeps only the last text',
    file: 'src/jsonpath/compile.ts',
    search: 'if (cache.size >= MAX_ENTRIES)',
    replace: 'if (cache.size >= 1)',
    tests: ['test/jsonpath/parse.test.ts'],
  },
  {
    name: 'ytt: the steps a run used are reported as none',
    file: 'src/ytt/engine.ts',
    search: 'options.stepsUsed?.(used);',
    replace: 'options.stepsUsed?.(0);',
    tests: ['test/ytt/budget.test.ts'],
  },
  {
    name: 'ytt: integer // truncates toward zero instead of flooring',
    file: 'src/ytt/starlark/eval/interp.ts',
    search: "if (typeof x === 'number' && typeof y === 'number') return Math.floor(x / y);",
    replace: "if (typeof x === 'number' && typeof y === 'number') return Math.trunc(x / y);",
    tests: ['test/ytt/properties.test.ts', 'test/ytt/starlark.test.ts'],
  },
  {
    name: 'yaml: a base-60 float string ("1:20") is written unquoted',
    file: 'src/yaml/resolve.ts',
    search: 'return resolveNumeric(s, dialect) !== undefined || isBase60Float(s);',
    replace: 'return resolveNumeric(s, dialect) !== undefined;',
    tests: ['test/yaml/resolve.test.ts', 'test/yaml/emit.test.ts'],
  },
  {
    name: 'select: an empty selector (score 0) can win',
    file: 'src/select/best-match.ts',
    search: 'let highWater = 1;',
    replace: 'let highWater = 0;',
    tests: ['test/render/traps-selection.test.ts', 'test/lint/selection.test.ts'],
  },
  {
    name: "params: a blueprint's value no longer protects the param from the owner",
    file: 'src/stamp/params.ts',
    search: 'if (p.hasValue) settings.push({ name: p.name, level, value: p.value, protected: true });',
    replace: 'if (p.hasValue) settings.push({ name: p.name, level, value: p.value, protected: false });',
    tests: ['test/render/traps-params.test.ts'],
  },
  {
    name: '0.0.6 interpolation: a loop back to the first placeholder goes undetected',
    file: 'src/stamp/interpolate.ts',
    search: 'if (loopAt >= 0) {',
    replace: 'if (loopAt > 0) {',
    tests: ['test/stamp/properties.test.ts', 'test/robustness/limits.test.ts', 'test/render/traps-legacy-0.0.6.test.ts'],
  },
  {
    name: 'outputs: a path that fails on the stamped object is read from the live one instead',
    file: 'src/outputs/read.ts',
    search: 'if (!own.missing) return { found: false, error: own.message };',
    replace: 'if (!own.missing && own.ok) return { found: false, error: own.message };',
    tests: ['test/render/traps-outputs.test.ts'],
  },
  {
    name: '--output-dir: files lose their # Source: header',
    file: 'src/emit/directory.ts',
    search: 'const text = `# Source: ${sourceOf(stamped)}\\n${formatObject(stamped)}`;',
    replace: 'const text = `${formatObject(stamped)}`;',
    tests: ['test/cli/render.test.ts'],
    cli: true,
  },
  {
    name: 'colour: "error:" on a terminal is bold but not red',
    file: 'src/cli/style.ts',
    search: 'error: chalk.red.bold,',
    replace: 'error: chalk.bold,',
    tests: ['test/cli/colour.test.ts'],
    cli: true,
  },
];

/** Each mutant's search text, checked in the checkout before anything runs. */
function checkSearches(mutants) {
  const problems = [];
  for (const m of mutants) {
    const path = join(ROOT, m.file);
    if (!existsSync(path)) {
      problems.push(`${m.name}: ${m.file} does not exist (moved? update scripts/mutate.mjs)`);
      continue;
    }
    const count = readFileSync(path, 'utf8').split(m.search).length - 1;
    if (count !== 1) problems.push(`${m.name}: ${m.file} holds the search text ${count} times, not once (update scripts/mutate.mjs): ${JSON.stringify(m.search)}`);
    for (const t of m.tests) if (!existsSync(join(ROOT, t))) problems.push(`${m.name}: test file ${t} does not exist`);
  }
  return problems;
}

/** The temporary copy: the repository without node_modules, .git, dist and caches; ../shared linked. */
function makeCopy() {
  const base = mkdtempSync(join(tmpdir(), 'carto-mutate-'));
  const copy = join(base, 'repo');
  const skip = new Set(['node_modules', '.git', 'dist', '.cache', '.ci']);
  cpSync(ROOT, copy, { recursive: true, filter: (src) => !skip.has(relative(ROOT, src).split(sep)[0]) });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(copy, 'node_modules'));
  const shared = resolve(ROOT, '..', 'shared');
  if (existsSync(shared)) symlinkSync(realpathSync(shared), join(base, 'shared'));
  return { base, copy };
}

let child = null;
let base = null;
function cleanUp() {
  if (child) child.kill('SIGTERM');
  if (base) rmSync(base, { recursive: true, force: true });
  base = null;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    process.stderr.write(`\nmutate: ${signal}: stopping; the checkout was never edited, the temporary copy is removed\n`);
    cleanUp();
    process.exit(130);
  });
}

/** Runs vitest on `files` in `cwd`: its exit status and output. */
function vitest(cwd, files) {
  const bin = join(cwd, 'node_modules', 'vitest', 'vitest.mjs');
  return new Promise((resolvePromise) => {
    let output = '';
    child = spawn(process.execPath, [bin, 'run', '--test-timeout=60000', ...files], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (status) => {
      child = null;
      resolvePromise({ status, output });
    });
  });
}

/** The first failing test vitest names, for the line of a killed mutant. */
function firstFailure(output) {
  const line = output.split('\n').find((l) => /^\s*(FAIL|×)\s/.test(l));
  return line ? line.trim().replace(/^(FAIL|×)\s+/, '') : 'the run failed';
}

async function runMutant(copy, m) {
  const path = join(copy, m.file);
  const original = readFileSync(path, 'utf8');
  const { atime, mtime } = statSync(path);
  writeFileSync(path, original.replace(m.search, () => m.replace));
  // Without the CLI, keep the file's time so the global setup does not rebuild dist/ for nothing;
  // with it, the new time makes the global setup rebuild dist/ from the mutated source.
  if (!m.cli) utimesSync(path, atime, mtime);
  try {
    return await vitest(copy, m.tests);
  } finally {
    writeFileSync(path, original);
    // After a CLI mutant dist/ holds the mutant: leave the file newer, so the next run rebuilds.
    if (!m.cli) utimesSync(path, atime, mtime);
  }
}

// `npm run mutate -- --list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
});

async function main() {
  const args = process.argv.slice(2);
  const words = args.filter((a) => !a.startsWith('--'));
  const mutants = MUTANTS.filter((m) => words.length === 0 || words.some((w) => m.name.toLowerCase().includes(w.toLowerCase())));
  if (args.includes('--list')) {
    for (const m of mutants) process.stdout.write(`${m.name}\n    ${m.file} · ${m.tests.join(' ')}${m.cli ? ' (rebuilds dist/)' : ''}\n`);
    return 0;
  }
  const problems = checkSearches(mutants);
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`mutate: ${p}\n`);
    return 1;
  }
  if (mutants.length === 0) {
    process.stderr.write(`mutate: no mutant's name contains ${words.join(' or ')}\n`);
    return 1;
  }
  const made = makeCopy();
  base = made.base;
  // Unmutated, the chosen test files must pass: otherwise a failure says nothing about a mutant.
  const files = [...new Set(mutants.flatMap((m) => m.tests))].sort();
  const baseline = await vitest(made.copy, files);
  if (baseline.status !== 0) {
    process.stderr.write(`${baseline.output}\nmutate: the tests fail without any mutant (${firstFailure(baseline.output)}); fix them first\n`);
    return 1;
  }
  let survived = 0;
  for (const m of mutants) {
    const started = Date.now();
    const r = await runMutant(made.copy, m);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (r.status === 0) survived++;
    const verdict = r.status === 0 ? 'SURVIVED' : 'killed  ';
    const why = r.status === 0 ? `${m.file}: ${m.tests.join(' ')} all pass` : firstFailure(r.output);
    process.stdout.write(`${verdict} ${m.name} (${seconds} s) — ${why}\n`);
  }
  process.stdout.write(`mutate: ${mutants.length - survived} of ${mutants.length} mutants killed${survived ? `, ${survived} survived` : ''}\n`);
  return survived > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} finally {
  cleanUp();
}
