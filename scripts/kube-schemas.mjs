// Writes schemas/kubernetes/v1.NN.json: the structural schemas of Kubernetes' built-in kinds for
// `carto render --validate` and `carto lint`, one file per Kubernetes minor version.
//
// The source is the official JavaScript client, @kubernetes/client-node, which the Kubernetes
// project generates from Kubernetes' own OpenAPI spec, one release per Kubernetes minor. Each of its
// model classes carries the spec's structure as data (attributeTypeMap: every field's name, type and
// format) and its declaration file says which fields are required (no `?`); its API classes name
// the path each kind is created at (group, version, namespaced or not). This script fetches the
// pinned releases with `npm pack` (the registry checks their integrity), reads exactly that, and
// writes a compact schema per version: only the kinds that can be created and what they reach, no
// descriptions. Run it when adding a version (`npm run kube-schemas`); the files are committed, so
// neither a build nor a user ever needs the client or the network.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Kubernetes minor → the client release generated from its spec (the release notes say which). */
const RELEASES = {
  '1.32': '1.1.3',
  '1.33': '1.3.0',
  '1.34': '1.4.0',
  '1.36': '2.0.1',
};

/**
 * Fields whose Go type is resource.Quantity: the spec gives them `type: string`, but the API server
 * decodes a number there too (`cpu: 1`), so they are marked. Keyed by model (without its version
 * prefix) and field; `*` when every value of a map field is a quantity.
 */
const QUANTITIES = {
  ResourceRequirements: ['limits', 'requests'],
  VolumeResourceRequirements: ['limits', 'requests'],
  EmptyDirVolumeSource: ['sizeLimit'],
  ResourceQuotaSpec: ['hard'],
  ResourceQuotaStatus: ['hard', 'used'],
  LimitRangeItem: ['default', 'defaultRequest', 'max', 'maxLimitRequestRatio', 'min'],
  PodSpec: ['overhead'],
  Overhead: ['podFixed'],
  PersistentVolumeSpec: ['capacity'],
  PersistentVolumeClaimStatus: ['allocatedResources', 'capacity'],
  NodeStatus: ['allocatable', 'capacity'],
  ContainerStatus: ['allocatedResources'],
  CSIStorageCapacity: ['capacity', 'maximumVolumeSize'],
};

/**
 * The values the API server's validation accepts for some string fields (Kubernetes' OpenAPI spec
 * has carried no enums since 1.24, but the API server still refuses others: `Unsupported value`).
 * The fields templates write most; keyed like QUANTITIES.
 */
