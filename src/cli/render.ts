// `carto render`: reads the inputs, renders owner by owner — writing each owner's objects out as
// it is rendered (render-output.ts), so memory stays flat however many owners there are — and
// then releases either the objects (stdout, or --output-dir) or the reasons it cannot (stderr):
// never half. With --keep-going, the objects of every owner that renders are released, the owners
// that fail are reported, and the exit code is 1. With --validate, each owner's objects are also
// checked as the API server would check them, and what it would refuse is an error.
import { renderOwners, type RenderedOwner, type RenderSummary } from '../render/index.js';
import { hasErrors, UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { StampedValidator } from '../validate/index.js';
import { formatDiagnostics } from './diagnostics.js';
import { prepareRender } from './render-options.js';
import { makeStyle } from './style.js';
import { writeErr } from './io.js';
import { renderOutput, type RenderOutput } from './render-output.js';
import { pause } from './interrupt.js';
import { shardOption } from './shard.js';
import { formatCount } from '../util/limits.js';
import { append, listSome } from '../util/list.js';
import { builtinModule } from '../util/builtin.js';

export async function runRender(paths: string[], options: Record<string, unknown>): Promise<number> {
  const style = await makeStyle(options['color'] !== false);
  const diagnostics: Diagnostic[] = [];

  if (typeof options['outputDir'] === 'string' && options['output'] === 'json') {
    throw new UsageError('--output-dir writes one YAML file per object; -o json prints one List: choose one');
  }
  const needsValidate = [(options['crds'] as string[] | undefined)?.length ? '--crds' : '', options['kubeVersion'] !== undefined ? '--kube-version' : '', options['strictSchemas'] === true ? '--strict-schemas' : ''].filter((f) => f !== '');
  if (options['validate'] !== true && needsValidate.length > 0) throw new UsageError(`${needsValidate.join(', ')} ${needsValidate.length === 1 ? 'says' : 'say'} how to validate: add --validate`);
  const shard = shardOption(options);
  // --validate: its bundle is loaded only then, and the ytt runs record where they wrote each value
  const validating = options['validate'] === true ? await import('./validate.js') : undefined;
  const yttSources = validating ? new validating.YttSources() : undefined;
  const prepared = await prepareRender(paths, options, yttSources ? (documents, sources) => yttSources.record(documents, sources) : undefined);
  append(diagnostics, prepared.diagnostics);
  if (!prepared.ok) {
    writeErr(formatDiagnostics(diagnostics, style));
    return 1;
  }
  const heapFlag = heapFlagFor(prepared.documents.length);
  // node:v8 only then: loading it loads Node's streams too (its heap snapshots are streams)
  if (heapFlag !== undefined) builtinModule<typeof import('node:v8')>('node:v8').setFlagsFromString(heapFlag);
  const validation = validating ? await validating.prepareValidation(prepared.documents, options) : undefined;
  const validator = validating && validation && yttSources ? validating.ownerValidator(validation, yttSources) : undefined;
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
    const { summary, failed } = await writeOwners(run, output, keepGoing, validator);
    if (validating && validator && validation) {
      // All or nothing: what the API server would refuse is an error, names and labels included.
      append(diagnostics, validation.diagnostics);
      append(diagnostics, summary.diagnostics.map(validating.asApiServerError));
      // each problem once: a template's mistake names the owners it met
      if (summary.ok || keepGoing) append(diagnostics, validator.finish());
    } else {
      append(diagnostics, summary.diagnostics);
    }
    writeErr(formatDiagnostics(diagnostics, style));
    const ok = summary.ok && !hasErrors(diagnostics);
    if (!ok && !keepGoing) return 1;
    if (failed.length > 0) writeErr(leftOut(failed));
    const told = output.commit();
    if (told !== undefined) writeErr(told);
    return ok ? 0 : 1;
  } finally {
    output.discard();
  }
}

/**
 * Documents from which a render is an estate whose memory matters more than a little speed (at
 * 31,000 Workloads the tighter heap cost 7% of CPU to save 20 MB of 180; at 100,000 it saves 160 MB).
 */
const LARGE_ESTATE = 50_000;

/**
 * The V8 flag a render of `documents` input documents sets before it renders, if any. V8 lets its
 * old generation grow to about four times what is alive before it collects it, when collecting is
 * cheap next to the work (as in a render, which makes garbage steadily): at 100,000 Workloads,
 * 100 MB alive meant 450 MB of RSS. Half again what is alive is enough for a render that keeps
 * little beyond its inputs. (Set after reading the inputs, not at start-up: V8 ties its code caches
 * to its flags, and every bundle a render needs is loaded by then; see README "Performance".)
 */
export function heapFlagFor(documents: number): string | undefined {
  return documents >= LARGE_ESTATE ? '--heap-growing-percent=50' : undefined;
}

interface Written {
  summary: RenderSummary;
  failed: RenderedOwner['owner'][];
}

/**
 * Renders every owner, adding the objects of each to the output as it comes: all of them, until
 * one fails (without --keep-going nothing will be released then), or those of the owners that do
 * not fail (--keep-going). With a validator, an owner whose objects the API server would refuse
 * fails too.
 */
async function writeOwners(run: Generator<RenderedOwner, RenderSummary, void>, output: RenderOutput, keepGoing: boolean, validator: StampedValidator | undefined): Promise<Written> {
  const failed: RenderedOwner['owner'][] = [];
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return { summary: step.value, failed };
    const rendered = step.value;
    let ownerFailed = rendered.failed;
    // every owner that renders is validated, after one fails too: one run names every owner a template's mistake meets
    if (validator && !ownerFailed) {
      const problems = validator.add(rendered.objects, rendered.kind === 'owner' ? [rendered.report] : []);
      ownerFailed = rendered.refused || hasErrors(problems);
    }
    if (ownerFailed) failed.push(rendered.owner);
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
