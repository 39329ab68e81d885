// Which mocked values reached a template in one owner's render, and through which resources:
// the note (or, with --strict, the error) render() gives, `carto explain`'s list, and the
// sentence an error gets when a mocked value may be what made it fail.
import type { OutputValue } from '../outputs/index.js';
import { declaredInputs, type ResourceInputs } from '../chain/index.js';
import { templateKey, type Blueprint, type Catalog, type JSONObject, type Resource } from '../model/index.js';
import type { JSONValue } from '../jsonpath/index.js';
import type { OwnerReport, ResourceReport } from './report.js';
import { contextPath, type YttFailure } from './ytt-access.js';
import { referencedTemplates } from './blueprint-checks.js';

export interface MockedOutput {
  /** The resource whose output was mocked (through any passThrough, the one that produced it). */
  resource: string;
  /** Its mocked values, one per field. */
  values: OutputValue[];
  /** The resources whose templates took them as inputs (stamped, or failed stamping), in blueprint order. */
  users: string[];
}

export function mockedOutputsUsed(report: OwnerReport): MockedOutput[] {
  const byName = new Map<string, ResourceReport>();
  for (const r of report.resources) byName.set(r.resource.name, r);
  // Mocked values (keyed by the resource that produced them, through any passThrough) → users.
  const used = new Map<string, MockedOutput>();
  for (const entry of report.resources) {
    // A template that failed used the mocks its error involves; one that stamped, all it was given.
    if (entry.mocksInvolved) for (const value of entry.mocksInvolved) useMock(used, value, entry.resource.name);
    if (!entry.object) continue;
    for (const ref of declaredInputs(entry.resource)) {
      const outputs = byName.get(ref.resource)?.outputs;
      if (!outputs) continue;
      for (const value of outputs) {
        if (value.provenance === 'mock' && ref.fields.includes(value.field)) useMock(used, value, entry.resource.name);
      }
    }
  }
  return [...used.values()];
}

/** Records that `user` took the mocked `value`. */
function useMock(used: Map<string, MockedOutput>, value: OutputValue, user: string): void {
  let slot = used.get(value.resource);
  if (slot === undefined) {
    slot = { resource: value.resource, values: [], users: [] };
    used.set(value.resource, slot);
  }
  if (!slot.values.some((v) => v.field === value.field)) slot.values.push(value);
  if (!slot.users.includes(user)) slot.users.push(user);
}

/** A mocked owner uid, for the sentence about it. */
export interface UidMock {
  ownerKind: string;
  ownerName: string;
  value: string;
}

/** Where a mocked value sits in a template's context: `configs.cfg.config`, `config`, `workload.metadata.uid`. */
interface MockSite {
  path: readonly string[];
  /** The mocked output; absent for the owner's stand-in uid. */
  value?: OutputValue;
  /** `config input config`, `its deployment input`. */
  as: string;
}

/**
 * What a failing template read: a placeholder's path, a ytt error (narrowed by the lookup it
 * quotes), or anything it was given (an error where every input may play a part).
 */
type Reading = { placeholder: string[] } | { ytt: YttFailure } | 'anything';

/** The context paths of the mocked values among a resource's inputs (and of the stand-in uid). */
function mockSites(resource: Resource, inputs: ResourceInputs, outputs: ReadonlyMap<string, readonly OutputValue[]>, uid: UidMock | undefined): MockSite[] {
  const sites: MockSite[] = [];
  for (const ref of declaredInputs(resource)) {
    const mocked = (outputs.get(ref.resource) ?? []).filter((v) => v.provenance === 'mock' && ref.fields.includes(v.field));
    if (mocked.length === 0) continue;
    if (ref.type === 'deployment') {
      for (const value of mocked) sites.push({ path: ['deployment', value.field], value, as: 'its deployment input' });
      continue;
    }
    const plural = `${ref.type}s` as const;
    // Inputs of one name overwrite each other, like a Go map: only the last one reaches the template.
    if (resource[plural].filter((r) => r.name === ref.name).at(-1)?.resource !== ref.resource) continue;
    const available = Object.keys(inputs[plural]);
    const singular = available.length === 1 && available[0] === ref.name;
    const as = `${ref.type} input ${ref.name}`;
    for (const value of mocked) {
      // A source entry is {name, url, revision}; an image's and a config's singular is the value itself.
      const inEntry = ref.type === 'source' ? [value.field] : [];
      sites.push({ path: [plural, ref.name, value.field], value, as });
      if (singular) sites.push({ path: [ref.type, ...inEntry], value, as });
    }
  }
  if (uid) for (const owner of ['workload', 'deliverable']) sites.push({ path: [owner, 'metadata', 'uid'], as: 'uid' });
  return sites;
}

