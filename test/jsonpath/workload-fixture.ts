// A cut-down Cartographer Workload type (pkg/apis/v1alpha1/workload.go) described with the
// gotypes DSL, used to test typed traversal the way the controller's reflection sees it.
import { field, t } from '../../src/gotypes/index.js';

const omit = { omitEmpty: true };

export const EnvVar = t.struct('v1.EnvVar', [field('name', t.string()), field('value', t.string(), omit), field('valueFrom', t.ptr(t.any()), omit)]);
export const OwnerParam = t.struct('v1alpha1.OwnerParam', [field('name', t.string()), field('value', t.json())]);
const GitRef = t.struct('v1alpha1.GitRef', [field('branch', t.string(), omit), field('tag', t.string(), omit), field('commit', t.string(), omit)]);
const GitSource = t.struct('v1alpha1.GitSource', [field('url', t.string(), omit), field('ref', GitRef, omit)]);
const Source = t.struct('v1alpha1.Source', [field('git', t.ptr(GitSource), omit), field('image', t.string(), omit), field('subPath', t.string(), omit)]);
const ResourceRequirements = t.struct('v1.ResourceRequirements', [field('limits', t.map(t.quantity()), omit), field('requests', t.map(t.quantity()), omit)]);
const WorkloadBuild = t.struct('v1alpha1.WorkloadBuild', [field('env', t.slice(EnvVar), omit)]);
const ObjectReference = t.struct('v1alpha1.ObjectReference', [field('kind', t.string(), omit), field('namespace', t.string(), omit), field('name', t.string(), omit), field('apiVersion', t.string(), { omitEmpty: true, goName: 'APIVersion' })]);
const WorkloadSpec = t.struct('v1alpha1.WorkloadSpec', [
  field('params', t.slice(OwnerParam), omit),
  field('source', t.ptr(Source), omit),
  field('build', WorkloadBuild, omit),
  field('env', t.slice(EnvVar), omit),
  field('image', t.ptr(t.string()), omit),
  field('resources', t.ptr(ResourceRequirements), omit),
  field('serviceAccountName', t.string(), omit),
]);
const ObjectMeta = t.struct('v1.ObjectMeta', [
  field('name', t.string(), omit),
  field('generateName', t.string(), omit),
  field('namespace', t.string(), omit),
  field('uid', t.string(), { omitEmpty: true, goName: 'UID' }),
  field('resourceVersion', t.string(), omit),
  field('generation', t.int(), omit),
  field('creationTimestamp', t.time(), omit),
  field('deletionTimestamp', t.ptr(t.time()), omit),
  field('labels', t.map(t.string()), omit),
  field('annotations', t.map(t.string()), omit),
]);
const WorkloadStatus = t.struct('v1alpha1.WorkloadStatus', [
  field('observedGeneration', t.int(), omit),
  field('conditions', t.slice(t.any()), omit),
  field('supplyChainRef', ObjectReference, omit),
]);
export const Workload = t.struct('v1alpha1.Workload', [
  field('kind', t.string(), omit),
  field('apiVersion', t.string(), { omitEmpty: true, goName: 'APIVersion' }),
  field('metadata', ObjectMeta, { omitEmpty: true, goName: 'ObjectMeta' }),
  field('spec', WorkloadSpec),
  field('status', WorkloadStatus, omit),
]);
