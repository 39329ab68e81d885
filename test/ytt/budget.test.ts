// The step budget covers every kind of work a template can do (calls, conditional expressions,
// comprehension items, long expressions, walks over shared values), the traceback of a runaway
// template stays short, and deeply nested YAML is refused promptly.
import { describe, expect, it } from 'vitest';
import { runYtt, yttBudget, YttError, type YttBudget } from '../../src/ytt/index.js';

function steps(text: string, maxSteps = 100_000_000): number {
  let used = 0;
  runYtt([{ name: 'stdin.yml', text }], { maxSteps, stepsUsed: (n) => (used = n) });
  return used;
}

function failure(text: string, maxSteps = 100_000_000): YttError {
  try {
    runYtt([{ name: 'stdin.yml', text }], { maxSteps });
  } catch (e) {
    if (e instanceof YttError) return e;
    throw e;
  }
  throw new Error('expected the template to fail');
}

describe('what costs steps', () => {
  it('function calls and conditional expressions: a recursion in one expression is charged for each call', () => {
    // 2,047 calls, each one statement: with calls free this cost ~2,000 steps
    const n = steps('#@ def f(n):\n#@   return [f(n-1), f(n-1)] if n > 0 else 1\n#@ end\na: #@ len(str(f(10)))\n');
    expect(n).toBeGreaterThan(2_047 * 20);
  });
  it('lambdas recursing in a conditional expression', () => {
    expect(steps('#@ f = lambda n: [f(n-1), f(n-1)] if n > 0 else 1\na: #@ len(str(f(10)))\n')).toBeGreaterThan(2_047 * 20);
  });
  it('built-in calls, comprehension items and the length of an expression', () => {
    const base = steps('a: #@ len([1 for i in range(1000)])\n');
    expect(steps('a: #@ len([len("x") for i in range(1000)])\n') - base).toBeGreaterThan(1_000 * 5);
    const long = `#@ def f():\n#@   n = 0\n#@   for i in range(100):\n#@     n = ${['n', ...Array(1_000).fill('1')].join('+')}\n#@   end\n#@   return n\n#@ end\na: #@ f()\n`;
    expect(steps(long)).toBeGreaterThan(100 * 2_000);
  });
  it('a recursion of 2^40 calls stops promptly with the step-budget error', () => {
    const started = cpuMs();
    const e = failure('#@ def f(n):\n#@   return [f(n-1), f(n-1)] if n > 0 else 1\n#@ end\na: #@ len(str(f(40)))\n', 5_000_000);
    expect(e.detail).toBe('Starlark computation cancelled: too many steps (limit 5000000)');
    expect(cpuMs() - started).toBeLessThan(2_000);
  });
  it('a step is bounded work: the costliest loops take well under a second for 10,000,000 steps', () => {
    for (const body of ['n = n + 1', 'len("abc")', 'x = [0] * 255', 'x = {"a": 1, "b": [1, 2]}', '-1 in l', 's.upper()']) {
      const started = cpuMs();
      const e = failure(`#@ def f():\n#@   n = 0\n#@   l = list(range(250))\n#@   s = "x" * 4000\n#@   for i in range(1000000000):\n#@     ${body}\n#@   end\n#@ end\na: #@ f()\n`, 10_000_000);
      // the budget stopped it, not another limit: the loop would run for a billion iterations
      expect(e.detail, body).toBe('Starlark computation cancelled: too many steps (limit 10000000)');
      expect(cpuMs() - started, body).toBeLessThan(1_000);
    }
  });
});