/**
 * The sites an error reached: a placeholder that goes into a mocked value; a ytt lookup that failed
 * inside one (or, when the quoted line does not show the lookup, any mock of the type it failed
 * on, or that the quoted lines read); none when ytt quotes no running code.
 */
function reachedSites(sites: readonly MockSite[], reading: Reading, readsOwnerUid: () => boolean): MockSite[] {
  const any = (keep: (site: MockSite) => boolean) => sites.filter((s) => (s.value !== undefined || readsOwnerUid()) && keep(s));
  if (reading === 'anything') return any(() => true);
  if ('placeholder' in reading) return sites.filter((s) => startsWith(reading.placeholder, s.path));
  const failure = reading.ytt;
  if (!failure.ran) return [];
  if (failure.access) {
    const base = failure.access.base;
    return sites.filter((s) => startsWith(base, s.path));
  }
  const missing = failure.missing;
  if (missing) return any((s) => couldHoldType(s.value?.value ?? '', missing.on));
  if (failure.paths.length > 0) return sites.filter((s) => failure.paths.some((p) => startsWith(p, s.path) || startsWith(s.path, p)));
  return any(() => true);
}

/** Whether `path` is `prefix` or goes into it (`*` in a placeholder's path matches any name). */
function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i] === part || path[i] === '*');
}

/** Whether a lookup on a Starlark value of type `type` may have been on this value or inside it. */
function couldHoldType(value: JSONValue, type: string): boolean {
  if (typeof value === 'object' && value !== null) return true;
  return starlarkType(value) === type;
}

function starlarkType(value: Exclude<JSONValue, object> | null): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  return Number.isInteger(value) ? 'int' : 'float';
}

/** At most this many mocked inputs are named in one hint; the note lists them all. */
const NAMED_MOCKS = 3;

/**
 * The sentence an error gets when mocked values reach what failed (`undefined` when none do):
 * which values were mocked, as what, and how to give the real ones.
 */
function mockHint(sites: readonly MockSite[], uid: UidMock | undefined): string | undefined {
  const groups = new Map<string, { resource: string; as: string; values: OutputValue[] }>();
  for (const { value, as } of sites) {
    if (!value) continue;
    const key = `${value.resource}\u0000${as}`;
    const group = groups.get(key) ?? { resource: value.resource, as, values: [] };
    if (!group.values.includes(value)) group.values.push(value);
    groups.set(key, group);
  }
  const sentences: string[] = [];
  const all = [...groups.values()];
  const first = all[0]?.values[0];
  if (first) {
    const parts = all.slice(0, NAMED_MOCKS).map(({ resource, as, values }) =>
      `${resource} ${values.map((v) => v.field).join(' and ')} (${describeMocks(values)}) ${values.length > 1 ? 'reach' : 'reaches'} it as ${as}`);
    const more = all.length > NAMED_MOCKS ? `, and ${all.length - NAMED_MOCKS} more (see the note on mocked outputs)` : '';
    sentences.push(`the template got mocked values, which only a live cluster has: ${parts.join('; ')}${more}; give the real ones with --set-output ${first.resource}.${first.field}=…, --outputs FILE, or the live objects with --observed FILE`);
  }
  if (uid && sites.some((s) => s.value === undefined)) sentences.push(uidSentence(uid));
  return sentences.length > 0 ? sentences.join('; ') : undefined;
}

/** What an error says of an owner's stand-in uid. */
export function uidSentence(uid: UidMock): string {
  return `the ${uid.ownerKind}'s metadata.uid is a mock (${uid.value}: it has none in the inputs); render a cluster export of it (kubectl get ${uid.ownerKind.toLowerCase()} ${uid.ownerName} -o yaml) to use its real uid`;
}

/** `mocks of .status.artifact.url and .status.artifact.revision`: the values of one input, in few words. */
function describeMocks(values: readonly OutputValue[]): string {
  const [first] = values;
  if (values.length === 1 && first) return describeMock(first);
  const origins = new Set(values.map((v) => v.origin));
  if (origins.size > 1) return values.map(describeMock).join(', ');
  const what = values.every((v) => v.path) ? `mocks of ${values.map((v) => v.path).join(' and ')}` : 'mocks';
  return first?.origin ? `${what}, ${first.origin}` : what;
}

/** `a mock of .status.template, a stand-in PodTemplateSpec` */
function describeMock(value: OutputValue): string {
  const what = value.path ? `a mock of ${value.path}` : 'a mock';
  return value.origin ? `${what}, ${value.origin}` : what;
}

