// inputs: the files a command reads, read by the generic loader with carto's policies (src/load knows no Cartographer).
export { cartoReadOptions, expandPaths, readInputs, WHOLE_CHAIN_FILE } from './read.js';
export { readRenderInputs, type RenderFiles, type RenderInputs } from './render-inputs.js';