/**
 * This process's CPU time in ms: what a step costs, unlike the wall clock, does not grow when
 * other work shares the machine (a loaded CI runner made the wall-clock version fail).
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

describe('walks over shared values cost steps for every item visited', () => {
  it.each([
    ['str()', 'a: #@ len(str([[1]*5000]*5000))\n'],
    ['json.encode', '#@ load("@ytt:json", "json")\na: #@ len(json.encode([[1]*5000]*5000))\n'],
    ['yaml.encode', '#@ load("@ytt:yaml", "yaml")\na: #@ len(yaml.encode([[1]*5000]*5000))\n'],
    ['the output document', 'a: #@ [[1]*5000]*5000\n'],
    ['==', 'a: #@ [[1]*5000]*5000 == [[1]*5000]*5000\n'],
  ])('%s of a list holding one list 5,000 times', (_name, text) => {
    const started = cpuMs();
    const e = failure(text, 10_000_000);
    expect(e.detail).toContain('too many steps (limit 10000000)');
    expect(e.text).toContain('stdin.yml:');
    expect(cpuMs() - started).toBeLessThan(2_000);
  });
  it('real values cost little, but something: the counter runs', () => {
    const text = '#@ load("@ytt:json", "json")\na: #@ json.encode({"k": [1, 2, 3], "m": {"x": "y"}})\nb: #@ str([1, 2, 3])\n';
    const used = steps(text);
    expect(used).toBeGreaterThan(10);
    expect(used).toBeLessThan(1_000);
    // and the same template under a budget of fewer steps than it needs stops with the budget error
    expect(failure(text, used - 1).detail).toBe(`Starlark computation cancelled: too many steps (limit ${used - 1})`);
  });
});

describe('tracebacks', () => {
  it('repeated frames are collapsed: the call-depth error of an endless recursion is a few lines', () => {
    const e = failure('#@ def down(n):\n#@   return down(n + 1)\n#@ end\na: #@ down(0)\n');
    expect(e.text).toBe(
      'ytt: Error: \n- Starlark call stack depth limit exceeded (limit 200) calling down\n' +
        '    in down\n      stdin.yml:2 | #@   return down(n + 1)\n' +
        '    [the frame above repeated 199 more times]\n' +
        '    in <toplevel>\n      stdin.yml:4 | a: #@ down(0)\n',
    );
    expect(e.line).toBe(2);
  });
  it('mutual recursion is collapsed as a cycle of frames', () => {
    const e = failure('#@ def f(n):\n#@   return g(n)\n#@ end\n#@ def g(n):\n#@   return f(n)\n#@ end\na: #@ f(0)\n');
    expect(e.text.split('\n').length).toBeLessThan(15);
    expect(e.text).toContain('    [the 2 frames above repeated 99 more times]\n');
  });
  it('two or three repeats are kept as they are (as ytt prints them)', () => {
    const e = failure('#@ def f(n):\n#@   return 1 // 0 if n == 0 else f(n - 1)\n#@ end\na: #@ f(2)\n');
    expect(e.text).not.toContain('repeated');
    expect(e.text.match(/in f/g)).toHaveLength(3);
  });
});

describe('deeply nested YAML in a template', () => {
  it.each([
    ['flow', `a: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`],
    ['block sequences', `a:\n${'- '.repeat(200_000)}x\n`],
  ])('%s deeper than 1,000 levels: an error naming the limit, promptly', (_name, text) => {
    const started = cpuMs();
    const e = failure(text);
    expect(e.detail).toMatch(/^Unmarshaling YAML template 'stdin.yml': yaml: line [12]: maps and lists nest deeper than carto's limit of 1,000 levels$/);
    expect(cpuMs() - started).toBeLessThan(1_000);
  });
  it('nesting up to the limit, brackets in strings and comments, are read', () => {
    expect(runYtt([{ name: 'stdin.yml', text: `a: ${'['.repeat(500)}${']'.repeat(500)}\nb: "${'['.repeat(2_000)}"\n#! ${'{'.repeat(2_000)}\nc: '${'['.repeat(2_000)}'\n` }]).documents).toHaveLength(1);
  });
});

describe('a budget shared between runs (yttBudget)', () => {
  const spin = '#@ def spin():\n#@   for i in range(1000000000):\n#@     n = i\n#@   end\n#@ end\nv: #@ spin()\n';
  const run = (text: string, budget: YttBudget): YttError | 'ok' => {
    try {
      runYtt([{ name: 'stdin.yml', text }], { budget });
      return 'ok';
    } catch (e) {
      if (e instanceof YttError) return e;
      throw e;
    }
  };
  it('caps each run at what is left, charges what it took, and refuses runs once spent', () => {
    const budget = yttBudget({ total: 30_000, runs: 'the runs of this test', one: 'a run' });
    const first = run(spin, budget);
    expect(first !== 'ok' && first.detail).toBe('Starlark computation cancelled: too many steps (limit 30000)');
    expect(budget.left).toBeLessThanOrEqual(0);
    const refused = run('v: 1\n', budget);
    expect(refused !== 'ok' && refused.text).toBe(
      "ytt: Error: \n- not run: the runs of this test already used carto's budget of 30,000 steps in all (a run that runs away uses up the budget of the others)\n",
    );
  });
  it('a run that finishes is charged its steps, and the next one gets only the rest', () => {
    const budget = yttBudget({ total: 1_000_000, runs: 'r', one: 'o' });
    expect(run('a: #@ len([1 for i in range(1000)])\n', budget)).toBe('ok');
    const left = budget.left;
    expect(left).toBeLessThan(1_000_000 - 1_000);
    const second = run(spin, budget);
    expect(second !== 'ok' && second.detail).toBe(`Starlark computation cancelled: too many steps (limit ${left})`);
  });
});
