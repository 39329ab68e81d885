// outputs: what each stamped resource hands downstream, and where each value came from.
export { resolveOutputs, resolveAbsentOutputs, type OutputValue, type Provenance, type OutputSources, type OutputPathError, type OutputMissing } from './resolve.js';
export { SuppliedOutputs, readOutputsFile, outputsFileProblem, parseSetOutput, type SuppliedValue } from './supplied.js';
export { outputFieldsOf, outputFieldsOfKind, isHeldOutput, OUTPUT_FIELDS, type OutputField } from './fields.js';
export { mockOutput, mockRunnableOutput, mockUid, renameMocks } from './mock.js';
export { readPath, type Read } from './read.js';
export { findObserved } from './observed.js';
export { deploymentReadiness, goS, type Readiness, type NotReadyKind } from './deployment.js';
export { unusedSupplied } from './unused.js';
