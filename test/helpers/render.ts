// Test helpers: render YAML text through the library API, and pick results apart.
import { parseText } from '../../src/load/index.js';
import { render, type RenderOptions, type RenderResult } from '../../src/render/index.js';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/** Renders the documents in `text` (one or more YAML documents) as if read from `file`. */
export function renderText(text: string, options: RenderOptions = {}, file = 'inputs.yaml'): RenderResult {
  const parsed = parseText(text, file);
  if (parsed.diagnostics.length > 0) throw new Error(`test input does not parse: ${parsed.diagnostics[0]?.message}`);
  return render(parsed.documents, options);
}

/**
 * The usual trap fixture: a ClusterTemplate `t` (with `params` as its spec.params, when given)
 * stamping ConfigMap `cm` with `data` (YAML lines), one resource `r` in a ClusterSupplyChain `sc`
 * (or, with `delivery`, a ClusterDelivery `d`) selecting `app: web`, and then `owner`.
 */
export function oneResourceChain(data: string, owner: string, options: { params?: string; delivery?: boolean } = {}): string {
  const blueprint = options.delivery ? 'kind: ClusterDelivery\nmetadata: {name: d}' : 'kind: ClusterSupplyChain\nmetadata: {name: sc}';
  const params = options.params === undefined ? '' : `  params: ${options.params.replace(/\n/g, '\n    ')}\n`;
  return `
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: t}
spec:
${params}  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: cm}
    data:
${data.replace(/^/gm, '      ')}
---
apiVersion: carto.run/v1alpha1
${blueprint}
spec:
  selector: {app: web}
  resources:
  - name: r
    templateRef: {kind: ClusterTemplate, name: t}
---
${owner}
`;
}

/** The stamped objects of a render, as plain data. */
export function objectsOf(result: RenderResult): Record<string, unknown>[] {
  return result.objects.map((o) => o.object);
}

export function errorsOf(result: RenderResult): Diagnostic[] {
  return result.diagnostics.filter((d) => d.severity === 'error');
}

/** The one stamped object for `resource` (throws when there is not exactly one). */
export function stampedFor(result: RenderResult, resource: string): Record<string, unknown> {
  const found = result.objects.filter((o) => o.via === 'blueprint' && o.resource.name === resource);
  if (found.length !== 1) throw new Error(`expected one object for resource ${resource}, found ${found.length}`);
  return found[0]!.object;
}

/** Reads `a.b[0].c` out of plain data. */
export function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (current === null || current === undefined) return undefined;
    current = part.startsWith('[') ? (current as unknown[])[Number(part.slice(1, -1))] : (current as Record<string, unknown>)[part];
  }
  return current;
}

/** The blueprint resource each stamped object came from, in output order. */
export function resourceNames(result: RenderResult): string[] {
  return result.objects.flatMap((o) => (o.via === 'blueprint' ? [o.resource.name] : []));
}

/**
 * The interpolator's own reason for a failing placeholder (`jsonpath returned empty list: x`):
 * the message says it in plain words, the controller's message ends with the reason.
 */
export function reasonOf(d: { controllerMessage?: string; message: string }): string {
  const match = /: ((?:jsonpath returned empty list|tag must not point to nil value|evaluate: |too many results|empty jsonpath|infinite tag loop)[\s\S]*)$/.exec(d.controllerMessage ?? '');
  return match?.[1] ?? d.message;
}

/** Matches a controller message that ends with the interpolator's reason `reason`. */
export function endingWith(reason: string): unknown {
  return expect.stringMatching(new RegExp(`: ${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}
