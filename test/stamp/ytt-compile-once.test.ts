// The built-in ytt engine compiles each spec.ytt body once per render, not once per owner: the
// YAML template is read and its Starlark parsed for the first owner, then reused (src/ytt
// compiled.ts). Counted here by spying on the two readers, over 3 and 30 Workloads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const calls = { yaml: 0, starlark: 0 };
vi.mock('../../src/ytt/template/yamlparse.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/ytt/template/yamlparse.js')>();
  return { ...m, parseYamlWithComments: (...args: Parameters<typeof m.parseYamlWithComments>) => (calls.yaml++, m.parseYamlWithComments(...args)) };
});
vi.mock('../../src/ytt/starlark/syntax/parser.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/ytt/starlark/syntax/parser.js')>();
  return { ...m, parseFile: (...args: Parameters<typeof m.parseFile>) => (calls.starlark++, m.parseFile(...args)) };
});

const { parseText } = await import('../../src/load/index.js');
const { render } = await import('../../src/index.js');
const { clearYttCache } = await import('../../src/ytt/index.js');
const { ROOT } = await import('../helpers/cli.js');

const chain = ['supply-chain.yaml', 'templates.yaml'].map((f) => readFileSync(join(ROOT, 'examples/ytt', f), 'utf8')).join('\n---\n');
const workload = (i: number) => `apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: app-${i}, namespace: apps, labels: {app.tanzu.vmware.com/workload-type: web-ytt}}
spec: {source: {git: {url: "https://example.com/app-${i}.git", ref: {branch: main}}}}
`;

function compilesFor(owners: number): { yaml: number; starlark: number; objects: number } {
  clearYttCache();
  calls.yaml = 0;
  calls.starlark = 0;
  const text = [chain, ...Array.from({ length: owners }, (_, i) => workload(i))].join('\n---\n');
  const result = render(parseText(text, 'inputs.yaml').documents, { ownerReferences: false });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { ...calls, objects: result.objects.length };
}

describe('spec.ytt bodies', () => {
  it('are compiled once per render, whatever the number of owners', () => {
    const few = compilesFor(3);
    const many = compilesFor(30);
    expect(many.objects).toBe(10 * few.objects);
    expect(few.yaml).toBeGreaterThan(0);
    expect(few.starlark).toBeGreaterThan(0);
    expect(many.yaml).toBe(few.yaml);
    expect(many.starlark).toBe(few.starlark);
  });
});
