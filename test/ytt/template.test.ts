// YAML templating tests. Behaviours follow ytt's docs (lang-ref-yaml-fragment,
// lang-ref-for, lang-ref-if, lang-ref-def, lang-ref-text-templating) and ytt's
// source (pkg/yamltemplate: comment attachment, node-specific `if/end` sugar,
// empty documents are not printed, documents separated by `---`).
import { describe, expect, it } from 'vitest';
import { firstLine, ytt, yttError } from './helpers.js';
import { runYtt } from '../../src/ytt/index.js';

describe('values and code', () => {
  it('sets node values from expressions on the same line', () => {
    expect(ytt('a: #@ 1 + 2\nb: #@ "x" * 2\nc: #@ None\nd: #@ [1, 2]\n')).toBe('a: 3\nb: xx\nc: null\nd:\n- 1\n- 2\n');
  });
  it('code lines above a node run before it', () => {
    expect(ytt('#@ x = 5\n#@ y = x * 2\nv: #@ y\n')).toBe('v: 10\n');
  });
  it('data values are structs', () => {
    const out = ytt('#@ load("@ytt:data", "data")\nname: #@ data.values.w.metadata.name\nlabels: #@ data.values.w.metadata.labels\n', {
      w: { metadata: { name: 'app', labels: { b: '1', a: '2' } } },
    });
    expect(out).toBe('name: app\nlabels:\n  b: "1"\n  a: "2"\n');
  });
  it('missing data value attribute fails with the struct message and a hint', () => {
    const e = yttError('#@ load("@ytt:data", "data")\nv: #@ data.values.params.registri\n', { params: { registry: 'r' } });
    expect(firstLine(e)).toBe('struct has no .registri field or method (did you mean .registry?)');
    expect(e.line).toBe(2);
    expect(e.positions[0]!.context).toBe('<toplevel>');
  });
  it('dicts from Starlark keep insertion order; maps copied from data values keep theirs', () => {
    expect(ytt('v: #@ {"z": 1, "a": 2}\n')).toBe('v:\n  z: 1\n  a: 2\n');
  });
});

describe('if/for on nodes', () => {
  it('if/end sugar on map items', () => {
    const t = '#@ on = True\n#@ off = False\n#@ if/end on:\na: 1\n#@ if/end off:\nb: 2\nc: 3\n';
    expect(ytt(t)).toBe('a: 1\nc: 3\n');
  });
  it('if/elif/else blocks around nodes', () => {
    const t = '#@ n = 2\n#@ if n == 1:\na: 1\n#@ elif n == 2:\nb: 2\n#@ else:\nc: 3\n#@ end\n';
    expect(ytt(t)).toBe('b: 2\n');
  });
  it('for over array items and map items', () => {
    const t = 'list:\n#@ for i in range(3):\n- #@ i * 10\n#@ end\nmap:\n  #@ for k in ["x", "y"]:\n  #@yaml/text-templated-strings\n  (@= k @)-key: #@ k.upper()\n  #@ end\n';
    expect(ytt(t)).toBe('list:\n- 0\n- 10\n- 20\nmap:\n  x-key: X\n  y-key: "Y"\n');
  });
  it('for/end sugar on documents', () => {
    const t = '#@ for/end n in ["a", "b"]:\n---\nname: #@ n\n';
    expect(ytt(t)).toBe('name: a\n---\nname: b\n');
  });
});

describe('functions returning YAML fragments', () => {
  it('def with map items returns a map fragment', () => {
    const t = '#@ def labels(app):\napp: #@ app\ntier: web\n#@ end\n---\nmetadata:\n  labels: #@ labels("x")\n';
    expect(ytt(t)).toBe('metadata:\n  labels:\n    app: x\n    tier: web\n');
  });
  it('def with array items returns an array fragment', () => {
    const t = '#@ def ports():\n- 80\n- 443\n#@ end\n---\nports: #@ ports()\n';
    expect(ytt(t)).toBe('ports:\n- 80\n- 443\n');
  });
  it('fragments can be indexed and encoded', () => {
    const t = '#@ load("@ytt:yaml", "yaml")\n#@ def f():\nk:\n  num: 1\n#@ end\n---\nv: #@ f()["k"]["num"]\ns: #@ yaml.encode(f())\n';
    expect(ytt(t)).toBe('v: 1\ns: |\n  k:\n    num: 1\n');
  });
  it('the document holding only a def body is empty and not printed', () => {
    const t = '#@ def f():\na: 1\n#@ end\n---\nb: #@ f()\n';
    expect(ytt(t)).toBe('b:\n  a: 1\n');
  });
  it('plain Starlark defs (no YAML nodes) return values', () => {
    expect(ytt('#@ def add(a, b):\n#@   return a + b\n#@ end\nv: #@ add(1, 2)\n')).toBe('v: 3\n');
  });
  it('template.replace spreads map items', () => {
    const t = '#@ load("@ytt:template", "template")\na: 1\n_: #@ template.replace({"b": 2, "c": 3})\nd: 4\n';
    expect(ytt(t)).toBe('a: 1\nb: 2\nc: 3\nd: 4\n');
  });
});

