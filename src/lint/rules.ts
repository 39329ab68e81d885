// Every code `carto lint` reports, with its severity and a one-line summary: the single list the
// SARIF output, the README table and the tests are checked against. Codes are stable: renaming
// one is a breaking change. Codes shared with `carto render` mean the same problem there.
import type { Severity } from '../diagnostics/diagnostic.js';

export type Category = 'input' | 'schema' | 'webhook' | 'reference' | 'selection' | 'stamped';

export interface Rule {
  readonly severity: Severity;
  readonly category: Category;
  readonly summary: string;
}

const rule = (severity: Rule['severity'], category: Category, summary: string): Rule => ({ severity, category, summary });

export const RULES = {
  // Reading the inputs.
  'yaml-syntax': rule('error', 'input', 'a file named itself, or that holds a carto.run object (`apiVersion: carto.run/…`), is not valid YAML'),
  'json-syntax': rule('error', 'input', 'a file kubectl reads as JSON (its first character is {) has a trailing comma'),
  'not-an-object': rule('error', 'input', 'a YAML document is not a mapping'),
  'ytt-template-file': rule('error', 'input', 'ytt failed on the input files that are ytt templates (a data value nobody gave, an error in the template)'),
  'input-set-aside': rule('note', 'input', 'files under a directory that are not Cartographer inputs and cannot be read were set aside'),
  'no-objects': rule('warning', 'input', 'the inputs hold no object at all: nothing was checked (a wrong path, a missing -R)'),
  'json-in-package': rule('note', 'input', 'a .json file in a ytt package holds carto.run objects, but ytt takes it for data: it is not read'),
  'invalid-encoding': rule('error', 'input', 'a file is not UTF-8 text (a bad byte, or UTF-16)'),
  'input-limit': rule('error', 'input', "an input is beyond one of carto's limits (size, documents, nesting, aliases, string length)"),
  'duplicate-object': rule('error', 'input', 'the same object (kind, namespace, name) is defined twice'),
  'duplicate-key': rule('error', 'input', 'a YAML mapping gives the same key twice (kubectl would silently keep the last value; kustomize and ytt templates refuse it)'),
  'unknown-api-version': rule('error', 'input', 'a carto.run object has an apiVersion other than carto.run/v1alpha1'),
  'unknown-kind': rule('error', 'input', 'a carto.run object has a kind Cartographer does not define (kinds are case-sensitive)'),
  'mixed-formats': rule('warning', 'input', 'a supply chain has both spec.resources and the 0.0.6 spec.components'),

  // The CRD schemas (what the API server itself checks).
  'schema-required': rule('error', 'schema', 'a required field is missing'),
  'schema-type': rule('error', 'schema', 'a field has the wrong type'),
  'schema-enum': rule('error', 'schema', 'a field has a value outside its allowed set'),
  'schema-limit': rule('error', 'schema', 'a field is too short, too small, or has too few items'),
  'schema-pattern': rule('error', 'schema', 'a field does not match its pattern (e.g. a quantity)'),
  'invalid-label': rule('error', 'schema', 'a label key or value the API server rejects'),
  'unknown-field': rule('warning', 'schema', 'a field the CRD does not define: the API server drops it'),

  // The admission webhooks, with the controller's messages.
  'template-source': rule('error', 'webhook', 'a template sets neither or both of spec.template and spec.ytt'),
  'template-parse': rule('error', 'webhook', 'spec.template is not an object the webhook can parse (e.g. it has no kind)'),
  'template-namespace': rule('error', 'webhook', 'spec.template sets metadata.namespace'),
  'health-rule': rule('error', 'webhook', 'spec.healthRule does not set exactly one rule, or a multiMatch side is empty'),
  'retention-policy-mutable': rule('error', 'webhook', 'a mutable template sets spec.retentionPolicy'),
  'deployment-observed': rule('error', 'webhook', 'a ClusterDeploymentTemplate sets neither or both of observedMatches and observedCompletion'),
  'run-template-spec': rule('error', 'webhook', "a ClusterRunTemplate's template has no top-level spec"),
  'selector-required': rule('error', 'webhook', 'a blueprint has no selector, selectorMatchExpressions or selectorMatchFields'),
  'param-value-default': rule('error', 'webhook', 'a blueprint or resource param sets neither or both of value and default'),
  'label-selector-invalid': rule('error', 'webhook', 'a label selector has an invalid key, value or operator'),
  'field-requirement-invalid': rule('error', 'webhook', 'a field requirement has a bad operator, values, path or JSONPath'),
  'duplicate-resource-name': rule('error', 'webhook', 'two resources (components) of a blueprint have the same name'),
  'duplicate-option-name': rule('error', 'webhook', 'two options of a resource have the same name'),
  'template-ref': rule('error', 'webhook', 'a templateRef sets neither or both of name and options, or only one option'),
  'option-invalid': rule('error', 'webhook', 'an option sets neither or both of name and passThrough, has an invalid selector, or there are several passThrough options'),
  'option-duplicate-selector': rule('error', 'webhook', 'two options have the same selector'),
  'pass-through-invalid': rule('error', 'webhook', 'a passThrough names no input of the resource, or its kind cannot pass through'),
  'input-unknown-resource': rule('error', 'webhook', 'an input names a resource that is not in the blueprint'),
  'input-wrong-kind': rule('error', 'webhook', 'an input names a resource whose template kind does not produce that input'),
  'deployment-input': rule('error', 'webhook', 'a ClusterDeploymentTemplate resource has no deployment input, another kind has one, or it receives configs'),

  // Cross-references between objects (no webhook checks these).
  'template-not-found': rule('error', 'reference', 'a blueprint references a template (or option template) that is not in the inputs'),
  'forward-reference': rule('error', 'reference', 'an input comes from a resource that is not before it: never available'),
  'run-template-not-found': rule('error', 'reference', 'a Runnable references a ClusterRunTemplate that is not in the inputs'),
  'jsonpath-syntax': rule('error', 'reference', 'a placeholder or path is not valid client-go JSONPath'),
  'unknown-context-key': rule('error', 'reference', 'a placeholder starts with a name the templating context does not have'),
  'owner-field-unknown': rule('error', 'reference', "a placeholder reads a field the owner's type does not have, or selects inside opaque JSON"),
  'input-not-declared': rule('error', 'reference', 'a placeholder reads an input the resource does not declare'),
  'singular-input-ambiguous': rule('error', 'reference', '$(source)$, $(image)$ or $(config)$ where the resource declares several inputs of that type'),
  'param-not-provided': rule('error', 'reference', 'a placeholder reads a param that nothing provides'),
  'param-indexed': rule('error', 'reference', '$(params.x.y)$: params cannot be indexed in spec.template'),
  'runnable-input-indexed': rule('error', 'reference', '$(runnable.spec.inputs.x.y)$: Runnable inputs cannot be indexed'),
  'output-path-unresolvable': rule('error', 'reference', "an output path goes through a plain value of the template's object: it can never resolve"),
  'output-path-not-stamped': rule('warning', 'reference', 'an output path names a field outside status and metadata that the template does not stamp'),
  'stamped-name-invalid': rule('error', 'reference', "a template's literal metadata.name is not a valid name (e.g. app-$SESSION_NAMESPACE: only $(…)$ is a placeholder)"),
  'stamped-label-invalid': rule('error', 'reference', 'an owner, blueprint, resource or template name is not a valid label value (the carto.run/* labels carry it), or a template writes an invalid label value'),
  'ytt-error': rule('error', 'reference', 'a spec.ytt body does not compile (YAML or Starlark syntax, an #@ if/def/for without #@ end, load() of a module that does not exist)'),
  'placeholder-unclosed': rule('warning', 'reference', 'a $( with a context name but no closing )$: left as text by the controller'),

  // Selection of blueprints and options.
  'owner-labels-missing': rule('error', 'selection', 'a Workload or Deliverable has no labels, so no blueprint can select it'),
  'no-blueprint-match': rule('error', 'selection', 'no blueprint in the inputs selects a Workload or Deliverable'),
  'blueprint-tie': rule('error', 'selection', 'several blueprints select a Workload or Deliverable equally'),
  'invalid-selector': rule('error', 'selection', "evaluating a blueprint's selector against an owner fails"),
  'no-option-match': rule('error', 'selection', 'for an owner, no option of a resource matches, or several tie'),
  'invalid-option-selector': rule('error', 'selection', "evaluating an option's selector against an owner fails"),
  'selector-tie': rule('warning', 'selection', 'two blueprints would tie for some label set'),
  'option-tie': rule('warning', 'selection', 'two options of a resource would tie for some owner'),

  // What the owners stamp, validated as the API server would (lint renders them; --no-render skips it).
  'stamped-unknown-field': rule('error', 'stamped', 'a stamped object has a field its schema does not declare (strict field validation refuses it)'),
  'stamped-wrong-type': rule('error', 'stamped', 'a field of a stamped object has the wrong type (replicas: "1" where an integer is wanted)'),
  'stamped-required': rule('error', 'stamped', 'a stamped object lacks a field its schema requires (a Deployment without spec.selector)'),
  'stamped-enum': rule('error', 'stamped', 'a field of a stamped object has a value outside its allowed set'),
  'stamped-format': rule('error', 'stamped', 'a field of a stamped object does not have its format (a quantity, a date-time, an int32)'),
  'stamped-limit': rule('error', 'stamped', 'a field of a stamped object is too small, too large, too short or too long'),
  'stamped-pattern': rule('error', 'stamped', "a field of a stamped object does not match its schema's pattern"),
  'stamped-mocked-value': rule('warning', 'stamped', 'a field the API server would refuse holds a mocked value (an output only a cluster has), so it cannot be judged: give the real output'),
  'stamped-no-schema': rule('error', 'stamped', 'with --strict-schemas, kinds carto has no schema for (no CRD in the inputs or --crds), whose objects are not validated (render says it in a note without the flag)'),
  'crd-without-schema': rule('note', 'stamped', 'a CustomResourceDefinition version has no openAPIV3Schema: its objects are taken as they are'),
} as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof RULES;
