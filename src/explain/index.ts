// explain: one owner's render report → why each blueprint and option was chosen, where every
// param and output came from, as data (the JSON shape in types.ts) and as text. Pure.
export { explain } from './explain.js';
export { formatExplanation, EXPLAIN_WIDTH } from './text.js';
export type * from './types.js';
