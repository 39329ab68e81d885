// Blueprint and option selection (spec §2, §6) and traps 14, 15, 16 and 6 (in matchFields):
// the most specific selector wins, ties and empty selectors, owners without labels, field
// requirements evaluated against the typed owner, and the controller's wording.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { errorsOf, renderText, stampedFor } from '../helpers/render.js';

const template = `
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata: {name: t}
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: $(labels['carto\\.run/supply-chain-name'])$
`;

/** A supply chain `name` with one ClusterTemplate resource `r` and the given selector fields. */
function chain(name: string, selector: string): string {
  return `
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: ${name}}
spec:
${selector.replace(/^/gm, '  ')}
  resources:
  - name: r
    templateRef: {kind: ClusterTemplate, name: t}
`;
}

function workload(labels: string, spec = '{}'): string {
  return `
apiVersion: carto.run/v1alpha1
kind: Workload
metadata: {name: w, namespace: ns${labels ? `, labels: ${labels}` : ''}}
spec: ${spec}
`;
}

function render(...docs: string[]) {
  return renderText([template, ...docs].join('\n---\n'));
}

/** The name of the supply chain that stamped, or the one error. */
function selected(result: ReturnType<typeof render>): string | Diagnostic {
  const errors = errorsOf(result);
  if (errors.length > 0) {
    expect(errors).toHaveLength(1);
    return errors[0] as Diagnostic;
  }
  return (stampedFor(result, 'r')['metadata'] as { name: string }).name;
}

describe('trap 14: the most specific blueprint wins', () => {
  it('two labels beat one', () => {
    expect(selected(render(chain('a', 'selector: {a: x}'), chain('b', 'selector: {a: x, b: z}'), workload('{a: x, b: z}')))).toBe('b');
  });

  it('labels, expressions and fields all count: 1 label + 1 field beats 1 label', () => {
    const b = 'selector: {a: x}\nselectorMatchFields: [{key: spec.image, operator: Exists}]';
    expect(selected(render(chain('a', 'selector: {a: x}'), chain('b', b), workload('{a: x}', '{image: reg/app}')))).toBe('b');
  });

  it('the same selector twice is a tie', () => {
    const result = render(chain('a', 'selector: {a: x}'), chain('b', 'selector: {a: x}'), workload('{a: x}'));
    expect(result.objects).toEqual([]);
    expect(selected(result)).toMatchObject({
      code: 'blueprint-tie',
      message: 'Workload ns/w is selected equally by ClusterSupplyChain a and ClusterSupplyChain b',
      controllerMessage: "workload may only match a single supply chain's selector",
    });
  });

  it('different labels of equal count tie too', () => {
    expect(selected(render(chain('a', 'selector: {a: x}'), chain('b', 'selector: {b: z}'), workload('{a: x, b: z}')))).toMatchObject({ code: 'blueprint-tie' });
  });

  it('a blueprint with an empty selector never matches, not even alone', () => {
    const result = render(chain('a', 'selector: {}'), workload('{a: x, b: z}'));
    expect(selected(result)).toMatchObject({
      code: 'no-blueprint-match',
      controllerMessage: 'no supply chain found where full selector is satisfied by labels: map[a:x b:z]',
    });
  });

  it('no match lists the labels the Go way, keys sorted', () => {
    const result = render(chain('a', 'selector: {a: z}'), workload('{zeta: "1", alpha: "2"}'));
    expect(selected(result)).toMatchObject({ code: 'no-blueprint-match', controllerMessage: 'no supply chain found where full selector is satisfied by labels: map[alpha:2 zeta:1]' });
  });

  it('an owner without labels is not matched, even by a fields-only blueprint', () => {
    const fieldsOnly = 'selectorMatchFields: [{key: metadata.name, operator: In, values: [w]}]';
    for (const labels of ['', '{}']) {
      expect(selected(render(chain('a', fieldsOnly), workload(labels)))).toMatchObject({
        code: 'owner-labels-missing',
        controllerMessage: 'workload has no labels to match to supply chain',
      });
    }
  });

  it('a Deliverable uses the delivery wording', () => {
    const result = renderText(`${template}
---
apiVersion: carto.run/v1alpha1
kind: ClusterDelivery
metadata: {name: d}
spec:
  selector: {a: z}
  resources:
  - name: r
    templateRef: {kind: ClusterTemplate, name: t}
---
apiVersion: carto.run/v1alpha1
kind: Deliverable
metadata: {name: dl, namespace: ns, labels: {a: x}}
spec: {}
`);
    expect(selected(result)).toMatchObject({ code: 'no-blueprint-match', controllerMessage: 'no delivery found where full selector is satisfied by labels: map[a:x]' });
  });

  it('matchExpressions: NotIn and DoesNotExist match an absent label', () => {
    const b = 'selectorMatchExpressions: [{key: tier, operator: NotIn, values: [prod]}, {key: canary, operator: DoesNotExist}]';
    expect(selected(render(chain('b', b), workload('{a: x}')))).toBe('b');
  });
});

