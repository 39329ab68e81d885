// status: the status Cartographer would write on each Workload and Deliverable (`carto status`).
export { allReady, status, type StatusOptions, type StatusResult, type OwnerStatusResult } from './status.js';
export { ownerStatus, ownerStatusObject, type OwnerStatus } from './owner.js';
export { outputStatus, firstBytes, type OutputStatus } from './preview.js';
export type { Condition } from './conditions.js';
export type { ResourceStatus, ObjectReference } from './resource.js';
export { formatStatusYaml, formatStatusJson } from './format.js';
export { formatStatusText, MARKS, type Paint } from './format-text.js';
export { resourceVerdict, resourceVerdicts, type Verdict, type ResourceVerdict, type ResourceVerdictSummary } from './verdict.js';
export { untoldDiagnostics } from './told.js';
