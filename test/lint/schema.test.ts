// carto lint, the CRD schemas (schemas/*.json): required fields, types, enums, limits,
// patterns, label syntax and unknown fields, worded as the API server words them.
import { describe, expect, it } from 'vitest';
import { codes, expectOne, lintYaml } from './helpers.js';

describe('schemas', () => {
  it('schema-required: a Workload without spec, a resource without templateRef.kind', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: app
  labels:
    app: web
`), 'schema-required', 1, 'Workload app: spec is missing, and the schema requires it').controllerMessage).toBe('spec: Required value');
    const d = expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selector:
    app: web
  resources:
  - name: source
    templateRef:
      name: git
`), 'schema-required', 10, 'ClusterSupplyChain chain: spec.resources[0].templateRef.kind is missing, and the schema requires it');
    expect(d.controllerMessage).toBe('spec.resources[0].templateRef.kind: Required value');
    expect(d.path).toBe('spec.resources[0].templateRef');
  });

  it('schema-required: metadata.name', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  labels: {a: b}
spec:
  ytt: |
    x: 1
`), 'schema-required', 3, 'ClusterTemplate (no name): metadata.name is missing, and the schema requires it').controllerMessage).toBe('metadata.name: Required value');
  });

  it('schema-type: a selector value that is a number', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selector:
    replicas: 3
  resources: []
`), 'schema-type', 7, 'ClusterSupplyChain chain: spec.selector.replicas is an integer, where the schema wants a string').controllerMessage).toBe('spec.selector.replicas: Invalid value: "integer": spec.selector.replicas in body must be of type string: "integer"');
  });

  it('schema-enum: a templateRef kind a supply chain cannot use', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSupplyChain
metadata:
  name: chain
spec:
  selector:
    app: web
  resources:
  - name: deploy
    templateRef:
      kind: ClusterDeploymentTemplate
      name: deploy
`), 'schema-enum', 11, 'ClusterSupplyChain chain: spec.resources[0].templateRef.kind is not one of the values the schema allows').controllerMessage).toBe('spec.resources[0].templateRef.kind: Unsupported value: "ClusterDeploymentTemplate": supported values: "ClusterSourceTemplate", "ClusterImageTemplate", "ClusterTemplate", "ClusterConfigTemplate"');
  });

  it('schema-limit: a retention policy keeping no runs', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: tests
spec:
  lifecycle: immutable
  retentionPolicy:
    maxFailedRuns: 0
    maxSuccessfulRuns: 5
  template:
    apiVersion: batch/v1
    kind: Job
    metadata:
      generateName: tests-
`), 'schema-limit', 8, 'ClusterTemplate tests: spec.retentionPolicy.maxFailedRuns is smaller than the schema allows').controllerMessage).toBe('spec.retentionPolicy.maxFailedRuns: Invalid value: 0: spec.retentionPolicy.maxFailedRuns in body should be greater than or equal to 1');
  });

  it('schema-pattern: a resource quantity that is not one', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: app
  labels:
    app: web
spec:
  resources:
    requests:
      memory: lots
`), 'schema-pattern', 10, 'Workload app: spec.resources.requests.memory does not have the form the schema requires').controllerMessage).toMatch(/^spec\.resources\.requests\.memory: Invalid value: "lots": spec\.resources\.requests\.memory in body should match '/);
  });

  it('invalid-label: a label key with a space', () => {
    expect(expectOne(lintYaml(`apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: app
  labels:
    app type: web
spec: {}
`), 'invalid-label', 6, 'Workload app: label key "app type" is not a valid label key').controllerMessage).toMatch(/^metadata\.labels: Invalid value: "app type": name part must consist of alphanumeric characters/);
  });

  it('unknown-field: a misspelt field is dropped by the API server', () => {
    const d = lintYaml(`apiVersion: carto.run/v1alpha1
kind: ClusterSourceTemplate
metadata:
  name: git
spec:
  urlPath: .status.artifact.url
  revisonPath: .status.artifact.revision
  template:
    apiVersion: source.toolkit.fluxcd.io/v1
    kind: GitRepository
    metadata:
      name: $(workload.metadata.name)$
`);
    expect(expectOne(d, 'unknown-field', 7, 'ClusterSourceTemplate git: spec.revisonPath is not a field the schema defines').controllerMessage).toBe('unknown field "spec.revisonPath"');
    expect(expectOne(d, 'schema-required', 5, 'ClusterSourceTemplate git: spec.revisionPath is missing, and the schema requires it').controllerMessage).toBe('spec.revisionPath: Required value');
    expect(d.find((x) => x.code === 'unknown-field')?.severity).toBe('warning');
  });

  it('accepts an object exported from a cluster (status, managedFields, annotations)', () => {
    const d = lintYaml(`apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: app
  namespace: apps
  uid: 0f6a0e51-0000-4000-8000-000000000000
  generation: 3
  creationTimestamp: "2024-01-01T00:00:00Z"
  managedFields:
  - manager: kubectl
    operation: Update
  annotations:
    kapp.k14s.io/identity: v1;apps/carto.run/Workload/app;carto.run/v1alpha1
  labels:
    app: web
spec:
  source:
    git:
      url: https://example.com/app.git
      ref: {branch: main}
  resources:
    limits: {cpu: 1, memory: 1Gi}
status:
  observedGeneration: 3
  conditions: []
`);
    expect(codes(d)).toEqual([]);
  });
});
