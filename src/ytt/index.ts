// Public API of carto's built-in ytt engine.
export { runYtt, clearYttCache, sharedDataValue, YttError } from './engine.js';
export { SharedDataValue } from './template/values.js';
export { checkYttTemplate } from './check.js';
export type { DataValue, YttFile, YttOptions, YttResult, YttErrorPosition, YttSource, YttSourceHit, YttSourceMap } from './engine.js';
export { yttBudget } from './budget.js';
export type { YttBudget, YttBudgetOptions } from './budget.js';
