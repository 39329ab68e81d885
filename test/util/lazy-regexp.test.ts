// Regular expressions made on first use behave as the ones made at once; go-yaml's key order,
// which asks them only past ASCII, orders ASCII and other scripts' letters and digits as before.
import { describe, expect, it } from 'vitest';
import { lazyRegExp } from '../../src/util/lazy-regexp.js';
import { goYamlKeyOrder } from '../../src/yaml/index.js';

describe('lazyRegExp', () => {
  it('tests as new RegExp(source, flags) does, every time', () => {
    const lazy = lazyRegExp('^\\p{L}$', 'u');
    for (const c of ['a', 'Z', 'é', 'ж', '字', '1', '٣', '_', ' ', '😀']) expect([c, lazy.test(c)]).toEqual([c, /^\p{L}$/u.test(c)]);
  });
});

describe("go-yaml's key order with an ASCII fast path", () => {
  // the order the Unicode classes alone give (the implementation before the fast path)
  const letter = (c: string) => /\p{L}/u.test(c);
  const digit = (c: string) => /\p{Nd}/u.test(c);

  it('classes every ASCII character as \\p{L} and \\p{Nd} do', () => {
    // a letter sorts after a non-letter at the first difference, and digit runs compare as numbers
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
    const keys = ascii.flatMap((c) => [`k${c}`, `k${c}9`, `k9${c}`, `k10${c}`]);
    const ordered = goYamlKeyOrder(keys);
    // letters come last among the one-character suffixes, in code point order
    const suffixes = ordered.filter((k) => k.length === 2).map((k) => k[1] as string);
    const firstLetter = suffixes.findIndex(letter);
    expect(suffixes.slice(firstLetter).every(letter)).toBe(true);
    expect(suffixes.filter(letter)).toEqual(ascii.filter(letter));
    expect(ascii.filter(digit)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(goYamlKeyOrder(['a10', 'a9', 'a٣', 'aé', 'a_'])).toEqual(['a_', 'a9', 'a10', 'a٣', 'aé']);
  });
});
