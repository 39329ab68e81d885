// Multi-file runs (`ytt -f a -f b`): Starlark libraries loaded with load(),
// data values documents and schema defaults, overlays applied across files,
// data values files. Behaviour per ytt docs (lang-ref-load, how-to-use-data-values,
// lang-ref-ytt-overlay: "overlay documents are applied to all other documents").
import { describe, expect, it } from 'vitest';
import { runYtt, YttError } from '../../src/ytt/index.js';

describe('multiple files', () => {
  it('loads Starlark helpers from another file', () => {
    const r = runYtt([
      { name: 'lib/helpers.star', text: 'def greet(n):\n  return "hi " + n\nend\n_private = 1\n' },
      { name: 'config.yml', text: '#@ load("lib/helpers.star", "greet")\nmsg: #@ greet("bob")\n' },
    ]);
    expect(r.text).toBe('msg: hi bob\n');
  });
  it('private names cannot be loaded', () => {
    expect(() =>
      runYtt([
        { name: 'h.star', text: '_x = 1\n' },
        { name: 'c.yml', text: '#@ load("h.star", "_x")\nv: 1\n' },
      ]),
    ).toThrow(/leading underscores/);
  });
  it('data values documents, then flags on top', () => {
    const r = runYtt(
      [
        { name: 'values.yml', text: '#@data/values\n---\nname: default\nreplicas: 1\n' },
        { name: 'tpl.yml', text: '#@ load("@ytt:data", "data")\nname: #@ data.values.name\nr: #@ data.values.replicas\n' },
      ],
      { dataValues: [{ key: 'replicas', value: 3 }] },
    );
    expect(r.text).toBe('name: default\nr: 3\n');
  });
  it('schema documents provide defaults (arrays default to empty)', () => {
    const r = runYtt([
      { name: 'schema.yml', text: '#@data/values-schema\n---\nport: 8080\ntags:\n- x\n' },
      { name: 'tpl.yml', text: '#@ load("@ytt:data", "data")\np: #@ data.values.port\nt: #@ len(data.values.tags)\n' },
    ]);
    expect(r.text).toBe('p: 8080\nt: 0\n');
  });
  it('data values files given as options', () => {
    const r = runYtt([{ name: 'tpl.yml', text: '#@ load("@ytt:data", "data")\nv: #@ data.values.a.b\n' }], {
      dataValuesFiles: [{ name: 'v1.yml', text: 'a:\n  b: 1\n  c: 2\n' }, { name: 'v2.yml', text: 'a:\n  b: 5\n' }],
    });
    expect(r.text).toBe('v: 5\n');
  });
  it('overlay documents apply to the other files', () => {
    const r = runYtt([
      { name: 'base.yml', text: 'kind: A\nspec:\n  x: 1\n---\nkind: B\n' },
      {
        name: 'ov.yml',
        text: '#@ load("@ytt:overlay", "overlay")\n#@overlay/match by=overlay.subset({"kind": "A"})\n---\nspec:\n  x: 2\n  #@overlay/match missing_ok=True\n  z: 3\n',
      },
    ]);
    expect(r.text).toBe('kind: A\nspec:\n  x: 2\n  z: 3\n---\nkind: B\n');
  });
  it('errors name the file they come from', () => {
    try {
      runYtt([
        { name: 'h.star', text: 'def f():\n  return None + 1\nend\n' },
        { name: 'c.yml', text: '#@ load("h.star", "f")\nv: #@ f()\n' },
      ]);
      throw new Error('expected failure');
    } catch (e) {
      expect(e).toBeInstanceOf(YttError);
      const err = e as YttError;
      expect(err.text).toBe('ytt: Error: \n- unknown binary op: NoneType + int\n    in f\n      2 |   return None + 1\n    in <toplevel>\n      c.yml:2 | v: #@ f()\n');
      expect(err.file).toBe('h.star');
    }
  });
  it('print() goes to the print option', () => {
    const lines: string[] = [];
    runYtt([{ name: 'c.yml', text: '#@ print("hello", 1)\nv: 1\n' }], { print: (m) => lines.push(m) });
    expect(lines).toEqual(['hello 1']);
  });
});

describe('data value flags', () => {
  const tpl = '#@ load("@ytt:data", "data")\nv: #@ data.values\n';
  it('accepts YAML text, parsed as ytt parses it', () => {
    const r = runYtt([{ name: 't.yml', text: tpl }], { dataValues: [{ key: 'a', yaml: '{x: yes, w: "1", z: 1.5}' }] });
    expect(r.documents).toEqual([new Map([['v', new Map<string, unknown>([['a', new Map<string, unknown>([['x', true], ['w', '1'], ['z', 1.5]])]])]])]);
  });
  it('dotted keys set nested values and later flags win', () => {
    const r = runYtt([{ name: 't.yml', text: tpl }], {
      dataValues: [
        { key: 'a', value: { b: 1, c: 2 } },
        { key: 'a.b', value: 5 },
        { key: 'd', value: 1 },
        { key: 'd', value: 2 },
      ],
    });
    expect(r.text).toBe('v:\n  a:\n    b: 5\n    c: 2\n  d: 2\n');
  });
  it('keeps the key order of Maps (integer-like keys included)', () => {
    const r = runYtt([{ name: 't.yml', text: tpl }], { dataValues: [{ key: 'm', value: new Map([['b', 1], ['10', 2], ['a', 3]]) }] });
    expect(r.text).toBe('v:\n  m:\n    b: 1\n    "10": 2\n    a: 3\n');
  });
});

