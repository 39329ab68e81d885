// Mistakes the admission webhooks refuse, made on purpose in a few generated cases: each one
// edits one template or blueprint of an otherwise ordinary case, so the comparison sees carto's
// webhook verdicts against the controller's (refharness with validation) and, without
// validation, what each tool stamps from an object the webhook would never have let in.
import { pick, type Draw } from './draw.js';
import type { Json } from './values.js';

type Doc = Record<string, Json>;
type Slip = (doc: Doc) => boolean;

const specOf = (doc: Doc): Record<string, Json> => doc['spec'] as Record<string, Json>;

const TEMPLATE_SLIPS: Slip[] = [
  (doc) => {
    const template = specOf(doc)['template'] as Record<string, Json> | undefined;
    if (!template) return false;
    (template['metadata'] as Record<string, Json>)['namespace'] = 'dev';
    return true;
  },
  (doc) => {
    const spec = specOf(doc);
    if (spec['template']) spec['ytt'] = '#@ load("@ytt:data", "data")\n---\nkind: X\n';
    else delete spec['ytt'];
    return true;
  },
  (doc) => {
    specOf(doc)['healthRule'] = {};
    return true;
  },
  (doc) => {
    specOf(doc)['healthRule'] = { alwaysHealthy: {}, singleConditionType: 'Ready' };
    return true;
  },
  (doc) => {
    specOf(doc)['healthRule'] = { multiMatch: { healthy: { matchConditions: [{ type: 'Ready', status: 'True' }] }, unhealthy: {} } };
    return true;
  },
  (doc) => {
    const spec = specOf(doc);
    if (spec['lifecycle'] === 'immutable' || spec['lifecycle'] === 'tekton') return false;
    spec['retentionPolicy'] = { maxFailedRuns: 1, maxSuccessfulRuns: 1 };
    return true;
  },
  (doc) => {
    if (doc['kind'] !== 'ClusterDeploymentTemplate') return false;
    const spec = specOf(doc);
    if (spec['observedMatches']) delete spec['observedMatches'];
    else spec['observedMatches'] = [];
    return true;
  },
  (doc) => {
    const template = specOf(doc)['template'] as Record<string, Json> | undefined;
    if (!template) return false;
    delete template['kind'];
    return true;
  },
];

const resourcesOf = (doc: Doc): Array<Record<string, Json>> => specOf(doc)['resources'] as Array<Record<string, Json>>;

const BLUEPRINT_SLIPS: Slip[] = [
  (doc) => {
    const spec = specOf(doc);
    delete spec['selector'];
    delete spec['selectorMatchExpressions'];
    delete spec['selectorMatchFields'];
    return true;
  },
  (doc) => {
    specOf(doc)['selector'] = { app: 'not valid!' };
    return true;
  },
  (doc) => {
    const ref = resourcesOf(doc)[0]!['templateRef'] as Record<string, Json>;
    if (ref['options']) {
      ref['name'] = 'both'; // a name and options
    } else {
      ref['options'] = [{ name: String(ref['name']), selector: { matchLabels: { app: 'web' } } }]; // a single option
      delete ref['name'];
    }
    return true;
  },
  (doc) => {
    const ref = resourcesOf(doc)[0]!['templateRef'] as Record<string, Json>;
    const options = ref['options'] as Array<Record<string, Json>> | undefined;
    if (!options || options.length < 2) return false;
    options[1]!['name'] = options[0]!['name'] ?? 'same';
    return true;
  },
  (doc) => {
    const ref = resourcesOf(doc)[0]!['templateRef'] as Record<string, Json>;
    const options = ref['options'] as Array<Record<string, Json>> | undefined;
    if (!options) return false;
    options[0]!['selector'] = {};
    return true;
  },
  (doc) => {
    specOf(doc)['selectorMatchFields'] = [{ key: 'spec.nope', operator: 'Exists' }];
    return true;
  },
  (doc) => {
    const deploying = resourcesOf(doc).find((r) => r['deployment'] !== undefined);
    if (!deploying) return false;
    delete deploying['deployment'];
    return true;
  },
];

/** Makes one webhook slip in one of `templates` or `blueprints`; false when the drawn slip did not apply. */
export function makeSlip(draw: Draw, templates: readonly Doc[], blueprints: readonly Doc[]): boolean {
  const onTemplate = templates.length > 0 && pick(draw, [true, false]);
  if (onTemplate) return pick(draw, TEMPLATE_SLIPS)(pick(draw, templates));
  return blueprints.length > 0 && pick(draw, BLUEPRINT_SLIPS)(pick(draw, blueprints));
}
