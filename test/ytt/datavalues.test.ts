// Data values as ytt 0.45.9 computes them (src/ytt/datavalues). The recorded cases under
// test/fixtures/ytt-packages/values-*/ are run through `carto ytt` and checked against the real
// ytt by test/ytt/packages.test.ts (recorded by scripts/record-ytt-packages.mjs); here: stdin for
// data values flags, and the module's API for callers that are not the command line.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carto, ROOT } from '../helpers/cli.js';
import { runYtt, YttError } from '../../src/ytt/index.js';
import type { YttFile, YttOptions } from '../../src/ytt/index.js';
import {
  computeDataValues, dataValueFlag, evaluateDataValues, plainMerge, unusedLibraryDataValues,
} from '../../src/ytt/datavalues/index.js';
import { multiLineError } from '../../src/ytt/errors.js';
import type { DataValuesSources } from '../../src/ytt/datavalues/index.js';
import { YDoc, toPlain } from '../../src/ytt/template/nodes.js';
import { parseYamlWithComments } from '../../src/ytt/template/yamlparse.js';

const CASES_DIR = join(ROOT, 'test/fixtures/ytt-packages');
const CASES = readdirSync(CASES_DIR).filter((n) => n.startsWith('values-')).sort();

describe('the recorded data values cases', () => {
  it('cover every item of the data values work (schema, validations, overlays, command line, libraries)', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });
});

