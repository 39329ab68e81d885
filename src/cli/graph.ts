// `carto graph`: draws the blueprints in the inputs, or (--workload) what one owner would stamp,
// as DOT, Mermaid or a text tree on stdout. All or nothing, like render: when it exits non-zero,
// stdout is empty and the reasons are on stderr.
import { UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { blueprintGraph, chooseBlueprints, formatGraph, ownerGraph, pickOwner, type GraphFormat, type Graph } from '../graph/index.js';
import { buildCatalog } from '../model/index.js';
import { render } from '../render/index.js';
import { formatDiagnostics } from './diagnostics.js';
import { writeErr, writeOut } from './io.js';
import { prepareRender } from './render-options.js';
import { makeStyle } from './style.js';
import { readinessOf } from './readiness.js';
import { append } from '../util/list.js';

export async function runGraph(paths: string[], options: Record<string, unknown>): Promise<number> {
  const workload = options['workload'] as string | undefined;
  const blueprintName = options['blueprint'] as string | undefined;
  if (workload === undefined) {
    const given = ['outputs', 'setOutput', 'observed'].filter((k) => (Array.isArray(options[k]) ? (options[k] as unknown[]).length > 0 : options[k] !== undefined));
    if (given.length > 0) throw new UsageError('--outputs, --set-output and --observed only apply with --workload NAME (a blueprint alone has no outputs)');
  } else if (blueprintName !== undefined) {
    throw new UsageError('--blueprint and --workload cannot be used together: the owner\'s blueprint is the one that selects it');
  }
  const style = await makeStyle(options['color'] !== false);
  const prepared = await prepareRender(paths, options);
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  const fail = (more: readonly Diagnostic[] = []): number => {
    writeErr(formatDiagnostics([...diagnostics, ...more], style));
    return 1;
  };
  if (!prepared.ok) return fail();

  let graph: Graph;
  if (workload !== undefined) {
    const result = render(prepared.documents, { ...prepared.options, owners: [workload], ownerReferences: false });
    append(diagnostics, result.diagnostics);
    const picked = pickOwner(result, workload);
    if (!picked.ok) return fail(picked.diagnostic ? [picked.diagnostic] : []);
    if (!result.ok) return fail();
    graph = ownerGraph(picked.report, readinessOf(prepared, picked.report));
  } else {
    const { catalog, diagnostics: modelled } = buildCatalog(prepared.documents, { defaultNamespace: prepared.options.defaultNamespace ?? 'default' });
    append(diagnostics, modelled);
    if (modelled.some((d) => d.severity === 'error')) return fail();
    const chosen = chooseBlueprints(catalog, blueprintName);
    append(diagnostics, chosen.diagnostics);
    if (!chosen.ok) return fail();
    graph = blueprintGraph(chosen.blueprints);
  }
  writeErr(formatDiagnostics(diagnostics, style));
  writeOut(formatGraph(graph, options['format'] as GraphFormat));
  return 0;
}