const ENUMS = {
  Container: { imagePullPolicy: ['Always', 'IfNotPresent', 'Never'], terminationMessagePolicy: ['File', 'FallbackToLogsOnError'] },
  PodSpec: { restartPolicy: ['Always', 'OnFailure', 'Never'], dnsPolicy: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] },
  ContainerPort: { protocol: ['TCP', 'UDP', 'SCTP'] },
  ServicePort: { protocol: ['TCP', 'UDP', 'SCTP'] },
  ServiceSpec: { type: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'], sessionAffinity: ['ClientIP', 'None'], externalTrafficPolicy: ['Cluster', 'Local'], internalTrafficPolicy: ['Cluster', 'Local'] },
  DeploymentStrategy: { type: ['Recreate', 'RollingUpdate'] },
  StatefulSetSpec: { podManagementPolicy: ['OrderedReady', 'Parallel'] },
  HTTPGetAction: { scheme: ['HTTP', 'HTTPS'] },
  HTTPIngressPath: { pathType: ['Exact', 'Prefix', 'ImplementationSpecific'] },
  CronJobSpec: { concurrencyPolicy: ['Allow', 'Forbid', 'Replace'] },
  Toleration: { operator: ['Exists', 'Equal'], effect: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
  LabelSelectorRequirement: { operator: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
};

function fetchRelease(version, dir) {
  execFileSync('npm', ['pack', `@kubernetes/client-node@${version}`, '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tgz, 'package/dist/gen/models', 'package/dist/gen/apis'], { cwd: dir });
  return join(dir, 'package', 'dist', 'gen');
}

/** `V1beta1Foo` → `Foo`. */
const kindOf = (model) => model.replace(/^([A-Z][a-z]+)?V\d+((alpha|beta)\d+)?/, '');

function readModel(dir, name) {
  const js = readFileSync(join(dir, 'models', `${name}.js`), 'utf8');
  const map = /attributeTypeMap = (\[[\s\S]*?\]);/.exec(js);
  if (!map) return undefined;
  const fields = JSON.parse(map[1]);
  const dts = readFileSync(join(dir, 'models', `${name}.d.ts`), 'utf8');
  const required = [...dts.matchAll(/^\s+'([^']+)': /gm)].map((m) => m[1]);
  return { fields, required };
}

/** A client type name (`Array<V1Container>`, `{ [key: string]: string; }`) as a schema. */
function schemaOf(type, format, refs) {
  const array = /^Array<(.*)>$/.exec(type);
  if (array) return { type: 'array', items: schemaOf(array[1], '', refs) };
  const map = /^\{ \[key: string\]: (.*); \}$/.exec(type);
  if (map) return { type: 'object', additionalProperties: schemaOf(map[1], '', refs) };
  switch (type) {
    case 'string': return format === 'byte' ? { type: 'string', format: 'byte' } : { type: 'string' };
    case 'boolean': return { type: 'boolean' };
    case 'number': return format === 'int32' || format === 'int64' ? { type: 'integer', format } : { type: 'number' };
    // metav1.Time and metav1.MicroTime: RFC 3339 text
    case 'Date': case 'V1MicroTime': return { type: 'string', format: 'date-time' };
    case 'IntOrString': return { 'x-kubernetes-int-or-string': true };
    case 'any': case 'object': return { 'x-kubernetes-preserve-unknown-fields': true };
    default:
      if (!/^(V\d|[A-Z][a-z]+V\d)/.test(type)) throw new Error(`unknown client type ${type}`);
      refs.add(type);
      return { $ref: type };
  }
}

/** Every kind the API creates (a POST without {name} in its path): `apps/v1/Deployment` → model. */
function creatableKinds(dir) {
  const kinds = {};
  for (const file of readdirSync(join(dir, 'apis')).filter((f) => f.endsWith('Api.js'))) {
    const js = readFileSync(join(dir, 'apis', file), 'utf8');
    // one request builder per method: its path, its HTTP method and the type of its body
    for (const method of js.split(/\n    async /).slice(1)) {
      const path = /localVarPath = '([^']+)'/.exec(method)?.[1];
      const model = /serialize\(body, "((?:[A-Z][a-z]+)?V\d\w*)"/.exec(method)?.[1];
      if (!path || !model || !method.includes('HttpMethod.POST') || path.includes('{name}')) continue;
      const gv = /^\/api\/v1\//.test(path) ? 'v1' : /^\/apis\/([^/]+\/[^/]+)\//.exec(path)?.[1];
      if (!gv) continue;
      const key = `${gv}/${kindOf(model)}`;
      const namespaced = path.includes('{namespace}');
      if (!kinds[key] || namespaced) kinds[key] = { model, namespaced };
    }
  }
  return kinds;
}

function convert(dir) {
  const kinds = creatableKinds(dir);
  const definitions = {};
  const queue = Object.values(kinds).map((k) => k.model);
  queue.push('V1ObjectMeta');
  while (queue.length > 0) {
    const name = queue.pop();
    if (definitions[name]) continue;
    const model = readModel(dir, name);
    if (!model) throw new Error(`no model ${name}`);
    const refs = new Set();
    const quantities = new Set(QUANTITIES[kindOf(name)] ?? []);
    const properties = {};
    for (const f of model.fields) {
      let schema = schemaOf(f.type, f.format, refs);
      if (quantities.has(f.baseName)) schema = schema.type === 'object' ? { type: 'object', additionalProperties: { type: 'string', format: 'quantity' } } : { type: 'string', format: 'quantity' };
      const allowed = ENUMS[kindOf(name)]?.[f.baseName];
      if (allowed && schema.type === 'string') schema = { ...schema, enum: allowed };
      properties[f.baseName] = schema;
    }
    const required = model.fields.filter((f) => model.required.includes(f.name)).map((f) => f.baseName);
    definitions[name] = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
    queue.push(...refs);
  }
  const sortedKinds = Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.model]));
  const sortedDefs = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { kinds: sortedKinds, definitions: sortedDefs };
}

mkdirSync('schemas/kubernetes', { recursive: true });
for (const [minor, release] of Object.entries(RELEASES)) {
  const dir = mkdtempSync(join(tmpdir(), 'carto-kube-'));
  try {
    const { kinds, definitions } = convert(fetchRelease(release, dir));
    const out = { kubernetes: minor, source: `@kubernetes/client-node@${release}`, kinds, definitions };
    writeFileSync(join('schemas', 'kubernetes', `v${minor}.json`), `${JSON.stringify(out)}\n`);
    console.log(`v${minor}: ${Object.keys(kinds).length} kinds, ${Object.keys(definitions).length} definitions (from @kubernetes/client-node@${release})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
