// outputs: what each stamped resource hands downstream, and where each value came from.
export { resolveOutputs, type OutputValue, type Provenance, type OutputSources, type OutputPathError } from './resolve.js';
export { SuppliedOutputs, readOutputsFile, parseSetOutput, type SuppliedValue } from './supplied.js';
export { outputFieldsOf, OUTPUT_FIELDS, type OutputField } from './fields.js';
export { mockOutput } from './mock.js';
export { findObserved } from './observed.js';