describe('trap 15: matchFields compare against the typed owner', () => {
  const fields = (reqs: string) => `selector: {a: x}\nselectorMatchFields: ${reqs}`;

  it('NotIn on a missing path is false', () => {
    const result = render(chain('b', fields('[{key: spec.source.git.url, operator: NotIn, values: [x]}]')), workload('{a: x}'));
    expect(selected(result)).toMatchObject({ code: 'no-blueprint-match' });
  });

  it('NotIn on a nil pointer (present, null) is true', () => {
    expect(selected(render(chain('b', fields('[{key: spec.image, operator: NotIn, values: [x]}]')), workload('{a: x}')))).toBe('b');
  });

  it('In compares strings only: a number never equals "5"', () => {
    const req = fields('[{key: "spec.params[0].value", operator: In, values: ["5"]}]');
    expect(selected(render(chain('b', req), workload('{a: x}', '{params: [{name: num, value: 5}]}')))).toMatchObject({ code: 'no-blueprint-match' });
    expect(selected(render(chain('b', req), workload('{a: x}', '{params: [{name: num, value: "5"}]}')))).toBe('b');
  });

  it('Exists: "" (a value field) exists, a nil pointer does not', () => {
    expect(selected(render(chain('b', fields('[{key: spec.serviceAccountName, operator: Exists}]')), workload('{a: x}')))).toBe('b');
    expect(selected(render(chain('b', fields('[{key: spec.image, operator: Exists}]')), workload('{a: x}')))).toMatchObject({ code: 'no-blueprint-match' });
  });

  it('DoesNotExist: a nil pointer and a missing path both qualify', () => {
    // The missing-path case follows the spec (§2.3); Cartographer v0.3's selector returned false
    // there, the later versions the spec was read from return true.
    expect(selected(render(chain('b', fields('[{key: spec.image, operator: DoesNotExist}]')), workload('{a: x}')))).toBe('b');
    expect(selected(render(chain('b', fields('[{key: spec.source.git.url, operator: DoesNotExist}]')), workload('{a: x}')))).toBe('b');
  });

  it('keys are paths into the owner itself (metadata.labels.x), with no workload. prefix', () => {
    expect(selected(render(chain('b', fields('[{key: metadata.labels.a, operator: In, values: [x]}]')), workload('{a: x}')))).toBe('b');
  });

  it('trap 6: an out-of-range index is a selection error, not a non-match', () => {
    const result = render(chain('b', fields('[{key: "spec.env[3].name", operator: Exists}]')), workload('{a: x}', '{env: [{name: A}]}'));
    expect(selected(result)).toMatchObject({
      code: 'invalid-selector',
      controllerMessage:
        'evaluating supply chain selectors against workload [ns/w] failed: error handling selectors, selectorMatchExpressions or selectorMatchFields of [ClusterSupplyChain/b]: failed to evaluate selector matchFields: unable to match field requirement with key [spec.env[3].name] operator [Exists] values [[]]: evaluate: failed to find results: array index out of bounds: index 3, length 1',
    });
  });

  it('values print the Go way in the error: [[a b]]', () => {
    const result = render(chain('b', fields('[{key: "spec.env[3].name", operator: In, values: [a, b]}]')), workload('{a: x}'));
    expect((selected(result) as Diagnostic).controllerMessage).toContain('unable to match field requirement with key [spec.env[3].name] operator [In] values [[a b]]: evaluate: failed to find results: array index out of bounds: index 3, length 0');
  });

  it('fields are not evaluated when the labels already failed', () => {
    const b = 'selector: {a: other}\nselectorMatchFields: [{key: "spec.env[3].name", operator: Exists}]';
    expect(selected(render(chain('a', 'selector: {a: x}'), chain('b', b), workload('{a: x}')))).toBe('a');
  });

  it('an unknown operator is an error naming it', () => {
    const result = render(chain('b', fields('[{key: metadata.name, operator: Matches, values: [w]}]')), workload('{a: x}'));
    expect((selected(result) as Diagnostic).controllerMessage).toBe(
      'evaluating supply chain selectors against workload [ns/w] failed: error handling selectors, selectorMatchExpressions or selectorMatchFields of [ClusterSupplyChain/b]: failed to evaluate selector matchFields: unable to match field requirement with key [metadata.name] operator [Matches] values [[w]]: invalid operator Matches for field selector',
    );
  });
});

