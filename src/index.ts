// carto's library API: everything the CLI does is available here as pure functions with types.
export type { Diagnostic, Severity, ObjectRef } from './diagnostics/diagnostic.js';
export { DiagnosticError } from './diagnostics/diagnostic.js';
