// The bundled test suites: examples/cartotest (a cartotest-format suite) and the whole-chain
// test of every example (examples/<name>/test) all pass with `carto test examples/`, and they
// leave `carto lint -R examples/` and `carto render -R examples/` clean.
import { describe, expect, it } from 'vitest';
import { carto } from '../helpers/cli.js';

describe('examples/', () => {
  it('carto test examples/ passes every cartotest case and every whole-chain test', () => {
    const run = carto(['test', 'examples/', '-v']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'PASS: examples/cartotest/app-config ytt config',
        'PASS: examples/cartotest/git-source git source',
        'PASS: examples/cartotest/kpack-image kpack image',
        'PASS: examples/cartotest/real-chain/deployer deployer in the real supply chain',
        'PASS: examples/cartotest/real-chain/git-option git option',
        'PASS: examples/cartotest/real-chain/oci-option oci option',
        'PASS: examples/delivery/test delivery checked against the live objects',
        "PASS: examples/source-to-url/test the blog's source-to-url supply chain, with the cluster's outputs",
        'PASS: examples/testing/test a supply chain running tests through a Runnable, expanded',
        'PASS: examples/validate/test a supply chain whose stamped objects validate',
        'PASS: examples/web-app/test web-app with the outputs its cluster reported',
        'PASS: examples/ytt-package/test a supply chain written as a ytt package',
        'PASS: examples/ytt/test a supply chain of ytt templates',
        '',
        '13 passed, 0 failed',
        'PASS',
        '',
      ].join('\n'),
    );
  });

  it('the cartotest suite shows the mock (4 labels) and the real supply chain (7 labels, "" for an option) on one template', () => {
    const planted = carto(['test', 'examples/cartotest', '--format', 'json']);
    expect(JSON.parse(planted.stdout).summary).toMatchObject({ ok: true, passed: 6 });
  });

  it('carto lint -R examples/ reports nothing, and carto render -R examples/ has no error or warning', () => {
    expect(carto(['lint', '-R', 'examples/'])).toEqual({ status: 0, stdout: '', stderr: '' });
    const render = carto(['render', '-R', 'examples/']);
    expect(render.status).toBe(0);
    expect(render.stderr).not.toMatch(/^(error|warning):/m);
    // The cartotest Workloads render through the cartotest supply chain like any other.
    expect(render.stdout).toContain('# Source: Workload apps/cartotest-hello, ClusterSupplyChain cartotest-web, resource deployer, ClusterTemplate cartotest-deployment\n');
    expect(render.stdout).toContain('# Source: Workload apps/cartotest-oci, ClusterSupplyChain cartotest-web, resource source-provider, ClusterSourceTemplate cartotest-oci-source\n');
  });
});
