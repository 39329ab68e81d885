// sharedDataValue: a data value converted once and passed to many runs gives each run what the
// plain value gives it — the same output, the same steps — and a run whose code may change a list
// converts the value for itself (mayChangeLists decides).
import { describe, expect, it } from 'vitest';
import { runYtt, sharedDataValue } from '../../src/ytt/index.js';
import { parseFile } from '../../src/ytt/starlark/syntax/parser.js';
import { mayChangeLists } from '../../src/ytt/starlark/syntax/mutates.js';

const reading = `#@ load("@ytt:data", "data")
#@ items = data.values.w.spec.items
items: #@ items
n: #@ len(data.values.w.spec.nested[0].list)
meta: #@ data.values.w.meta
f: #@ data.values.w.f
b: #@ getattr(data.values.w.meta, "name", "")
`;
const changing = `#@ load("@ytt:data", "data")
#@ data.values.w.spec.items.append(len(data.values.w.spec.items))
#@ data.values.w.spec.nested[0].list.append("x")
items: #@ data.values.w.spec.items
nested: #@ data.values.w.spec.nested
meta: #@ data.values.w.meta
f: #@ data.values.w.f
`;
const plain = { meta: { name: 'a', labels: new Map<unknown, unknown>([[1, 'one'], ['k', 'v']]) }, spec: { items: [0], nested: [{ list: ['y'] }] }, f: 1.5 };

function run(template: string, value: unknown): { text: string; steps: number } {
  let steps = 0;
  const { text } = runYtt([{ name: 'stdin.yml', text: template }], { dataValues: [{ key: 'w', value }], stepsUsed: (n) => (steps = n) });
  return { text, steps };
}

describe('sharedDataValue', () => {
  it('gives every run the output and steps of the plain value, whether the run shares it or changes its lists', () => {
    const shared = sharedDataValue(plain);
    const expectReading = run(reading, plain);
    const expectChanging = run(changing, plain);
    expect(expectChanging.text).toBe("items:\n- 0\n- 1\nnested:\n- list:\n  - \"y\"\n  - x\nmeta:\n  name: a\n  labels:\n    \"1\": one\n    k: v\nf: 1.5\n");
    // a reading run (which also freezes the list it keeps in a global) does not change what the
    // next runs get, nor does a changing one
    for (let i = 0; i < 3; i++) {
      expect(run(reading, shared)).toEqual(expectReading);
      expect(run(changing, shared)).toEqual(expectChanging);
    }
  });

  it('is not shared with a run that changes a list as a for target or through getattr by another name', () => {
    const templates = [
      '#@ load("@ytt:data", "data")\n#@ l = data.values.w.spec.items\n#@ for l[0] in [9]:\n#@ end\nitems: #@ l\n',
      '#@ load("@ytt:data", "data")\n#@ l = data.values.w.spec.items\n#@ x = [1 for l[0] in [7]]\nitems: #@ l\n',
      '#@ load("@ytt:data", "data")\n#@ g = getattr\n#@ g(data.values.w.spec.items, "append")(5)\nitems: #@ data.values.w.spec.items\n',
    ];
    for (const template of templates) {
      const shared = sharedDataValue(plain);
      const expected = run(template, plain);
      for (let i = 0; i < 2; i++) expect(run(template, shared), template).toEqual(expected);
    }
  });

  it('is read as its plain value where data values are computed in full (a key with a dot)', () => {
    const { text } = runYtt([{ name: 'stdin.yml', text: '#@ load("@ytt:data", "data")\nv: #@ data.values.a.b.meta.name\n' }], {
      dataValues: [{ key: 'a.b', value: sharedDataValue(plain) }],
    });
    expect(text).toBe('v: a\n');
  });
});

describe('mayChangeLists', () => {
  const changes = (code: string) => mayChangeLists(parseFile('x.star', code));
  it('finds list methods, index assignment, += and getattr of a name not written out', () => {
    for (const code of ['l.append(1)\n', 'x = l.pop\n', 'l[0] = 1\n', 'a, l[0] = 1, 2\n', 'l += [1]\n', 'n = 1\nn += 1\n', 'getattr(l, "extend")([1])\n', 'getattr(l, name)\n', 'def f():\n  l.clear()\nend\n', 'for l[0] in [1]:\n  x = 1\nend\n', 'x = [1 for (a, l[0]) in [(1, 2)]]\n', 'g = getattr\n', 'g = [getattr][0](l, "value")\n']) {
      expect(changes(code), code).toBe(true);
    }
  });
  it('passes code that only reads', () => {
    for (const code of ['x = l[0]\n', 'y = [v for v in l if v]\n', 'z = getattr(s, "value", "")\n', 'w = len(l) + sorted(l)[0]\n']) {
      expect(changes(code), code).toBe(false);
    }
  });
});
