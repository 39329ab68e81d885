// A render of thousands of objects must not be dominated by JSONPath: compiled templates are
// cached and evaluation of a typical placeholder costs microseconds.
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/gotypes/index.js';
import { compile, findResults, marshal, toJSON } from '../../src/jsonpath/index.js';
import type { GoValue } from '../../src/jsonpath/index.js';
import { Workload } from './workload-fixture.js';

describe('performance', () => {
  it('decodes 5,000 owners and evaluates 10 placeholders on each in well under a second', () => {
    const owners: GoValue[] = [];
    for (let i = 0; i < 5000; i++) {
      owners.push(
        decode(Workload, {
          metadata: { name: `app-${i}`, namespace: 'dev', labels: { 'app.kubernetes.io/part-of': `app-${i}` } },
          spec: {
            params: [{ name: 'port', value: 8080 + i }],
            source: { git: { url: `https://example.com/${i}`, ref: { branch: 'main' } } },
            env: [{ name: 'A', value: String(i) }],
            resources: { requests: { cpu: '250m' } },
          },
        }).value,
      );
    }
    const exprs = [
      '{.workload.metadata.name}',
      '{.workload.metadata.namespace}',
      "{.workload.metadata.labels['app\\.kubernetes\\.io/part-of']}",
      '{.workload.spec.source.git.url}',
      '{.workload.spec.source.git.ref.branch}',
      '{.workload.spec.params[?(@.name=="port")].value}',
      '{.workload.spec.env}',
      '{.workload.spec.resources.requests.cpu}',
      '{.params.image_prefix}',
      '{.sources.source.url}',
    ];
    const start = performance.now();
    let count = 0;
    for (const owner of owners) {
      const context: GoValue = { workload: owner, params: { image_prefix: 'registry/' }, sources: { source: { url: 'u', revision: 'r', name: 'source' } } };
      for (const e of exprs) {
        const results = findResults(compile(e), context, { allowMissingKeys: true });
        count += marshal(results[0]!.map(toJSON)).length;
      }
    }
    const elapsed = performance.now() - start;
    expect(count).toBeGreaterThan(0);
    // about 0.3 s here including decoding; the bound only guards against pathologies
    expect(elapsed).toBeLessThan(3000);
  });
});
