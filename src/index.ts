// carto's library API: everything the CLI does is available here, with types. `render()`,
// `status()` and `lint()` are pure (documents in, objects and diagnostics out); `readInputs` and
// `writeDirectory` are the only functions that touch the file system.
export type { Diagnostic, Severity, ObjectRef, OwnerSite } from './diagnostics/diagnostic.js';
export { DiagnosticError, UsageError, InputError, formatObjectRef, hasErrors } from './diagnostics/diagnostic.js';

export { parseText, parseValue, locate, type SourceDocument, type ParsedText, type ReadOptions } from './load/index.js';
// carto's reading (files without a carto.run object set aside, test suites left out)
export { readInputs, readRenderInputs, type RenderFiles, type RenderInputs } from './inputs/index.js';
export { buildCatalog, type Catalog, type Blueprint, type Owner, type Template, type Resource, type Format } from './model/index.js';
export { type RenderOptions, type RenderResult, type RenderedOwner, type RenderSummary, type StampedObject, type OwnerReport, type ResourceReport } from './render/index.js';
export { builtinYtt, budgetedBuiltinYtt } from './stamp/ytt-builtin.js';
export type { YttRunner, YttRun } from './stamp/ytt.js';
export { SuppliedOutputs, readOutputsFile, parseSetOutput, type OutputValue, type Provenance, type OutputField } from './outputs/index.js';
export { formatYamlStream, formatJsonList, YAML_STREAM, JSON_LIST, planDirectory, writeDirectory, type PlannedFile, type StreamFormat } from './emit/index.js';
export { formatText, formatJson, formatSarif, RULES, type LintOptions, type LintResult, type Rule, type RuleCode } from './lint/index.js';
export { blueprintGraph, ownerGraph, formatGraph, formatDot, formatMermaid, formatText as formatGraphText, type Graph, type GraphFormat } from './graph/index.js';
export { explain, formatExplanation, type Explanation } from './explain/index.js';
export { formatStatusYaml, formatStatusJson, formatStatusText, type StatusOptions, type StatusResult, type OwnerStatusResult, type OwnerStatus, type Condition, type ResourceStatus, type Paint } from './status/index.js';
export { VERSION } from './version.js';
// validating what is stamped (the CLI's --validate): the schema engine, and stamped objects against
// a Kubernetes version's schemas (schemas/kubernetes/v1.NN.json of the package) and CRDs
export { validateValue, type Schema, type Issue, type ValidateOptions } from './schema/index.js';
export { validateStamped, StampedValidator, customSchemas, YttSources, type ValidateStampedOptions, type ValidationSchemas, type KubeSchemas, type CustomSchema } from './validate/index.js';

import { render as renderWith, renderOwners as renderOwnersWith, type RenderedOwner, type RenderOptions, type RenderResult, type RenderSummary } from './render/index.js';
import type { SourceDocument } from './load/index.js';
import { budgetedBuiltinYtt, builtinYttCheck } from './stamp/ytt-builtin.js';
import { lint as lintWith, type LintOptions, type LintResult } from './lint/index.js';
import { status as statusWith, type StatusOptions, type StatusResult } from './status/index.js';

/** Lints documents; `spec.ytt` bodies are compiled by the built-in engine unless `options.yttCheck` says otherwise. */
export function lint(documents: readonly SourceDocument[], options: LintOptions = {}): LintResult {
  return lintWith(documents, { yttCheck: builtinYttCheck, ...options });
}

/** Renders documents as the controller would; `spec.ytt` templates run in the built-in engine unless `options.ytt` says otherwise. */
export function render(documents: readonly SourceDocument[], options: RenderOptions = {}): RenderResult {
  return renderWith(documents, { ytt: budgetedBuiltinYtt(), ...options });
}

/**
 * render(), owner by owner: yields each owner's objects and report before rendering the next (so
 * that writing them out as they come holds one owner's at a time), and returns the diagnostics
 * of the whole render. Format the objects with YAML_STREAM or JSON_LIST to get render's bytes.
 */
export function renderOwners(documents: readonly SourceDocument[], options: RenderOptions = {}): Generator<RenderedOwner, RenderSummary, void> {
  return renderOwnersWith(documents, { ytt: budgetedBuiltinYtt(), ...options });
}

export { compareRenders, type Review, type ObjectChange, type OwnerChange } from './review/index.js';
export { migrate, applyEdits, type Migration, type MigrationNote } from './migrate/index.js';

/**
 * The status Cartographer v0.8.11 would write on each Workload and Deliverable, realized without
 * mocks; `spec.ytt` templates run in the built-in engine unless `options.ytt` says otherwise.
 */
export function status(documents: readonly SourceDocument[], options: StatusOptions = {}): StatusResult {
  return statusWith(documents, { ytt: budgetedBuiltinYtt(), ...options });
}
