// Documents read from a text with a character past U+00FF are copied with their plain strings
// made one byte a character (src/load/one-byte.ts): the copy must hold exactly what was read, and
// a render of such a text must print what the same text without that character prints.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatYamlStream, parseText, render } from '../../src/index.js';
import { isWideText, narrowStrings } from '../../src/load/one-byte.js';

describe('narrowStrings', () => {
  it('copies every value as it is: strings (wide ones too), numbers, bigints, booleans, null, nesting, key order', () => {
    const proto = JSON.parse('{"__proto__": "own key", "b": 1}') as Record<string, unknown>;
    const value = { a: 'plain', wide: '日本語', list: [1, 2n ** 70n, true, null, { x: 'é' }], nested: { z: '', y: 1.5 }, proto };
    const copy = narrowStrings(value);
    expect(copy).toEqual(value);
    expect(Object.keys(copy.nested)).toEqual(['z', 'y']);
    expect(Object.prototype.hasOwnProperty.call(copy.proto, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(copy.proto)).toBe(Object.prototype);
    expect(copy.list[1]).toBe(2n ** 70n);
  });

  it('is used only for texts V8 holds two bytes a character', () => {
    expect(isWideText('kind: Workload # café')).toBe(false);
    expect(isWideText('kind: Workload # コメント')).toBe(true);
  });
});

describe('a text with a character past U+00FF', () => {
  it('renders as the same text without it', () => {
    const dir = 'examples/source-to-url';
    const files = ['templates.yaml', 'supply-chain.yaml', 'hello-golang.yaml', 'hello-nodejs.yaml'];
    const read = (comment: string) => files.flatMap((f) => parseText(`# ${comment}\n${readFileSync(`${dir}/${f}`, 'utf8')}`, `${dir}/${f}`).documents);
    const wide = render(read('テンプレート'));
    const narrow = render(read('template'));
    expect(wide.diagnostics.map((d) => d.message)).toEqual(narrow.diagnostics.map((d) => d.message));
    expect(formatYamlStream(wide.objects)).toBe(formatYamlStream(narrow.objects));
    expect(wide.objects.length).toBeGreaterThan(0);
  });
});
