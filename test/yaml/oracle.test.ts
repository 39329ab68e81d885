// Oracle round trip: every expected.yaml in the shared ytt vectors is real ytt output. Parsing it
// (go-yaml-compatible schema, typed keys, key order kept) and emitting it again must give back
// the file byte for byte.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { emitYamlStream, kubeYamlOptions } from '../../src/yaml/index.js';

const VECTORS = '/work/shared/ytt-vectors/cases';

function expectedFiles(): string[] {
  if (!existsSync(VECTORS)) return [];
  return readdirSync(VECTORS)
    .filter((c) => existsSync(join(VECTORS, c, 'expected.yaml')))
    .sort();
}

export function parseStream(text: string): unknown[] {
  return parseAllDocuments(text, kubeYamlOptions).map((doc) => {
    if (doc.errors.length > 0) throw doc.errors[0];
    return doc.toJS({ mapAsMap: true, maxAliasCount: -1 });
  });
}

const cases = expectedFiles();

describe('ytt vectors: parse expected.yaml, emit, compare bytes', () => {
  it('finds the 228 expected outputs', () => {
    expect(cases.length).toBe(228);
  });

  it.each(cases)('%s', (c) => {
    const text = readFileSync(join(VECTORS, c, 'expected.yaml'), 'utf8');
    const emitted = emitYamlStream(parseStream(text));
    expect(emitted).toBe(text);
  });
});
