// The API server's verdict on a stamped object when the controller creates it, for `carto status`
// (realize's admit hook): refused for an invalid name or label (what render warns about), or for
// what its schema refuses — a value that does not decode, or decodes and is invalid; applied
// otherwise. An unknown field refuses nothing: Cartographer's client creates objects without
// asking for strict field validation, so the API server drops the field with a warning (its
// default, `Warn`), and the object it stores — the one outputs and health rules read — lacks it;
// unless the field it misspells is required (`tagg:` for `tag:`): the object then lacks that one,
// and is refused for it. The problems are ordered as the API server meets them (what does not
// decode first: its error is the controller's message), so that the report leads with the same.
// A kind no schema covers has only its metadata checked; the admission remembers those kinds
// (`unchecked()`, validate's stamped-no-schema note) so that status does not claim more.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JSONObject } from '../model/index.js';
import { applyMessage, diagnostic, ownerRef, type Admission, type Admit, type BlueprintStamped, type DroppedField, type ResourceReport } from '../realize/index.js';
import { fieldPath, type Issue } from '../schema/index.js';
import { nameOwnText, nameTextFault, stampedMetaProblems, type MetaProblem } from '../stamp/meta-check.js';
import { isObject } from '../util/objects.js';
import { apiServerPrefix, check, kindKey } from './check.js';
import { metaOrigin } from './meta-origin.js';
import { originOf, type Origin } from './origin.js';
import { toDiagnostic } from './problem.js';
import type { ValidationSchemas } from './schemas.js';
import { uncheckedKinds } from './unchecked.js';

export interface AdmissionCheck {
  admit: Admit;
  /** The note naming the kinds no schema covered (only their names and labels were checked), if
   *  any; `only`: of these kinds alone (`Kind (apiVersion)`). */
  unchecked(only?: ReadonlySet<string>): Diagnostic | undefined;
}

export function admission(schemas: ValidationSchemas): AdmissionCheck {
  const unchecked = new Map<string, BlueprintStamped>();
  const admit = (stamped: BlueprintStamped, entry: ResourceReport): Admission => {
    const object = stamped.object;
    const kind = String(object['kind'] ?? '');
    const checked = check(object, schemas);
    if (!checked) unchecked.set(kindKey(object), stamped);
    const against = checked?.against ?? '';
    const issues = checked?.issues ?? [];
    const unknown = issues.filter((i) => i.rule === 'unknown-field');
    const problems = [
      ...[...unnamed(object), ...stampedMetaProblems(object)].map((p) => metaProblem(stamped, p, entry)),
      ...issues.filter((i) => i.rule !== 'unknown-field' || i.suggestionMissing).map((i) => schemaProblem(stamped, i, against, entry)),
    ];
    // the misspelt required fields are among the problems; the other unknown fields are only dropped
    const dropped = unknown.filter((i) => !i.suggestionMissing).map((i) => droppedField(stamped, i, against, entry));
    if (problems.length > 0) {
      // the API server's order: what does not decode stops it there, before validation
      const ordered = [...problems.filter((p) => p.stage === 'decode'), ...problems.filter((p) => p.stage === 'validate')];
      const apiServer = refusal(object, kind, ordered);
      const refused = { object, apiServer, diagnostics: ordered.map((p) => p.diagnostic), ...(ordered[0]?.stage === 'decode' ? { undecodable: true } : {}) };
      return { refused, ...(dropped.length > 0 ? { dropped } : {}) };
    }
    if (dropped.length === 0) return {};
    return { stored: withoutFields(object, unknown.map((i) => i.path)), dropped };
  };
  const note = (only?: ReadonlySet<string>): Diagnostic | undefined => {
    const named = only ? new Map([...unchecked].filter(([k]) => only.has(k))) : unchecked;
    if (named.size === 0) return undefined;
    const d = uncheckedKinds(named, undefined);
    return { ...d, message: `${d.message} (only their names and labels were checked, so a status that says ready says nothing of the rest)` };
  };
  return { admit, unchecked: note };
}

