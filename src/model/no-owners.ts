// The warning of a command that found no owner in its inputs (render, status): with what it did
// read — which files, which kinds — so that a wrong path or a missing -R shows at once, and
// Workload-looking objects that are not Cartographer's named.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { headOf, type SourceDocument } from '../load/index.js';
import { listSome } from '../util/list.js';
import { OWNER_KINDS } from './inputs.js';

/** The command's `message` (`the inputs hold no Workload…`), with what the inputs held in the hint. */
export function noOwnersWarning(documents: readonly SourceDocument[], message: string): Diagnostic {
  return { severity: 'warning', code: 'no-owners', message, hint: lookAlikeHint(documents) ?? `${whatWasRead(documents)}; add the Workload files with -f (-R to descend into subdirectories)` };
}

/** A Workload of another API group (a Crossplane claim, say) is not Cartographer's: say so when it is all there is. */
function lookAlikeHint(documents: readonly SourceDocument[]): string | undefined {
  const other = documents.find((d) => OWNER_KINDS.has(String(headOf(d).kind)) && !String(headOf(d).apiVersion).startsWith('carto.run/'));
  if (!other) return undefined;
  return `${other.file}:${other.line} holds a ${String(headOf(other).kind)} of apiVersion ${String(headOf(other).apiVersion)}, which is not Cartographer's (carto.run/v1alpha1); add Cartographer's Workload files with -f`;
}

/** `read 5 objects from a.yaml, b.yaml: ClusterSupplyChain (1), ClusterTemplate (4)`, or that nothing was. */
function whatWasRead(documents: readonly SourceDocument[]): string {
  if (documents.length === 0) return 'the inputs hold no object at all (a wrong path, or a directory whose files are in subdirectories?)';
  const files = [...new Set(documents.map((d) => d.file))];
  const kinds = new Map<string, number>();
  for (const d of documents) {
    const kind = headOf(d).kind;
    const name = typeof kind === 'string' && kind !== '' ? kind : '(no kind)';
    kinds.set(name, (kinds.get(name) ?? 0) + 1);
  }
  const counted = [...kinds].map(([kind, n]) => `${kind} (${n})`);
  const objects = documents.length === 1 ? 'one object' : `${documents.length} objects`;
  return `read ${objects} from ${listSome(files, 5)}: ${listSome(counted, 8)}`;
}
