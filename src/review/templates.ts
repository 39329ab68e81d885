// carto diff's changes to a template that the objects it stamps do not show: where the controller
// reads outputs (urlPath, imagePath…, a ClusterRunTemplate's outputs), how it judges health
// (healthRule, observedCompletion, observedMatches), a retention policy. Rendered without live
// objects (--observed) the outputs are mocks whatever the paths, so a change there stamps nothing
// different: said per template, or a pull request that changes them would read as "no changes".
import { fieldChanges, type FieldChange } from '../diff/index.js';
import type { RenderResult } from '../render/index.js';
import { isObject } from '../util/objects.js';

export interface TemplateChange {
  template: { kind: string; name: string };
  /** The changed fields under `.spec`, outside what is stamped (`.spec.template`, `.spec.ytt`, `.spec.params`). */
  fields: FieldChange[];
  message: string;
}

/** What stamping reads of a template: its changes show in the stamped objects. */
const STAMPED = new Set(['template', 'ytt', 'params']);

/** The templates some owner uses on both sides whose other fields changed, by kind and name. */
export function templateChanges(before: RenderResult, after: RenderResult): TemplateChange[] {
  const a = usedTemplates(before);
  const b = usedTemplates(after);
  const out: TemplateChange[] = [];
  // With live objects given (--observed), what the new paths read shows in the objects that follow.
  const live = after.owners.some((o) => o.resources.some((r) => r.live !== undefined));
  const see = live ? 'with the live objects given, what the new paths read shows in the objects stamped from them' : 'give their live objects with --observed to see what it reads';
  for (const [key, now] of [...b].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const old = a.get(key);
    if (!old) continue;
    const fields = fieldChanges({ spec: old.rest }, { spec: now.rest });
    if (fields.length === 0) continue;
    const paths = fields.map((f) => f.path);
    out.push({
      template: { kind: now.kind, name: now.name },
      fields,
      message: `${now.kind} ${now.name}: ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ` and ${paths.length - 5} more` : ''} changed: what the controller reads from the objects it stamps (outputs, health), which the stamped objects do not show (${see})`,
    });
  }
  return out;
}

interface Used {
  kind: string;
  name: string;
  /** `spec` without what stamping reads. */
  rest: Record<string, unknown>;
}

function usedTemplates(result: RenderResult): Map<string, Used> {
  const out = new Map<string, Used>();
  const add = (kind: string, name: string, spec: unknown) => {
    const key = `${kind}/${name}`;
    if (out.has(key)) return;
    const rest = Object.fromEntries(Object.entries(isObject(spec) ? spec : {}).filter(([k]) => !STAMPED.has(k)));
    out.set(key, { kind, name, rest });
  };
  for (const owner of result.owners) {
    for (const r of owner.resources) if (r.template) add(r.template.kind, r.template.name, r.template.doc.value['spec']);
    for (const run of owner.runnables) if (run.runTemplate) add('ClusterRunTemplate', run.runTemplate.name, run.runTemplate.doc.value['spec']);
  }
  for (const run of result.runnables) if (run.runTemplate) add('ClusterRunTemplate', run.runTemplate.name, run.runTemplate.doc.value['spec']);
  return out;
}