/** A field unknown to the schema, which the API server drops (a warning, at the template line). */
function droppedField(stamped: BlueprintStamped, issue: Issue, against: string, entry: ResourceReport): DroppedField {
  return {
    field: fieldPath(issue.path),
    ...(issue.suggestion ? { suggestion: issue.suggestion } : {}),
    diagnostic: { ...toDiagnostic(stamped, issue, against, entry, undefined, undefined).diagnostic, severity: 'warning' },
  };
}

/** One reason the API server refuses an object: its words, whether it stops decoding, and the diagnostic at the line to fix. */
interface Problem {
  stage: 'decode' | 'validate';
  /** The API server's words for it, without the object's prefix. */
  error: string;
  diagnostic: Diagnostic;
}

/** A label that is not a string does not decode; the rest of a name's or label's problems are validation's. */
function metaProblem(stamped: BlueprintStamped, p: MetaProblem, entry: ResourceReport): Problem {
  return { stage: p.message.startsWith('json: ') ? 'decode' : 'validate', error: p.message, diagnostic: metaDiagnostic(stamped, p, entry) };
}

/**
 * A schema problem. An unknown field is dropped, refusing nothing, unless the field it misspells
 * is required and missing: with the field dropped, the object lacks it, and validation refuses it
 * (said at the misspelt field, with the name meant).
 */
function schemaProblem(stamped: BlueprintStamped, issue: Issue, against: string, entry: ResourceReport): Problem {
  if (issue.rule !== 'unknown-field' || !issue.suggestion) return { stage: issue.stage, error: issue.apiServer, diagnostic: toDiagnostic(stamped, issue, against, entry, undefined, undefined).diagnostic };
  const message = `unknown field, which the API server drops, and ${issue.suggestion} is required: did you mean ${issue.suggestion}?`;
  const met = toDiagnostic(stamped, { ...issue, message }, against, entry, undefined, undefined).diagnostic;
  const error = `${fieldPath([...issue.path.slice(0, -1), issue.suggestion])}: Required value`;
  const kind = String(stamped.object['kind'] ?? '');
  const controllerMessage = applyMessage(stamped.resource, stamped.blueprint, stamped.object, `${apiServerPrefix('validate', stamped.object, kind, objectName(stamped.object))}${error}`);
  return { stage: 'validate', error, diagnostic: { ...met, severity: 'error', controllerMessage } };
}

/**
 * The API server's error: the first problem that does not decode (decoding stops there), else
 * every field error of its validation in one — `Kind "name" is invalid: [a, b]` for several.
 */
function refusal(object: JSONObject, kind: string, problems: readonly Problem[]): string {
  const name = objectName(object);
  const first = problems[0] as Problem;
  if (first.stage === 'decode') return `${apiServerPrefix('decode', object, kind, name)}${first.error}`;
  const all = problems.length === 1 ? first.error : `[${problems.map((p) => p.error).join(', ')}]`;
  return `${apiServerPrefix('validate', object, kind, name)}${all}`;
}

function objectName(object: JSONObject): string {
  const metadata = isObject(object['metadata']) ? object['metadata'] : {};
  return typeof metadata['name'] === 'string' ? metadata['name'] : '';
}

/** An object with neither a name nor generateName: the API server requires one (realize warns `no-name`). */
function unnamed(object: JSONObject): MetaProblem[] {
  const metadata = isObject(object['metadata']) ? object['metadata'] : {};
  return metadata['name'] || metadata['generateName'] ? [] : [{ field: 'metadata.name', message: 'metadata.name: Required value: name or generateName is required' }];
}

