// diff: line diffs (Myers), unified hunks and the changed fields of two JSON values. An engine:
// it knows nothing of Cartographer; carto test and carto diff build on it.
export { diffOps, type Op } from './ops.js';
export { unifiedDiff, unifiedHunks, hunkHeader, type Hunk } from './unified.js';
export { fieldChanges, same, sortKeys, type FieldChange } from './fields.js';
