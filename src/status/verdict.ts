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
  // An input naming no resource (or a later one) is this resource's own mistake, not a wait.
  if (absent.length > 0 && absent.every((a) => UPSTREAM.has(a.reason))) return { verdict: 'blocked', upstream: [...new Set(absent.map((a) => a.resource))] };
  return { verdict: ready.status === 'False' ? 'failed' : 'waiting', upstream: [] };
}
