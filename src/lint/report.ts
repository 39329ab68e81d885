// Builds lint diagnostics: the severity comes from the rule's entry in rules.ts, the position
// from the field's path in the object's file (the value, or its key for missing and unknown
// fields), so every check reports in the same shape as `carto render`.
import type { Diagnostic, ObjectRef } from '../diagnostics/diagnostic.js';
import { locate, type SourceDocument } from '../load/index.js';
import { formatPath, type Path } from '../model/index.js';
import type { Finding } from '../realize/index.js';
import { controllerWording, plainSentence } from './plain.js';
import { RULES, type RuleCode } from './rules.js';

export interface Place {
  readonly doc: SourceDocument;
  readonly object: ObjectRef;
  readonly path?: Path;
  /** Point at the key rather than its value. */
  readonly key?: boolean;
}

export type Extra = Omit<Partial<Diagnostic>, 'severity' | 'code' | 'message'>;

export function lintDiagnostic(code: RuleCode, message: string, place: Place, extra: Extra = {}): Diagnostic {
  const path = place.path ?? [];
  const pos = locate(place.doc, path, { key: place.key ?? false });
  // A message in the controller's own words gets a plain sentence first; the words stay, as controllerMessage.
  const said = controllerWording(code, message, extra.controllerMessage);
  if (said !== undefined) extra = { ...extra, controllerMessage: said };
  const d: Diagnostic = {
    severity: RULES[code].severity,
    code,
    message: said === undefined ? message : plainSentence(code, said, place.object, path, place.key ?? false),
    file: pos.file,
    line: pos.line,
    column: pos.column,
    object: place.object,
  };
  if (path.length > 0) d.path = formatPath(path);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (d as unknown as Record<string, unknown>)[k] = v;
  return d;
}

/** `Kind name` or `Kind namespace/name`, as the messages name objects. */
export function refOf(kind: string, name: string, namespace?: string): ObjectRef {
  return namespace ? { kind, name, namespace } : { kind, name };
}

/** A problem the realization core found (src/realize diagnose.ts), as the lint rule of its code. */
export function lintFinding(f: Finding, place: { key?: boolean; path?: Path } = {}, extra: Extra = {}): Diagnostic {
  // Where it is (owner, resource) before what to do about it, as every other rule reports.
  const { controllerMessage, hint, detail, ...who } = extra;
  return lintDiagnostic(f.code as RuleCode, f.message, { ...f.at, ...place }, {
    ...who,
    controllerMessage: controllerMessage ?? f.controllerMessage,
    hint: hint ?? f.hint,
    detail: detail ?? f.detail,
    platformTemplate: f.platformTemplate,
  });
}
