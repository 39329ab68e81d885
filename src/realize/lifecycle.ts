// Lifecycles in the walk (spec §8.1). An immutable or tekton template hands on outputs only from
// a healthy object: its health rule (tekton's default: the Succeeded condition) is evaluated on
// the stamped object, with the status of its live object when --observed gives one (the newest
// the rule finds healthy, as the controller takes the newest healthy object). Unknown only
// because there is no live object is taken as healthy, so that render shows what the rest of
// the chain stamps; False, or Unknown on the live object, leaves the outputs missing. Every
// resource whose template was found gets the `Healthy` condition the controller writes.
import { effectiveRule, judgeRule, liveView, resourceHealth, type HealthVerdict } from '../health/index.js';
import type { SourceDocument } from '../load/index.js';
import type { Format, JSONObject, Template } from '../model/index.js';
import { findObserved, isHeldOutput, type OutputSources } from '../outputs/index.js';
import type { ResourceReport } from './report.js';

/** Whether the resource's outputs are read, and the live object (if any) that stands for its object. */
export type Gate =
  | { outcome: 'open'; live?: SourceDocument }
  /** `assumed`: Unknown without a live object, taken as healthy; `closed`: not healthy, no outputs. */
  | { outcome: 'assumed' | 'closed'; verdict: HealthVerdict; live?: SourceDocument };

export function gateOutputs(template: Template, object: JSONObject, sources: OutputSources, semantics: Format): Gate {
  // Cartographer 0.0.6 had neither lifecycles nor health rules.
  const rule = semantics === '0.0.6' ? undefined : effectiveRule(template);
  const healthy = (doc: SourceDocument) => !rule || judgeRule(rule, liveView(object, doc.value)).condition.status === 'True';
  const live = sources.observed?.length ? findObserved(object, sources.observed, healthy) : undefined;
  const at = live ? { live } : {};
  // A ClusterTemplate has no outputs to withhold; a mutable one's are read whatever its health.
  if (template.lifecycle === 'mutable' || !rule || template.kind === 'ClusterTemplate') return { outcome: 'open', ...at };
  const verdict = judgeRule(rule, liveView(object, live?.value));
  if (verdict.condition.status === 'True') return { outcome: 'open', ...at };
  return { outcome: verdict.condition.status === 'Unknown' && !live ? 'assumed' : 'closed', verdict, ...at };
}

/** The outputs sources with only the live object the gate chose, so outputs read the same one. */
export function withLive(sources: OutputSources, gate: Gate): OutputSources {
  return sources.observed ? { ...sources, observed: gate.live ? [gate.live] : [] } : sources;
}

/** The `Healthy` condition of a resource whose template was found, once its outputs are settled
 *  (Cartographer 0.0.6 wrote none). */
export function recordHealth(entry: ResourceReport, semantics: Format): void {
  const template = entry.template;
  if (!template || semantics === '0.0.6') return;
  // A null image or config is no output for the controller; a mocked one is not one it would have.
  const held = entry.outputs.filter(isHeldOutput);
  const outputsAvailable = !entry.failed && held.length > 0 && held.every((v) => v.provenance !== 'mock');
  const object = entry.object ? liveView(entry.object, entry.live?.value) : undefined;
  entry.health = resourceHealth({ template, ...(object ? { object } : {}), outputsAvailable }).condition;
}
