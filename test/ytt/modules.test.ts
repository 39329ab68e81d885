// @ytt: module tests. Expected values come from the ytt docs (lang-ref-ytt-*)
// and the Go library behaviour those modules wrap (encoding/json, encoding/base64,
// regexp's RE2 syntax and Expand, crypto/sha256, net/url).
import { describe, expect, it } from 'vitest';
import { firstLine, ytt, yttError } from './helpers.js';
import { compileRE2 } from '../../src/ytt/modules/regexp.js';
import { runYtt } from '../../src/ytt/index.js';

const L = (m: string) => `#@ load("@ytt:${m}", "${m}")\n`;

describe('@ytt:yaml', () => {
  it('encode prints go-yaml style YAML', () => {
    expect(ytt(`${L('yaml')}v: #@ yaml.encode({"a": [1, {"b": None}], "c": "x"})\n`)).toBe('v: |\n  a:\n  - 1\n  - b: null\n  c: x\n');
  });
  it('decode returns dicts and lists', () => {
    expect(ytt(`${L('yaml')}v: #@ yaml.decode("a: 1\\nb: [x, y, z]\\n")["b"]\n`)).toBe('v:\n- x\n- true\n- z\n');
  });
  it('decode keeps key order', () => {
    expect(ytt(`${L('yaml')}v: #@ list(yaml.decode("z: 1\\na: 2\\n").keys())\n`)).toBe('v:\n- z\n- a\n');
  });
});

describe('@ytt:json', () => {
  it('encode escapes HTML like Go and sorts keys', () => {
    expect(ytt(`${L('json')}v: #@ json.encode({"b": "<&>", "a": [1, 2.5, True, None]})\n`)).toBe(
      'v: \'{"a":[1,2.5,true,null],"b":"\\u003c\\u0026\\u003e"}\'\n',
    );
  });
  it('encode with indent', () => {
    expect(ytt(`${L('json')}v: #@ json.encode({"a": {"b": []}}, indent=2)\n`)).toBe('v: |-\n  {\n    "a": {\n      "b": []\n    }\n  }\n');
  });
  it('decode', () => {
    expect(ytt(`${L('json')}v: #@ json.decode('{"x": [1, "two"]}')["x"]\n`)).toBe('v:\n- 1\n- two\n');
  });
  it('decode behaves like Go encoding/json into interface{}: numbers are floats, keys sorted', () => {
    const t = `${L('json')}#@ d = json.decode('{"b": 1000000, "a": 2}')\nv: #@ d\nt: #@ type(d["a"])\n`;
    expect(ytt(t)).toBe('v:\n  a: 2\n  b: 1e+06\nt: float\n');
  });
});

describe('@ytt:base64', () => {
  it('encode/decode', () => {
    expect(ytt(`${L('base64')}a: #@ base64.encode("hello?")\nb: #@ base64.decode("aGVsbG8/")\nc: #@ base64.encode("hello?", encoding="URL")\n`)).toBe(
      'a: aGVsbG8/\nb: hello?\nc: aGVsbG8_\n',
    );
  });
});

describe('@ytt:struct', () => {
  it('make/encode/decode', () => {
    // ytt's struct.encode turns dicts into structs; struct.decode turns structs into dicts
    const t = `${L('struct')}#@ s = struct.make(a=1, b=struct.make(c="x"))\nv: #@ s.b.c\ne: #@ struct.decode(s)\nd: #@ struct.encode({"k": {"num": 2}}).k.num\nt: #@ type(struct.decode(s))\n`;
    expect(ytt(t)).toBe('v: x\ne:\n  a: 1\n  b:\n    c: x\nd: 2\nt: dict\n');
  });
  it('bind and make_and_bind', () => {
    const t = `${L('struct')}#@ def f(self, x=""):\n#@   return self + x\n#@ end\n#@ o = struct.make_and_bind("me", f=f, k=1)\nv: #@ [struct.bind(f, "a")("b"), o.f("!"), o.k]\n`;
    expect(ytt(t)).toBe('v:\n- ab\n- me!\n- 1\n');
  });
  it('structs support index access and `in`', () => {
    const t = `${L('struct')}#@ s = struct.make(a=1)\nv: #@ [s["a"], "a" in s, "b" in s, hasattr(s, "a")]\n`;
    expect(ytt(t)).toBe('v:\n- 1\n- true\n- false\n- true\n');
  });
  it('missing index key', () => {
    const e = yttError(`${L('struct')}v: #@ struct.make(a=1)["zz"]\n`);
    expect(firstLine(e)).toBe('key "zz" not in struct');
  });
});

describe('@ytt:assert', () => {
  it('fail', () => {
    // module errors are prefixed with the function name (ytt's core.ErrWrapper)
    expect(firstLine(yttError(`${L('assert')}v: #@ assert.fail("nope")\n`))).toBe('assert.fail: fail: nope');
  });
  it('assertions: min/max/min_len/max_len/not_null', () => {
    const t = `${L('assert')}#@ def t(a, v):\n#@   return assert.try_to(lambda: a.check(v))[1]\n#@ end\nv: #@ [t(assert.min(3), 2), t(assert.max(3), 4), t(assert.min_len(2), [1]), t(assert.max_len(1), [1, 2]), t(assert.not_null(), None), t(assert.min(1), 5)]\n`;
    const docs = runYtt([{ name: 'stdin.yml', text: t }]).documents;
    expect(docs).toEqual([new Map([['v', ['fail: value < 3', 'fail: value > 3', 'fail: length = 1', 'fail: length = 2', 'fail: value is null', null]]])]);
  });
  it('try_to returns (value, error)', () => {
    const t = `${L('assert')}#@ def bad():\n#@   return 1 // 0\n#@ end\nv: #@ list(assert.try_to(bad))\nw: #@ list(assert.try_to(lambda: 5))\n`;
    expect(ytt(t)).toBe('v:\n- null\n- floored division by zero\nw:\n- 5\n- null\n');
  });
});

