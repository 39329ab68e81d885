// A resource's verdict as `carto status` shows it to a person, beside the controller's Ready
// condition: ready, waiting, failed — or blocked, when what holds it back is only that a resource
// before it has no outputs to hand on yet (the controller reports the same failure on it, but
// the cause, and the fix, are upstream). The report, explain and graph mark resources by it.
import type { ResourceReport } from '../realize/index.js';
import type { Condition } from './conditions.js';
import type { ResourceStatus } from './resource.js';

export type Verdict = 'ready' | 'waiting' | 'failed' | 'blocked';

export interface ResourceVerdict {
  verdict: Verdict;
  /** For `blocked`: the resources before it whose outputs it waits for. */
  upstream: string[];
}

/** Upstream causes: the input's resource exists and comes before, it just has nothing to give yet. */
const UPSTREAM = new Set(['failed', 'no-output', 'not-ready', 'unhealthy']);

export function resourceVerdict(r: ResourceStatus, entry: ResourceReport): ResourceVerdict {
  const ready = r.conditions.at(-1) as Condition;
  if (ready.status === 'True') return { verdict: 'ready', upstream: [] };
  const absent = entry.inputs?.absent ?? [];
  // An input naming no resource (or a later one) is this resource's own mistake, not a wait; and
  // a resource that did stamp its object is held back by that object, not by its inputs.
  if (!entry.object && absent.length > 0 && absent.every((a) => UPSTREAM.has(a.reason))) return { verdict: 'blocked', upstream: [...new Set(absent.map((a) => a.resource))] };
  return { verdict: ready.status === 'False' ? 'failed' : 'waiting', upstream: [] };
}

/** A resource's verdict with the controller's reason, for explain and graph. */
export interface ResourceVerdictSummary {
  name: string;
  verdict: Verdict;
  /** The reason of its Ready condition ('Ready' when ready). */
  reason: string;
  /** For `blocked`: the resources it waits for. */
  waitingFor: string[];
}

/** Each resource of an owner's status with its verdict (none when no blueprint was walked). */
export function resourceVerdicts(resources: readonly ResourceStatus[] | undefined, reports: readonly ResourceReport[]): ResourceVerdictSummary[] {
  return (resources ?? []).map((r, i) => {
    const judged = resourceVerdict(r, reports[i] as ResourceReport);
    return { name: r.name, verdict: judged.verdict, reason: (r.conditions.at(-1) as Condition).reason, waitingFor: judged.upstream };
  });
}
