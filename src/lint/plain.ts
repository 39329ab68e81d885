// The sentence a person reads first, for lint rules whose checks speak in the API server's,
// kubectl's or an admission webhook's own words (`metadata.labels: Invalid value: …`,
// `error validating clustersupplychain [sc]: …`): one plain sentence naming the object and the
// field, while those words move to controllerMessage (the `controller:` line, JSON and SARIF),
// where they stay greppable. The checks keep producing the controller's wording; this is the one
// place that words it for a person.
import type { ObjectRef } from '../diagnostics/diagnostic.js';
import { formatPath, requiredFieldSentence, unknownFieldSentence, wrongTypeSentence, type Path } from '../model/index.js';
import { RULES, type RuleCode } from './rules.js';

/** The template webhooks' own prefixes: their messages carry no controllerMessage of their own. */
const TEMPLATE_WEBHOOK = /^invalid (template|spec|health rule|multi match health rule): /;

/**
 * The controller's (API server's, kubectl's, webhook's) words when `message` is exactly that, so
 * a plain sentence must come first; undefined when the message is already carto's own.
 */
export function controllerWording(code: RuleCode, message: string, controllerMessage: string | undefined): string | undefined {
  if (controllerMessage !== undefined) return controllerMessage === message ? message : undefined;
  const category = RULES[code].category;
  if (category === 'schema' || code === 'unknown-api-version') return message;
  if (category === 'webhook' && TEMPLATE_WEBHOOK.test(message)) return message;
  return undefined;
}

/** `ClusterSupplyChain sc: spec.resources[0].templateRef sets both name and options`. */
export function plainSentence(code: RuleCode, said: string, object: ObjectRef, path: Path, key: boolean): string {
  const name = object.name === '' ? '(no name)' : object.namespace ? `${object.namespace}/${object.name}` : object.name;
  const field = formatPath(path) || 'the object';
  // The webhook's `error validating clustersupplychain [sc]: error validating resource [r]: ` names what the sentence already does.
  const own = said.replace(/^(error validating [a-z ]+ \[[^\]]*\]: )+/, '');
  return `${object.kind} ${name}: ${(PHRASES[code] ?? generic)(own, field, { path, key })}`;
}

interface At {
  path: Path;
  key: boolean;
}

type Phrase = (said: string, field: string, at: At) => string;

const generic: Phrase = (_said, field) => `${field} is refused`;

/** `neither`/`both`, as the webhooks end their exactly-one-of messages. */
const which = (said: string, both: string, neither: string): string => (/found (both|multiple)$/.test(said) ? both : neither);

/** The first name the controller quotes: `[x]`, `"x"` or `'x'`. */
const quoted = (said: string): string => /\[([^\]]*)\]|"([^"]*)"|'([^']*)'/.exec(said)?.slice(1).find((g) => g !== undefined) ?? '';

const PHRASES: Partial<Record<RuleCode, Phrase>> = {
  // The API server (CRD schemas, ObjectMeta) and kubectl.
  'schema-required': (said) => requiredFieldSentence(said.replace(/: Required value$/, '')),
  'schema-type': (said, field) => {
    const m = /^.*?: Invalid value: "([^"]*)": .* must be of type (.+): "[^"]*"$/.exec(said);
    return m ? wrongTypeSentence(field, m[1] as string, m[2] as string) : `${field} does not have the type the schema wants`;
  },
  'schema-enum': (_said, field) => `${field} is not one of the values the schema allows`,
  'schema-limit': (said, field) => (/items$/.test(said) ? `${field} has fewer items than the schema requires` : / chars long$/.test(said) ? `${field} is shorter than the schema allows` : `${field} is smaller than the schema allows`),
  'schema-pattern': (_said, field) => `${field} does not have the form the schema requires`,
  'unknown-field': (said) => unknownFieldSentence(quoted(said) || 'a field'),
  'invalid-label': (said, _field, at) => {
    const label = String(at.path[at.path.length - 1] ?? '');
    return at.key ? `label key ${JSON.stringify(label)} is not a valid label key` : `the value of label ${label} (${quoted(said) || '""'}) is not a valid label value`;
  },
  'unknown-api-version': (said) => `apiVersion ${quoted(said.replace(/^no matches for kind "[^"]*" in version /, '')) || 'of this object'} is not one Cartographer serves`,
  // The template webhooks.
  'template-source': (said) => which(said, 'sets both spec.template and spec.ytt', 'sets neither spec.template nor spec.ytt'),
  'template-parse': () => 'spec.template has no kind, so it is not an object the webhook can read',
  'template-namespace': () => 'spec.template sets metadata.namespace, which a template may not',
  'health-rule': (said, field) => (said.startsWith('invalid multi match') ? `${field} has neither matchFields nor matchConditions` : which(said, 'spec.healthRule sets more than one rule', 'spec.healthRule sets no rule')),
  'retention-policy-mutable': () => 'spec.retentionPolicy is set, but the template is mutable',
  'deployment-observed': (_said, _field, at) => (at.path.includes('observedCompletion') ? 'sets both spec.observedMatches and spec.observedCompletion' : 'sets neither spec.observedMatches nor spec.observedCompletion'),
  'run-template-spec': () => 'the object in spec.template has no top-level spec',
  // The blueprint webhooks.
  'selector-required': () => 'selects nothing: it has no selector, selectorMatchExpressions or selectorMatchFields',
  'param-value-default': (_said, field) => `${field} must set exactly one of value and default`,
  'label-selector-invalid': (_said, field) => `${field} is not valid in a label selector`,
  'field-requirement-invalid': (said, field) => (/invalid jsonpath/.test(said) ? `${field} is not a JSONPath the controller can parse` : `${field} is not valid in a field requirement`),
  // A delivery's webhook names the index first (`spec.resources[1].name "source" cannot appear twice`).
  'duplicate-resource-name': (said, field) => `${field} repeats the name ${/"([^"]*)" cannot appear twice/.exec(said)?.[1] ?? quoted(said)}, which another resource already has`,
  'duplicate-option-name': (said, field) => `${field} repeats the template name ${quoted(said)}, which another option already has`,
  'template-ref': (said, field) => (/more than one option$/.test(said) ? `${field} has only one option` : which(said, `${field} sets both name and options`, `${field} sets neither name nor options`)),
  'option-invalid': (said, field) => (/more than one pass through/.test(said) ? `${field} is a second passThrough option` : /selector: /.test(said) ? `${field} is not a valid selector` : which(said, `${field} sets both name and passThrough`, `${field} sets neither name nor passThrough`)),
  'option-duplicate-selector': (_said, field) => `${field} is the same as another option's`,
  'pass-through-invalid': (said, field) => (/is not a known type$/.test(said) ? `${field} is not a template kind whose input can pass through` : `${field} names no input of the resource`),
  'input-unknown-resource': (said, field) => {
    const named = /unknown (?:resource|component) [[']([^\]']*)[\]']$/.exec(said)?.[1];
    return named === undefined ? `${field} names a resource the blueprint does not have` : `${field} names resource ${named}, which the blueprint does not have`;
  },
  'input-wrong-kind': (_said, field) => `${field} names a resource whose template does not produce that kind of input`,
  'deployment-input': (said, field) => (/must receive a deployment$/.test(said) ? `${field} is a ClusterDeploymentTemplate, and the resource receives no deployment` : /must not receive config$/.test(said) ? `${field}: a ClusterDeploymentTemplate resource cannot receive configs` : `${field}: only a ClusterDeploymentTemplate resource receives a deployment`),
};

