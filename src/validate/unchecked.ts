// The kinds of stamped objects no schema covered, named in one diagnostic with how to give their
// schemas: render --validate and lint say it at the end, carto status beside its statuses (their
// names and labels were checked, the rest was not).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { StampedObject } from '../realize/index.js';
import { listSome } from '../util/list.js';

/** One note (an error with --strict-schemas) naming the kinds that were not validated; `strict` undefined: the command has no such flag. */
export function uncheckedKinds(unchecked: ReadonlyMap<string, StampedObject>, strict: boolean | undefined): Diagnostic {
  const names = [...unchecked.keys()].sort();
  const count = `${names.length} kind${names.length === 1 ? '' : 's'}`;
  const severity = strict ? 'error' : 'note';
  return {
    severity,
    code: 'stamped-no-schema',
    message: `no schema for ${count} of the stamped objects, so ${names.length === 1 ? 'its objects were' : 'their objects were'} not validated: ${listSome(names, 10)}`,
    hint: `give their CustomResourceDefinitions with --crds PATH (kubectl get crd NAME -o yaml > crds.yaml) or among the inputs${strict === false ? '; --strict-schemas makes this an error' : ''}`,
  };
}
