// The graph of what one owner would stamp (`carto graph --workload NAME`): the blueprint chosen
// for it, and for each resource the template or option chosen, the object stamped, and where
// each output came from; inputs carrying a mocked value are dashed. Resources are marked with
// carto status's verdicts when they are known (render's health otherwise), with a legend.
import type { OutputValue } from '../outputs/index.js';
import type { OwnerReport, ResourceReport } from '../render/index.js';
import { declaredInputs } from '../chain/index.js';
import { describeInput, describeObject, describeSelector } from './describe.js';
import type { ResourceVerdictSummary } from '../status/index.js';
import { HEALTH_LEGEND, VERDICT_LEGEND, type Cluster, type Graph, type GraphEdge, type GraphNode } from './model.js';

/**
 * `readiness`: the owner's Ready condition and each resource's verdict as `carto status` reports
 * them (without mocks), when known: the resources are marked with those verdicts, so that the
 * marks agree with the Ready line. Without it, the marks are the Healthy conditions of render's
 * own run (which may use mocks), and the legend says so.
 */
export function ownerGraph(report: OwnerReport, readiness?: { status: string; reason: string; resources?: readonly ResourceVerdictSummary[] }): Graph {
  const { owner, blueprint } = report;
  const title = `${owner.kind} ${owner.namespace}/${owner.name}`;
  if (!blueprint) return { clusters: [{ title, details: ['selected by no blueprint'], nodes: [], edges: [] }] };
  const key = (resource: string) => `${owner.kind}/${owner.namespace}/${owner.name}/${resource}`;
  const entries = new Map(report.resources.map((r) => [r.resource.name, r]));
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const resource of blueprint.resources) {
    const entry = entries.get(resource.name);
    const health = entry?.health ? { health: entry.healthAssumed || entry.health.status === 'Unknown' ? ('unknown' as const) : entry.health.status === 'True' ? ('healthy' as const) : ('unhealthy' as const) } : {};
    const judged = readiness?.resources?.find((r) => r.name === resource.name);
    const details = [...(judged ? [verdictLine(judged)] : []), ...(entry ? detailsOf(entry, judged !== undefined) : ['not reached'])];
    nodes.push({ key: key(resource.name), name: resource.name, template: templateOf(entry, resource.templateRef.kind), options: entry ? optionsOf(entry) : [], details, ...health, ...(judged ? { verdict: judged.verdict } : {}) });
    for (const input of declaredInputs(resource)) {
      if (!entries.has(input.resource)) continue;
      const values = (entries.get(input.resource)?.outputs ?? []).filter((v) => input.fields.includes(v.field));
      const mocked = values.some((v) => v.provenance === 'mock');
      const absent = entry?.inputs?.absent.some((a) => a.type === input.type && a.name === input.name && a.resource === input.resource);
      edges.push({
        from: key(input.resource),
        to: key(resource.name),
        label: describeInput(input),
        ...(absent ? { dashed: true, note: 'no value' } : mocked ? { dashed: true, note: 'mock' } : {}),
      });
    }
  }
  const ready = readiness ? [`Ready: ${readiness.status}${readiness.reason ? ` (${readiness.reason})` : ''}, as carto status reports it`] : [];
  const cluster: Cluster = { title, details: [`through ${blueprint.kind} ${blueprint.name}`, ...ready], nodes, edges };
  const legend = nodes.some((n) => n.verdict) ? VERDICT_LEGEND : nodes.some((n) => n.health) ? HEALTH_LEGEND : undefined;
  return { clusters: [cluster], ...(legend ? { legend } : {}) };
}

/** `status: blocked, waiting for source-provider`; `status: failed, TemplateStampFailure`. */
function verdictLine(r: ResourceVerdictSummary): string {
  if (r.verdict === 'ready') return 'status: ready';
  return `status: ${r.verdict}, ${r.verdict === 'blocked' ? `waiting for ${r.waitingFor.join(', ')}` : r.reason}`;
}

function templateOf(entry: ResourceReport | undefined, kind: string): string {
  if (entry?.passThrough !== undefined) return `${kind} passThrough ${entry.passThrough}`;
  if (entry?.template) return `${entry.template.kind} ${entry.template.name}`;
  return kind;
}

function optionsOf(entry: ResourceReport): string[] {
  if (entry.option) return [`option chosen by ${describeSelector(entry.option.selector)}`];
  return entry.optionVerdicts ? ['no option chosen'] : [];
}

/** `judged`: carto status's verdict is shown too, so render's health is labelled as render's. */
function detailsOf(entry: ResourceReport, judged: boolean): string[] {
  const details: string[] = [];
  if (entry.object) details.push(`stamps ${describeObject(entry.object)}`);
  else if (entry.passThrough !== undefined && !entry.failed) details.push(`stamps nothing: passes input ${entry.passThrough} through`);
  else if (entry.missingTemplate && !entry.failed) details.push(`stamps nothing: template ${entry.missingTemplate.name} is missing`);
  if (entry.failed) details.push('failed');
  if (entry.health) details.push(`${judged ? "render's health" : 'health'}: ${entry.health.status}, ${entry.health.reason}${entry.healthAssumed ? ' (assumed: no live object)' : ''}`);
  const outputs = describeOutputs(entry.outputs, entry.resource.name);
  if (outputs) details.push(outputs);
  return details;
}

/** `url, revision: mock`; `image: supplied`; passed-through values name their producer. */
function describeOutputs(values: readonly OutputValue[], resource: string): string | undefined {
  if (values.length === 0) return undefined;
  const groups: Array<{ fields: string[]; how: string }> = [];
  for (const v of values) {
    const how = v.resource === resource ? v.provenance : `${v.provenance}, from ${v.resource}`;
    const group = groups.find((g) => g.how === how);
    if (group) group.fields.push(v.field);
    else groups.push({ fields: [v.field], how });
  }
  return `outputs ${groups.map((g) => `${g.fields.join(', ')}: ${g.how}`).join('; ')}`;
}
