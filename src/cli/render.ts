// `carto render`: reads the inputs, renders owner by owner — writing each owner's objects out as
// it is rendered (render-output.ts), so memory stays flat however many owners there are — and
// then releases either the objects (stdout, or --output-dir) or the reasons it cannot (stderr):
// never half. With --keep-going, the objects of every owner that renders are released, the owners
// that fail are reported, and the exit code is 1.
import { renderOwners, type RenderedOwner, type RenderSummary } from '../render/index.js';
import { UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from './diagnostics.js';
import { prepareRender } from './render-options.js';
import { makeStyle } from './style.js';
import { writeErr } from './io.js';
import { renderOutput, type RenderOutput } from './render-output.js';
import { pause } from './interrupt.js';
import { shardOption } from './shard.js';
import { formatCount } from '../util/limits.js';
import { listSome } from '../util/list.js';

export async function runRender(paths: string[], options: Record<string, unknown>): Promise<number> {
  const style = await makeStyle(options['color'] !== false);
  const diagnostics: Diagnostic[] = [];

  if (typeof options['outputDir'] === 'string' && options['output'] === 'json') {
    throw new UsageError('--output-dir writes one YAML file per object; -o json prints one List: choose one');
  }
  const shard = shardOption(options);
  const prepared = await prepareRender(paths, options);
  diagnostics.push(...prepared.diagnostics);
  if (!prepared.ok) {
    writeErr(formatDiagnostics(diagnostics, style));
    return 1;
  }
  const run = renderOwners(prepared.documents, {
    ...prepared.options,
    owners: options['workload'] as string[],
    strict: options['strict'] === true,
    ownerReferences: options['ownerReferences'] !== false,
    expandRunnables: options['expandRunnables'] === true,
    ...(shard ? { shard } : {}),
  });
  const keepGoing = options['keepGoing'] === true;
  const output = renderOutput({ ...(typeof options['outputDir'] === 'string' ? { outputDir: options['outputDir'] } : {}), json: options['output'] === 'json' });
  try {
    const { summary, failed } = await writeOwners(run, output, keepGoing);
    diagnostics.push(...summary.diagnostics);
    writeErr(formatDiagnostics(diagnostics, style));
    if (!summary.ok && !keepGoing) return 1;
    if (failed.length > 0) writeErr(leftOut(failed));
    const told = output.commit();
    if (told !== undefined) writeErr(told);
    return summary.ok ? 0 : 1;
  } finally {
    output.discard();
  }
}

/**
 * Renders every owner, adding the objects of each to the output as it comes: all of them, until
 * one fails (without --keep-going nothing will be released then), or those of the owners that do
 * not fail (--keep-going).
 */
async function writeOwners(run: Generator<RenderedOwner, RenderSummary, void>, output: RenderOutput, keepGoing: boolean): Promise<{ summary: RenderSummary; failed: RenderedOwner['owner'][] }> {
  const failed: RenderedOwner['owner'][] = [];
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return { summary: step.value, failed };
    const rendered = step.value;
    if (rendered.failed) failed.push(rendered.owner);
    else if (keepGoing || failed.length === 0) output.add(rendered.objects);
    await pause();
  }
}

/** --keep-going: which owners the output leaves out (their errors are above). */
function leftOut(failed: ReadonlyArray<RenderedOwner['owner']>): string {
  const names = failed.map((o) => `${o.kind} ${o.namespace}/${o.name}`);
  const one = failed.length === 1;
  return `carto render: --keep-going: ${one ? 'one owner failed' : `${formatCount(failed.length)} owners failed`} and ${one ? 'is' : 'are'} left out of the output: ${listSome(names, 10)}\n`;
}
