// Which mocked values reached a template in one owner's render, and through which resources:
// the note (or, with --strict, the error) render() gives, `carto explain`'s list, and the
// sentence an error gets when a mocked value may be what made it fail.
import type { OutputValue } from '../outputs/index.js';
import type { JSONValue } from '../jsonpath/index.js';
import type { JSONObject, Resource } from '../model/index.js';
import type { OwnerReport } from './report.js';

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
export type InputScope = 'all' | ScopeItem[];
type ScopeItem = { type: InputRef['type']; name?: string; field?: string } | 'uid';
type Available = Readonly<Record<'source' | 'image' | 'config', number>>;

/**
 * What a `$(…)$` expression reads. `available` counts the inputs of each type: `$(config)$` reads
 * the one config input only when there is exactly one (otherwise it fails for that reason alone).
 */
export function scopeOfExpression(expression: string, available: Available): InputScope {
  const item = scopeOf(pathParts(expression.replace(/^\{?\.?/, '')), available);
  return item ? [item] : [];
}

/**
 * What a failing ytt template read, from the lines ytt quotes (`data.values.config.metadata`);
 * every input when they name none (the value may have gone through a variable); none when ytt
 * quotes no line of code at all (the template does not parse: no value was read).
 */
export function scopeOfYttError(text: string, available: Available): InputScope {
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
export interface InvolvedMock {
  value: OutputValue;
  /** `config input config`, `its deployment input`. */
  as: string;
}

/** The mocked values among a resource's inputs that an error involves (`scope`). */
export function involvedMocks(resource: Resource, outputs: ReadonlyMap<string, readonly OutputValue[]>, scope: InputScope): InvolvedMock[] {
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
export function mockHint(mocks: readonly InvolvedMock[], uid?: UidMock): string | undefined {
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
export function scopeReadsUid(scope: InputScope, template: { readonly template?: JSONObject; readonly ytt?: string }, uid: string): boolean {
  return scope === 'all' ? readsUid(template, undefined, uid) : scope.includes('uid');
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

/** Joins a mock sentence and another hint, the mock first: it is the likelier cause. */
export function withMockHint(mock: string | undefined, hint: string | undefined): { hint?: string } {
  const joined = [mock, hint].filter((h): h is string => h !== undefined && h !== '').join('; ');
  return joined ? { hint: joined } : {};
}

const mentionsUid = new WeakMap<object, boolean>();

/**
 * Whether a template reads its owner's uid: a placeholder or ytt code names `uid`, or the mocked
 * uid turns up in what it stamped (`$(workload.metadata)$` copies it whole). Worked out once per template.
 */
export function readsUid(template: { readonly template?: JSONObject; readonly ytt?: string }, stamped: JSONObject | undefined, uid: string): boolean {
  let named = mentionsUid.get(template);
  if (named === undefined) {
    named = template.ytt !== undefined
      ? /\buid\b/.test(template.ytt)
      : /\$\([^)]*\buid\b/.test(JSON.stringify(template.template ?? null));
    mentionsUid.set(template, named);
  }
  return named || (stamped !== undefined && holds(stamped as JSONValue, uid));
}

function holds(value: JSONValue, text: string): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (Array.isArray(value)) return value.some((v) => holds(v, text));
  if (value !== null && typeof value === 'object') return Object.keys(value).some((k) => holds(value[k] as JSONValue, text));
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
