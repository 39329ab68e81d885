// lint(): checks loaded documents without rendering anything. For each carto.run object its
// schema and its admission-webhook rules; across objects, the references between them, the
// placeholders of templates against the resources that stamp them, output paths, and the
// selection of blueprints and options. Pure: documents in, diagnostics out, in file order.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { buildCatalog, cartoKindProblem, templateKey, type Blueprint, type Format, type Template } from '../model/index.js';
import { deliverableType, runnableType, workloadType, workloadTypeV006 } from '../model/go-types.js';
import { isObject, own } from '../util/objects.js';
import { checkOutputPaths, checkRunTemplateOutputs } from './output-paths.js';
import { checkOwnerPaths, type OwnerType } from './owner-paths.js';
import { checkOwners } from './owners.js';
import { oneDiagnosticPerProblem } from './overlaps.js';
import { checkTemplatePlaceholders, checkUsage, parsePlaceholders, runTemplateSource, templateSource, type ParsedPlaceholder } from './placeholders.js';
import { referencedTemplates } from '../realize/index.js';
import { checkableResources, checkBlueprintReferences, checkRunTemplateReferences } from './references.js';
import { lintDiagnostic, refOf } from './report.js';
import { checkSchema } from './schema-check.js';
import { checkSelectorPaths } from './selector-paths.js';
import { checkBlueprintTies, checkOptionTies } from './selector-ties.js';
import { admissionDiagnostics, isLegacyBlueprint, webhookDiagnostics } from './admission.js';
import { checkYttBody } from './ytt-bodies.js';
import { checkStampedNames } from './stamped-names.js';
import { referencesIntoUnread, unreadInputs } from './unread-inputs.js';
import type { YttCheck } from '../stamp/ytt.js';
import { append } from '../util/list.js';

export { RULES, type Rule, type RuleCode, type Category } from './rules.js';
export { admissionDiagnostics, webhookDiagnostics };
export { formatText } from './format-text.js';
export { formatJson } from './format-json.js';
export { formatSarif } from './format-sarif.js';

export interface LintOptions {
  /** Namespace of owners whose file has none (for telling objects apart). Default `default`. */
  defaultNamespace?: string;
  /** Problems found while reading the inputs (YAML syntax…), reported with the rest. */
  inputDiagnostics?: readonly Diagnostic[];
  /** The input files in the order given, for ordering the report (default: documents' order). */
  files?: readonly string[];
  /** `mock`: a template the inputs lack is taken as installed by the platform (a note, not an error). */
  missingTemplates?: 'error' | 'mock';
  /** Compiles spec.ytt bodies (the built-in engine's builtinYttCheck); without it they are not read. */
  yttCheck?: YttCheck;
  /** Problems of what the owners stamp (the CLI renders them and validates the objects), reported with the rest. */
  stamped?: readonly Diagnostic[];
}

