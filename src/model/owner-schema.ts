// What the API server does to a Workload's or Deliverable's fields before it keeps the object,
// which render must tell as lint does (the same words, at the same place): a field the CRD does
// not define is dropped (kubectl warns `unknown field "spec.sorce"`), so the templates never see
// it; and a param without a value is refused (`value:` left empty is a null, pruned like any field
// the CRD does not mark nullable, and `value` is required). lint finds the same through the JSON
// schemas (src/lint/schema-check.ts) and words it with the sentences below.
import { unknownFields } from '../gotypes/index.js';
import { isObject, own } from '../util/objects.js';
import { closest } from '../util/suggest.js';
import { formatPath, type FieldReader, type Path } from './fields.js';
import { deliverableType, workloadType } from './go-types.js';
import type { OwnerKind } from './types.js';

/** `spec.sorce is not a field the schema defines`: lint and render say an unknown field alike. */
export function unknownFieldSentence(field: string): string {
  return `${field} is not a field the schema defines`;
}

/** `spec.params[0].value is missing, and the schema requires it`: lint and render say a missing field alike. */
export function requiredFieldSentence(field: string): string {
  return `${field} is missing, and the schema requires it`;
}

/** The hint for an unknown field, opening with the defined field its name is a slip of, if one is close. */
export function unknownFieldHint(field: string, known: Iterable<string>): string {
  const dropped = 'the API server drops fields its schema does not define (and kubectl --validate=strict refuses them)';
  const parts = field.split('.');
  const near = closest(parts[parts.length - 1] ?? field, known);
  return near === undefined ? `${dropped}: check the spelling and the indentation` : `did you mean ${[...parts.slice(0, -1), near].join('.')}? ${dropped}`;
}

/** The hint for a Workload or Deliverable param without a value. */
export function paramValueHint(kind: string): string {
  return `the API server refuses a ${kind} whose param has no value (an empty \`value:\` is dropped as null first): give it one (\`value: ""\` for an empty string), or remove the param`;
}

/** Reports the owner's unknown fields (warnings) and its params without a name or value (errors). */
export function checkOwnerFields(r: FieldReader, kind: OwnerKind, value: Record<string, unknown>): void {
  const type = kind === 'Deliverable' ? deliverableType : workloadType;
  const who = r.who();
  const spec = own(value, 'spec');
  // metadata is the API server's own (ObjectMeta), and status is dropped on create (a subresource):
  // of the top-level fields, only spec is looked into.
  const known = type.fields.map((f) => f.name);
  const unknown = Object.keys(value).flatMap((k) => {
    const field = type.fields.find((f) => f.name === k);
    if (!field) return [{ path: [k], known }];
    return k === 'spec' ? unknownFields(field.type, spec, ['spec']) : [];
  });
  for (const u of unknown) {
    const field = formatPath(u.path);
    r.report('warning', 'unknown-field', u.path, `${who}: ${unknownFieldSentence(field)}`, unknownFieldHint(field, u.known), `unknown field "${field}"`, true);
  }
  const params = isObject(spec) ? own(spec, 'params') : undefined;
  if (!Array.isArray(params)) return;
  params.forEach((param, i) => {
    if (!isObject(param)) return;
    for (const required of ['name', 'value']) {
      if (own(param, required) !== undefined && own(param, required) !== null) continue;
      const field = formatPath(['spec', 'params', i, required]);
      const at: Path = own(param, required) === null ? ['spec', 'params', i, required] : ['spec', 'params', i];
      r.report('error', 'schema-required', at, `${who}: ${requiredFieldSentence(field)}`, required === 'value' ? paramValueHint(kind) : undefined, `${field}: Required value`, true);
    }
  });
}
