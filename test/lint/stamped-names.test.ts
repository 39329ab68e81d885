// Names and label values stamped objects would carry, checked as the API server checks them
// (issue 15, item 2): lint reports them at the name that causes them; render warns about the
// objects it stamps (an error with --strict), once per place however many owners.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carto, ROOT, withoutHints } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';
import { blueprintDoc, ownerDoc, stream } from '../helpers/chains.js';
import { parse } from 'yaml';

const tree = tempTrees('carto-lint-names-');

const CHAIN = blueprintDoc('  - name: build image\n    templateRef: {kind: ClusterTemplate, name: cm}');
const template = (name: string, labels = '') => `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: cm
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: ${name}
${labels}`;
const LONG = 'a-very-long-workload-name-that-goes-past-sixty-three-characters-x';
const workload = (name: string) => ownerDoc('Workload', `{name: ${name}, labels: {app: web}}`);

describe('lint', () => {
  it('a literal metadata.name that is not a name ($VAR is no placeholder), with the API server\'s words', () => {
    const dir = tree({ 't.yaml': template('app-$SESSION_NAMESPACE') });
    const r = carto(['lint', '--format', 'json', dir]);
    const [d] = JSON.parse(r.stdout).diagnostics;
    expect(d).toMatchObject({ code: 'stamped-name-invalid', line: 10, column: 13, severity: 'error' });
    expect(d.controllerMessage).toMatch(/^metadata\.name: Invalid value: "app-\$SESSION_NAMESPACE": a lowercase RFC 1123 subdomain must consist of/);
    expect(d.hint).toMatch(/^only \$\(…\)\$ is a placeholder/);
    expect(withoutHints(carto(['lint', dir]).stdout)).toBe(`${dir}/t.yaml:10:13  error  stamped-name-invalid  the ConfigMap this template stamps would be named "app-$SESSION_NAMESPACE", which the API server refuses\n    controller: ${d.controllerMessage}\n`);
  });

  it('a name with placeholders: only text no value could make valid is reported', () => {
    expect(carto(['lint', tree({ 't.yaml': template('$(workload.metadata.name)$-Web') })]).stdout).toContain('stamped-name-invalid');
    expect(carto(['lint', tree({ 't.yaml': template('$(workload.metadata.name)$-web') })]).stdout).toBe('');
  });

  it('names that make invalid carto.run label values: a long Workload name, a resource name with a space; literal template labels', () => {
    const dir = tree({ 'sc.yaml': CHAIN, 't.yaml': template('$(workload.metadata.name)$', '      labels:\n        tier: front end\n'), 'w.yaml': workload(LONG) });
    const r = carto(['lint', dir]);
    expect(r.status).toBe(1);
    // Each with the API server's own words on the controller line.
    const invalid = (value: string) => `    controller: metadata.labels: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`;
    expect(withoutHints(r.stdout)).toBe([
      `${dir}/sc.yaml:7:11  error  stamped-label-invalid  carto.run/resource-name would be "build image" on every object stamped through it, and the API server refuses that label value`,
      invalid('build image'),
      `${dir}/t.yaml:12:15  error  stamped-label-invalid  label tier of the ConfigMap this template stamps would be "front end", which the API server refuses`,
      invalid('front end'),
      `${dir}/w.yaml:3:18  error  stamped-label-invalid  carto.run/workload-name would be "${LONG}" on every object stamped through it, and the API server refuses that label value`,
      `    controller: metadata.labels: Invalid value: "${LONG}": must be no more than 63 characters`,
      '',
    ].join('\n'));
  });
});

