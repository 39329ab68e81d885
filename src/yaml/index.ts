// Public API of carto's YAML engine: a go-yaml v2 / ytt-exact emitter, go-yaml v2 plain-scalar
// resolution, parse options for the `yaml` package that read YAML as kubectl does, and a fast
// reader for the Kubernetes subset of YAML that defers to the `yaml` package outside it, and the
// text kubectl (kubectlSource) and go-yaml (goYamlTabs) actually read at the edges of a file.
export { emitYaml, emitYamlStream, YamlFloat, EmitLengthError } from './emit.js';
export { goYamlKeyLess, goYamlKeyOrder, inGoYamlKeyOrder } from './key-order.js';
export type { EmitOptions } from './emit.js';
export { resolvePlainScalar, stringNeedsQuotes, isBase60Float } from './resolve.js';
export type { ResolveDialect, ResolvedScalar, ScalarTag } from './resolve.js';
export { kubeYamlOptions } from './schema.js';
export { formatGoFloat } from './go-number.js';
export { parseYamlStream, explainFallback, readWith, Parser as FastYamlReader } from './parse.js';
export type { FastParse, FastDocument } from './parse.js';
export { kubectlText, kubectlSource } from './kubectl-text.js';
export type { KubectlText } from './kubectl-text.js';
export { goYamlTabs } from './go-yaml-tabs.js';
export { nestingTooDeep, flowDepthExceeded } from './nesting.js';
export type { TabCheck, TabProblem } from './go-yaml-tabs.js';
