// One problem, one diagnostic. An invalid selector in a blueprint fails the selection of every
// owner it is evaluated against, and the admission webhook refuses the blueprint for the same
// term (or lint's own check of a key's JSONPath): all of these point at the same spot, the term
// at fault, so lint keeps the diagnostic about the blueprint itself, or, when nothing but the
// owners' selection sees the problem, the first owner's.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleCode } from './rules.js';

/** Codes raised once per owner for a problem of the blueprint itself. */
const PER_OWNER: ReadonlySet<string> = new Set<RuleCode>(['invalid-selector', 'invalid-option-selector']);

export function oneDiagnosticPerProblem(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const spot = (d: Diagnostic) => `${d.file}\u0000${d.line}\u0000${d.column}`;
  const blueprintSpots = new Set(diagnostics.filter((d) => !PER_OWNER.has(d.code)).map(spot));
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    if (!PER_OWNER.has(d.code)) return true;
    if (blueprintSpots.has(spot(d))) return false;
    const key = `${spot(d)}\u0000${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
