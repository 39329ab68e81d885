// inputs: the files a command reads, read by the generic loader with carto's policies (src/load knows no Cartographer).
export { cartoReadOptions, expandPaths, readInputs, readRenderInputs, type RenderFiles, type RenderInputs } from './read.js';
