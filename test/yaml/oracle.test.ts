// Oracle round trip: every expected.yaml in the shared ytt vectors is real ytt output. Parsing it
// (go-yaml-compatible schema, typed keys, key order kept) and emitting it again must give back
// the file byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { emitYamlStream, kubeYamlOptions } from '../../src/yaml/index.js';
import { describeVectors, VECTORS, vectorCases } from '../helpers/ytt-vectors.js';

function parseStream(text: string): unknown[] {
  return parseAllDocuments(text, kubeYamlOptions).map((doc) => {
    if (doc.errors.length > 0) throw doc.errors[0];
    return doc.toJS({ mapAsMap: true, maxAliasCount: -1 });
  });
}

// A user's clone has no shared/ folder beside it: each suite is then one skipped test saying so.
const cases = vectorCases('expected.yaml');

describeVectors('ytt vectors: parse expected.yaml, emit, compare bytes', cases, () => {
  it('finds the 228 expected outputs', () => {
    expect(cases.length).toBe(228);
  });

  it.each(cases)('%s', (c) => {
    const text = readFileSync(join(VECTORS, c, 'expected.yaml'), 'utf8');
    const emitted = emitYamlStream(parseStream(text));
    expect(emitted).toBe(text);
  });
});

// Strings inside expected.yaml that ytt built with yaml.encode() (ConfigMap data entries and the
// like) are ytt emitter output too. Any multi-line string that parses as a YAML collection and is
// not copied verbatim from values.json must re-emit byte for byte — unless the first line where
// it differs is written literally in the template source, i.e. it is hand-written template text
// rather than yaml.encode() output.
function collectStrings(v: unknown, out: Set<string>): void {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) collectStrings(x, out);
  else if (v instanceof Map)
    for (const [k, x] of v) {
      collectStrings(k, out);
      collectStrings(x, out);
    }
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) collectStrings(x, out);
}

function embeddedYamlStrings(c: string): string[] {
  const fromValues = new Set<string>();
  collectStrings(JSON.parse(readFileSync(join(VECTORS, c, 'values.json'), 'utf8')), fromValues);
  const found = new Set<string>();
  for (const doc of parseStream(readFileSync(join(VECTORS, c, 'expected.yaml'), 'utf8'))) collectStrings(doc, found);
  return [...found].filter((s) => {
    if (fromValues.has(s) || !s.includes('\n')) return false;
    const docs = parseAllDocuments(s, kubeYamlOptions);
    if (docs.some((d) => d.errors.length > 0)) return false;
    return docs.some((d) => {
      const v = d.toJS({ mapAsMap: true, maxAliasCount: -1 });
      return v instanceof Map || Array.isArray(v);
    });
  });
}

describeVectors('ytt vectors: YAML strings produced inside templates', cases, () => {
  let exact = 0;
  let handWritten = 0;
  it.each(cases)('%s', (c) => {
    const template = readFileSync(join(VECTORS, c, 'template.ytt.yaml'), 'utf8');
    for (const s of embeddedYamlStrings(c)) {
      const emitted = emitYamlStream(parseStream(s));
      if (emitted === s) {
        exact++;
        continue;
      }
      const ours = emitted.split('\n');
      const theirs = s.split('\n');
      const firstDiff = theirs.find((line, i) => line !== ours[i]) ?? '';
      expect(firstDiff.trim().length, `${c}: ${JSON.stringify(s)}`).toBeGreaterThan(0);
      expect(template.includes(firstDiff.trim()), `${c}: differs at ${JSON.stringify(firstDiff)}`).toBe(true);
      handWritten++;
    }
  });
  it('re-emitted most embedded documents exactly', () => {
    // Counted by the cases above (vitest runs them first, in order).
    expect(exact).toBeGreaterThanOrEqual(70);
    expect(handWritten).toBeLessThan(exact);
  });
});
