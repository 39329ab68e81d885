// The Go types behind carto.run owners, as the controller's JSONPath sees them (spec §4.4):
// value-type fields always exist (zero values), nil pointers/slices/maps exist as null, params
// are opaque JSON, quantities are canonical, unknown fields are dropped, and whole structs
// marshal with omitempty. Field lists follow Cartographer's pkg/apis/v1alpha1 and the
// Kubernetes core/meta types it embeds (k8s.io/api v0.28).
import { field, t, type GoType } from '../gotypes/index.js';

const str = t.string();
const optStr = (name: string, goName: string) => field(name, str, { omitEmpty: true, goName });
const ptrStr = (name: string, goName: string) => field(name, t.ptr(str), { omitEmpty: true, goName });

const ownerReference = t.struct('OwnerReference', [
  field('apiVersion', str, { goName: 'APIVersion' }),
  field('kind', str, { goName: 'Kind' }),
  field('name', str, { goName: 'Name' }),
  field('uid', str, { goName: 'UID' }),
  field('controller', t.ptr(t.bool()), { omitEmpty: true, goName: 'Controller' }),
  field('blockOwnerDeletion', t.ptr(t.bool()), { omitEmpty: true, goName: 'BlockOwnerDeletion' }),
]);

const managedFieldsEntry = t.struct('ManagedFieldsEntry', [
  optStr('manager', 'Manager'),
  optStr('operation', 'Operation'),
  optStr('apiVersion', 'APIVersion'),
  field('time', t.ptr(t.time()), { omitEmpty: true, goName: 'Time' }),
  optStr('fieldsType', 'FieldsType'),
  field('fieldsV1', t.ptr(t.json()), { omitEmpty: true, goName: 'FieldsV1' }),
  optStr('subresource', 'Subresource'),
]);

export const objectMeta = t.struct('ObjectMeta', [
  optStr('name', 'Name'),
  optStr('generateName', 'GenerateName'),
  optStr('namespace', 'Namespace'),
  optStr('selfLink', 'SelfLink'),
  optStr('uid', 'UID'),
  optStr('resourceVersion', 'ResourceVersion'),
  field('generation', t.int(), { omitEmpty: true, goName: 'Generation' }),
  // metav1.Time is a struct: omitempty never drops it, and a zero time marshals as null.
  field('creationTimestamp', t.time(), { omitEmpty: true, goName: 'CreationTimestamp' }),
  field('deletionTimestamp', t.ptr(t.time()), { omitEmpty: true, goName: 'DeletionTimestamp' }),
  field('deletionGracePeriodSeconds', t.ptr(t.int()), { omitEmpty: true, goName: 'DeletionGracePeriodSeconds' }),
  field('labels', t.map(str), { omitEmpty: true, goName: 'Labels' }),
  field('annotations', t.map(str), { omitEmpty: true, goName: 'Annotations' }),
  field('ownerReferences', t.slice(ownerReference), { omitEmpty: true, goName: 'OwnerReferences' }),
  field('finalizers', t.slice(str), { omitEmpty: true, goName: 'Finalizers' }),
  field('managedFields', t.slice(managedFieldsEntry), { omitEmpty: true, goName: 'ManagedFields' }),
]);

const keySelector = (goName: string) =>
  t.struct(goName, [
    optStr('name', 'Name'), // LocalObjectReference, inlined
    field('key', str, { goName: 'Key' }),
    field('optional', t.ptr(t.bool()), { omitEmpty: true, goName: 'Optional' }),
  ]);

const envVarSource = t.struct('EnvVarSource', [
  field('fieldRef', t.ptr(t.struct('ObjectFieldSelector', [
    optStr('apiVersion', 'APIVersion'),
    field('fieldPath', str, { goName: 'FieldPath' }),
  ])), { omitEmpty: true, goName: 'FieldRef' }),
  field('resourceFieldRef', t.ptr(t.struct('ResourceFieldSelector', [
    optStr('containerName', 'ContainerName'),
    field('resource', str, { goName: 'Resource' }),
    field('divisor', t.quantity(), { omitEmpty: true, goName: 'Divisor' }),
  ])), { omitEmpty: true, goName: 'ResourceFieldRef' }),
  field('configMapKeyRef', t.ptr(keySelector('ConfigMapKeySelector')), { omitEmpty: true, goName: 'ConfigMapKeyRef' }),
  field('secretKeyRef', t.ptr(keySelector('SecretKeySelector')), { omitEmpty: true, goName: 'SecretKeyRef' }),
]);

