// With validation (render --validate), what the API server would refuse is an error: render's own
// warnings about a stamped name or label the API server refuses become errors too, so that the
// two ways of finding a refusal agree on what it is.
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A stamped name or label warning as the error it is when validating. */
export function asApiServerError(d: Diagnostic): Diagnostic {
  return d.severity === 'warning' && (d.code === 'stamped-name-invalid' || d.code === 'stamped-label-invalid') ? { ...d, severity: 'error' } : d;
}