describe('invalid label selectors are errors (apimachinery wording)', () => {
  const PREFIX = 'evaluating supply chain selectors against workload [ns/w] failed: error handling selectors, selectorMatchExpressions or selectorMatchFields of [ClusterSupplyChain/b]: selector labels or matchExpressions are not valid: ';
  const controllerMessage = (selector: string) => (selected(render(chain('a', 'selector: {a: x}'), chain('b', selector), workload('{a: x}'))) as Diagnostic).controllerMessage;

  it('an invalid label key, even in a later blueprint', () => {
    expect(controllerMessage('selector: {this-one-: x}')).toBe(
      `${PREFIX}key: Invalid value: "this-one-": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  });

  it('an invalid label value', () => {
    expect(controllerMessage('selector: {a: "x y"}')).toBe(
      `${PREFIX}values[0][a]: Invalid value: "x y": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  });

  it('an unknown expression operator', () => {
    expect(controllerMessage('selectorMatchExpressions: [{key: a, operator: Matchingest}]')).toBe(`${PREFIX}"Matchingest" is not a valid label selector operator`);
  });

  it('In without values', () => {
    expect(controllerMessage('selectorMatchExpressions: [{key: a, operator: In}]')).toBe(`${PREFIX}values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty`);
  });

  it('Exists with values', () => {
    expect(controllerMessage('selectorMatchExpressions: [{key: a, operator: Exists, values: [x]}]')).toBe(`${PREFIX}values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist`);
  });

  it('several problems in one requirement are aggregated: [a, b]', () => {
    expect(controllerMessage('selectorMatchExpressions: [{key: "-a", operator: In}]')).toBe(
      `${PREFIX}[key: Invalid value: "-a": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty]`,
    );
  });
});

// Options: a resource choosing among templates by selectors scored like blueprints.
const optionTemplates = ['one', 'two', 'three'].map((n) => `
apiVersion: carto.run/v1alpha1
kind: ClusterConfigTemplate
metadata: {name: ${n}}
spec:
  configPath: .data
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: cm-${n}}
    data:
      chosen: ${n}
      label: $(labels['carto\\.run/cluster-template-name'])$
`).join('\n---\n');

function optionChain(options: string): string {
  return `
apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata: {name: sc}
spec:
  selector: {app: web}
  resources:
  - name: r
    templateRef:
      kind: ClusterConfigTemplate
      options:
${options.replace(/^/gm, '      ')}
`;
}

function renderOptions(options: string, labels = '{app: web}', spec = '{}') {
  return renderText([optionTemplates, optionChain(options), workload(labels, spec)].join('\n---\n'));
}

describe('trap 14 for options: most specific option wins', () => {
  it('the option with more matching terms is used', () => {
    const result = renderOptions(`
- {name: one, selector: {matchLabels: {app: web}}}
- {name: two, selector: {matchLabels: {app: web}, matchFields: [{key: spec.image, operator: Exists}]}}`, '{app: web}', '{image: reg/x}');
    expect(errorsOf(result)).toEqual([]);
    expect(stampedFor(result, 'r')['data']).toEqual({ chosen: 'two', label: '' });
  });

  it('trap 16: carto.run/cluster-template-name is "" for an option-based resource', () => {
    const result = renderOptions(`
- {name: one, selector: {matchLabels: {app: web}}}
- {name: two, selector: {matchLabels: {app: other}}}`);
    expect(errorsOf(result)).toEqual([]);
    const meta = stampedFor(result, 'r')['metadata'] as { labels: Record<string, string> };
    expect(meta.labels['carto.run/cluster-template-name']).toBe('');
    expect(meta.labels['carto.run/template-kind']).toBe('ClusterConfigTemplate');
    expect(result.owners[0]?.resources[0]?.template?.name).toBe('one');
  });

  it('an option with an empty selector never matches (matchExpressions: [])', () => {
    const result = renderOptions(`
- {name: one, selector: {matchExpressions: []}}
- {name: two, selector: {matchLabels: {app: web}}}`);
    expect(stampedFor(result, 'r')['data']).toEqual({ chosen: 'two', label: '' });
  });

  it('no matching option: found [0], no name list', () => {
    const result = renderOptions(`
- {name: one, selector: {matchLabels: {app: x}}}
- {name: two, selector: {matchLabels: {app: q}}}`);
    expect(result.objects).toEqual([]);
    expect(errorsOf(result)).toMatchObject([{
      code: 'no-option-match',
      resource: 'r',
      controllerMessage: 'expected exactly 1 option to match, found [0] matching options for resource [r] in supply chain [sc]',
    }]);
  });

  it('a tie names the tied options, a passThrough one as ""', () => {
    const result = renderOptions(`
- {name: one, selector: {matchLabels: {app: web}}}
- {passThrough: in, selector: {matchLabels: {app: web}}}`);
    expect(errorsOf(result)).toMatchObject([{
      code: 'no-option-match',
      controllerMessage: 'expected exactly 1 option to match, found [2] matching options [one, ] for resource [r] in supply chain [sc]',
    }]);
  });

  it('an option selector that cannot be evaluated names the option and keeps the selector error', () => {
    const result = renderOptions(`
- {name: one, selector: {matchFields: [{key: "spec.env[", operator: Exists}]}}
- {name: two, selector: {matchLabels: {app: web}}}`);
    expect(errorsOf(result)).toMatchObject([{
      code: 'invalid-option-selector',
      controllerMessage:
        "error matching against template option [one] for resource [r] in supply chain [sc]: failed to evaluate selector matchFields: unable to match field requirement with key [spec.env[] operator [Exists] values [[]]: evaluate: failed to parse jsonpath '{.spec.env[}': unterminated array",
    }]);
  });

  it('a passThrough option with a bad selector is named by its (empty) name', () => {
    const result = renderOptions(`
- {passThrough: in, selector: {matchFields: [{key: "spec.env[", operator: Exists}]}}
- {name: two, selector: {matchLabels: {app: web}}}`);
    expect(errorsOf(result)[0]?.controllerMessage).toMatch(/^error matching against template option \[\] for resource \[r\] in supply chain \[sc\]: failed to evaluate selector matchFields: /);
  });

  it('an invalid option label selector says so', () => {
    const result = renderOptions(`
- {name: one, selector: {matchExpressions: [{key: app, operator: Nope}]}}
- {name: two, selector: {matchLabels: {app: web}}}`);
    expect(errorsOf(result)).toMatchObject([{
      code: 'invalid-option-selector',
      controllerMessage: 'error matching against template option [one] for resource [r] in supply chain [sc]: selector labels or matchExpressions are not valid: "Nope" is not a valid label selector operator',
    }]);
  });

  it('an option matchField that names a missing path does not match (and is no error)', () => {
    const result = renderOptions(`
- {name: one, selector: {matchFields: [{key: spec.source.git.url, operator: Exists}]}}
- {name: two, selector: {matchFields: [{key: spec.source.image, operator: Exists}]}}`, '{app: web}', '{source: {image: reg/src}}');
    expect(stampedFor(result, 'r')['data']).toEqual({ chosen: 'two', label: '' });
  });
});

describe('trap 20 for options: every option template must exist', () => {
  it('a missing unused option template stops the whole blueprint', () => {
    const result = renderText([optionTemplates, optionChain(`
- {name: one, selector: {matchLabels: {app: web}}}
- {name: missing, selector: {matchLabels: {app: other}}}`), workload('{app: web}')].join('\n---\n'));
    expect(result.objects).toEqual([]);
    expect(errorsOf(result)).toMatchObject([{
      code: 'template-not-found',
      message: 'ClusterConfigTemplate missing is not in the inputs (resource r)',
      path: 'spec.resources[0].templateRef.options[1].name',
      controllerMessage: 'did not find the template of the resource(s) [r]',
    }]);
  });
});

describe('a templateRef with neither name nor options', () => {
  it('is not found, as the controller looks up the empty name, and the hint names the typo (not a platform template)', () => {
    const result = renderText([template, chain('sc', 'selector: {app: web}').replace('{kind: ClusterTemplate, name: t}', '{kind: ClusterTemplate}'), workload('{app: web}')].join('\n---\n'));
    expect(result.objects).toEqual([]);
    const [error] = errorsOf(result);
    expect(error).toMatchObject({ code: 'template-not-found', message: 'ClusterTemplate (no name) is not in the inputs (resource r)', path: 'spec.resources[0].templateRef' });
    expect(error?.hint).toMatch(/^give resource r's templateRef a name \(or options\)/);
    expect(error?.hint).not.toContain('--missing-templates');
  });

  it.each([['{kind: ClusterTemplate}'], ['{kind: ClusterTemplate, name: ""}']])('%s stays an error with --missing-templates mock (a typo, not a template the platform installs)', (ref) => {
    const result = renderText([template, chain('sc', 'selector: {app: web}').replace('{kind: ClusterTemplate, name: t}', ref), workload('{app: web}')].join('\n---\n'), { missingTemplates: 'mock' });
    expect(result.objects).toEqual([]);
    expect(errorsOf(result)).toMatchObject([{ code: 'template-not-found', message: 'ClusterTemplate (no name) is not in the inputs (resource r)' }]);
  });
});
