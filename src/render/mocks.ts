// Which mocked values reached a template in one owner's render, and through which resources:
// the note (or, with --strict, the error) render() gives, `carto explain`'s list, and the
// sentence an error gets when a mocked value may be what made it fail.
import type { OutputValue } from '../outputs/index.js';
import type { ResourceInputs } from '../chain/index.js';
import { templateKey, type Blueprint, type Catalog, type JSONObject, type Resource } from '../model/index.js';
import type { OwnerReport, ResourceReport } from './report.js';

export interface MockedOutput {
  /** The resource whose output was mocked (through any passThrough, the one that produced it). */
  resource: string;
  /** Its mocked values, one per field. */
  values: OutputValue[];
  /** The resources whose templates took them as inputs (stamped, or failed stamping), in blueprint order. */
  users: string[];
}

export function mockedOutputsUsed(report: OwnerReport): MockedOutput[] {
  const byName = new Map(report.resources.map((r) => [r.resource.name, r]));
  // Mocked values (keyed by the resource that produced them, through any passThrough) → users.
  const used = new Map<string, MockedOutput>();
  const use = (value: OutputValue, user: string) => {
    const slot = used.get(value.resource) ?? { resource: value.resource, values: [], users: [] };
    if (!slot.values.some((v) => v.field === value.field)) slot.values.push(value);
    if (!slot.users.includes(user)) slot.users.push(user);
    used.set(value.resource, slot);
  };
  for (const entry of report.resources) {
    // A template that failed used the mocks its error involves; one that stamped, all it was given.
    for (const value of entry.mocksInvolved ?? []) use(value, entry.resource.name);
    if (!entry.object) continue;
    for (const ref of inputRefs(entry.resource)) {
      for (const value of byName.get(ref.upstream)?.outputs ?? []) {
        if (value.provenance === 'mock' && ref.fields.includes(value.field)) use(value, entry.resource.name);
      }
    }
  }
  return [...used.values()];
}

/** What an error involves: every input (ytt code, the stamper), or the inputs and owner fields it names. */
type InputScope = 'all' | ScopeItem[];
type ScopeItem = { type: InputRef['type']; name?: string; field?: string } | 'uid';
type Available = Readonly<Record<'source' | 'image' | 'config', number>>;

/**
 * What a `$(…)$` expression reads. `available` counts the inputs of each type: `$(config)$` reads
 * the one config input only when there is exactly one (otherwise it fails for that reason alone).
 */
