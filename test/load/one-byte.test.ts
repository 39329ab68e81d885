// A text with characters past U+00FF is parsed with them stood in for by one Latin-1 character
// (src/load/one-byte.ts), so that what is read from it is one byte a character: what is read
// must be exactly what reading the text as it is gives, and such a text must render as the same
// text without those characters.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatYamlStream, parseText, render } from '../../src/index.js';
import { holdsStandIn, narrowText } from '../../src/load/one-byte.js';
import { parseYamlStream } from '../../src/yaml/index.js';

describe('narrowText', () => {
  it('keeps every offset: one stand-in for each UTF-16 unit past U+00FF', () => {
    const text = 'a: b # コメント 😀\nc: d\n';
    const narrow = narrowText(text);
    expect(narrow?.text.length).toBe(text.length);
    expect(narrow?.text).toBe(`a: b # ${narrow?.standIn.repeat(4)} ${narrow?.standIn.repeat(2)}\nc: d\n`);
  });

  it('leaves alone a text that is all Latin-1, that holds every stand-in, or that has a character a reader may treat apart', () => {
    expect(narrowText('a: café # ¤')).toBeUndefined();
    expect(narrowText('a: 日 # ¤¦¬¶¨¯')).toBeUndefined();
    for (const special of ['\u2028', '\u2029', '\ufeff', '\ufffe', '\ud800']) expect(narrowText(`a: 日 # ${special}`)).toBeUndefined();
  });

  it('finds the stand-in in keys and values', () => {
    expect(holdsStandIn({ a: ['x', { ['k¤']: 1 }] }, '¤')).toBe(true);
    expect(holdsStandIn({ a: ['x', { k: 'v¤' }] }, '¤')).toBe(true);
    expect(holdsStandIn({ a: ['x', { k: 1n }] }, '¤')).toBe(false);
  });
});

describe('a text with characters past U+00FF', () => {
  it('reads the same values, wherever those characters are (comments, values, keys)', () => {
    for (const text of ['# 日本語\na: b\n', 'a: 日本語\nb: [c, "d😀"]\n', '日本: x\n', 'a: |\n  テキスト\n  more\n# end ☃\n']) {
      const read = parseText(text, 'f.yaml');
      expect(read.diagnostics).toEqual([]);
      // as the parser reads the text itself
      expect(JSON.stringify(read.documents.map((d) => [d.value, d.line]))).toBe(JSON.stringify(parseYamlStream(text)?.documents.map((d) => [d.value, d.line])));
    }
    expect(parseText('a: 日本語\n', 'f.yaml').documents[0]?.value).toEqual({ a: '日本語' });
    expect(parseText('日本: x # ☃\n', 'f.yaml').documents[0]?.value).toEqual({ 日本: 'x' });
  });

  it('renders as the same text without them, diagnostics and their positions included', () => {
    const dir = 'examples/source-to-url';
    const files = ['templates.yaml', 'supply-chain.yaml', 'hello-golang.yaml', 'hello-nodejs.yaml'];
    const read = (comment: string) => files.flatMap((f) => parseText(`# ${comment}\n${readFileSync(`${dir}/${f}`, 'utf8')}`, `${dir}/${f}`).documents);
    const wide = render(read('テンプレート'));
    const narrow = render(read('template'));
    expect(wide.diagnostics.map((d) => [d.message, d.line, d.column])).toEqual(narrow.diagnostics.map((d) => [d.message, d.line, d.column]));
    expect(formatYamlStream(wide.objects)).toBe(formatYamlStream(narrow.objects));
    expect(wide.objects.length).toBeGreaterThan(0);
  });
});
