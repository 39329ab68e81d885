// inputs: the files a command reads, read by the generic loader with carto's policies (src/load knows no Cartographer).
export { cartoReadOptions, expandPaths, readInputs } from './read.js';
export { readRenderInputs, type RenderFiles, type RenderInputs } from './render-inputs.js';
