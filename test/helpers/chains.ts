// Test helper: the carto.run documents small render tests are made of, written once, and a
// render through the public API (with the built-in ytt engine) of their stream.
import { parseText, render, type RenderOptions, type RenderResult } from '../../src/index.js';

/** Documents joined into one YAML stream. */
export function stream(...docs: readonly string[]): string {
  return `${docs.map((d) => d.trim()).join('\n---\n')}\n`;
}

/** Renders a stream read as `inputs.yaml`, with the built-in ytt engine. */
export function renderStream(text: string, options: RenderOptions = {}): RenderResult {
  const parsed = parseText(text, 'inputs.yaml');
  if (parsed.diagnostics.length > 0) throw new Error(`test input does not parse: ${parsed.diagnostics[0]?.message}`);
  return render(parsed.documents, options);
}

/** A Workload (or Deliverable, Runnable…) `w` in namespace `dev` labelled `app: web`. */
export function ownerDoc(kind = 'Workload', metadata = '{name: w, namespace: dev, labels: {app: web}}', spec = '{}'): string {
  return `apiVersion: carto.run/v1alpha1\nkind: ${kind}\nmetadata: ${metadata}\nspec: ${spec}`;
}

/** A blueprint selecting `app: web`; `resources` are its YAML list items, indented two spaces. */
export function blueprintDoc(resources: string, options: { kind?: 'ClusterSupplyChain' | 'ClusterDelivery'; name?: string; key?: 'resources' | 'components' } = {}): string {
  return `apiVersion: carto.run/v1alpha1
kind: ${options.kind ?? 'ClusterSupplyChain'}
metadata: {name: ${options.name ?? 'sc'}}
spec:
  selector: {app: web}
  ${options.key ?? 'resources'}:
${resources.replace(/^\n+|\n+$/g, '')}`;
}

/** A ClusterSourceTemplate whose outputs are read from status: mocked when rendered offline. */
export function statusSourceTemplate(name = 'src'): string {
  return `apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata: {name: ${name}}
spec:
  urlPath: .status.artifact.url
  revisionPath: .status.artifact.revision
  template: {apiVersion: example.com/v1, kind: Source, metadata: {name: ${name}}}`;
}

/** A ClusterTemplate stamping ConfigMap `name` whose data is `data` (a YAML flow mapping). */
export function configMapTemplate(name: string, data: string): string {
  return `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: ${name}}
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: ${name}}
    data: ${data}`;
}

/** A template of `kind` named `name`; `spec` is its spec's YAML lines, indented two spaces. */
export function templateDoc(kind: string, name: string, spec: string): string {
  return `apiVersion: carto.run/v1alpha1\nkind: ${kind}\nmetadata: {name: ${name}}\nspec:\n${spec.replace(/^\n+|\n+$/g, '')}`;
}

/** The CustomResourceDefinition of `kind` (group example.com, served as v1, plural `plural`) whose objects' spec has schema `spec` (a YAML flow mapping). */
export function crdDoc(kind: string, plural: string, spec: string): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${plural}.example.com}
spec:
  group: example.com
  names: {kind: ${kind}, plural: ${plural}}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: ${spec}
`;
}