describe('text templating', () => {
  it('(@= @) in values and keys', () => {
    const t = '#@ name = "app"\n#@yaml/text-templated-strings\nm:\n  (@= name @)-svc: "http://(@= name @):8080"\n';
    expect(ytt(t)).toBe('m:\n  app-svc: http://app:8080\n');
  });
  it('non-string values are rejected', () => {
    const e = yttError('#@yaml/text-templated-strings\nv: "n=(@= 1 @)"\n');
    // instruction errors carry the instruction's name (ytt's core.ErrWrapper)
    expect(firstLine(e)).toBe('__ytt_tpl2_set_node: cannot set non-string value (int64), consider using str(...) to convert to string');
  });
});

describe('documents and comments', () => {
  it('empty documents are dropped and others joined with ---', () => {
    expect(ytt('a: 1\n---\n---\nb: 2\n')).toBe('a: 1\n---\nb: 2\n');
  });
  it('a code line between a value comment and the next --- is kept (the yaml CST drops it)', () => {
    expect(ytt('a: #@ 1\n\n#@ x = 5\n---\nc: #@ x\n')).toBe('a: 1\n---\nc: 5\n');
  });
  it('#! comments are ignored', () => {
    expect(ytt('#! a comment\na: 1 #! trailing\n')).toBe('a: 1\n');
  });
  it('plain comments are rejected in a template unless ignored', () => {
    const e = yttError('# plain\n#@ x = 1\na: 1\n');
    expect(e.detail).toContain("Expected ytt-formatted string (use '#@' for annotations or code, '#!' for comments)");
    expect(e.text).toBe(
      "ytt: Error: Compiling YAML template 'stdin.yml':\n  Failed to parse line 1: '# plain':\n    Expected ytt-formatted string (use '#@' for annotations or code, '#!' for comments)\n",
    );
    expect(ytt('# plain\n#@ x = 1\na: 1\n', {}, { ignoreUnknownComments: true })).toBe('a: 1\n');
  });
  it('a file without ytt annotations or code is plain YAML: its comments are comments', () => {
    expect(ytt('# plain\na: 1 # trailing\n#! ytt comment\n#@comment too\n')).toBe('a: 1\n');
  });
  it('a value annotation on a node that already has a value is an error', () => {
    const e = yttError('a: 1 #@ 2\n');
    expect(e.detail).toContain('to have either computed or YAML value, but found both');
  });
  it('duplicate keys from templates are an error unless overridden', () => {
    const e = yttError('#@ for i in [1, 2]:\nk: #@ i\n#@ end\n');
    // message as in ytt's filetest map-key-override-err (instruction number normalised there)
    expect(firstLine(e)).toBe("__ytt_tpl2_start_node: expected key 'k' to not be specified again (unless 'yaml/map-key-override' annotation is added)");
    expect(ytt('#@ for i in [1, 2]:\n#@yaml/map-key-override\nk: #@ i\n#@ end\n')).toBe('k: 2\n');
  });
  it('returns documents as plain values with ordered Maps', () => {
    const r = runYtt([{ name: 'stdin.yml', text: 'z: 1\n"10": [true, 1.5]\n---\n- x\n' }]);
    expect(r.documents).toEqual([new Map<unknown, unknown>([['z', 1], ['10', [true, 1.5]]]), ['x']]);
    expect(Array.from((r.documents[0] as Map<string, unknown>).keys())).toEqual(['z', '10']);
  });
  it('YAML 1.1 scalars resolve like go-yaml v2', () => {
    const r = runYtt([{ name: 'stdin.yml', text: 'a: yes\nb: 0x10\nc: 1e3\nd: ~\ne: "yes"\nf: 012\n' }]);
    expect(r.documents[0]).toEqual(new Map<string, unknown>([['a', true], ['b', 16], ['c', 1000], ['d', null], ['e', 'yes'], ['f', 10]]));
  });
});

