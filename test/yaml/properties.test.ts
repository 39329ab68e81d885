// Property-based tests of the YAML emitter (fast-check): whatever JSON-like value carto emits,
// reading the text back gives the same value — with the `yaml` package as kubectl reads YAML
// (kubeYamlOptions) and with carto's own fast reader. Keys and strings come from all of Unicode
// and from the words YAML would read as something else (yes, null, 0x1F, <<, ~, 1e3, - x …).
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { emitYaml, kubeYamlOptions, parseYamlStream } from '../../src/yaml/index.js';
import { fuzz, fuzzTimeout } from '../helpers/fuzz.js';

/** Words and shapes that YAML resolves, indicates or folds: each must come back as a string. */
const TRICKY = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'True', 'FALSE', 'null', 'Null', '~', '', ' ', '  x', 'x  ',
  '0', '-0', '012', '0x1F', '0o17', '0b101', '1_000', '1e3', '.5', '-.inf', '.NaN', '1:30', '2024-01-01',
  '<<', '=', '-', '- x', '? x', ': x', 'x: y', 'x #y', '#x', '&a', '*a', '!t', '%x', '@x', '`x', '|', '>',
  '"q"', "'q'", '[a]', '{a: b}', 'a,b', 'line\nbreak', 'trailing\n', '\n', '\ttab', 'tab\t', 'crlf\r\n',
  '\u0000', '\u0007', '\u001b[31m', '\u0085', '\u2028', '\ufeff', '\ufffe', 'é', '日本', '😀', '__proto__', 'constructor',
  '---', '...', '--- x', 'x'.repeat(200), 'word '.repeat(40),
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(' ', '\n', 'a', ':', '#', '-', '"', "'", '\\', '\t', 'é'), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...TRICKY), { maxLength: 4 }).map((parts) => parts.join(' ')) },
);

const scalar = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.maxSafeInteger() },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  // Finite doubles (-0 prints as 0, as Go's JSON does): carto's inputs are JSON-compatible.
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)) },
);

/** An object with exactly these own keys, `__proto__` included. */
function objectOf(entries: Array<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.uniqueArray(fc.tuple(text, tie('value')), { maxLength: 5, selector: ([k]) => k }).map(objectOf),
}));

const document = fc.uniqueArray(fc.tuple(text, value), { minLength: 1, maxLength: 6, selector: ([k]) => k }).map(objectOf);

/**
 * Integral numbers beyond 2^53 print as integers and come back as bigints: the same number.
 */
function numbersAsNumbers(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(numbersAsNumbers);
  if (v !== null && typeof v === 'object') return objectOf(Object.entries(v).map(([k, x]) => [k, numbersAsNumbers(x)]));
  return v;
}

function readBack(yaml: string): unknown {
  const docs = parseAllDocuments(yaml, kubeYamlOptions);
  expect(Array.isArray(docs) ? docs.length : 0).toBe(1);
  const doc = (docs as ReturnType<typeof parseAllDocuments> & unknown[])[0]!;
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  return numbersAsNumbers(doc.toJS({ maxAliasCount: -1 }));
}

describe('emit → parse gives the same data', () => {
  it('as carto writes its output (kubernetes dialect, no folding), read by the yaml package', () => {
    fc.assert(
      fc.property(document, (doc) => {
        expect(readBack(emitYaml(doc, { dialect: 'kubernetes', lineWidth: 0 }))).toEqual(doc);
      }),
      fuzz(300),
    );
  }, fuzzTimeout(20_000));

  it('read by carto\'s fast reader too, whenever it reads the text', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const yaml = emitYaml(doc, { dialect: 'kubernetes', lineWidth: 0 });
        const fast = parseYamlStream(yaml);
        if (fast !== null) expect(numbersAsNumbers(fast.documents.map((d) => d.value))).toEqual([doc]);
      }),
      fuzz(300),
    );
  }, fuzzTimeout(20_000));

  it('with long lines folded at 80 columns (go-yaml v2\'s Marshal)', () => {
    fc.assert(
      fc.property(document, (doc) => {
        expect(readBack(emitYaml(doc, { dialect: 'kubernetes', lineWidth: 80 }))).toEqual(doc);
      }),
      fuzz(200),
    );
  }, fuzzTimeout(20_000));
});
