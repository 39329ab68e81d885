// Checks placeholders that read the owner (`$(workload.…)$`, `$(deliverable.…)$`, a run
// template's `$(runnable.…)$`) against the owner's Go type, as the controller's JSONPath walks
// it: a field the type does not have never resolves (the API server drops unknown fields, and
// client-go finds nothing), nothing inside opaque JSON (a param's value) can be selected, and
// nothing inside a string, number or boolean (`$(workload.spec.source.git.url.foo)$`) either.
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
      out.push(lintDiagnostic('owner-field-unknown', message(p.expression, problem, owner.described), { doc: source.doc, object, path: p.path }, { hint: hint(p.expression, problem) }));
      break;
    }
  }
  return out;
}

type Problem =
  | { kind: 'field'; path: string; struct: string; fields: string[] }
  | { kind: 'opaque'; path: string }
  /** A field step after a string, number or boolean (`path`): client-go finds nothing there. */
  | { kind: 'scalar'; path: string; step: string; type: string };

function message(expression: string, problem: Problem, described: string): string {
  switch (problem.kind) {
    case 'field':
      return `$(${expression})$ reads ${problem.path}, which ${described} does not have, so it never resolves`;
    case 'opaque':
      return `$(${expression})$ selects inside ${problem.path}, which is opaque JSON in ${described}, so it never resolves`;
    case 'scalar':
      return `$(${expression})$ reads ${problem.step} inside ${problem.path}, which is ${problem.type} in ${described}, so it never resolves`;
  }
}

function hint(expression: string, problem: Problem): string {
  switch (problem.kind) {
    case 'field':
      return `the fields of ${problem.struct} are ${problem.fields.join(', ')}`;
    case 'opaque':
      return 'the whole value can be read, but nothing inside it; use a ytt template to index into it';
    case 'scalar': {
      const whole = expression.lastIndexOf(`.${problem.step}`);
      return `${problem.path} has no fields: read it whole${whole > 0 ? `, $(${expression.slice(0, whole)})$` : ''}`;
    }
  }
}

/** How the schema names a scalar Go type, with its article. */
const SCALAR: Readonly<Record<string, string>> = { string: 'a string', int: 'a number', float: 'a number', bool: 'a boolean' };

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
      default: {
        const type = SCALAR[current.kind];
        return type === undefined ? undefined : { kind: 'scalar', path, step: step.name, type };
      }
    }
  }
  return undefined;
}
