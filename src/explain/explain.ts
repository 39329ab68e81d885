// Builds the explanation of one owner's render from render()'s report: the blueprint chosen and
// how every candidate fared, then for each resource the option chosen, the params and where each
// came from, the inputs, the stamped object and every output with its provenance; the mocks;
// and the diagnostics. Pure: a RenderResult in, plain data (the JSON shape) out.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { declaredInputs } from '../chain/index.js';
import { describeSelector } from '../graph/describe.js';
import type { JSONObject, Resource, Template } from '../model/index.js';
import type { Provenance } from '../outputs/index.js';
import { mockedOutputsUsed, type OwnerReport, type ResourceReport } from '../render/index.js';
import { explainParams } from './params.js';
import type {
  CandidateExplanation,
  DiagnosticExplanation,
  Explanation,
  InputExplanation,
  OptionExplanation,
  ResourceExplanation,
  Selection,
  Verdict,
  ReadinessExplanation,
} from './types.js';
import { verdicts } from './verdicts.js';
import { optionLabel } from '../select/index.js';

export function explain(report: OwnerReport, diagnostics: readonly Diagnostic[], readiness?: ReadinessExplanation): Explanation {
  const { owner } = report;
  return {
    version: 1,
    owner: { kind: owner.kind, namespace: owner.namespace, name: owner.name, labels: { ...owner.labels }, file: owner.doc.file, line: owner.doc.line },
    semantics: report.semantics,
    ok: !diagnostics.some((d) => d.severity === 'error'),
    selection: explainSelection(report),
    resources: report.blueprint ? report.blueprint.resources.map((r) => explainResource(report, r)) : [],
    mocks: mockedOutputsUsed(report).flatMap((m) =>
      m.values.map((v) => ({ resource: m.resource, field: v.field, value: v.value, path: v.path ?? null, usedBy: [...m.users] })),
    ),
    diagnostics: diagnostics.map(explainDiagnostic),
    ...(readiness ? { readiness: { status: readiness.status, reason: readiness.reason, message: readiness.message, ...(readiness.resources ? { resources: readiness.resources.map((r) => ({ ...r, waitingFor: [...r.waitingFor] })) } : {}) } } : {}),
  };
}

function explainSelection(report: OwnerReport): Selection {
  const kind = report.owner.kind === 'Workload' ? 'ClusterSupplyChain' : 'ClusterDelivery';
  const selection = report.selection;
  if (!selection) return { kind, outcome: 'not-evaluated', message: null, chosen: null, candidates: [] };
  const candidates = selection.candidates;
  const chosenIndex = selection.ok ? candidates.findIndex((c) => c.blueprint === selection.blueprint) : -1;
  const judged = verdicts(
    candidates.map((c) => ({ label: c.blueprint.name, selector: describeSelector(c.blueprint.selector), verdict: c.verdict })),
    chosenIndex >= 0 ? chosenIndex : undefined,
    report.semantics !== '0.0.6',
    kind === 'ClusterSupplyChain' ? 'supply chain' : 'delivery',
  );
  return {
    kind,
    outcome: selection.ok ? 'chosen' : selection.code,
    message: selection.ok ? null : selection.message,
    chosen: selection.ok ? { name: selection.blueprint.name, file: selection.blueprint.doc.file, line: selection.blueprint.doc.line } : null,
    candidates: candidates.map((c, i): CandidateExplanation => ({ name: c.blueprint.name, ...(judged[i] as Verdict), file: c.blueprint.doc.file, line: c.blueprint.doc.line })),
  };
}

function explainResource(report: OwnerReport, resource: Resource): ResourceExplanation {
  const entry = report.resources.find((r) => r.resource === resource);
  const blueprint = report.blueprint;
  return {
    name: resource.name,
    status: !entry ? 'not-reached' : entry.failed ? 'failed' : entry.passThrough !== undefined ? 'passed-through' : entry.object ? 'stamped' : entry.missingTemplate ? 'template-missing' : 'failed',
    templateKind: resource.templateRef.kind,
    template: entry?.template ? where(entry.template) : null,
    options: explainOptions(resource, entry),
    passThrough: entry?.passThrough ?? null,
    params: entry?.params && entry.template && blueprint ? explainParams(entry.params, entry.template, blueprint, resource, report.owner) : [],
    inputs: entry ? explainInputs(report, resource, entry) : [],
    object: entry?.object ? objectOf(entry.object) : null,
    outputs: (entry?.outputs ?? []).map((v) => ({ field: v.field, value: v.value, provenance: v.provenance, resource: v.resource, path: v.path ?? null, origin: v.origin ?? null })),
    ...(entry?.health ? { health: { ...entry.health, assumed: entry.healthAssumed === true } } : {}),
  };
}

function explainOptions(resource: Resource, entry: ResourceReport | undefined): OptionExplanation[] | null {
  const options = resource.templateRef.options;
  if (!options || options.length === 0) return null;
  const chosen = entry?.option ? options.indexOf(entry.option) : -1;
  const judged = verdicts(
    options.map((o, i) => ({ label: `option ${optionLabel(o)}`, selector: describeSelector(o.selector), verdict: entry?.optionVerdicts?.[i] })),
    chosen >= 0 ? chosen : undefined,
    true,
    'option',
  );
  return options.map((o, i) => ({ name: o.name ?? null, passThrough: o.passThrough ?? null, ...(judged[i] as Verdict) }));
}

function explainInputs(report: OwnerReport, resource: Resource, entry: ResourceReport): InputExplanation[] {
  return declaredInputs(resource).map((input) => {
    const absent = entry.inputs?.absent.find((a) => a.type === input.type && a.name === input.name && a.resource === input.resource);
    const fields: readonly string[] = input.fields;
    const upstream = report.resources.find((r) => r.resource.name === input.resource);
    const provenance: Provenance[] = [];
    if (!absent) {
      for (const v of upstream?.outputs ?? []) if (fields.includes(v.field) && !provenance.includes(v.provenance)) provenance.push(v.provenance);
    }
    return { type: input.type, name: input.name, resource: input.resource, available: !absent && entry.inputs !== undefined, reason: absent?.reason ?? null, provenance };
  });
}

function objectOf(object: JSONObject): NonNullable<ResourceExplanation['object']> {
  const meta = (typeof object['metadata'] === 'object' && object['metadata'] !== null ? object['metadata'] : {}) as JSONObject;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    apiVersion: text(object['apiVersion']),
    kind: text(object['kind']),
    namespace: text(meta['namespace']),
    name: text(meta['name']),
    generateName: text(meta['generateName']),
  };
}

function where(template: Template): { name: string; file: string; line: number } {
  return { name: template.name, file: template.doc.file, line: template.doc.line };
}

function explainDiagnostic(d: Diagnostic): DiagnosticExplanation {
  const controller = d.controllerMessage !== undefined && d.controllerMessage !== d.message ? { controllerMessage: d.controllerMessage } : {};
  return { severity: d.severity, code: d.code, message: d.message, file: d.file ?? null, line: d.line ?? null, resource: d.resource ?? null, hint: d.hint ?? null, ...controller };
}
