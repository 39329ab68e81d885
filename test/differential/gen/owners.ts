// Workloads and Deliverables: labels from the shared vocabulary (none, one, several: so an owner
// matches zero, one or several blueprints), and the typed spec fields templates and selectors
// read — params of any JSON type, a git or image source, env, build, quantities written in
// non-canonical forms, service claims, a field the schema does not have. Owners carry what the
// API server would have given them (uid, generation, creationTimestamp), as a cluster export does.
import { chance, count, pick, times, type Draw } from './draw.js';
import { ENV_NAMES, jsonValue, LABEL_KEYS, LABEL_VALUES, labels, NAMESPACES, PARAM_NAMES, type Json } from './values.js';

function source(draw: Draw): Json {
  const out: Record<string, Json> = !chance(draw, 0.15)
    ? { git: { url: pick(draw, ['https://example.com/app.git', 'git@example.com:x/y.git']), ref: { [pick(draw, ['branch', 'tag', 'commit'])]: pick(draw, ['main', 'v1.2.3', 'abc123']) } } }
    : { image: 'registry.example.com/src:latest' };
  if (chance(draw, 0.2)) out['subPath'] = 'apps/web';
  return out;
}

function workloadSpec(draw: Draw): Record<string, Json> {
  const spec: Record<string, Json> = {};
  if (!chance(draw, 0.15)) spec['source'] = source(draw);
  if (chance(draw, 0.3)) spec['image'] = pick(draw, ['registry.example.com/app:1', 'fast']);
  if (chance(draw, 0.3)) spec['env'] = times(count(draw, 1, 2), (i) => ({ name: ENV_NAMES[i]!, value: pick(draw, ['1', 'debug', '']) }));
  if (chance(draw, 0.15)) spec['build'] = { env: [{ name: 'BP_JVM_VERSION', value: '17' }] };
  if (chance(draw, 0.2)) spec['serviceAccountName'] = pick(draw, ['default', 'builder']);
  if (chance(draw, 0.2)) spec['resources'] = { requests: { cpu: pick(draw, ['0.5', '250m', 1, '1000m']) as Json }, limits: { memory: pick(draw, ['1024Mi', '1Gi', '512M']) } };
  if (chance(draw, 0.1)) spec['serviceClaims'] = [{ name: 'db', ref: { apiVersion: 'services.example.com/v1', kind: 'Database', name: 'db-1' } }];
  return spec;
}

/** Labels that satisfy a blueprint's selector and label expressions (its field requirements may still fail). */
function labelsFor(draw: Draw, blueprint: Record<string, Json>): Record<string, string> {
  const spec = blueprint['spec'] as Record<string, Json>;
  const out: Record<string, string> = { ...((spec['selector'] ?? {}) as Record<string, string>) };
  for (const e of (spec['selectorMatchExpressions'] ?? []) as Array<{ key: string; operator: string; values?: string[] }>) {
    if (e.operator === 'In') out[e.key] = e.values?.[0] ?? '';
    else if (e.operator === 'Exists' && out[e.key] === undefined) out[e.key] = pick(draw, LABEL_VALUES);
    else if (e.operator === 'DoesNotExist' || (e.operator === 'NotIn' && e.values?.includes(out[e.key] ?? ''))) delete out[e.key];
  }
  return out;
}

/** Owner `i` of the case: a Workload, or a Deliverable for a delivery case; mostly labelled for one
 *  of `blueprints`, mostly setting the case's `params`. */
export function generateOwner(draw: Draw, i: number, delivery: boolean, blueprints: ReadonlyArray<Record<string, Json>>, params: readonly string[]): Record<string, Json> {
  const metadata: Record<string, Json> = {
    name: `${delivery ? 'd' : 'w'}${i}`,
    uid: `00000000-1111-2222-3333-${String(i).padStart(12, '0')}`,
    generation: count(draw, 1, 3),
    creationTimestamp: '2024-04-25T10:00:00Z',
  };
  if (chance(draw, 0.7)) metadata['namespace'] = pick(draw, NAMESPACES);
  const ownerLabels = { ...(chance(draw, 0.5) ? labels(draw, chance(draw, 0.7) ? 1 : 3) : {}), ...(!chance(draw, 0.12) ? labelsFor(draw, pick(draw, blueprints)) : {}) };
  // An owner without labels (the controller's WorkloadLabelsMissing) now and then.
  if (Object.keys(ownerLabels).length > 0 || !chance(draw, 0.05)) metadata['labels'] = Object.keys(ownerLabels).length > 0 ? ownerLabels : { [pick(draw, LABEL_KEYS)]: pick(draw, LABEL_VALUES) };
  if (chance(draw, 0.2)) metadata['annotations'] = { note: 'hello' };
  const spec: Record<string, Json> = delivery ? {} : workloadSpec(draw);
  if (delivery && chance(draw, 0.7)) spec['source'] = source(draw);
  if (delivery && chance(draw, 0.2)) spec['serviceAccountName'] = 'deployer';
  // The case's usual params (templates read them), and now and then another one.
  const names = [...(chance(draw, 0.85) ? params : []), ...(chance(draw, 0.2) ? [pick(draw, PARAM_NAMES)] : [])];
  if (names.length > 0) spec['params'] = names.map((name) => ({ name, value: jsonValue(draw) }));
  if (chance(draw, 0.05)) spec['sourcee'] = { typo: true };
  return { apiVersion: 'carto.run/v1alpha1', kind: delivery ? 'Deliverable' : 'Workload', metadata, spec };
}
