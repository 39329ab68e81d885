// JSONPaths lint reads at their key, without needing an owner (issue 15): blueprint
// selectorMatchFields keys and option matchFields keys (which the webhook lets through: it parses
// them as written, where text outside braces is literal), a multiMatch health rule's matchFields
// keys and messagePaths, and output paths. With a Workload in the inputs, its failed selection is
// not reported again.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { carto } from '../helpers/cli.js';
import { tempTrees } from '../helpers/temp-tree.js';
import { fixture } from './helpers.js';

const tree = tempTrees('carto-lint-keys-');

function lintJson(...files: string[]): Diagnostic[] {
  return (JSON.parse(carto(['lint', '--format', 'json', ...files]).stdout) as { diagnostics: Diagnostic[] }).diagnostics;
}

const EXPECTED = [
  '10:16 jsonpath-syntax spec.healthRule.multiMatch.healthy.matchFields[0].key',
  '13:24 jsonpath-syntax spec.healthRule.multiMatch.healthy.matchFields[0].messagePath',
  '29:10 jsonpath-syntax spec.selectorMatchFields[0].key',
  '39:18 jsonpath-syntax spec.resources[0].templateRef.options[0].selector.matchFields[0].key',
  '50:12 jsonpath-syntax spec.urlPath',
  '60:10 jsonpath-syntax spec.outputs.url',
];

describe('JSONPaths that cannot parse, at the key', () => {
  const dir = tree({
    'paths.yaml': fixture('unparsable-paths.yaml'),
    'workload.yaml': 'apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata: {name: w, namespace: dev, labels: {a: b}}\nspec: {}\n',
  });
  const shown = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'jsonpath-syntax' || d.code.startsWith('invalid-')).map((d) => `${d.line}:${d.column} ${d.code} ${d.path}`);

  it('without owners', () => {
    expect(shown(lintJson(`${dir}/paths.yaml`))).toEqual(EXPECTED);
  });

  it('with a Workload the broken selector fails on: still once each', () => {
    expect(shown(lintJson(`${dir}/paths.yaml`, `${dir}/workload.yaml`))).toEqual(EXPECTED);
  });

  it('render fails the selection at the same key', () => {
    const r = carto(['render', `${dir}/paths.yaml`, `${dir}/workload.yaml`]);
    expect(r.stderr).toContain('paths.yaml:29:10: the selector of ClusterSupplyChain');
    expect(r.stderr).toContain('controller: evaluating supply chain selectors against workload [dev/w] failed');
  });
});
