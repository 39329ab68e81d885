// render: the pipeline from loaded documents to stamped objects, with diagnostics.
export { render, type RenderOptions } from './render.js';
export type { RenderResult, StampedObject, BlueprintStamped, RunnableStamped, OwnerReport, ResourceReport, RunnableReport, ResourceFailure } from '../realize/index.js';
export { mockedOutputsUsed, type MockedOutput } from '../realize/index.js';
