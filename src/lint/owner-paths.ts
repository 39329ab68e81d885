// Checks placeholders that read the owner (`$(workload.…)$`, `$(deliverable.…)$`, a run
// template's `$(runnable.…)$`) against the owner's Go type, as the controller's JSONPath walks
// it: a field the type does not have never resolves (the API server drops unknown fields, and
// client-go finds nothing), and nothing inside opaque JSON (a param's value) can be selected.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { GoType } from '../gotypes/index.js';
import type { Node } from '../jsonpath/index.js';
import { fieldAt } from './jsonpath-steps.js';
import type { ParsedPlaceholder } from './placeholders.js';
import { lintDiagnostic, refOf } from './report.js';

export interface OwnerType {
  /** The context keys that hold the owner. */
  heads: readonly string[];
  type: GoType;
  /** How messages name it: `a Workload`, `a Cartographer 0.0.6 Workload`. */
  described: string;
}

export function checkOwnerPaths(source: { kind: string; name: string; doc: Parameters<typeof lintDiagnostic>[2]['doc'] }, placeholders: readonly ParsedPlaceholder[], owners: readonly OwnerType[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const object = refOf(source.kind, source.name);
  for (const p of placeholders) {
    if (!p.parsed.ok) continue;
    const head = fieldAt(p.parsed.steps, 0);
    for (const owner of owners) {
      if (head === undefined || !owner.heads.includes(head)) continue;
      const problem = walk(p.parsed.steps.slice(1), owner.type);
      if (!problem) continue;
      const at = problem.path;
      const message = problem.kind === 'field'
        ? `$(${p.expression})$ reads ${at}, which ${owner.described} does not have, so it never resolves`
        : `$(${p.expression})$ selects inside ${at}, which is opaque JSON in ${owner.described}, so it never resolves`;
      out.push(lintDiagnostic('owner-field-unknown', message, { doc: source.doc, object, path: p.path }, {
        hint: problem.kind === 'field'
          ? `the fields of ${problem.struct} are ${problem.fields.join(', ')}`
          : 'the whole value can be read, but nothing inside it; use a ytt template to index into it',
      }));
      break;
    }
  }
  return out;
}

type Problem =
  | { kind: 'field'; path: string; struct: string; fields: string[] }
  | { kind: 'opaque'; path: string };

/** The first step that can never resolve on `type`, if any (only plain field steps are followed). */
function walk(steps: readonly Node[], type: GoType): Problem | undefined {
  let path = '';
  const join = (name: string) => (path === '' ? name : `${path}.${name}`);
  let current: GoType = type;
  for (const step of steps) {
    while (current.kind === 'pointer') current = current.elem;
    if (step.type !== 'field') {
      if ((step.type === 'array' || step.type === 'filter') && current.kind === 'slice') {
        path += step.type === 'array' ? '[…]' : '[?(…)]';
        current = current.elem;
        continue;
      }
      return undefined;
    }
    switch (current.kind) {
      case 'struct': {
        const field = current.fields.find((f) => f.name === step.name || f.goName === step.name);
        if (!field) return { kind: 'field', path: join(step.name), struct: current.name, fields: current.fields.map((f) => f.name) };
        path = join(step.name);
        current = field.type;
        break;
      }
      case 'map':
        path = join(step.name);
        current = current.elem;
        break;
      case 'opaque':
        if (current.leaf === 'json') return { kind: 'opaque', path };
        return undefined;
      default:
        return undefined;
    }
  }
  return undefined;
}
