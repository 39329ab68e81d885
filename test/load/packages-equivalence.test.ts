// `carto render -f DIR …` reads what `ytt -f DIR … | carto render -f -` reads: for every recorded
// ytt package case (test/fixtures/ytt-packages/<case>: the files, ytt's `args`, and ytt 0.45.9's
// `expected.stdout`), the documents the loader makes of the same arguments equal the documents of
// ytt's output. The cases cover each part of a ytt run (file kinds, loads, libraries, data values,
// schemas, overlays, text templates), so this holds render's reading to the real ytt on each.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText, readInputs } from '../../src/index.js';
import { dataValueFlags } from '../../src/cli/data-value-flags.js';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/ytt-packages');

interface Case {
  name: string;
  dir: string;
  paths: string[];
  options: Record<string, string[]>;
}

/** The case's ytt arguments as render's inputs, or why render cannot take them the same way. */
function asRender(name: string): Case | string {
  const dir = join(FIXTURES, name);
  const args = readFileSync(join(dir, 'args'), 'utf8').split('\n').filter((l) => l !== '');
  const at = (p: string) => (isAbsolute(p) ? p : join(dir, p));
  const paths: string[] = [];
  const options: Record<string, string[]> = { dataValue: [], dataValueYaml: [], dataValueFile: [], dataValuesFile: [] };
  const take: Record<string, (v: string) => void> = {
    '-f': (v) => paths.push(at(v)),
    '--file': (v) => paths.push(at(v)),
    '-v': (v) => options['dataValue']!.push(v),
    '--data-value': (v) => options['dataValue']!.push(v),
    '--data-value-yaml': (v) => options['dataValueYaml']!.push(v),
    '--data-value-file': (v) => options['dataValueFile']!.push(v.replace(/=(?!-$)(.*)$/, (_m, p: string) => `=${at(p)}`)),
    '--data-values-file': (v) => options['dataValuesFile']!.push(at(v)),
  };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const value = args[i + 1];
    if (!take[flag] || value === undefined) return `ytt flag ${flag} has no render equivalent`;
    if ((flag === '-f' || flag === '--file') && (value === '-' || /^[^/]*=/.test(value))) return 'stdin or NAME=PATH inputs';
    if (value.startsWith('@')) return 'a data value addressed to a library';
    take[flag]!(value);
    i++;
  }
  // Where render reads differently, on purpose (README "ytt packages and whole repositories"):
  // a named file that is plain YAML or JSON is read as it is, outside the run (ytt would take a
  // .json for data, and run a plain file through its overlays); a file named on its own and found
  // again in a named directory is read once (ytt evaluates it twice).
  const files = paths.filter((p) => !isDirectory(p));
  if (paths.length > 1 && files.some((p) => /\.json$/.test(p) || (/\.ya?ml$/.test(p) && !/^#@/m.test(readFileSync(p, 'utf8'))))) return 'a named plain file beside the run';
  if (files.some((f) => paths.some((d) => d !== f && isDirectory(d) && f.startsWith(`${d}/`)))) return 'a named file also in a named directory';
  return { name, dir, paths, options };
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

const cases = existsSync(FIXTURES)
  ? readdirSync(FIXTURES).filter((n) => existsSync(join(FIXTURES, n, 'args')) && readFileSync(join(FIXTURES, n, 'expected.exit'), 'utf8').trim() === '0')
  : [];

describe('render reads a ytt package as ytt -f … | carto render -f - would', () => {
  it('has recorded cases to check', () => expect(cases.length).toBeGreaterThan(30));

  for (const name of cases) {
    const c = asRender(name);
    it.skipIf(typeof c === 'string')(`${name}${typeof c === 'string' ? ` (skipped: ${c})` : ''}`, async () => {
      const { dir, paths, options } = c as Case;
      const expected = parseText(readFileSync(join(dir, 'expected.stdout'), 'utf8'), 'ytt output').documents.map((d) => d.value);
      const read = await readInputs(paths, { dataValuesFiles: options['dataValuesFile']!, dataValues: dataValueFlags(options) });
      expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(read.documents.map((d) => d.value)).toEqual(expected);
    });
  }
});