describe('@ytt:regexp', () => {
  it('match', () => {
    expect(ytt(`${L('regexp')}v: #@ [regexp.match("^[a-z]+$", "abc"), regexp.match("^[a-z]+$", "ab1")]\n`)).toBe('v:\n- true\n- false\n');
  });
  it('replace uses Go template expansion', () => {
    expect(ytt(`${L('regexp')}v: #@ regexp.replace("(\\\\w+)@(\\\\w+)", "a@b c@d", "$2.$1")\n`)).toBe('v: b.a d.c\n');
    // $1x names group "1x" in Go, which does not exist
    expect(ytt(`${L('regexp')}v: #@ regexp.replace("(a)", "a", "$1x")\n`)).toBe('v: ""\n');
    expect(ytt(`${L('regexp')}v: #@ regexp.replace("(a)", "a", "\${1}x")\n`)).toBe('v: ax\n');
  });
  it('replace with a function', () => {
    expect(ytt(`${L('regexp')}v: #@ regexp.replace("[0-9]", "a1b2", lambda m: "<" + m + ">")\n`)).toBe('v: a<1>b<2>\n');
  });
  it('RE2 syntax translation and rejection', () => {
    expect(compileRE2('(?P<x>a)[[:digit:]]+\\z').test('a12')).toBe(true);
    expect(compileRE2('(?i)abc').test('ABC')).toBe(true);
    expect(() => compileRE2('a(?=b)')).toThrow(/invalid or unsupported Perl syntax/);
    expect(() => compileRE2('(a)\\1')).toThrow(/invalid escape sequence/);
  });
});

describe('other modules', () => {
  it('sha256', () => {
    expect(ytt(`${L('sha256')}v: #@ sha256.sum("abc")\n`)).toBe('v: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n');
  });
  it('md5', () => {
    expect(ytt(`${L('md5')}v: #@ md5.sum("abc")\n`)).toBe('v: 900150983cd24fb0d6963f7d28e17f72\n');
  });
  it('url', () => {
    expect(ytt(`${L('url')}a: #@ url.query_param_value_encode("a b&c")\nb: #@ url.path_segment_encode("a b/c")\n`)).toBe('a: a+b%26c\nb: a%20b%2Fc\n');
  });
  it('version', () => {
    expect(ytt(`${L('version')}#@ version.require_at_least("0.40.0")\nv: 1\n`)).toBe('v: 1\n');
    expect(firstLine(yttError(`${L('version')}#@ version.require_at_least("9.0.0")\nv: 1\n`))).toMatch(/does not meet the minimum required version '9.0.0'/);
  });
  it('unknown module', () => {
    expect(firstLine(yttError('#@ load("@ytt:nope", "nope")\nv: 1\n'))).toMatch(/nope/);
  });
  it('overlay.apply merges maps', () => {
    const t = `${L('overlay')}#@ def base():\na: 1\nb:\n  c: 2\n#@ end\n#@ def over():\nb:\n  c: 3\n#@overlay/match missing_ok=True\nd: 4\n#@ end\n---\nv: #@ overlay.apply(base(), over())\n`;
    expect(ytt(t)).toBe('v:\n  a: 1\n  b:\n    c: 3\n  d: 4\n');
  });
  it('overlay.apply on arrays: by a map key; unmatched or unannotated merges append', () => {
    const t = `${L('overlay')}#@ def base():\n- name: a\n  v: 1\n- name: b\n  v: 2\n#@ end\n#@ def over():\n#@overlay/match by="name"\n- name: b\n  v: 3\n#@overlay/match by=overlay.map_key("name"), missing_ok=True\n- name: c\n  v: 4\n#@overlay/append\n- name: d\n#@ end\n---\nv: #@ overlay.apply(base(), over())\n`;
    expect(ytt(t)).toBe('v:\n- name: a\n  v: 1\n- name: b\n  v: 3\n- name: c\n  v: 4\n- name: d\n');
    const plain = `${L('overlay')}#@ def base():\n- 1\n#@ end\n#@ def over():\n- 2\n#@ end\n---\nv: #@ overlay.apply(base(), over())\n`;
    expect(ytt(plain)).toBe('v:\n- 1\n- 2\n');
    const noBy = `${L('overlay')}#@ def base():\n- 1\n#@ end\n#@ def over():\n#@overlay/match expects=1\n- 2\n#@ end\n---\nv: #@ overlay.apply(base(), over())\n`;
    expect(firstLine(yttError(noBy))).toBe("overlay.apply: Array item on line stdin.yml:7: Expected 'overlay/match' annotation keyword argument 'by' to be specified");
  });
  it('overlay.apply requires a match unless missing_ok', () => {
    const t = `${L('overlay')}#@ def base():\na: 1\n#@ end\n#@ def over():\nz: 3\n#@ end\n---\nv: #@ overlay.apply(base(), over())\n`;
    expect(firstLine(yttError(t))).toMatch(/Expected number of matched nodes to be 1, but was 0/);
  });
});
