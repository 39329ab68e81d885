// eval: Cartographer's single-value JSONPath evaluation over the client-go dialect engine.
export { evaluateJsonPath, evaluatePrepared, prepareJsonPath, wrapExpression, type EvalFailure, type EvalResult, type PreparedPath } from './jsonpath.js';
