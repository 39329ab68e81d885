// The emitter writes a deep-frozen value (a template's constant part, shared by the objects of
// every owner) once per emitter state and copies its text after: the text must be exactly what
// writing it afresh gives, wherever and however it is met, and a value that may change (a
// getter, a value that is not frozen all the way down) is written afresh every time.
import { describe, expect, it } from 'vitest';
import { emitYaml, emitYamlStream, type EmitOptions } from '../../src/yaml/index.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const shared = () => deepFreeze({
  ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
  'a key with spaces': 'yes',
  multi: 'one\ntwo\n',
  long: 'word '.repeat(30).trim(),
  empty: {},
  list: [[1, 2], [], { k: 'v' }],
});

/** A document meeting `v` in many states: at the root, in mappings at several depths, as list items, and as a key's only child. */
const everywhere = (v: unknown) => ({ top: v, nested: { deeper: { v } }, items: [v, [v], { v }], again: v });

describe('deep-frozen values', () => {
  const options: Array<[string, EmitOptions | undefined]> = [
    ['ytt', undefined],
    ['kubernetes dialect', { dialect: 'kubernetes', lineWidth: 0 }],
    ['folding at 40', { lineWidth: 40 }],
    ['go-yaml v3', { goYaml: 'v3' }],
  ];
  it.each(options)('are written as a fresh copy would be, wherever they are met (%s)', (_name, opts) => {
    const fresh = emitYaml(everywhere(structuredClone(shared())), opts);
    const frozen = shared();
    // twice: the second time every text comes from what the first kept
    expect(emitYaml(everywhere(frozen), opts)).toBe(fresh);
    expect(emitYaml(everywhere(frozen), opts)).toBe(fresh);
    expect(emitYaml(frozen, opts)).toBe(emitYaml(structuredClone(shared()), opts));
    expect(emitYamlStream([frozen, everywhere(frozen)], opts)).toBe(emitYamlStream([structuredClone(shared()), everywhere(structuredClone(shared()))], opts));
  });

  it('a frozen value with a getter is read every time it is written', () => {
    let reads = 0;
    const changing = Object.freeze({
      get name() {
        reads++;
        return `n${reads}`;
      },
    });
    const doc = deepFreeze({ a: changing });
    expect(emitYaml(doc)).not.toBe(emitYaml(doc));
    expect(reads).toBeGreaterThanOrEqual(2);
  });

  it('a frozen value holding one that is not frozen is written afresh', () => {
    const inner = { v: 'before' };
    const outer = Object.freeze({ inner });
    expect(emitYaml({ x: outer })).toBe('x:\n  inner:\n    v: before\n');
    inner.v = 'after';
    expect(emitYaml({ x: outer })).toBe('x:\n  inner:\n    v: after\n');
  });

  it('maxLength still stops a text made of copies', () => {
    const frozen = shared();
    emitYaml({ a: frozen });
    expect(() => emitYaml({ a: frozen, b: frozen, c: frozen }, { maxLength: 300 })).toThrow(/longer than 300/);
  });

  it('a value whose writing maxLength stopped is written whole afterwards (no cut text kept)', () => {
    const frozen = deepFreeze({ a: 'x'.repeat(50), b: 'y'.repeat(50), c: 'z'.repeat(50) });
    expect(() => emitYaml({ spec: frozen }, { maxLength: 60 })).toThrow(/longer than 60/);
    expect(emitYaml({ spec: frozen })).toBe(emitYaml({ spec: structuredClone(frozen) }));
  });
});
