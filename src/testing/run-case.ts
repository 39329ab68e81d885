// Runs one cartotest case (spec §11.3): read the expected object, the Workload (as its Go type)
// and the template (preprocessed with ytt when the test names values files; one of the four
// kinds cartotest supports; checked by the admission webhook's rules), stamp it with the mock
// or the real supply chain, drop what compareOptions ignore, and compare. Failures carry
// cartotest's wording, e.g. `expected does not equal actual: (-expected +actual):` and a diff.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkTemplateWebhook } from '../lint/webhook-templates.js';
import { parseText, type SourceDocument } from '../load/index.js';
import { marshal, type JSONValue } from '../jsonpath/index.js';
import { readBlueprint } from '../model/blueprint.js';
import type { Owner, Template, TemplateKind } from '../model/index.js';
import { readOwner } from '../model/owner.js';
import { readTemplate } from '../model/template.js';
import { stampResource, typedOwner } from '../realize/index.js';
import type { OwnerReference } from '../stamp/finish.js';
import { stampFailureText, type CaseStamp } from './stamp-failure.js';
import type { YttRunner } from '../stamp/ytt.js';
import { deepEqual, objectDiff } from './compare.js';
import { CONVERT_NUMBERS, stripIgnored, unknownCmpFunc } from './compare-options.js';
import type { SuiteFs } from '../load/suite-fs.js';
import { mockContext, mockLabels } from './mock-context.js';
import { stampWithSupplyChain } from './supply-chain.js';
import type { CartotestCase, MockSupplyChain } from './types.js';
import type { Preprocessor } from './ytt-preprocess.js';

export interface RunContext {
  fs: SuiteFs;
  /** Preprocesses template and supply-chain files (the built-in engine, or a ytt binary). */
  preprocess: Preprocessor;
  /** Runs spec.ytt templates. */
  ytt: YttRunner;
}

export type CaseOutcome = { ok: true } | { ok: false; error: string; diff?: string };

/** The kinds cartotest can test (ClusterDeploymentTemplate is not among them). */
const TESTABLE: readonly string[] = ['ClusterSourceTemplate', 'ClusterImageTemplate', 'ClusterConfigTemplate', 'ClusterTemplate'];

export function runCartotestCase(c: CartotestCase, ctx: RunContext): CaseOutcome {
  if (c.error !== undefined) return { ok: false, error: c.error };
  const unknown = unknownCmpFunc(c.compareOptions);
  if (unknown !== undefined) return { ok: false, error: `unknown compareOptions.namedCMPOptionFuncs entry ${JSON.stringify(unknown)}: the only one is ${CONVERT_NUMBERS}` };

  const expected = readExpected(c, ctx.fs);
  if (!expected.ok) return { ok: false, error: `failed to get expected object: ${expected.message}` };
  const actual = actualObject(c, ctx);
  if (!actual.ok) return { ok: false, error: `failed to get actual object: ${actual.message.trimEnd()}` };

  const want = expected.object;
  const got = structuredClone(actual.object);
  stripIgnored(want, got, c.compareOptions);
  if (deepEqual(want, got)) return { ok: true };
  const diff = objectDiff(want, got);
  return { ok: false, error: `expected does not equal actual: (-expected +actual):\n${diff}`, diff };
}

type Read<T> = { ok: true } & T | { ok: false; message: string };

function readExpected(c: CartotestCase, fs: SuiteFs): Read<{ object: Record<string, unknown> }> {
  if (c.expected === undefined) return { ok: false, message: 'no expected file: put an expected.yaml in the directory (or a parent), or name one with expected: in info.yaml' };
  const doc = firstDocument(c.expected, fs, 'could not read expected yaml');
  if (!doc.ok) return doc;
  const kind = doc.value?.['kind'];
  if (!doc.value || typeof kind !== 'string' || kind === '') {
    return { ok: false, message: `unmarshall json: Object 'Kind' is missing in '${marshal((doc.value ?? null) as JSONValue)}'` };
  }
  return { ok: true, object: doc.value };
}

function actualObject(c: CartotestCase, ctx: RunContext): Read<{ object: Record<string, unknown> }> {
  const workload = readWorkload(c, ctx.fs);
  if (!workload.ok) return { ok: false, message: `get workload failed: ${workload.message}` };
  const template = readTemplateFile(c, ctx);
  if (!template.ok) return { ok: false, message: `get populated template failed: ${template.message}` };
  const webhook = checkTemplateWebhook(template.doc, template.template.kind, template.template.name).find((d) => d.severity === 'error');
  // cartotest's report quotes the webhook's own words (lint puts a plain sentence before them).
  if (webhook) return { ok: false, message: `template validation failed: ${webhook.controllerMessage ?? webhook.message}` };

  const { owner, typed, ownerReference } = workload;
  const stamped: CaseStamp = c.supplyChain.kind === 'files'
    ? stampWithSupplyChain({ set: c.supplyChain, owner, typedOwner: typed, template: template.template, ownerReference, fs: ctx.fs, preprocess: ctx.preprocess, ytt: ctx.ytt })
    : stampWithMock(c.supplyChain, owner, typed, template.template, ownerReference, ctx.ytt);
  if (!stamped.ok) return { ok: false, message: stamped.message + (stamped.detail && !stamped.message.includes(stamped.detail) ? `\n${stamped.detail}` : '') };
  return { ok: true, object: stamped.object };
}