const envVar = t.struct('EnvVar', [
  field('name', str, { goName: 'Name' }),
  optStr('value', 'Value'),
  field('valueFrom', t.ptr(envVarSource), { omitEmpty: true, goName: 'ValueFrom' }),
]);

const resourceRequirements = t.struct('ResourceRequirements', [
  field('limits', t.map(t.quantity()), { omitEmpty: true, goName: 'Limits' }),
  field('requests', t.map(t.quantity()), { omitEmpty: true, goName: 'Requests' }),
  field('claims', t.slice(t.struct('ResourceClaim', [field('name', str, { goName: 'Name' })])), { omitEmpty: true, goName: 'Claims' }),
]);

// apiextensionsv1.JSON: returned whole, but JSONPath cannot step inside (`$(params.x.y)$`).
const ownerParam = t.struct('OwnerParam', [
  field('name', str, { goName: 'Name' }),
  field('value', t.json(), { goName: 'Value' }),
]);

const gitRef = t.struct('GitRef', [ptrStr('branch', 'Branch'), ptrStr('tag', 'Tag'), ptrStr('commit', 'Commit')]);
const gitSource = t.struct('GitSource', [ptrStr('url', 'URL'), field('ref', t.ptr(gitRef), { omitEmpty: true, goName: 'Ref' })]);

function source(withSubPath: boolean): GoType {
  return t.struct('Source', [
    field('git', t.ptr(gitSource), { omitEmpty: true, goName: 'Git' }),
    ptrStr('image', 'Image'),
    ...(withSubPath ? [ptrStr('subPath', 'Subpath')] : []),
  ]);
}

/** metav1.Condition, as owners' status and health rules (`status.conditions` of any object) decode it. */
export const condition = t.struct('Condition', [
  field('type', str, { goName: 'Type' }),
  field('status', str, { goName: 'Status' }),
  field('observedGeneration', t.int(), { omitEmpty: true, goName: 'ObservedGeneration' }),
  field('lastTransitionTime', t.time(), { goName: 'LastTransitionTime' }),
  field('reason', str, { goName: 'Reason' }),
  field('message', str, { goName: 'Message' }),
]);

const objectReference = t.struct('ObjectReference', [
  optStr('kind', 'Kind'),
  optStr('namespace', 'Namespace'),
  optStr('name', 'Name'),
  optStr('apiVersion', 'APIVersion'),
]);

function ownerStatus(refName: 'supplyChainRef' | 'deliveryRef'): GoType {
  return t.struct(refName === 'supplyChainRef' ? 'WorkloadStatus' : 'DeliverableStatus', [
    field('observedGeneration', t.int(), { omitEmpty: true, goName: 'ObservedGeneration' }),
    field('conditions', t.slice(condition), { omitEmpty: true, goName: 'Conditions' }),
    // Realized resources (status written by the controller): kept as generic JSON.
    field('resources', t.slice(t.any()), { omitEmpty: true, goName: 'Resources' }),
    field(refName, objectReference, { omitEmpty: true, goName: refName === 'supplyChainRef' ? 'SupplyChainRef' : 'DeliveryRef' }),
  ]);
}

const serviceClaim = t.struct('WorkloadServiceClaim', [
  field('name', str, { goName: 'Name' }),
  field('ref', t.ptr(t.struct('WorkloadServiceClaimReference', [
    field('apiVersion', str, { goName: 'APIVersion' }),
    field('kind', str, { goName: 'Kind' }),
    field('name', str, { goName: 'Name' }),
  ])), { omitEmpty: true, goName: 'Ref' }),
]);

const typeMeta = [optStr('kind', 'Kind'), optStr('apiVersion', 'APIVersion')];

