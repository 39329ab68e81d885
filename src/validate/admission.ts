// The API server's verdict on a stamped object when the controller creates it, for `carto status`
// (realize's admit hook): refused for an invalid name or label (what render warns about), or for
// what its schema refuses — a value that does not decode, or decodes and is invalid; applied
// otherwise. An unknown field refuses nothing: Cartographer's client creates objects without
// asking for strict field validation, so the API server drops the field with a warning (its
// default, `Warn`), and the object it stores — the one outputs and health rules read — lacks it.
// A kind no schema covers has only its metadata checked; the admission remembers those kinds
// (`unchecked()`, validate's stamped-no-schema note) so that status does not claim more.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JSONObject } from '../model/index.js';
import { diagnostic, ownerRef, type Admission, type Admit, type BlueprintStamped, type ResourceReport } from '../realize/index.js';
import type { Issue } from '../schema/index.js';
import { stampedMetaProblems, type MetaProblem } from '../stamp/meta-check.js';
import { isObject } from '../util/objects.js';
import { apiServerPrefix, check } from './check.js';
import { originOf } from './origin.js';
import { toDiagnostic } from './problem.js';
import type { ValidationSchemas } from './schemas.js';
import { uncheckedKinds } from './unchecked.js';

export interface AdmissionCheck {
  admit: Admit;
  /** The note naming the kinds no schema covered (only their names and labels were checked), if any. */
  unchecked(): Diagnostic | undefined;
}

export function admission(schemas: ValidationSchemas): AdmissionCheck {
  const unchecked = new Map<string, BlueprintStamped>();
  const admit = (stamped: BlueprintStamped, entry: ResourceReport): Admission => {
    const object = stamped.object;
    const apiVersion = String(object['apiVersion'] ?? '');
    const kind = String(object['kind'] ?? '');
    const checked = check(object, apiVersion, kind, schemas);
    if (!checked) unchecked.set(`${kind} (${apiVersion})`, stamped);
    // a label value that is not a string is a metadata problem (meta-check), said once
    const issues = (checked?.issues ?? []).filter((i) => !(i.rule === 'type' && i.path[0] === 'metadata' && i.path[1] === 'labels'));
    const refusing = issues.filter((i) => i.rule !== 'unknown-field');
    const meta = [...unnamed(object), ...stampedMetaProblems(object)];
    if (refusing.length > 0 || meta.length > 0) {
      const diagnostics = [
        ...meta.map((p) => metaDiagnostic(stamped, p, entry)),
        ...refusing.map((i) => toDiagnostic(stamped, i, checked?.against ?? '', entry, undefined, undefined).diagnostic),
      ];
      return { refused: { object, apiServer: refusal(object, kind, refusing, meta), diagnostics } };
    }
    const unknown = issues.filter((i) => i.rule === 'unknown-field');
    if (unknown.length === 0) return {};
    const dropped = unknown.map((i) => ({ ...toDiagnostic(stamped, i, checked?.against ?? '', entry, undefined, undefined).diagnostic, severity: 'warning' as const }));
    return { stored: withoutFields(object, unknown.map((i) => i.path)), dropped };
  };
  const note = (): Diagnostic | undefined => {
    if (unchecked.size === 0) return undefined;
    const d = uncheckedKinds(unchecked, undefined);
    return { ...d, message: `${d.message} (only their names and labels were checked, so a status that says ready says nothing of the rest)` };
  };
  return { admit, unchecked: note };
}

/**
 * The API server's error: the first value that does not decode (decoding stops there), else every
 * field error of its validation in one — `Kind "name" is invalid: [a, b]` for several.
 */
function refusal(object: JSONObject, kind: string, issues: readonly Issue[], meta: readonly MetaProblem[]): string {
  const metadata = isObject(object['metadata']) ? object['metadata'] : {};
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
  const typedLabel = meta.find((p) => p.message.startsWith('json: '));
  const decode = issues.find((i) => i.stage === 'decode');
  if (typedLabel) return `${apiServerPrefix({ stage: 'decode' } as Issue, object, kind, name)}${typedLabel.message}`;
  if (decode) return `${apiServerPrefix(decode, object, kind, name)}${decode.apiServer}`;
  const errors = [...meta.map((p) => p.message), ...issues.map((i) => i.apiServer)];
  const all = errors.length === 1 ? errors[0] as string : `[${errors.join(', ')}]`;
  return `${apiServerPrefix({ stage: 'validate' } as Issue, object, kind, name)}${all}`;
}

/** An object with neither a name nor generateName: the API server requires one (realize warns `no-name`). */
function unnamed(object: JSONObject): MetaProblem[] {
  const metadata = isObject(object['metadata']) ? object['metadata'] : {};
  return metadata['name'] || metadata['generateName'] ? [] : [{ field: 'metadata.name', message: 'metadata.name: Required value: name or generateName is required' }];
}

/** An invalid name or label, at the template field that writes it (or the placeholder that gives it). */
function metaDiagnostic(stamped: BlueprintStamped, problem: MetaProblem, entry: ResourceReport): Diagnostic {
  const path = problem.field === 'metadata.name' ? ['metadata', 'name'] : ['metadata', 'labels', problem.label ?? ''];
  const origin = originOf(stamped, path, entry, undefined);
  const kind = String(stamped.object['kind'] ?? 'object');
  const metadata = stamped.object['metadata'] as Record<string, unknown>;
  const missing = problem.message.includes('Required value');
  const what = missing ? 'it has neither metadata.name nor metadata.generateName' : problem.field === 'metadata.name' ? 'its name is invalid' : `its label ${problem.label ?? ''} is invalid`;
  return diagnostic('error', problem.field === 'metadata.name' ? 'stamped-name-invalid' : 'stamped-label-invalid', `the API server refuses the ${kind}${typeof metadata['name'] === 'string' && metadata['name'] !== '' ? ` ${metadata['name']}` : ''}: ${what}${origin.from}`, origin.where, {
    owner: ownerRef(stamped.owner),
    resource: stamped.resource.name,
    hint: missing ? 'give the template a metadata.name (a placeholder such as $(workload.metadata.name)$ gives each owner its own), or generateName for an immutable one'
      : problem.field === 'metadata.name'
      ? 'a name is lowercase letters, digits, - and . (a placeholder such as $(workload.metadata.name)$ gives each owner its own)'
      : 'a label value is at most 63 characters of letters, digits, -, _ and . (Cartographer copies owner, blueprint, resource and template names into the carto.run/* labels)',
  });
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
