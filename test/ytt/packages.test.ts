// ytt packages (test/fixtures/ytt-packages/<case>/: input files, `args`, optional `stdin`, and
// what the real ytt 0.45.9 printed: expected.stdout, expected.stderr, expected.exit, recorded by
// scripts/record-ytt-packages.mjs). `carto ytt` must print the same bytes and exit the same way;
// and, where the ytt binary is at hand, the recordings must still be what it prints.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/ytt-packages');
const YTT = resolve(ROOT, '../shared/tools/ytt-0.45.9/ytt');
const BIN = join(ROOT, 'bin/carto.js');

const cases = readdirSync(FIXTURES)
  .filter((name) => /^(files|values)-/.test(name) && existsSync(join(FIXTURES, name, 'args')))
  .sort();

interface Run {
  stdout: string;
  stderr: string;
  exit: string;
}

function expected(dir: string): Run {
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
  return { stdout: read('expected.stdout'), stderr: read('expected.stderr'), exit: read('expected.exit') };
}

/** Runs `command args…` in the case directory with its args and stdin, as the recorder runs ytt. */
function run(dir: string, command: string, prefix: string[]): Promise<Run> {
  const args = readFileSync(join(dir, 'args'), 'utf8').split('\n').filter((l) => l !== '');
  const stdin = existsSync(join(dir, 'stdin')) ? readFileSync(join(dir, 'stdin')) : Buffer.alloc(0);
  return new Promise((done, fail) => {
    const child = execFile(command, [...prefix, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', YTTEXPERIMENTS: '' } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      if (code === null) fail(err);
      else done({ stdout, stderr, exit: `${code}\n` });
    });
    // a run that does not read its stdin may exit before it is written
    child.stdin!.on('error', () => {});
    child.stdin!.end(stdin);
  });
}

describe('carto ytt prints what ytt 0.45.9 printed for each ytt package case', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(20);
  });
  for (const name of cases) {
    it.concurrent(name, async () => {
      const dir = join(FIXTURES, name);
      expect(await run(dir, process.execPath, [BIN, 'ytt'])).toEqual(expected(dir));
    });
  }
});

describe.skipIf(!existsSync(YTT))(`the recordings are what the real ytt prints (${existsSync(YTT) ? YTT : `skipped: no ytt binary at ${YTT}`})`, () => {
  for (const name of cases) {
    it.concurrent(name, async () => {
      const dir = join(FIXTURES, name);
      expect(await run(dir, YTT, [])).toEqual(expected(dir));
    });
  }
});