describe('errors', () => {
  it('runtime errors list the call stack, innermost first', () => {
    const t = '#@ def f():\n#@   return None + "x"\n#@ end\nv: #@ f()\n';
    const e = yttError(t);
    expect(e.text).toBe(
      'ytt: Error: \n- unknown binary op: NoneType + string\n    in f\n      stdin.yml:2 | #@   return None + "x"\n    in <toplevel>\n      stdin.yml:4 | v: #@ f()\n',
    );
    expect(e.positions.map((p) => [p.context, p.line])).toEqual([['f', 2], ['<toplevel>', 4]]);
  });
  it('argument errors are reported inside the callee, at its first statement (as starlark-go does)', () => {
    const t = '#@ def tpl(x):\nfirst: 1\nsecond: #@ x\n#@ end\nv: #@ tpl()\n';
    const e = yttError(t);
    expect(e.text).toBe('ytt: Error: \n- function tpl missing 1 argument (x)\n    in tpl\n      stdin.yml:2 | first: 1\n    in <toplevel>\n      stdin.yml:5 | v: #@ tpl()\n');
  });
  it('functions used as values (not called) cannot be encoded', () => {
    expect(firstLine(yttError('#@ def f():\n#@   return 1\n#@ end\nv: #@ f\n'))).toBe(
      '__ytt_tpl2_set_node: Unable to convert value: function does not encode (did you mean to call f()?)',
    );
  });
  it('keywords are rejected as attribute names', () => {
    expect(firstLine(yttError('v: #@ x.or.y\n'))).toBe("use of reserved keyword 'or' is not allowed (expected identifier)");
  });
  it('syntax errors point at the template line', () => {
    const e = yttError('#@ x = \na: 1\n');
    expect(e.text).toBe('ytt: Error: \n- got newline, want primary expression\n    stdin.yml:2 | a: 1\n');
  });
  it('a missing colon gets ytt\'s hint', () => {
    const e = yttError('#@ if True\na: 1\n#@ end\n');
    expect(firstLine(e)).toBe("got newline, want ':' (hint: missing colon at the end of 'if/for/def' statement?)");
  });
  it('missing end', () => {
    const e = yttError('#@ def f():\na: 1\n');
    expect(e.text).toBe('ytt: Error: \n- mismatched set of block openings (if/else/elif/for/def) and closing (end)\n    stdin.yml:1 | #@ def f():\n');
  });
  it('undefined names are reported before evaluation', () => {
    const e = yttError('a: #@ fail("no")\nb: #@ nope\n');
    expect(firstLine(e)).toBe('undefined: nope');
  });
  it('step budget stops runaway loops and names the line', () => {
    const e = yttError('#@ def spin():\n#@   n = 0\n#@   while True:\n#@     n += 1\n#@   end\n#@ end\nv: #@ spin()\n', {}, { maxSteps: 10000 });
    expect(firstLine(e)).toMatch(/too many steps/);
    expect(e.positions[0]!.context).toBe('spin');
    expect(e.positions[0]!.line).toBe(4);
  });
  it('huge ranges are iterated lazily under the step budget; huge repeats are refused', () => {
    const loop = '#@ def f():\n#@   n = 0\n#@   for i in range(1000000000):\n#@     n += i\n#@   end\n#@   return n\n#@ end\nv: #@ f()\n';
    const e = yttError(loop, {}, { maxSteps: 100000 });
    expect(firstLine(e)).toBe('Starlark computation cancelled: too many steps (limit 100000)');
    expect(e.line).toBe(4);
    expect(firstLine(yttError('v: #@ "x" * 1000000000\n'))).toMatch(/^excessive repeat/);
  });
  it('depth limit stops runaway recursion', () => {
    const e = yttError('#@ def r(n):\n#@   return r(n + 1)\n#@ end\nv: #@ r(0)\n', {}, { maxDepth: 50 });
    expect(firstLine(e)).toMatch(/call stack depth limit exceeded/);
    expect(e.line).toBe(2);
  });
});

describe('compiled templates are cached', () => {
  it('renders the same template repeatedly with different values', () => {
    const t = '#@ load("@ytt:data", "data")\nnum: #@ data.values.n\n';
    for (let i = 0; i < 5; i++) expect(ytt(t, { n: i })).toBe(`num: ${i}\n`);
  });
});

describe('documentsOnly (what render reads of a spec.ytt run)', () => {
  it('gives the same documents and no text', () => {
    const files = [{ name: 'stdin.yml', text: '#@ load("@ytt:data", "data")\na: #@ data.values.n\n---\nb: [1, 2]\n' }];
    const full = runYtt(files, { dataValues: [{ key: 'n', value: 3 }] });
    const only = runYtt(files, { dataValues: [{ key: 'n', value: 3 }], documentsOnly: true });
    expect(full.text).toBe('a: 3\n---\nb:\n- 1\n- 2\n');
    expect(only.text).toBe('');
    expect(only.documents).toEqual(full.documents);
  });
});
