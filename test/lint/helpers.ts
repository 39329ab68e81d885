// Test helpers for carto lint: lint YAML text (as one file) or fixture files with the library
// entry point, and pick out the diagnostics of one code. Every code a test asserts is recorded,
// so that rules.test.ts can check that each rule has a test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { lint } from '../../src/lint/index.js';
import { parseText } from '../../src/load/index.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export const tested = new Set<string>();

/** Lints `text` as the file `file` (its YAML errors included). */
export function lintYaml(text: string, file = 'input.yaml'): Diagnostic[] {
  const parsed = parseText(text, file);
  return lint(parsed.documents, { inputDiagnostics: parsed.diagnostics }).diagnostics;
}

/** Lints several named texts together, in order. */
export function lintFiles(files: Record<string, string>): Diagnostic[] {
  const documents = [];
  const inputDiagnostics = [];
  for (const [name, text] of Object.entries(files)) {
    const parsed = parseText(text, name);
    documents.push(...parsed.documents);
    inputDiagnostics.push(...parsed.diagnostics);
  }
  return lint(documents, { inputDiagnostics, files: Object.keys(files) }).diagnostics;
}

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

/**
 * Asserts that exactly one diagnostic has `code`, at `line`, with `message` (a string must
 * match exactly, a RegExp must match), and returns it.
 */
export function expectOne(diagnostics: readonly Diagnostic[], code: string, line: number, message: string | RegExp): Diagnostic {
  tested.add(code);
  const found = diagnostics.filter((d) => d.code === code);
  expect(found.map((d) => `${d.line}: ${d.message}`), `diagnostics with code ${code}`).toHaveLength(1);
  const d = found[0] as Diagnostic;
  expect(d.line).toBe(line);
  if (typeof message === 'string') expect(d.message).toBe(message);
  else expect(d.message).toMatch(message);
  return d;
}

/** Codes of all diagnostics, for asserting that nothing else was reported. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

/** A ClusterConfigTemplate `cfg` stamping a ConfigMap, for tests that need one to exist. */
export const CONFIG_TEMPLATE = `apiVersion: carto.run/v1alpha1
kind: ClusterConfigTemplate
metadata:
  name: cfg
spec:
  configPath: .data
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: x
    data:
      a: b
`;