describe('carto ytt reads data values from stdin as ytt does', () => {
  const dir = join(CASES_DIR, 'values-flag-type-error');
  it('--data-values-file - is a file named stdin.yml', () => {
    const r = carto(['ytt', '-f', 'schema.yml', '-f', 't.yml', '--data-values-file', '-'], { cwd: dir, input: 'replicas: many\n' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('\nstdin.yml:\n    |\n  1 | replicas: many\n');
  });
  it('--data-value-file KEY=- takes stdin as the value', () => {
    const r = carto(['ytt', '-f', 't.yml', '--data-value-file', 'cert=-'], { cwd: dir, input: 'abc\n' });
    expect(r).toMatchObject({ status: 0, stdout: 'values:\n  cert: |\n    abc\n' });
  });
});

// ---------------------------------------------------------------------------
// the API

const T = '#@ load("@ytt:data", "data")\n---\nv: #@ data.values\n';

function run(files: Record<string, string>, opts: YttOptions = {}): string {
  return runYtt(Object.entries(files).map(([name, text]) => ({ name, text })), opts).text;
}

function fails(files: Record<string, string>, opts: YttOptions = {}): YttError {
  try {
    run(files, opts);
  } catch (e) {
    if (e instanceof YttError) return e;
    throw e;
  }
  throw new Error('expected a YttError');
}

/** A library's sources whose files are plain documents (the engine's evaluation is not needed). */
function sources(docs: Record<string, string>, rest: Partial<DataValuesSources> = {}): DataValuesSources {
  const files: YttFile[] = Object.entries(docs).map(([name, text]) => ({ name, text }));
  return {
    files,
    evaluate: (f) => {
      // annotations as the template runtime attaches them: the data values ones, on documents
      const set = parseYamlWithComments(f.text);
      for (const d of set.docs) {
        d.annotations = d.comments.filter((c) => c.data.startsWith('@data/') || c.data.startsWith('@library/')).map((c) => {
          const [name, arg] = c.data.slice(1).split(' ');
          return { name: name!, args: arg ? [JSON.parse(arg) as string] : [], kwargs: [], line: c.line };
        });
      }
      return set.docs;
    },
    ...rest,
  };
}

function doc(yaml: string): YDoc {
  return parseYamlWithComments(yaml).docs[0]!;
}

describe('data values API', () => {
  it('computeDataValues keeps its shape: schema defaults, then the files, then files and flags of the command line', () => {
    const values = computeDataValues(sources(
      { 'schema.yml': '#@data/values-schema\n---\nname: app\nport: 80\n', 'values.yml': '#@data/values\n---\nport: 8080\n' },
      { valuesFiles: [{ name: 'dv.yaml', text: 'name: web\n' }], flags: [{ key: 'port', yaml: '9090' }] },
    ));
    expect(toPlain(values)).toEqual(new Map<string, unknown>([['name', 'web'], ['port', 9090]]));
  });

  it('library overlays come after the library\'s own documents, are checked against its schema, and route documents for libraries below', () => {
    const schema = '#@data/values-schema\n---\nname: app\nreplicas: 1\n';
    const own = '#@data/values\n---\nreplicas: 2\n';
    const result = evaluateDataValues(sources({ 'schema.yml': schema, 'values.yml': own }, {
      overlays: [
        { doc: plainMerged('replicas: 3\n'), library: [] },
        { doc: Object.assign(doc('x: 1\n'), { line: 1 }), library: ['child'] },
      ],
      flags: [{ key: 'name', value: 'web' }],
    }));
    expect(toPlain(result.values)).toEqual(new Map<string, unknown>([['name', 'web'], ['replicas', 3]]));
    expect(result.forLibraries.map((d) => [d.kind, d.library, d.used])).toEqual([['values', ['child'], false]]);
    expect(unusedLibraryDataValues(result.forLibraries)?.text).toBe(
      "ytt: Error: Expected all provided library data values documents to be used but found unused:\n  Data Value belonging to library '@child' on line 1\n",
    );
    result.forLibraries[0]!.used = true;
    expect(unusedLibraryDataValues(result.forLibraries)).toBeNull();

    // a library overlay of the wrong type is reported as the command line's would be
    const wrong = plainMerged('replicas: many\n');
    wrong.file = null;
    expect(() => evaluateDataValues(sources({ 'schema.yml': schema }, { overlays: [{ doc: wrong, library: [] }] }))).toThrow(/One or more data values were invalid/);
  });

  it('documents of the files addressed with #@library/ref go to their library', () => {
    const result = evaluateDataValues(sources({ 'values.yml': '#@library/ref "@lib"\n#@data/values\n---\na: 1\n' }));
    expect(toPlain(result.values)).toEqual(new Map());
    expect(result.forLibraries.map((d) => d.desc)).toEqual(["Data Value belonging to library '@lib' on line values.yml:3"]);
  });

  it('without kindOf, a file\'s evaluated documents say whether it is a schema or a values file', () => {
    const values = computeDataValues(sources({ 'a.yml': '#@data/values-schema\n---\nn1: 1\n', 'b.yml': '#@data/values\n---\nn1: 2\n' }));
    expect(toPlain(values)).toEqual(new Map([['n1', 2]]));
  });

  it('failures carry the position of the value (for diagnostics) and ytt\'s text', () => {
    const e = fails({ 'schema.yml': '#@data/values-schema\n---\nport: 80\n', 't.yml': T, 'values.yml': '#@data/values\n---\nport: "x"\n' });
    expect(e.positions[0]).toMatchObject({ file: 'values.yml', line: 3, source: 'port: "x"' });
    expect(e.text).toContain('    = expected: integer (by schema.yml:3)\n');
  });

  it('parsed flags for plain keys keep the fast path; other flags go through ytt\'s overlays', () => {
    expect(run({ 't.yml': T }, { dataValues: [{ key: 'a', value: 1 }, { key: 'a', value: new Map([['b', 2]]) }] })).toBe('v:\n  a:\n    b: 2\n');
    expect(run({ 't.yml': T }, { dataValues: [{ key: 'a.b', value: 1 }, { key: 'a.c', value: 'x' }] })).toBe('v:\n  a:\n    b: 1\n    c: x\n');
    expect(run({ 't.yml': T }, { dataValues: [{ key: 'cert', file: 'c.pem', text: 'abc\n' }] })).toBe('v:\n  cert: |\n    abc\n');
  });

  it('--data-values-inspect is the final data values, templates not evaluated', () => {
    const broken = '#@ load("@ytt:data", "data")\nx: #@ 1/0\n';
    expect(run({ 'b.yml': broken, 'v.yml': '#@data/values\n---\na: 1\n' }, { dataValuesInspect: true })).toBe('a: 1\n');
    expect(runYtt([{ name: 'b.yml', text: broken }], { dataValuesInspect: true })).toEqual({ documents: [], text: '' });
  });

  it('dataValueFlag reads KEY=VALUE as ytt does (the first = splits)', () => {
    expect(dataValueFlag('data-value', 'a.b=c=d')).toEqual({ key: 'a.b', value: 'c=d' });
    expect(dataValueFlag('data-value-yaml', 'n=[1]')).toEqual({ key: 'n', yaml: '[1]' });
    expect(() => dataValueFlag('data-value', 'novalue')).toThrow(YttError);
  });
});

function plainMerged(yaml: string): YDoc {
  const d = doc(yaml);
  plainMerge(d);
  return d;
}

describe('multiLineError (how ytt prints the first line of an error)', () => {
  it('breaks after ": " before a capital letter, outside brackets, indenting each piece', () => {
    expect(multiLineError('Overlaying data values (in following order: a.yml, b.yml): Document on line a.yml:2: Expected map\nrest: Stays')).toBe(
      'Overlaying data values (in following order: a.yml, b.yml):\n  Document on line a.yml:2:\n    Expected map\nrest: Stays',
    );
    expect(multiLineError('Deserializing: yaml: line 1: did not find expected key')).toBe('Deserializing: yaml: line 1: did not find expected key');
  });
  it('drops what follows an unbalanced closing bracket, as ytt does', () => {
    expect(multiLineError("Key 'a': yaml: did not find expected ',' or ']' at all")).toBe("Key 'a': yaml: did not find expected ',' or '");
  });
  it('leaves ...| raw |... pieces alone', () => {
    expect(multiLineError('Failed: ...|A: B (|... Then: X')).toBe('Failed: ...|A: B (|... Then:\n  X');
  });
});

describe('YAML 1.1 scalars in data values are what go-yaml reads', () => {
  it('y and n are booleans, so a string schema refuses them', () => {
    const e = fails({ 'schema.yml': '#@data/values-schema\n---\nanswer: ""\n', 't.yml': T }, { dataValues: [{ key: 'answer', yaml: 'y' }] });
    expect(e.text).toContain('= found: boolean');
  });
  it('a value computed by Starlark has no position, as in ytt ("?")', () => {
    const schema = '#@data/values-schema\n---\nregistry:\n  server: ""\n';
    const e = fails({ 'schema.yml': schema, 't.yml': T, 'values.yml': '#@data/values\n---\nregistry: #@ {"server": 5}\n' });
    expect(e.text).toContain('\n:\n    |\n  ? | \n    |\n');
  });
});

describe('plain numbers in data values are what they are after Go\'s JSON (found by the differential test)', () => {
  it('a whole number is an int when it fits an int64, a float beyond (as the real ytt reads --data-value-yaml n=100000000000000000000)', () => {
    const text = '#@ load("@ytt:data", "data")\n#@ load("@ytt:json", "json")\n---\nv: #@ json.encode(data.values.n)\nt: #@ type(data.values.n)\n';
    const run = (n: number) => runYtt([{ name: 'stdin.yml', text }], { dataValues: [{ key: 'n', value: n }] }).text;
    expect(run(3)).toBe('v: "3"\nt: int\n');
    expect(run(2 ** 62)).toBe('v: "4611686018427387904"\nt: int\n');
    expect(run(1e20)).toBe('v: "100000000000000000000"\nt: float\n');
    expect(run(1e21)).toBe('v: "1e+21"\nt: float\n');
    expect(run(-1e22)).toBe('v: "-1e+22"\nt: float\n');
  });
});
