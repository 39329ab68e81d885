// What Cartographer v0.8.11 writes for one resource's outcome: the condition its realizer adds
// when the resource was submitted (`ResourceSubmitted`), or the one its error maps to — on the
// resource, and for the walk's first error on the owner too (`ResourcesSubmitted`). The messages
// come from diagnose.ts, the one place failures become words; this module only says which
// condition carries them, with the controller's own slips kept (a pass-through input that is
// missing is a `SupplyChainReady` condition on a Workload; a deployment that is not ready is a
// `ResourcesSubmitted` condition on the resource; errors say "supply chain" for a delivery too).
import type { ConditionStatus } from '../health/index.js';
import { applyMessage, missingValueMessage, passThroughMessage, retrieveOutputMessage, stampControllerMessage, type FailureContext } from './diagnose.js';
import type { OwnerReport, ResourceReport } from './report.js';

export interface ControllerCondition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
}

/** Cartographer's JsonPathExpression() of an output error that has no path. */
const NO_JSONPATH_CONTEXT = '<no jsonpath context>';
/** The controller's error reading a deployment's readiness when no healthy object stands for it. */
const EMPTY_OBJECT = 'failed to evaluate path of empty object';

/**
 * The resource's `ResourceSubmitted` condition, or with `isOwner` the owner's `ResourcesSubmitted`
 * for this resource's error (the walk's first error is the one the owner gets).
 */
export function submittedCondition(entry: ResourceReport, report: OwnerReport, isOwner: boolean): ControllerCondition {
  const type = isOwner ? 'ResourcesSubmitted' : 'ResourceSubmitted';
  const error = resourceError(entry, report);
  if (error) return { ...error, type: error.type ?? type };
  return { type, status: 'True', reason: entry.passThrough !== undefined ? 'PassThrough' : 'ResourceSubmissionComplete', message: '' };
}

/** Whether the controller's realizer returns an error for this resource (a deployment that is not ready is one). */
export function hasControllerError(entry: ResourceReport): boolean {
  return entry.failed || entry.notReady !== undefined;
}

type ErrorCondition = Omit<ControllerCondition, 'type'> & { type?: string };

function resourceError(entry: ResourceReport, report: OwnerReport): ErrorCondition | undefined {
  const deliverable = report.owner.kind === 'Deliverable';
  const failure = entry.failure;
  if (!failure) return entry.notReady ? notReadyCondition(entry, report) : undefined;
  const ctx = failureContext(entry, report);
  switch (failure.step) {
    case 'option':
      // v0.8.11 wraps the option error, so its type no longer matches: UnknownError.
      return { status: 'False', reason: 'UnknownError', message: `get template name from resource: find matching template option: ${failure.choice.message}` };
    case 'pass-through':
      return deliverable
        ? { status: 'False', reason: 'UnknownError', message: passThroughMessage(entry.resource, ctx.blueprint, failure.input, failure.error) }
        : { type: 'SupplyChainReady', status: 'False', reason: 'PassThrough', message: `unable to find passthrough [${failure.input}] in []` };
    case 'deployment-input':
      return outputError(entry, report, NO_JSONPATH_CONTEXT, failure.error);
    case 'stamp':
      return { status: 'False', reason: 'TemplateStampFailure', message: stampControllerMessage(failure.failure, ctx) ?? `unable to stamp object for resource [${entry.resource.name}]` };
    case 'output-path':
      return missingValue(entry, failure.error.path);
    case 'output-missing':
      return missingValue(entry, failure.missing.path);
    case 'no-healthy-object':
      return outputError(entry, report, NO_JSONPATH_CONTEXT, EMPTY_OBJECT);
    case 'apply':
      return { status: 'False', reason: 'TemplateRejectedByAPIServer', message: applyMessage(entry.resource, ctx.blueprint, failure.refused.object, failure.refused.apiServer) };
  }
}

function failureContext(entry: ResourceReport, report: OwnerReport): FailureContext {
  return {
    owner: report.owner,
    blueprint: report.blueprint as NonNullable<OwnerReport['blueprint']>,
    resource: entry.resource,
    semantics: report.semantics,
    ...(entry.template ? { template: entry.template } : {}),
    ...(entry.object ? { object: entry.object } : {}),
  };
}

/** A deployment that is not ready, by the controller's kind of error (Deliverable conditions). */
function notReadyCondition(entry: ResourceReport, report: OwnerReport): ErrorCondition {
  const notReady = entry.notReady as NonNullable<ResourceReport['notReady']>;
  const name = entry.resource.name;
  if (notReady.kind === 'path-error') return missingValue(entry, notReady.expression ?? NO_JSONPATH_CONTEXT);
  if (report.owner.kind !== 'Deliverable') return outputError(entry, report, NO_JSONPATH_CONTEXT, notReady.reason);
  // These three are typed as the owner's condition even on the resource: the controller's slip.
  switch (notReady.kind) {
    case 'no-observed-generation':
      return { type: 'ResourcesSubmitted', status: 'False', reason: 'TemplateStampFailure', message: `resource [${name}] cannot satisfy observedCompletion without observedGeneration in object status` };
    case 'failed':
      return { type: 'ResourcesSubmitted', status: 'False', reason: 'FailedConditionMet', message: `resource [${name}] failed condition met: ${notReady.reason}` };
    default:
      return { type: 'ResourcesSubmitted', status: 'Unknown', reason: 'ConditionNotMet', message: `resource [${name}] condition not met: ${notReady.reason}` };
  }
}

function missingValue(entry: ResourceReport, path: string): ErrorCondition {
  return { status: 'Unknown', reason: 'MissingValueAtPath', message: missingValueMessage(path, entry.object ?? {}, liveName(entry), entry.health?.status) };
}

/**
 * An output error that is no path's: a Workload's condition still says it waits for a value
 * (with no path to name), a Deliverable's is an UnknownError quoting the whole error.
 */
function outputError(entry: ResourceReport, report: OwnerReport, path: string, error: string): ErrorCondition {
  if (report.owner.kind === 'Workload' || !entry.object || !report.blueprint) return missingValue(entry, path);
  return { status: 'False', reason: 'UnknownError', message: retrieveOutputMessage(entry.resource, report.blueprint, entry.object, error, liveName(entry)) };
}

/** The name the API server gave an object stamped with generateName, when its live object was given. */
export function liveName(entry: ResourceReport): string | undefined {
  const meta = entry.live?.value['metadata'];
  const name = meta && typeof meta === 'object' ? (meta as Record<string, unknown>)['name'] : undefined;
  return typeof name === 'string' && name !== '' ? name : undefined;
}
