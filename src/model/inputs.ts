// What carto reads, as the policies the generic loader (src/load) is given: which files under a
// directory must be read — those holding a carto.run object; any other file that cannot be read
// is another tool's and is set aside with a note. The number of owners is not limited (render
// holds one owner's objects at a time; src/util/limits.ts). Pure.
import type { SetAsidePolicy } from '../load/index.js';

/** The kinds whose stamping carto renders. */
export const OWNER_KINDS: ReadonlySet<string> = new Set(['Workload', 'Deliverable', 'Runnable']);

/**
 * Workloads and Deliverables: in a large file they may stay text until rendered (a render reads
 * one at a time; src/load/deferred.ts). Their blueprints and templates are read by every owner.
 */
export function isDeferrableOwner(value: Record<string, unknown>): boolean {
  const kind = value['kind'];
  const apiVersion = value['apiVersion'];
  return (kind === 'Workload' || kind === 'Deliverable') && typeof apiVersion === 'string' && apiVersion.startsWith('carto.run/');
}

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