describe('a label value that is not a string (enabled: true)', () => {
  // The controller reads a template's labels as a map of strings (unstructured's GetLabels): with
  // one value of another type it reads none, and the object carries only the carto.run/* labels
  // (refharness, Cartographer's own stamper, shows it). The API server never sees the bad value.
  it('is an error in lint and a warning in render, at the value: the controller drops all the template\'s labels', () => {
    const dir = tree({ 'sc.yaml': CHAIN.replace('build image', 'build'), 't.yaml': template('$(workload.metadata.name)$', '      labels:\n        enabled: true\n        tier: web\n'), 'w.yaml': workload('one') });
    const lint = carto(['lint', dir]);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toBe(`${dir}/t.yaml:12:18  error  stamped-label-invalid  label enabled of the ConfigMap this template stamps is true, not a string, so the controller drops every label the template writes\n    hint: quote it: enabled: "true"\n`);
    const render = carto(['render', dir]);
    expect(render.status).toBe(0);
    expect(render.stderr).toContain(`warning: ${dir}/t.yaml:12:18: ClusterTemplate cm writes labels that the objects it stamps do not carry: label enabled is true, not a string, and the controller then keeps none of the template's labels, only its carto.run/* ones\n`);
    const labels = (parse(render.stdout) as { metadata: { labels: Record<string, string> } }).metadata.labels;
    expect(Object.keys(labels).filter((k) => !k.startsWith('carto.run/'))).toEqual([]);
  });
});

describe('render', () => {
  it('warns about the objects the API server would refuse, once per place for all owners; --strict makes it an error', () => {
    const dir = tree({ 'sc.yaml': CHAIN.replace('build image', 'build'), 't.yaml': template('app-$SESSION_NAMESPACE'), 'w.yaml': stream(workload('one'), workload('two')) });
    const r = carto(['render', dir]);
    expect(r.status).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings).toEqual([`warning: ${dir}/t.yaml:10:13: the API server would refuse the ConfigMap app-$SESSION_NAMESPACE that resource build of ClusterSupplyChain sc stamps: its name is invalid`]);
    expect(r.stderr).toContain('controller: metadata.name: Invalid value: "app-$SESSION_NAMESPACE": a lowercase RFC 1123 subdomain');
    const strict = carto(['render', '--strict', dir]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain(`error: ${dir}/t.yaml:10:13: the API server would refuse the ConfigMap`);
  });

  it('points a carto.run label problem at the name it copies', () => {
    const dir = tree({ 'sc.yaml': CHAIN, 't.yaml': template('$(workload.metadata.name)$'), 'w.yaml': workload(LONG) });
    const r = carto(['render', dir]);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings).toEqual([
      `warning: ${dir}/w.yaml:3:18: the API server would refuse the ConfigMap ${LONG} that resource build image of ClusterSupplyChain sc stamps: its label carto.run/workload-name is invalid`,
      `warning: ${dir}/sc.yaml:7:11: the API server would refuse the ConfigMap ${LONG} that resource build image of ClusterSupplyChain sc stamps: its label carto.run/resource-name is invalid`,
    ]);
  });

  it('one long owner name carried by several labels is one warning for the owner, naming them all', () => {
    const dir = tree({ 'sc.yaml': CHAIN.replace('build image', 'build'), 't.yaml': template('$(workload.metadata.name)$', '      labels:\n        app.kubernetes.io/part-of: $(workload.metadata.name)$\n'), 'w.yaml': workload(LONG) });
    const r = carto(['render', dir]);
    expect(r.status).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings).toEqual([
      `warning: ${dir}/w.yaml:3:18: the API server would refuse the objects stamped for Workload default/${LONG}: their labels app.kubernetes.io/part-of and carto.run/workload-name carry its name, which is not a valid label value`,
    ]);
    expect(r.stderr).toContain(`    controller: metadata.labels: Invalid value: "${LONG}": must be no more than 63 characters\n`);
    expect(carto(['render', '--strict', dir]).stderr).toContain(`error: ${dir}/w.yaml:3:18: the API server would refuse the objects stamped for Workload default/${LONG}`);
  });

  it('a Runnable named after the Workload: carto.run/workload-name and carto.run/runnable-name in one warning (--expand-runnables)', () => {
    const example = (name: string) => readFileSync(`${ROOT}/examples/testing/${name}`, 'utf8');
    const long = `greeter-${LONG}`;
    const dir = tree({ 'supply-chain.yaml': example('supply-chain.yaml'), 'templates.yaml': example('templates.yaml'), 'developer.yaml': example('developer.yaml').replace(/name: greeter$/m, `name: ${long}`) });
    const r = carto(['render', '--expand-runnables', dir]);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings).toEqual([
      `warning: ${dir}/developer.yaml:6:9: the API server would refuse the objects stamped for Workload apps/${long}: their labels carto.run/workload-name and carto.run/runnable-name carry its name, which is not a valid label value`,
    ]);
  });
});
