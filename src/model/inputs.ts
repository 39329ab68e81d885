// What carto reads, as the policies the generic loader (src/load) is given: which objects are
// owners (Workloads, Deliverables and Runnables: each is a render, so their number is limited),
// and which files under a directory must be read — those holding a carto.run object; any other
// file that cannot be read is another tool's and is set aside with a note. Pure.
import type { LimitedObjects, SetAsidePolicy } from '../load/index.js';
import { MAX_OWNERS } from '../util/limits.js';

/** The kinds whose stamping carto renders. */
export const OWNER_KINDS: ReadonlySet<string> = new Set(['Workload', 'Deliverable', 'Runnable']);

/** True for a carto.run Workload, Deliverable or Runnable. */
export function isOwnerObject(value: Record<string, unknown>): boolean {
  const kind = value['kind'];
  const apiVersion = value['apiVersion'];
  return typeof kind === 'string' && OWNER_KINDS.has(kind) && typeof apiVersion === 'string' && apiVersion.startsWith('carto.run/');
}

/** At most MAX_OWNERS owners in all the inputs. */
export const OWNER_LIMIT: LimitedObjects = { counts: isOwnerObject, max: MAX_OWNERS, name: 'Workloads, Deliverables and Runnables' };

/**
 * True when a file's text holds a carto.run object: an `apiVersion: carto.run/…` line (YAML or
 * JSON). Not a mere mention: RBAC rules grant `apiGroups: [carto.run]`, and such a Role is
 * another tool's file.
 */
export function holdsCartographerObject(text: string): boolean {
  return CARTO_API_VERSION.test(text);
}

const CARTO_API_VERSION = /["']?apiVersion["']?\s*:\s*["']?carto\.run\//;

/** Files that hold no carto.run object and cannot be read are set aside. */
export const CARTOGRAPHER_INPUTS: SetAsidePolicy = { holdsInput: holdsCartographerObject, object: 'carto.run object', input: 'Cartographer input' };
