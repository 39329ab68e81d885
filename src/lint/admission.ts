// The admission webhooks' verdicts on carto.run objects: the rules Cartographer's validating
// webhooks apply when a template or blueprint is created (webhook-templates.ts,
// webhook-blueprints.ts), one object at a time. lint reports them as errors; render reports
// them as warnings (errors with --strict): the object would never reach the controller, yet
// render shows what it would stamp if it did. One implementation, so the two say the same.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { headOf, type SourceDocument } from '../load/index.js';
import { cartoKindProblem, isTemplateKind } from '../model/index.js';
import { isObject, own } from '../util/objects.js';
import { checkBlueprintWebhook } from './webhook-blueprints.js';
import { checkRunTemplateWebhook, checkTemplateWebhook } from './webhook-templates.js';

const GROUP = 'carto.run/';

/** The webhook rules one carto.run document breaks (none for kinds without a webhook). */
export function webhookDiagnostics(doc: SourceDocument, kind: string, name: string): Diagnostic[] {
  if (isTemplateKind(kind)) return checkTemplateWebhook(doc, kind, name);
  if (kind === 'ClusterRunTemplate') return checkRunTemplateWebhook(doc, name);
  if (kind === 'ClusterSupplyChain' || kind === 'ClusterDelivery') return checkBlueprintWebhook(doc, kind, name, isLegacyBlueprint(doc));
  return [];
}

function hasWebhook(kind: string): boolean {
  return isTemplateKind(kind) || kind === 'ClusterRunTemplate' || kind === 'ClusterSupplyChain' || kind === 'ClusterDelivery';
}

/** The webhook rules the carto.run objects among `documents` break, in document order. */
export function admissionDiagnostics(documents: readonly SourceDocument[]): Diagnostic[] {
  return documents.flatMap((doc) => {
    // (headOf: a Workload kept as text in a large file is not parsed again to learn it is one)
    const apiVersion = own(headOf(doc), 'apiVersion');
    const kind = own(headOf(doc), 'kind');
    if (typeof apiVersion !== 'string' || !apiVersion.startsWith(GROUP) || typeof kind !== 'string' || cartoKindProblem(apiVersion, kind)) return [];
    if (!hasWebhook(kind)) return [];
    const metadata = own(doc.value, 'metadata');
    const name = isObject(metadata) && typeof own(metadata, 'name') === 'string' ? (own(metadata, 'name') as string) : '';
    return webhookDiagnostics(doc, kind, name);
  });
}

/** A supply chain written in the 0.0.6 format (spec.components and no spec.resources). */
export function isLegacyBlueprint(doc: SourceDocument): boolean {
  const spec = own(doc.value, 'spec');
  return isObject(spec) && own(spec, 'components') !== undefined && own(spec, 'resources') === undefined;
}
