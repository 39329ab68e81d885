// The built-in ytt engine converts an owner to Starlark once for all its templates (src/stamp
// ytt-builtin.ts, SharedDataValue in src/ytt/template/values.ts), and each run still gets values
// of its own where ytt's can change: a template that appends to a list of data.values.workload
// changes neither the next template's list nor data.values.deliverable's (ytt reads each
// --data-value-yaml flag into values of its own).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const counts = { shared: 0 };
vi.mock('../../src/ytt/template/values.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/ytt/template/values.js')>();
  class Counted extends m.SharedDataValue {
    constructor(plain: unknown) {
      super(plain);
      counts.shared++;
    }
  }
  return { ...m, SharedDataValue: Counted };
});

const { parseText } = await import('../../src/load/index.js');
const { render } = await import('../../src/index.js');
const { ROOT } = await import('../helpers/cli.js');

const workload = (i: number) => `apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: app-${i}, namespace: apps, labels: {app.tanzu.vmware.com/workload-type: web-ytt}}
spec:
  source: {git: {url: "https://example.com/app-${i}.git", ref: {branch: main}}}
  env: [{name: A, value: "1"}]
`;

function renderTexts(...texts: string[]) {
  const result = render(parseText(texts.join('\n---\n'), 'inputs.yaml').documents, { ownerReferences: false });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result;
}

describe('data values of the built-in engine', () => {
  it('convert an owner once for all its templates', () => {
    const chain = ['supply-chain.yaml', 'templates.yaml'].map((f) => readFileSync(join(ROOT, 'examples/ytt', f), 'utf8'));
    counts.shared = 0;
    const result = renderTexts(...chain, ...Array.from({ length: 5 }, (_, i) => workload(i)));
    expect(result.objects.length).toBe(20);
    // one per owner (its workload and deliverable keys, in all 4 templates), none for the rest of the context
    expect(counts.shared).toBe(5);
  });

  it('give each template, and each key, lists of their own', () => {
    // "first" and "third" change the list; "second" only reads it (so it shares the owner's values)
    const body = (name: string) => `#@ load("@ytt:data", "data")
${name === 'second' ? '#@ env = data.values.workload.spec.env' : '#@ data.values.workload.spec.env.append({"name": "B"})'}
apiVersion: v1
kind: ConfigMap
metadata:
  name: #@ data.values.workload.metadata.name + "-${name}"
data:
  workload: #@ str(len(data.values.workload.spec.env))
  deliverable: #@ str(len(data.values.deliverable.spec.env))
`;
    const template = (name: string) => `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: ${name}}
spec:
  ytt: ${JSON.stringify(body(name))}
`;
    const chain = `apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: lists}
spec:
  selector: {app.tanzu.vmware.com/workload-type: web-ytt}
  resources:
  - {name: first, templateRef: {kind: ClusterTemplate, name: first}}
  - {name: second, templateRef: {kind: ClusterTemplate, name: second}}
  - {name: third, templateRef: {kind: ClusterTemplate, name: third}}
`;
    const result = renderTexts(chain, template('first'), template('second'), template('third'), workload(0), workload(1));
    const data = result.objects.map((o) => (o.object as { metadata: { name: string }; data: unknown }));
    expect(data.map((o) => [o.metadata.name, o.data])).toEqual(['app-0', 'app-1'].flatMap((app) => [
      [`${app}-first`, { workload: '2', deliverable: '1' }],
      [`${app}-second`, { workload: '1', deliverable: '1' }],
      [`${app}-third`, { workload: '2', deliverable: '1' }],
    ]));
  });
});
