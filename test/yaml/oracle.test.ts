// Oracle round trip: every expected.yaml in the shared ytt vectors is real ytt output. Parsing it
// (go-yaml-compatible schema, typed keys, key order kept) and emitting it again must give back
// the file byte for byte.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { emitYamlStream, kubeYamlOptions } from '../../src/yaml/index.js';

// shared/ sits beside the repository checkout; CARTO_YTT_VECTORS overrides the location.
const VECTORS =
  process.env['CARTO_YTT_VECTORS'] ?? fileURLToPath(new URL('../../../shared/ytt-vectors/cases', import.meta.url));

function expectedFiles(): string[] {
  if (!existsSync(VECTORS)) return [];
  return readdirSync(VECTORS)
    .filter((c) => existsSync(join(VECTORS, c, 'expected.yaml')))
    .sort();
}

function parseStream(text: string): unknown[] {
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