function scopeOfExpression(expression: string, available: Available): InputScope {
  const item = scopeOf(pathParts(expression.replace(/^\{?\.?/, '')), available);
  return item ? [item] : [];
}

/**
 * What a failing ytt template read, from the lines ytt quotes (`data.values.config.metadata`);
 * every input when they name none (the value may have gone through a variable); none when ytt
 * quotes no line of code at all (the template does not parse: no value was read).
 */
function scopeOfYttError(text: string, available: Available): InputScope {
  if (!/^\s+stdin\.yml:\d+ \|/m.test(text)) return [];
  const items: ScopeItem[] = [];
  for (const match of text.matchAll(/data\.values((?:\.[\w-]+|\[["'][^"']*["']\])+)/g)) {
    const item = scopeOf(pathParts((match[1] as string).slice(1)), available);
    if (item) items.push(item);
  }
  return items.length > 0 ? items : 'all';
}

/** `sources.src.url`, `sources['src'].url` → ['sources', 'src', 'url']. */
function pathParts(path: string): string[] {
  return [...path.matchAll(/([^.[\]'"]+)|\[['"]([^'"]*)['"]\]/g)].map((m) => (m[1] ?? m[2]) as string);
}

const FIELD_OF: Record<string, string | undefined> = { url: 'url', revision: 'revision' };

function scopeOf(parts: readonly string[], available: Available): ScopeItem | undefined {
  const [head, second, third] = parts;
  switch (head) {
    case 'sources': case 'images': case 'configs': {
      const field = head === 'sources' && third !== undefined ? FIELD_OF[third] : undefined;
      return { type: head.slice(0, -1) as 'source' | 'image' | 'config', ...(second !== undefined ? { name: second } : {}), ...(field ? { field } : {}) };
    }
    case 'source': case 'image': case 'config': {
      if (available[head] !== 1) return undefined;
      const field = head === 'source' && second !== undefined ? FIELD_OF[second] : undefined;
      return { type: head, ...(field ? { field } : {}) };
    }
    case 'deployment': {
      const field = second !== undefined ? FIELD_OF[second] : undefined;
      return { type: 'deployment', ...(field ? { field } : {}) };
    }
    case 'workload': case 'deliverable': case 'runnable':
      // `$(workload.metadata)$` holds the uid too, but fails for other reasons than its value.
      return second === 'metadata' && third === 'uid' ? 'uid' : undefined;
    default:
      return undefined;
  }
}

/** A mocked owner uid, for the sentence about it. */
export interface UidMock {
  ownerKind: string;
  ownerName: string;
  value: string;
}

/** A mocked value that reached a template, and the input it came in by. */
interface InvolvedMock {
  value: OutputValue;
  /** `config input config`, `its deployment input`. */
  as: string;
}

/** The mocked values among a resource's inputs that an error involves (`scope`). */
function involvedMocks(resource: Resource, outputs: ReadonlyMap<string, readonly OutputValue[]>, scope: InputScope): InvolvedMock[] {
  const named = (ref: InputRef, field: string) =>
    scope === 'all' || scope.some((s) => s !== 'uid' && s.type === ref.type && (s.name === undefined || s.name === ref.name) && (s.field === undefined || s.field === field));
  const found: InvolvedMock[] = [];
  for (const ref of inputRefs(resource)) {
    for (const value of outputs.get(ref.upstream) ?? []) {
      if (value.provenance !== 'mock' || !ref.fields.includes(value.field) || !named(ref, value.field)) continue;
      found.push({ value, as: ref.type === 'deployment' ? 'its deployment input' : `${ref.type} input ${ref.name}` });
    }
  }
  return found;
}

/**
 * The sentence an error gets when mocked values reach the failing template (`undefined` when none
 * do): which value was mocked, as what, and how to give the real one.
 */
function mockHint(mocks: readonly InvolvedMock[], uid?: UidMock): string | undefined {
  const sentences: string[] = [];
  const first = mocks[0];
  if (first) {
    const parts = mocks.map(({ value, as }) => `${value.resource} ${value.field} (${describeMock(value)}) reaches it as ${as}`);
    sentences.push(`the template got mocked values, which only a live cluster has: ${parts.join('; ')}; give the real ones with --set-output ${first.value.resource}.${first.value.field}=…, --outputs FILE, or the live objects with --observed FILE`);
  }
  if (uid) sentences.push(uidSentence(uid));
  return sentences.length > 0 ? sentences.join('; ') : undefined;
}

/** Whether an error's scope takes in the owner's uid: named, or (for every input) read by the template. */
function scopeReadsUid(scope: InputScope, template: { readonly template?: JSONObject; readonly ytt?: string }): boolean {
  return scope === 'all' ? readsUid(template) : scope.includes('uid');
}

/** What an error says of an owner's stand-in uid. */
export function uidSentence(uid: UidMock): string {
  return `the ${uid.ownerKind}'s metadata.uid is a mock (${uid.value}: it has none in the inputs); render a cluster export of it (kubectl get ${uid.ownerKind.toLowerCase()} ${uid.ownerName} -o yaml) to use its real uid`;
}

/** `a mock of .status.template, a stand-in PodTemplateSpec` */
export function describeMock(value: OutputValue): string {
  const what = value.path ? `a mock of ${value.path}` : 'a mock';
  return value.origin ? `${what}, ${value.origin}` : what;
}

/** What one resource's stamping owes to mocks, for one owner. */
export interface MockWitness {
  /** The hint for a ytt error (narrowed to the inputs the lines it quotes read), if mocks are involved. */
  yttError(text: string): string | undefined;
  /** The hint for a failing `$(…)$` expression, if it read a mock. */
  placeholderError(expression: string): string | undefined;
  /** The hint for any other error in which every input may play a part. */
  anyError(): string | undefined;
  /** The template stamped: note the stand-in uid as used if it reads it. */
  stamped(): void;
}

/**
 * Follows the mocks that reach one resource's template: names them in the hint of an error they
 * may have caused, and records them as used (the note, and --strict) on the resource and owner.
 */
export function mockWitness(at: {
  report: OwnerReport;
  entry: ResourceReport;
  template: { readonly template?: JSONObject; readonly ytt?: string };
  inputs: ResourceInputs;
  outputValues: ReadonlyMap<string, readonly OutputValue[]>;
  uid?: UidMock;
}): MockWitness {
  const available = () => ({ source: Object.keys(at.inputs.sources).length, image: Object.keys(at.inputs.images).length, config: Object.keys(at.inputs.configs).length });
  const uidRead = (): void => {
    if (!at.uid) return;
    at.report.mockedUid ??= { value: at.uid.value, users: [] };
    if (!at.report.mockedUid.users.includes(at.entry.resource.name)) at.report.mockedUid.users.push(at.entry.resource.name);
  };
  const involved = (scope: InputScope): string | undefined => {
    const mocks = involvedMocks(at.entry.resource, at.outputValues, scope);
    if (mocks.length > 0) at.entry.mocksInvolved = [...(at.entry.mocksInvolved ?? []), ...mocks.map((m) => m.value)];
    const uid = at.uid && scopeReadsUid(scope, at.template) ? at.uid : undefined;
    if (uid) uidRead();
    return mockHint(mocks, uid);
  };
  return {
    yttError: (text) => involved(scopeOfYttError(text, available())),
    placeholderError: (expression) => involved(scopeOfExpression(expression, available())),
    anyError: () => involved('all'),
    stamped: () => {
      if (readsUid(at.template)) uidRead();
    },
  };
}

/** Joins a mock sentence and another hint, the mock first: it is the likelier cause. */
export function withMockHint(mock: string | undefined, hint: string | undefined): { hint?: string } {
  const joined = [mock, hint].filter((h): h is string => h !== undefined && h !== '').join('; ');
  return joined ? { hint: joined } : {};
}

const mentionsUid = new WeakMap<object, boolean>();

/**
 * Whether a template reads its owner's uid: a placeholder or ytt code names `uid`, or takes the
 * owner or its metadata whole (`$(workload.metadata)$`, `yaml.encode(data.values.workload)`).
 * Read from the template once, not from each stamped object: cheap for a thousand owners.
 */
export function readsUid(template: { readonly template?: JSONObject; readonly ytt?: string }): boolean {
  let named = mentionsUid.get(template);
  if (named === undefined) {
    named = template.ytt !== undefined
      ? /\buid\b/.test(template.ytt) || /data\.values\.(?:workload|deliverable)(?:\.metadata)?(?![\w.[])/.test(template.ytt)
      : someString(template.template ?? null, (s) => /\$\([^)]*\buid\b|\$\(\s*\{?\.?(?:workload|deliverable|runnable)(?:\.metadata)?\}?\s*\)\$/.test(s));
    mentionsUid.set(template, named);
  }
  return named;
}

/** True when a string in the value (a key or a leaf) passes `test` (templates hold bigints, which JSON.stringify refuses). */
function someString(value: unknown, test: (s: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (Array.isArray(value)) return value.some((v) => someString(v, test));
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => test(k) || someString(v, test));
  return false;
}

type InputRef = { type: 'source' | 'image' | 'config' | 'deployment'; name: string; upstream: string; fields: readonly string[] };
const refsOf = new WeakMap<Resource, InputRef[]>();

/** A resource's inputs as (upstream resource, output fields) pairs: the same for every owner. */
function inputRefs(resource: Resource): InputRef[] {
  let refs = refsOf.get(resource);
  if (!refs) {
    refs = [
      ...resource.sources.map((r) => ({ type: 'source' as const, name: r.name, upstream: r.resource, fields: SOURCE_FIELDS })),
      ...resource.images.map((r) => ({ type: 'image' as const, name: r.name, upstream: r.resource, fields: IMAGE_FIELDS })),
      ...resource.configs.map((r) => ({ type: 'config' as const, name: r.name, upstream: r.resource, fields: CONFIG_FIELDS })),
      ...(resource.deployment ? [{ type: 'deployment' as const, name: 'deployment', upstream: resource.deployment.resource, fields: SOURCE_FIELDS }] : []),
    ];
    refsOf.set(resource, refs);
  }
  return refs;
}

const SOURCE_FIELDS = ['url', 'revision'] as const;
const IMAGE_FIELDS = ['image'] as const;
const CONFIG_FIELDS = ['config'] as const;

const readsPodTemplate = new WeakMap<Resource, boolean>();

/**
 * True when a resource that takes `resource`'s config reads it as a PodTemplateSpec
 * (`config.spec…`, `config.metadata…`, in spec.template placeholders or spec.ytt): the shape to
 * mock when the template that makes the config is not in the inputs (a platform's convention
 * template, whose config is the pod the app runs in). Worked out once per resource.
 */
export function configReadAsPodTemplate(blueprint: Blueprint, resource: Resource, catalog: Catalog): boolean {
  let reads = readsPodTemplate.get(resource);
  if (reads === undefined) {
    const consumers = blueprint.resources.filter((r) => r.configs.some((c) => c.resource === resource.name));
    const templates = consumers.flatMap((r) => templateNames(r).flatMap((n) => catalog.templates.get(templateKey(r.templateRef.kind, n)) ?? []));
    const test = (s: string) => POD_TEMPLATE_READ.test(s);
    reads = templates.some((t) => (t.ytt !== undefined ? test(t.ytt) : someString(t.template ?? null, test)));
    readsPodTemplate.set(resource, reads);
  }
  return reads;
}

/** `config.spec`, `configs.name.metadata`, `data.values.config.spec…`: a config read as a pod template. */
const POD_TEMPLATE_READ = /\bconfigs?(?:\.[\w-]+)?\.(?:spec|metadata)\b/;

function templateNames(resource: Resource): string[] {
  const options = resource.templateRef.options ?? [];
  if (options.length > 0) return options.flatMap((o) => (o.name !== undefined ? [o.name] : []));
  return resource.templateRef.name !== undefined ? [resource.templateRef.name] : [];
}
