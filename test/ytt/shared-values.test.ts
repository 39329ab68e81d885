// sharedDataValue: a data value converted once and passed to many runs gives each run what the
// plain value gives it — the same output, the same steps — and lists of its own.
import { describe, expect, it } from 'vitest';
import { runYtt, sharedDataValue } from '../../src/ytt/index.js';

const template = `#@ load("@ytt:data", "data")
#@ data.values.w.spec.items.append(len(data.values.w.spec.items))
#@ data.values.w.spec.nested[0].list.append("x")
items: #@ data.values.w.spec.items
nested: #@ data.values.w.spec.nested
meta: #@ data.values.w.meta
f: #@ data.values.w.f
`;
const plain = { meta: { name: 'a', labels: new Map<unknown, unknown>([[1, 'one'], ['k', 'v']]) }, spec: { items: [0], nested: [{ list: [] }] }, f: 1.5 };

function run(value: unknown): { text: string; steps: number } {
  let steps = 0;
  const { text } = runYtt([{ name: 'stdin.yml', text: template }], { dataValues: [{ key: 'w', value }], stepsUsed: (n) => (steps = n) });
  return { text, steps };
}

describe('sharedDataValue', () => {
  it('gives every run the output and steps of the plain value, with lists of its own', () => {
    const expected = run(plain);
    expect(expected.text).toBe("items:\n- 0\n- 1\nnested:\n- list:\n  - x\nmeta:\n  name: a\n  labels:\n    \"1\": one\n    k: v\nf: 1.5\n");
    const shared = sharedDataValue(plain);
    for (let i = 0; i < 3; i++) expect(run(shared)).toEqual(expected);
  });

  it('is read as its plain value where data values are computed in full (a key with a dot)', () => {
    const { text } = runYtt([{ name: 'stdin.yml', text: '#@ load("@ytt:data", "data")\nv: #@ data.values.a.b.meta.name\n' }], {
      dataValues: [{ key: 'a.b', value: sharedDataValue(plain) }],
    });
    expect(text).toBe('v: a\n');
  });
});
