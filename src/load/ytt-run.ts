// One ytt run over the input files that are ytt inputs, with the files that only make sense to
// other tools set aside: when ytt fails while evaluating a file that no one named, that holds no
// carto.run object and is not a data values or schema file, that file is left out and the run
// is tried again without it, so a repository's other YAML never stops a render.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from './documents.js';
import { mentionsCartographer, type SetAside } from './set-aside.js';
import type { YttInputFile, YttRunOptions } from './ytt-files.js';

export interface RunFile extends YttInputFile {
  /** The user named this file itself (not a directory holding it): it is never set aside. */
  named: boolean;
}

export interface PackageResult {
  documents: SourceDocument[];
  diagnostics: Diagnostic[];
  setAside: SetAside[];
}

/** Data values documents (and schemas) shape every template of the run: leaving one out would change what is rendered. */
const DATA_VALUES = /^#@data\/values/m;

/**
 * Evaluates one run. `root` is given for a run the user did not name (a package -R found, a ytt
 * file under none): when none of its files holds a carto.run object, its failure sets it aside
 * as a whole, whichever file failed (another package's schema and values included).
 */
export async function evaluatePackage(files: readonly RunFile[], options: YttRunOptions, root?: string): Promise<PackageResult> {
  const { evaluateYttRun } = await import('./ytt-files.js');
  const setAside: SetAside[] = [];
  let current = [...files];
  for (;;) {
    const result = evaluateYttRun(current, options);
    if (result.ok) return { documents: result.documents, diagnostics: result.diagnostics, setAside };
    if (root !== undefined && !current.some((f) => mentionsCartographer(f.text))) {
      return { documents: [], diagnostics: [], setAside: [...setAside, { file: root, reason: `ytt: ${firstLine(result.message)}` }] };
    }
    const culprit = current.find((f) => f.path === result.evaluating);
    if (culprit && mayBeSetAside(culprit)) {
      setAside.push({ file: culprit.path, reason: `ytt: ${firstLine(result.message)}` });
      current = current.filter((f) => f !== culprit);
      continue;
    }
    const file = result.file ?? result.evaluating;
    return {
      documents: [],
      setAside,
      diagnostics: [
        {
          severity: 'error',
          code: 'ytt-template-file',
          message: `ytt failed on the input files: ${firstLine(result.message)}`,
          ...(file !== undefined ? { file } : {}),
          ...(result.line !== undefined ? { line: result.line } : {}),
          detail: result.detail,
          ...(hintFor(result.message) ?? {}),
        },
      ],
    };
  }
}

function mayBeSetAside(file: RunFile): boolean {
  return !file.named && !mentionsCartographer(file.text) && !DATA_VALUES.test(file.text);
}

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}

/** A data value nobody gave is the usual reason a package fails: say how to give it. */
function hintFor(message: string): { hint: string } | undefined {
  if (!/struct has no \.|data\.values|data value/i.test(message)) return undefined;
  return { hint: 'give the data values with --data-values-file FILE, -v KEY=VALUE or --data-value-yaml KEY=YAML, as for ytt -f' };
}
