// Reads the five Cluster*Template kinds into Template values.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { FieldReader } from './fields.js';
import { readHealthRule } from './health-rule.js';
import { own } from '../util/objects.js';
import type { Lifecycle, Template, TemplateKind, TemplateParam, RunTemplate } from './types.js';

export const TEMPLATE_KINDS: readonly TemplateKind[] = [
  'ClusterSourceTemplate',
  'ClusterImageTemplate',
  'ClusterConfigTemplate',
  'ClusterTemplate',
  'ClusterDeploymentTemplate',
];

export function isTemplateKind(kind: string): kind is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(kind);
}

export function readTemplate(doc: SourceDocument, kind: TemplateKind, name: string, diagnostics: Diagnostic[]): Template {
  const r = new FieldReader(doc, { kind, name }, diagnostics);
  const spec = r.object(doc.value, 'spec', []) ?? {};
  const at = ['spec'];
  const params: TemplateParam[] = r.objects(spec, 'params', at).flatMap(({ item, index }) => {
    const paramName = r.string(item, 'name', [...at, 'params', index]);
    return paramName === undefined ? [] : [{ name: paramName, default: own(item, 'default') ?? null }];
  });
  const template = r.object(spec, 'template', at);
  const ytt = r.string(spec, 'ytt', at);
  const lifecycleText = r.string(spec, 'lifecycle', at);
  const lifecycle: Lifecycle = lifecycleText === 'immutable' || lifecycleText === 'tekton' ? lifecycleText : 'mutable';
  const observedMatches = own(spec, 'observedMatches') === undefined
    ? undefined
    : r.objects(spec, 'observedMatches', at).map(({ item, index }) => ({
        input: r.string(item, 'input', [...at, 'observedMatches', index]) ?? '',
        output: r.string(item, 'output', [...at, 'observedMatches', index]) ?? '',
      }));
  const completion = r.object(spec, 'observedCompletion', at);
  const condition = (key: 'succeeded' | 'failed') => {
    const c = completion ? r.object(completion, key, [...at, 'observedCompletion']) : undefined;
    if (!c) return undefined;
    const p = [...at, 'observedCompletion', key];
    return { key: r.string(c, 'key', p) ?? '', value: r.string(c, 'value', p) ?? '' };
  };
  const healthRule = readHealthRule(r, spec, at);
  const succeeded = condition('succeeded');
  const failed = condition('failed');
  return {
    kind,
    name,
    doc,
    ...(template ? { template } : {}),
    ...(ytt !== undefined && ytt !== '' ? { ytt } : {}),
    params,
    ...optionalString(r, spec, 'urlPath'),
    ...optionalString(r, spec, 'revisionPath'),
    ...optionalString(r, spec, 'imagePath'),
    ...optionalString(r, spec, 'configPath'),
    lifecycle,
    ...(healthRule ? { healthRule } : {}),
    ...(observedMatches ? { observedMatches } : {}),
    ...(completion ? { observedCompletion: { ...(succeeded ? { succeeded } : {}), ...(failed ? { failed } : {}) } } : {}),
  };
}

function optionalString(r: FieldReader, spec: Record<string, unknown>, key: string): Record<string, string> {
  const value = r.string(spec, key, ['spec']);
  return value === undefined ? {} : { [key]: value };
}

export function readRunTemplate(doc: SourceDocument, name: string, diagnostics: Diagnostic[]): RunTemplate {
  const r = new FieldReader(doc, { kind: 'ClusterRunTemplate', name }, diagnostics);
  const spec = r.object(doc.value, 'spec', []) ?? {};
  const template = r.object(spec, 'template', ['spec']);
  return { name, doc, ...(template ? { template } : {}), outputs: r.stringMap(spec, 'outputs', ['spec']) };
}
