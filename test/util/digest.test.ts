// The hex digests of src/util/digest.ts against node:crypto's, on lengths around SHA-256's block
// and padding boundaries and on text that is not ASCII (digested as UTF-8).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5Hex, sha256Here, sha256Hex } from '../../src/util/digest.js';

const texts = [
  '',
  'abc',
  'Workload\u0000default\u0000hello',
  'uni ⚡ café 日本語 😀',
  ...[55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000].map((n) => 'x'.repeat(n)),
  Array.from({ length: 300 }, (_, i) => String.fromCharCode(32 + ((i * 37) % 3000))).join(''),
];

describe('digests', () => {
  it.each(texts.map((t) => [t.length, t]))('sha256Hex of %i characters is node:crypto\'s', (_n, text) => {
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
  it.each(texts.map((t) => [t.length, t]))('sha256Here (the JavaScript one) of %i characters is node:crypto\'s', (_n, text) => {
    expect(sha256Here(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
  it('sha256Hex is node:crypto\'s for the first digests (computed here) and the later ones (node:crypto\'s own)', () => {
    for (let i = 0; i < 200; i++) {
      const text = `${texts[i % texts.length]}${i}`;
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
  it('md5Hex is node:crypto\'s', () => {
    for (const text of texts) expect(md5Hex(text)).toBe(createHash('md5').update(text, 'utf8').digest('hex'));
  });
});
