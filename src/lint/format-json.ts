// The JSON report: every diagnostic in the shape the library uses everywhere (file, line,
// column, code, severity, message, object, path, owner, resource, hint, controllerMessage, detail),
// and the counts.
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  return `${JSON.stringify({ diagnostics, summary: { errors: count('error'), warnings: count('warning') } }, null, 2)}\n`;
}
