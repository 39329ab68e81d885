// `carto explain --workload NAME`: renders as `carto render` would with the same flags, then
// prints why that owner's blueprint and options were chosen and where every param and output
// came from (text, or --format json). The explanation is printed whether or not the owner
// renders (it tells why not); the exit code is 1 when it does not.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { explain, formatExplanation } from '../explain/index.js';
import { pickOwner } from '../graph/pick.js';
import { render } from '../render/index.js';
import { formatDiagnostics } from './diagnostics.js';
import { writeErr, writeOut } from './io.js';
import { prepareRender } from './render-options.js';
import { makeStyle } from './style.js';
import { readinessOf } from './readiness.js';
import { append } from '../util/list.js';

export async function runExplain(paths: string[], options: Record<string, unknown>): Promise<number> {
  const workload = options['workload'] as string;
  const style = await makeStyle(options['color'] !== false);
  const prepared = await prepareRender(paths, options);
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  if (!prepared.ok) {
    writeErr(formatDiagnostics(diagnostics, style));
    return 1;
  }
  const result = render(prepared.documents, { ...prepared.options, owners: [workload], ownerReferences: false });
  append(diagnostics, result.diagnostics);
  const picked = pickOwner(result, workload);
  if (!picked.ok) {
    writeErr(formatDiagnostics(picked.diagnostic ? [...diagnostics, picked.diagnostic] : diagnostics, style));
    return 1;
  }
  const explanation = explain(picked.report, diagnostics, readinessOf(prepared, picked.report));
  writeErr(formatDiagnostics(diagnostics, style));
  writeOut(options['format'] === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation));
  return explanation.ok ? 0 : 1;
}
