// eval: Cartographer's single-value JSONPath evaluation over the client-go dialect engine.
export { evaluateJsonPath, wrapExpression, type EvalResult } from './jsonpath.js';