/** An invalid name or label, at the template field that writes it (or the placeholder that gives it). */
function metaDiagnostic(stamped: BlueprintStamped, problem: MetaProblem, entry: ResourceReport): Diagnostic {
  const path = problem.field === 'metadata.name' ? ['metadata', 'name'] : ['metadata', 'labels', problem.label ?? ''];
  // a carto.run/* label is not in the template: the name it copies is where the fix is
  const origin: Origin = problem.label?.startsWith('carto.run/') ? { where: metaOrigin(stamped, problem), from: '' } : originOf(stamped, path, entry, undefined);
  const kind = String(stamped.object['kind'] ?? 'object');
  const metadata = stamped.object['metadata'] as Record<string, unknown>;
  const missing = problem.message.includes('Required value');
  const blame = problem.field === 'metadata.name' && !missing ? nameBlame(stamped, origin, String(metadata['name'] ?? '')) : undefined;
  const what = missing ? 'it has neither metadata.name nor metadata.generateName' : problem.field === 'metadata.name' ? `its name is invalid${blame?.what ?? ''}` : `its label ${problem.label ?? ''} is invalid`;
  return diagnostic('error', problem.field === 'metadata.name' ? 'stamped-name-invalid' : 'stamped-label-invalid', `the API server refuses the ${kind}${typeof metadata['name'] === 'string' && metadata['name'] !== '' ? ` ${metadata['name']}` : ''}: ${what}${blame?.from ?? origin.from}`, origin.where, {
    owner: ownerRef(stamped.owner),
    resource: stamped.resource.name,
    hint: missing ? 'give the template a metadata.name (a placeholder such as $(workload.metadata.name)$ gives each owner its own), or generateName for an immutable one'
      : blame?.hint ?? (problem.field === 'metadata.name'
      ? 'a name is lowercase letters, digits, - and . (a placeholder such as $(workload.metadata.name)$ gives each owner its own)'
      : 'a label value is at most 63 characters of letters, digits, -, _ and . (Cartographer copies owner, blueprint, resource and template names into the carto.run/* labels)'),
  });
}

/**
 * Which part of a templated name is invalid: the template's own text (`$(workload.metadata.name)$_config`:
 * "_", whatever each owner gives), or the value its one placeholder brought (an owner named `Hello`).
 */
function nameBlame(stamped: BlueprintStamped, origin: Origin, name: string): { what: string; from?: string; hint?: string } | undefined {
  const metadata = stamped.template.ytt === undefined ? stamped.template.template?.['metadata'] : undefined;
  const text = isObject(metadata) ? metadata['name'] : undefined;
  if (typeof text !== 'string' || origin.placeholder === undefined || origin.placed === undefined) return undefined;
  const own = nameOwnText(text);
  const bad = nameTextFault(text);
  if (bad !== undefined) {
    return {
      what: `: the template's own text ${own.map((t) => JSON.stringify(t)).join(', ')} has ${JSON.stringify(bad)}, which no name may have, not the value of ${origin.placeholder}`,
      from: ` — in ${origin.placed}`,
      hint: `take ${JSON.stringify(bad)} out of the template's metadata.name: a name is lowercase letters, digits, - and .`,
    };
  }
  // One placeholder between the text around it: its value is what is left of the name.
  const [before, after] = text.split(origin.placeholder);
  if (text.split(origin.placeholder).length !== 2 || !name.startsWith(before!) || !name.endsWith(after!)) return undefined;
  const value = name.slice(before!.length, name.length - after!.length);
  const inValue = nameTextFault(value);
  return inValue === undefined ? undefined : { what: `: the value of ${origin.placeholder}, ${JSON.stringify(value)}, has ${JSON.stringify(inValue)}, which no name may have (the template's own text is fine)`, from: ` — in ${origin.placed}` };
}

/** A copy of the object without the fields at these paths (what the API server drops). */
function withoutFields(object: JSONObject, paths: ReadonlyArray<readonly (string | number)[]>): JSONObject {
  const copy = structuredClone(object);
  for (const path of paths) {
    let node: unknown = copy;
    for (const key of path.slice(0, -1)) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
    const last = path[path.length - 1];
    if (isObject(node) && typeof last === 'string') delete node[last];
  }
  return copy;
}
