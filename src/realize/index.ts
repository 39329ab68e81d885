// The realization core: one owner walked through select → chain → stamp → outputs, with a
// structured report per resource. render, explain, graph, lint and `carto test` build on it.
export { realizeOwner, tooManyObjects, type RealizeOptions, type Realized } from './owner.js';
export { realizeRunnable } from './runnable.js';
export { planOwner, semanticsFor, chooseTemplate, type OwnerPlan, type TemplateChoice } from './plan.js';
export { blueprintProblems, duplicateResourceMessage, judgeMissingTemplates, referencedTemplates, type MissingRef, type MissingVerdict, type ForwardRef } from './blueprint-checks.js';
export { applyMessage, stampedIdentity, selectionFinding, missingTemplateFinding, forwardReferenceFinding, optionFinding, runTemplateNotFoundFinding, type Finding } from './diagnose.js';
export { stampResource, stampTarget, type ResourceStamping, type StampAt, type StampResourceOptions } from './resource.js';
export { typedOwner } from './typed-owner.js';
export { mockedOutputsUsed, mocksReadBy, type MockedOutput } from './mocks.js';
export { diagnostic, ownerRef, type Where } from './where.js';
export type { StampedObject, BlueprintStamped, RunnableStamped, OwnerReport, ResourceReport, RunnableReport, ResourceFailure, RunnableFailure, Admit, Admission, Refused, DroppedField } from './report.js';
export { submittedCondition, hasControllerError, liveName, type ControllerCondition } from './conditions.js';
export { selectOwners } from './select-owners.js';
export { describeAbsent } from './hints.js';
