// Field requirements (`selectorMatchFields`, option `matchFields`): a JSONPath into the owner
// itself, compared Cartographer's way (pkg/selector): a missing path satisfies only
// DoesNotExist — not even NotIn — and In/NotIn compare strings only.
import { evaluateJsonPath } from '../eval/index.js';
import type { GoValue } from '../jsonpath/index.js';
import type { FieldSelectorRequirement, Format } from '../model/index.js';

/** A failure names the requirement's field at fault: a key that is no JSONPath, or the operator. */
export type FieldMatch = { ok: true; matches: boolean } | { ok: false; message: string; field: 'key' | 'operator' };

export function matchFieldRequirement(req: FieldSelectorRequirement, owner: GoValue, semantics: Format): FieldMatch {
  const result = evaluateJsonPath(req.key, owner, semantics);
  if (!result.ok) {
    if (result.missing) return { ok: true, matches: req.operator === 'DoesNotExist' };
    return { ok: false, message: `${requirementPrefix(req)}: ${result.message}`, field: 'key' };
  }
  const value = result.value;
  const values = req.values ?? [];
  switch (req.operator) {
    case 'Exists':
      return { ok: true, matches: value !== null };
    case 'DoesNotExist':
      return { ok: true, matches: value === null };
    case 'In':
      return { ok: true, matches: typeof value === 'string' && values.includes(value) };
    case 'NotIn':
      return { ok: true, matches: !(typeof value === 'string' && values.includes(value)) };
    default:
      return { ok: false, message: `${requirementPrefix(req)}: invalid operator ${req.operator} for field selector`, field: 'operator' };
  }
}

/** The controller's wrapping of a requirement's error; values print as Go's %v of a []string. */
function requirementPrefix(req: FieldSelectorRequirement): string {
  return `unable to match field requirement with key [${req.key}] operator [${req.operator}] values [[${(req.values ?? []).join(' ')}]]`;
}
