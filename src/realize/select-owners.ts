// Which owners a run realizes, in the order it reports them: by namespace, name and kind, narrowed
// to the ones asked for (`--workload NAME` or `NAMESPACE/NAME`); a name that matches none is an
// error that says what the inputs hold. render and status ask alike.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { listSome } from '../util/list.js';

interface Named {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** Owners in output order (namespace, name, kind), narrowed to the requested ones. */
export function selectOwners<T extends Named>(all: readonly T[], wanted: readonly string[], diagnostics: Diagnostic[], kinds = 'Workload, Deliverable or Runnable'): T[] {
  const sorted = [...all].sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name) || compare(a.kind, b.kind));
  if (wanted.length === 0) return sorted;
  const matches = (owner: T, w: string) => (w.includes('/') ? `${owner.namespace}/${owner.name}` === w : owner.name === w);
  for (const w of wanted) {
    if (!sorted.some((o) => matches(o, w))) {
      diagnostics.push({
        severity: 'error',
        code: 'owner-not-found',
        message: `no ${kinds} named ${w} in the inputs`,
        hint: sorted.length > 0 ? `the inputs hold ${listSome(sorted.map((o) => `${o.namespace}/${o.name}`), 10)}` : `the inputs hold no ${kinds}`,
      });
    }
  }
  return sorted.filter((o) => wanted.some((w) => matches(o, w)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