export interface LintResult {
  /** Errors and warnings, ordered by file (as given), line and column. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

const GROUP = 'carto.run/';
/** Model diagnostics lint reports itself, better placed (the schema check, with the API server's wording); an owner's unknown fields and params without a value are the model's for render, the schema's here. */
const COVERED_BY_SCHEMA = new Set(['invalid-field', 'missing-field', 'missing-name', 'unknown-kind', 'unknown-api-version', 'unknown-field', 'schema-required']);

export function lint(documents: readonly SourceDocument[], options: LintOptions = {}): LintResult {
  // Of the loader's notes, those about files lint does not read are its business.
  const diagnostics: Diagnostic[] = (options.inputDiagnostics ?? []).filter((d) => d.severity !== 'note' || d.code === 'input-set-aside' || d.code === 'json-in-package');

  // Nothing to check is worth saying: a wrong path in a pre-commit hook would otherwise pass forever.
  if (documents.length === 0 && diagnostics.length === 0) {
    diagnostics.push({ severity: 'warning', code: 'no-objects', message: 'the inputs hold no object at all: nothing was checked', hint: 'name the directories that hold your templates, blueprints and Workloads (-R to descend into subdirectories)' });
  }

  // 1. Each carto.run object on its own: schema, labels, webhook rules.
  for (const doc of documents) {
    const apiVersion = own(doc.value, 'apiVersion');
    const kind = own(doc.value, 'kind');
    if (typeof apiVersion !== 'string' || !apiVersion.startsWith(GROUP) || typeof kind !== 'string') continue;
    const metadata = own(doc.value, 'metadata');
    const rawName = isObject(metadata) ? own(metadata, 'name') : undefined;
    const name = typeof rawName === 'string' ? rawName : '';
    const object = refOf(kind, name);
    // The same problem render reports (src/model kinds.ts), placed at the field.
    const problem = cartoKindProblem(apiVersion, kind);
    if (problem) {
      diagnostics.push(lintDiagnostic(problem.code, problem.message, { doc, object, path: problem.path }, { controllerMessage: problem.controllerMessage, hint: problem.hint }));
      continue;
    }
    const legacy = isLegacyBlueprint(doc);
    diagnostics.push(...checkSchema(doc, kind, name, legacy));
    diagnostics.push(...webhookDiagnostics(doc, kind, name));
    if ((kind === 'ClusterSupplyChain' || kind === 'ClusterDelivery') && !legacy) diagnostics.push(...checkSelectorPaths(doc, kind, name));
  }

  // 2. The objects together, as the pipeline models them.
  const { catalog, diagnostics: modelDiagnostics } = buildCatalog(documents, { defaultNamespace: options.defaultNamespace ?? 'default' });
  append(diagnostics, modelDiagnostics.filter((d) => !COVERED_BY_SCHEMA.has(d.code) && d.severity !== 'note'));
  const owners = checkOwners(catalog);
  append(diagnostics, owners.diagnostics);

  // Which blueprint resources stamp each template, and with which semantics.
  const usages = new Map<Template, Array<{ blueprint: Blueprint; resource: Blueprint['resources'][number] }>>();
  for (const blueprint of catalog.blueprints) {
    diagnostics.push(...checkBlueprintReferences(blueprint, catalog, options.missingTemplates ?? 'error'));
    for (const resource of checkableResources(blueprint)) {
      for (const ref of referencedTemplates(resource)) {
        const template = catalog.templates.get(templateKey(resource.templateRef.kind, ref.name));
        if (!template) continue;
        // Pushed, not copied: a blueprint with thousands of resources using one template stays linear.
        const list = usages.get(template);
        if (list) list.push({ blueprint, resource });
        else usages.set(template, [{ blueprint, resource }]);
      }
      if (blueprint.format === 'current') diagnostics.push(...checkOptionTies(blueprint, resource));
    }
  }
  diagnostics.push(...checkBlueprintTies(catalog.blueprints));
  append(diagnostics, checkStampedNames(catalog));
  diagnostics.push(...checkRunTemplateReferences(catalog));

  // 3. Templates: placeholders (alone, then per resource stamping them) and output paths.
  for (const template of catalog.templates.values()) {
    diagnostics.push(...checkOutputPaths(template));
    if (options.yttCheck) diagnostics.push(...checkYttBody(template, options.yttCheck));
    const source = templateSource(template);
    if (!source) continue;
    const used = usages.get(template) ?? [];
    const semantics: Format = used.length > 0 && used.every((u) => u.blueprint.format === '0.0.6') ? '0.0.6' : 'current';
    const placeholders: ParsedPlaceholder[] = parsePlaceholders(source.template);
    diagnostics.push(...checkTemplatePlaceholders(source, placeholders, 'blueprint', semantics));
    diagnostics.push(...checkOwnerPaths(source, placeholders, ownerTypes(used.map((u) => u.blueprint))));
    for (const { blueprint, resource } of used) {
      diagnostics.push(...checkUsage({ blueprint, resource, template, owners: owners.selected.get(blueprint) ?? [] }, placeholders));
    }
  }
  for (const runTemplate of catalog.runTemplates.values()) {
    diagnostics.push(...checkRunTemplateOutputs(runTemplate));
    const source = runTemplateSource(runTemplate);
    if (!source) continue;
    const placeholders = parsePlaceholders(source.template);
    diagnostics.push(...checkTemplatePlaceholders(source, placeholders, 'runnable', 'current'));
    diagnostics.push(...checkOwnerPaths(source, placeholders, [RUNNABLE_OWNER]));
  }

  append(diagnostics, (options.stamped ?? []));
  return report(diagnostics, documents, options);
}

/** One diagnostic per problem, a reference into an input that could not be read as a note, in file order, counted. */
function report(diagnostics: readonly Diagnostic[], documents: readonly SourceDocument[], options: LintOptions): LintResult {
  const found = referencesIntoUnread(oneDiagnosticPerProblem(dedupe(diagnostics)), unreadInputs(options.inputDiagnostics ?? []));
  const sorted = order(found, [...(options.files ?? []), ...documents.map((d) => d.file)]);
  return {
    diagnostics: sorted,
    errors: sorted.filter((d) => d.severity === 'error').length,
    warnings: sorted.filter((d) => d.severity === 'warning').length,
  };
}

// A blueprint's context is a Go map (exact keys); a Runnable's is a struct (Go field names too).
const OWNER_HEADS = ['workload', 'deliverable'];
const RUNNABLE_OWNER: OwnerType = { heads: ['runnable', 'Runnable'], type: runnableType, described: 'a Runnable' };

/** The owners a template's placeholders read, by the blueprints stamping it (a Workload if none). */
function ownerTypes(blueprints: readonly Blueprint[]): OwnerType[] {
  const types = new Map<string, OwnerType>();
  for (const b of blueprints.length > 0 ? blueprints : [undefined]) {
    if (b?.kind === 'ClusterDelivery') types.set('deliverable', { heads: OWNER_HEADS, type: deliverableType, described: 'a Deliverable' });
    else if (b?.format === '0.0.6') types.set('0.0.6', { heads: OWNER_HEADS, type: workloadTypeV006, described: 'a Cartographer 0.0.6 Workload' });
    else types.set('workload', { heads: OWNER_HEADS, type: workloadType, described: 'a Workload' });
  }
  return [...types.values()];
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Files in the order they were given, then line and column; stable otherwise. */
function order(diagnostics: readonly Diagnostic[], files: readonly string[]): Diagnostic[] {
  const rank = new Map<string, number>();
  for (const file of files) if (!rank.has(file)) rank.set(file, rank.size);
  const fileRank = (d: Diagnostic) => (d.file === undefined ? -1 : rank.get(d.file) ?? rank.size);
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((x, y) => fileRank(x.d) - fileRank(y.d) || (x.d.line ?? 0) - (y.d.line ?? 0) || (x.d.column ?? 0) - (y.d.column ?? 0) || x.i - y.i)
    .map((x) => x.d);
}