/** Workload as of Cartographer v0.8 (HEAD). */
export const workloadType = t.struct('Workload', [
  ...typeMeta,
  field('metadata', objectMeta, { goName: 'ObjectMeta' }),
  field('spec', t.struct('WorkloadSpec', [
    field('params', t.slice(ownerParam), { omitEmpty: true, goName: 'Params' }),
    field('source', t.ptr(source(true)), { omitEmpty: true, goName: 'Source' }),
    field('build', t.struct('WorkloadBuild', [
      field('env', t.slice(envVar), { omitEmpty: true, goName: 'Env' }),
    ]), { omitEmpty: true, goName: 'Build' }),
    field('env', t.slice(envVar), { omitEmpty: true, goName: 'Env' }),
    ptrStr('image', 'Image'),
    field('resources', t.ptr(resourceRequirements), { omitEmpty: true, goName: 'Resources' }),
    optStr('serviceAccountName', 'ServiceAccountName'),
    field('serviceClaims', t.slice(serviceClaim), { omitEmpty: true, goName: 'ServiceClaims' }),
  ]), { goName: 'Spec' }),
  field('status', ownerStatus('supplyChainRef'), { omitEmpty: true, goName: 'Status' }),
]);

/** Workload as of Cartographer 0.0.6: no build, serviceAccountName or source.subPath. */
export const workloadTypeV006 = t.struct('Workload', [
  ...typeMeta,
  field('metadata', objectMeta, { goName: 'ObjectMeta' }),
  field('spec', t.struct('WorkloadSpec', [
    field('params', t.slice(ownerParam), { omitEmpty: true, goName: 'Params' }),
    field('source', t.ptr(source(false)), { omitEmpty: true, goName: 'Source' }),
    ptrStr('image', 'Image'),
    field('serviceClaims', t.slice(serviceClaim), { omitEmpty: true, goName: 'ServiceClaims' }),
    field('env', t.slice(envVar), { omitEmpty: true, goName: 'Env' }),
    field('resources', t.ptr(resourceRequirements), { omitEmpty: true, goName: 'Resources' }),
  ]), { goName: 'Spec' }),
  field('status', t.struct('WorkloadStatus', [
    field('observedGeneration', t.int(), { omitEmpty: true, goName: 'ObservedGeneration' }),
    field('conditions', t.slice(condition), { omitEmpty: true, goName: 'Conditions' }),
  ]), { omitEmpty: true, goName: 'Status' }),
]);

/** Deliverable (Cartographer v0.8). */
export const deliverableType = t.struct('Deliverable', [
  ...typeMeta,
  field('metadata', objectMeta, { goName: 'ObjectMeta' }),
  field('spec', t.struct('DeliverableSpec', [
    field('params', t.slice(ownerParam), { omitEmpty: true, goName: 'Params' }),
    field('source', t.ptr(source(true)), { omitEmpty: true, goName: 'Source' }),
    optStr('serviceAccountName', 'ServiceAccountName'),
  ]), { goName: 'Spec' }),
  field('status', ownerStatus('deliveryRef'), { omitEmpty: true, goName: 'Status' }),
]);

/** Runnable (Cartographer v0.8): inputs are opaque JSON, like params. */
export const runnableType = t.struct('Runnable', [
  ...typeMeta,
  field('metadata', objectMeta, { goName: 'ObjectMeta' }),
  field('spec', t.struct('RunnableSpec', [
    field('runTemplateRef', t.struct('TemplateReference', [
      optStr('kind', 'Kind'),
      field('name', str, { goName: 'Name' }),
    ]), { goName: 'RunTemplateRef' }),
    field('selector', t.ptr(t.struct('ResourceSelector', [
      field('resource', t.struct('ResourceType', [optStr('apiVersion', 'APIVersion'), optStr('kind', 'Kind')]), { goName: 'Resource' }),
      field('matchingLabels', t.map(str), { goName: 'MatchingLabels' }),
    ])), { omitEmpty: true, goName: 'Selector' }),
    field('inputs', t.map(t.json()), { omitEmpty: true, goName: 'Inputs' }),
    optStr('serviceAccountName', 'ServiceAccountName'),
    field('retentionPolicy', t.struct('RetentionPolicy', [
      field('maxFailedRuns', t.int(), { goName: 'MaxFailedRuns' }),
      field('maxSuccessfulRuns', t.int(), { goName: 'MaxSuccessfulRuns' }),
    ]), { omitEmpty: true, goName: 'RetentionPolicy' }),
  ]), { goName: 'Spec' }),
  field('status', t.struct('RunnableStatus', [
    field('observedGeneration', t.int(), { omitEmpty: true, goName: 'ObservedGeneration' }),
    field('conditions', t.slice(condition), { omitEmpty: true, goName: 'Conditions' }),
    field('outputs', t.map(t.json()), { omitEmpty: true, goName: 'Outputs' }),
  ]), { omitEmpty: true, goName: 'Status' }),
]);
