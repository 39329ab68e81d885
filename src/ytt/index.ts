// Public API of carto's built-in ytt engine.
export { runYtt, clearYttCache, YttError } from './engine.js';
export type { YttFile, YttOptions, YttResult, YttErrorPosition } from './engine.js';
