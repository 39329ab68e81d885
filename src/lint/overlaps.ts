// One problem, one diagnostic. An invalid selector in a blueprint fails the selection of every
// owner it is evaluated against, and the admission webhook refuses the blueprint for the same
// term (or lint's own check of a key's JSONPath): all of these point at the same spot, the term
// at fault, so lint keeps the diagnostic about the blueprint itself, or, when nothing but the
// owners' selection sees the problem, the first owner's.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleCode } from './rules.js';

/** Codes raised once per owner for a problem of the blueprint itself. */
const PER_OWNER: ReadonlySet<string> = new Set<RuleCode>(['invalid-selector', 'invalid-option-selector']);

/** lint's own checks that a webhook rule may already have refused at the same spot (the webhook's says it). */
const BELOW_WEBHOOK: ReadonlySet<string> = new Set<RuleCode>(['jsonpath-syntax']);
const WEBHOOK_AT_KEY: ReadonlySet<string> = new Set<RuleCode>(['field-requirement-invalid', 'label-selector-invalid', 'option-invalid']);

export function oneDiagnosticPerProblem(all: readonly Diagnostic[]): Diagnostic[] {
  const spot = (d: Diagnostic) => `${d.file}\u0000${d.line}\u0000${d.column}`;
  const webhookSpots = new Set(all.filter((d) => WEBHOOK_AT_KEY.has(d.code)).map(spot));
  const diagnostics = all.filter((d) => !(BELOW_WEBHOOK.has(d.code) && webhookSpots.has(spot(d))));
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
