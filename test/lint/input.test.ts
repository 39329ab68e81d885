// carto lint, rules about reading the inputs: YAML syntax, documents that are not objects,
// objects defined twice, carto.run apiVersions and kinds Cartographer does not have.
import { describe, expect, it } from 'vitest';
import { expectOne, lintFiles, lintYaml } from './helpers.js';

describe('inputs', () => {
  it('yaml-syntax: a file that is not YAML', () => {
    const d = lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: a: b
`);
    expectOne(d, 'yaml-syntax', 4, /^YAML syntax error: Nested mappings are not allowed in compact mappings/);
  });

  it('json-syntax: a trailing comma in a file kubectl reads as JSON', () => {
    const d = lintYaml('{"apiVersion": "carto.run/v1alpha1",\n "kind": "Workload", "metadata": {"name": "w",}}\n', 'w.json');
    const one = expectOne(d, 'json-syntax', 2, "JSON syntax error: a trailing comma before '}'");
    expect(one.controllerMessage).toBe("error parsing w.json: json: offset 84: invalid character '}' looking for beginning of object key string");
  });

  it('not-an-object: a document that is a list', () => {
    const d = lintYaml(`# carto.run objects follow
- apiVersion: carto.run/v1alpha1
  kind: ClusterTemplate
`);
    expectOne(d, 'not-an-object', 2, 'document 1 is not a Kubernetes object (it is a list)');
  });

  it('duplicate-object: the same template twice', () => {
    const template = `apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: deploy
spec:
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: x
`;
    const d = lintFiles({ 'a.yaml': template, 'b.yaml': template });
    const one = expectOne(d, 'duplicate-object', 1, 'ClusterTemplate deploy is defined twice (also at a.yaml:1)');
    expect(one.file).toBe('b.yaml');
  });

  it('duplicate-key: a key given twice in one mapping, the object still checked as kubectl reads it', () => {
    const d = lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata:
  name: src
spec:
  urlPath: .status.artifact.url
  revisionPath: .status.artifact.revision
  urlPath: .status.url
  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}
`);
    const one = expectOne(d, 'duplicate-key', 8, 'spec.urlPath of ClusterSourceTemplate src is given twice in the same mapping, at line 6 and line 8: only the value at line 8 would be read');
    expect(one.path).toBe('spec.urlPath');
    expect(one.hint).toBe('keep one of the two: merge what the one at line 6 says into the one at line 8, or delete the one you do not mean (kubectl apply would silently keep the value at line 8)');
  });

  it('unknown-api-version: carto.run/v1', () => {
    const d = lintYaml(`apiVersion: carto.run/v1
kind: Workload
metadata:
  name: app
spec: {}
`);
    expect(expectOne(d, 'unknown-api-version', 1, 'Workload app: apiVersion carto.run/v1 is not one Cartographer serves').controllerMessage).toBe('no matches for kind "Workload" in version "carto.run/v1"');
  });

  it('unknown-kind: a misspelt kind', () => {
    const d = lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplychain
metadata:
  name: chain
`);
    expectOne(d, 'unknown-kind', 2, 'carto.run/v1alpha1 has no kind ClusterSupplychain');
  });

  it('mixed-formats: spec.resources and spec.components', () => {
    const d = lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selector:
    app: web
  resources: []
  components: []
`);
    expectOne(d, 'mixed-formats', 9, 'ClusterSupplyChain chain has both spec.resources and the 0.0.6 spec.components; spec.resources is used');
  });

  it('objects of other kinds are never a problem', () => {
    expect(lintYaml(`apiVersion: v1
kind: ConfigMap
metadata:
  name: x
data:
  a: $(b.c
`)).toEqual([]);
  });
});
