// chain: resource order and the inputs each resource receives from the ones before it.
export { gatherInputs, forwardReferences, neverSatisfied, type NeverSatisfied, declaredInputs, type DeclaredInput, type InputType, type ResourceInputs, type AbsentInput, type SourceInput, type ImageInput, type ConfigInput } from './inputs.js';
export type { ResourceOutput, OutputMap } from './outputs.js';