function stampWithMock(mock: MockSupplyChain, owner: Owner, typed: ReturnType<typeof typedOwner>['value'], template: Template, ownerReference: OwnerReference, ytt: YttRunner): CaseStamp {
  // The mock's params are supply-chain params; read as the model reads a ClusterSupplyChain's.
  const diagnostics: Diagnostic[] = [];
  const doc = syntheticDocument({ apiVersion: 'carto.run/v1alpha1', kind: 'ClusterSupplyChain', metadata: { name: '' }, spec: { params: mock.blueprintParams ?? [] } });
  const blueprint = readBlueprint(doc, 'ClusterSupplyChain', '', diagnostics);
  const incomplete = blueprint.params.find((p) => !p.hasValue && !p.hasDefault);
  if (incomplete) return { ok: false, message: `get blueprint params failed: blueprint param ${incomplete.name} sets neither value nor default` };
  const resource = { name: '', templateRef: { kind: template.kind }, params: [], sources: [], images: [], configs: [], path: [] };
  const noInputs = { sources: {}, images: {}, configs: {}, deployment: null, absent: [] };
  const { stamped } = stampResource({ owner, typed, blueprint, resource, template, semantics: 'current', inputs: noInputs }, {
    ownerReference,
    ytt,
    mock: { labels: mockLabels(owner, template), context: (params) => mockContext(typed, params, mock.blueprintInputs) },
  });
  return stamped.ok ? stamped : stampFailureText(stamped.failure);
}

interface WorkloadRead {
  owner: Owner;
  typed: ReturnType<typeof typedOwner>['value'];
  ownerReference: OwnerReference;
}

/** The Workload as cartotest reads it: typed (unknown fields dropped), namespace as written (no default). */
function readWorkload(c: CartotestCase, fs: SuiteFs): Read<WorkloadRead> {
  if (c.workload === undefined) return { ok: false, message: 'no workload file: put a workload.yaml in the directory (or a parent), or name one with given.workload in info.yaml' };
  const doc = firstDocument(c.workload, fs, 'could not read workload file');
  if (!doc.ok) return doc;
  const value = doc.value ?? {};
  const source: SourceDocument = doc.doc ?? syntheticDocument(value, c.workload);
  const diagnostics: Diagnostic[] = [];
  const meta = value['metadata'];
  const name = isObject(meta) && typeof meta['name'] === 'string' ? meta['name'] : '';
  const owner = readOwner(source, 'Workload', name, '', diagnostics);
  const typed = typedOwner(owner, 'current');
  const problem = [...diagnostics, ...typed.diagnostics].find((d) => d.severity === 'error');
  if (problem) return { ok: false, message: `unmarshall workload: ${problem.message}` };
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : '');
  const uid = isObject(meta) && typeof meta['uid'] === 'string' ? meta['uid'] : '';
  // The Stamper's ownerReference comes from the Workload's TypeMeta as written, with its uid ("" when unknown).
  const ownerReference: OwnerReference = { apiVersion: text('apiVersion'), kind: text('kind'), name, uid, controller: true, blockOwnerDeletion: true };
  return { ok: true, owner, typed: typed.value, ownerReference };
}

function readTemplateFile(c: CartotestCase, ctx: RunContext): Read<{ template: Template; doc: SourceDocument }> {
  const path = c.template.path;
  if (path === undefined) return { ok: false, message: 'no template file: put a template.yaml in the directory (or a parent), or name one with given.template.path in info.yaml' };
  let doc: ReturnType<typeof firstDocument>;
  if (c.template.yttFiles.length > 0) {
    const done = ctx.preprocess([path, ...c.template.yttFiles]);
    if (!done.ok) return { ok: false, message: `failed to preprocess ytt: ${done.message}` };
    doc = firstFromText(done.text, path);
  } else {
    doc = firstDocument(path, ctx.fs, 'could not read template file');
  }
  if (!doc.ok) return doc;
  const value = doc.value ?? {};
  const kind = value['kind'];
  if (typeof kind !== 'string' || !TESTABLE.includes(kind)) return { ok: false, message: 'template kind not found' };
  const source = doc.doc ?? syntheticDocument(value, path);
  const meta = value['metadata'];
  const name = isObject(meta) && typeof meta['name'] === 'string' ? meta['name'] : '';
  const diagnostics: Diagnostic[] = [];
  const template = readTemplate(source, kind as TemplateKind, name, diagnostics);
  const problem = diagnostics.find((d) => d.severity === 'error');
  if (problem) return { ok: false, message: `unmarshall template: ${problem.message}` };
  return { ok: true, template, doc: source };
}

type First = { ok: true; value: Record<string, unknown> | undefined; doc?: SourceDocument } | { ok: false; message: string };

/** The first YAML document of a file, as sigs.k8s.io/yaml reads one (an empty file has none). */
function firstDocument(path: string, fs: SuiteFs, what: string): First {
  let text: string;
  try {
    text = fs.read(path);
  } catch (err) {
    return { ok: false, message: `${what}: ${err instanceof Error ? err.message : String(err)}` };
  }
  return firstFromText(text, path);
}

function firstFromText(text: string, file: string): First {
  const parsed = parseText(text, file);
  const problem = parsed.diagnostics.find((d) => d.severity === 'error');
  if (problem) return { ok: false, message: `convert yaml to json: ${problem.message}${problem.line ? ` (${file}:${problem.line})` : ''}` };
  const doc = parsed.documents[0];
  return doc ? { ok: true, value: doc.value, doc } : { ok: true, value: undefined };
}

function syntheticDocument(value: Record<string, unknown>, file = '<info.yaml>'): SourceDocument {
  return { file, line: 1, value, origin: { text: '', docIndex: 0, basePath: [] } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
