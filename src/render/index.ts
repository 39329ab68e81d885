// render: the pipeline from loaded documents to stamped objects, with diagnostics.
export { render, type RenderOptions, type RenderResult } from './render.js';
export { renderOwners, type RenderedOwner, type RenderSummary } from './owners.js';
export type { StampedObject, BlueprintStamped, RunnableStamped, OwnerReport, ResourceReport, RunnableReport, ResourceFailure } from '../realize/index.js';
export { mockedOutputsUsed, type MockedOutput } from '../realize/index.js';