/** What one resource's stamping owes to mocks, for one owner. */
export interface MockWitness {
  /** The hint for a ytt error (narrowed to the lookup that failed), if it failed inside a mock. */
  yttError(failure: YttFailure): string | undefined;
  /** The hint for a failing `$(…)$` expression, if it read a mock. */
  placeholderError(expression: string): string | undefined;
  /** The hint for any other error in which every input may play a part. */
  anyError(): string | undefined;
  /** The template stamped this object: note the stand-in uid as used if it is in it. */
  stamped(object: JSONObject): void;
}

/**
 * Follows the mocks that reach one resource's template: names them in the hint of an error they
 * may have caused, and records them as used (the note, and --strict) on the resource and owner.
 */
export function mockWitness(at: WitnessAt): MockWitness {
  return new Witness(at);
}

/** What mockWitness follows: one resource of one owner, with what its template was given. */
interface WitnessAt {
  report: OwnerReport;
  entry: ResourceReport;
  template: { readonly template?: JSONObject; readonly ytt?: string };
  inputs: ResourceInputs;
  outputValues: ReadonlyMap<string, readonly OutputValue[]>;
  uid?: UidMock;
}

/** A class, not closures: one is made for every resource of every owner, and most are only told `stamped`. */
class Witness implements MockWitness {
  constructor(private readonly at: WitnessAt) {}

  yttError(failure: YttFailure): string | undefined {
    return this.involved({ ytt: failure });
  }

  placeholderError(expression: string): string | undefined {
    return this.involved(placeholderReading(expression));
  }

  anyError(): string | undefined {
    return this.involved('anything');
  }

  stamped(object: JSONObject): void {
    const { at } = this;
    if (at.uid && readsUid(at.template) && holdsText(object, at.uid.value)) this.uidRead();
  }

  private uidRead(): void {
    const { at } = this;
    if (!at.uid) return;
    at.report.mockedUid ??= { value: at.uid.value, users: [] };
    if (!at.report.mockedUid.users.includes(at.entry.resource.name)) at.report.mockedUid.users.push(at.entry.resource.name);
  }

  private involved(reading: Reading): string | undefined {
    const { at } = this;
    const sites = reachedSites(mockSites(at.entry.resource, at.inputs, at.outputValues, at.uid), reading, () => readsUid(at.template));
    const values = sites.flatMap((s) => (s.value ? [s.value] : []));
    if (values.length > 0) at.entry.mocksInvolved = [...new Set([...(at.entry.mocksInvolved ?? []), ...values])];
    if (sites.some((s) => s.value === undefined)) this.uidRead();
    return mockHint(sites, at.uid);
  }
}

/** The mocked values a `$(…)$` placeholder of this resource's template reads (none when it reads no mock). */
export function mocksReadBy(report: OwnerReport, entry: ResourceReport, placeholder: string): OutputValue[] {
  if (!entry.inputs) return [];
  const outputs = new Map(report.resources.map((r) => [r.resource.name, r.outputs]));
  const expression = placeholder.replace(/^\$\(/, '').replace(/\)\$$/, '');
  const sites = reachedSites(mockSites(entry.resource, entry.inputs, outputs, undefined), placeholderReading(expression), () => false);
  return sites.flatMap((s) => (s.value ? [s.value] : []));
}

/** What a placeholder's expression (`.sources.source.url`, `{.image}`) reads, as a context path. */
function placeholderReading(expression: string): Reading {
  return { placeholder: contextPath(expression.replace(/^\{?\.?/, '').replace(/\}$/, '')) };
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

/**
 * True when the stand-in (a uid) is in a stamped object: a template may name `uid` in a comment or
 * a key without reading it, so what it stamped decides (checked only when readsUid says it may).
 */
export function holdsText(value: unknown, text: string): boolean {
  return someString(value, (s) => s.includes(text));
}

/** True when a string in the value (a key or a leaf) passes `test` (templates hold bigints, which JSON.stringify refuses). */
function someString(value: unknown, test: (s: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (Array.isArray(value)) return value.some((v) => someString(v, test));
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => test(k) || someString(v, test));
  return false;
}

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
    const templates = consumers.flatMap((r) => referencedTemplates(r).flatMap((ref) => catalog.templates.get(templateKey(r.templateRef.kind, ref.name)) ?? []));
    const test = (s: string) => POD_TEMPLATE_READ.test(s);
    reads = templates.some((t) => (t.ytt !== undefined ? test(t.ytt) : someString(t.template ?? null, test)));
    readsPodTemplate.set(resource, reads);
  }
  return reads;
}

/** `config.spec`, `configs.name.metadata`, `data.values.config.spec…`: a config read as a pod template. */
const POD_TEMPLATE_READ = /\bconfigs?(?:\.[\w-]+)?\.(?:spec|metadata)\b/;