describe('a run over many files, as ytt -f runs them', () => {
  it('loads relative to the loading file, / from the root, @name: from _ytt_lib; never beyond the files given', () => {
    const files = [
      { name: 'lib/h.star', text: 'load("/root.star", "r")\nv = "h+" + r\n' },
      { name: 'root.star', text: 'r = "root"\n' },
      { name: '_ytt_lib/priv/p.star', text: 'p = "private"\n' },
      { name: 'app/t.yml', text: '#@ load("/lib/h.star", "v")\na: #@ v\n' },
      { name: 'u.yml', text: '#@ load("@priv:p.star", "p")\nb: #@ p\n' },
    ];
    expect(runYtt(files).text).toBe('a: h+root\n---\nb: private\n');
    for (const path of ['../root.star', '/etc/passwd', '../../../../etc/hostname', 'lib/../root.star']) {
      const err = (() => {
        try {
          runYtt([...files, { name: 'app/u.yml', text: `#@ load("${path}", "x")\n` }]);
        } catch (e) {
          return e as YttError;
        }
        throw new Error(`load("${path}") should fail`);
      })();
      expect(err.detail).toMatch(/^cannot load .*: Expected to find file /);
    }
  });

  it('reports a load cycle (where ytt 0.45.9 runs out of stack)', () => {
    const err = (() => {
      try {
        runYtt([
          { name: 'a.star', text: 'load("b.star", "b")\na = 1\n' },
          { name: 'b.star', text: 'load("a.star", "a")\nb = 1\n' },
        ]);
      } catch (e) {
        return e as YttError;
      }
      throw new Error('expected a failure');
    })();
    expect(err.text).toContain('- cannot load a.star: load cycle a.star -> b.star -> a.star (ytt 0.45.9 runs out of stack on it)');
  });

  it('evaluates every library file, loaded or not, and each load again (as ytt: print shows it)', () => {
    const printed: string[] = [];
    runYtt(
      [
        { name: 'h.star', text: 'print("h")\nx = 1\n' },
        { name: 'unused.star', text: 'print("unused")\n' },
        { name: 'z.yml', text: '#@ load("h.star", "x")\n#@ load("h.star", "x")\na: #@ x\n' },
      ],
      { print: (m) => printed.push(m) },
    );
    expect(printed).toEqual(['h', 'unused', 'h', 'h']);
  });

  it('gives text templates their text but does not print it; data files are neither', () => {
    const r = runYtt([
      { name: 'a.txt', text: 'n=(@= str(1 + 1) @)\n' },
      { name: 'b.json', text: '{"x": 1}' },
      { name: 'c.yml', text: '#@ load("@ytt:data", "data")\nj: #@ data.read("b.json")\n' },
    ]);
    expect(r.text).toBe('j: \'{"x": 1}\'\n');
    expect(r.textOutputs).toEqual([{ name: 'a.txt', text: 'n=2\n' }]);
  });

  it('files under _ytt_lib are not templates of the root library', () => {
    expect(runYtt([{ name: '_ytt_lib/x/t.yml', text: 'lib: 1\n' }, { name: 't.yml', text: 'root: 1\n' }]).text).toBe('root: 1\n');
  });
});

describe('errors of nested evaluations', () => {
  it('keep the positions of the loaded file (innermost first) and its message', () => {
    const files = [
      { name: 'a.yml', text: '#@ load("z.star", "broken")\na: #@ broken\n' },
      { name: 'z.star', text: 'def f():\n  return None + 1\nend\nbroken = f()\n' },
    ];
    let err: YttError | undefined;
    try {
      runYtt(files);
    } catch (e) {
      err = e as YttError;
    }
    expect(err!.text).toBe(
      'ytt: Error: \n- cannot load z.star: Evaluating starlark template: \n    in <toplevel>\n      a.yml:1 | #@ load("z.star", "broken")\n\n    reason:\n' +
        '     - unknown binary op: NoneType + int\n         in f\n           2 |   return None + 1\n         in <toplevel>\n           4 | broken = f()\n',
    );
    expect(err!.detail).toBe('cannot load z.star: unknown binary op: NoneType + int');
    expect(err!.positions.map((p) => [p.file, p.line, p.context])).toEqual([
      ['z.star', 2, 'f'],
      ['z.star', 4, '<toplevel>'],
      ['a.yml', 1, '<toplevel>'],
    ]);
  });

  it("of a library's templates, through library.eval()", () => {
    let err: YttError | undefined;
    try {
      runYtt([
        { name: '_ytt_lib/lib/t.yml', text: 'x: 1\ny: #@ 1 + "a"\n' },
        { name: 't.yml', text: '#@ load("@ytt:library", "library")\nv: #@ library.get("lib").eval()\n' },
      ]);
    } catch (e) {
      err = e as YttError;
    }
    expect(err!.detail).toBe("library.eval: Evaluating library 'lib': unknown binary op: int + string");
    expect(err!.positions.map((p) => `${p.file}:${p.line}`)).toEqual(['_ytt_lib/lib/t.yml:2', 't.yml:2']);
  });
});
