// render: the pipeline from loaded documents to stamped objects, with diagnostics.
export { render, type RenderOptions } from './render.js';
export type { RenderResult, StampedObject, BlueprintStamped, RunnableStamped, OwnerReport, ResourceReport, RunnableReport } from './report.js';
export { mockedOutputsUsed, type MockedOutput } from './mocks.js';
