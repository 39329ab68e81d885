// The ytt engine's entry point: one run over a set of files, as `ytt -f …` runs them. The files
// form a library tree (library.ts); the root library's data values are computed
// (datavalues/), its templates evaluated and its overlays applied (execution.ts); the output
// documents are printed as ytt prints them.
import { Thread } from './starlark/index.js';
import type { Value } from './starlark/index.js';
import { StarError, chargeTo } from './starlark/eval/values.js';
import { toPlain } from './template/nodes.js';
import { Struct, plainToStarlark } from './template/values.js';
import { emitYamlDoc } from './emit.js';
import { YTT_MAX_STEPS } from '../util/limits.js';
import { computeDataValues, isEmptyDoc } from './datavalues/index.js';
import { clearCompiled } from './compiled.js';
import { formatError } from './errors.js';
import { Library } from './library.js';
import { LibraryExecution, dataValuesStruct } from './execution.js';
import type { Run } from './loader.js';
import { libraryModule } from './modules/library.js';

export type { YttFile, YttOptions, DataValue, YttResult, YttErrorPosition, YttSource, YttSourceHit, YttSourceMap } from './types.js';
export { YttError } from './types.js';
import type { YttFile, YttOptions, YttResult, YttSourceMap } from './types.js';
import { documentSourceMap } from './sourcemap.js';

// ---------------------------------------------------------------------------
// public entry point

export function runYtt(files: YttFile[], options: YttOptions = {}): YttResult {
  const thread = new Thread(options.maxSteps ?? YTT_MAX_STEPS, options.maxDepth ?? 200);
  if (options.print) thread.print = options.print;
  const previous = chargeTo(thread);
  try {
    return runWith(thread, files, options);
  } catch (e) {
    // the step budget running out outside any template code (converting large data values)
    if (e instanceof StarError) throw formatError([{ msg: e.message, positions: [] }]);
    throw e;
  } finally {
    chargeTo(previous);
    options.stepsUsed?.(Math.min(thread.steps, thread.maxSteps));
  }
}

function runWith(thread: Thread, files: YttFile[], options: YttOptions): YttResult {
  const run: Run = {
    thread,
    compiled: new Map(),
    loading: [],
    runtimes: [],
    nested: [],
    libraryModule: (ctx, opts, refs) => libraryModule(run, ctx, opts, refs),
    ...(options.positions ? { fileIndex: new Map(files.map((f, i) => [f, i])) } : {}),
  };
  const root = Library.root(files);
  const exec = new LibraryExecution(run, { current: root, root }, { ignoreUnknownComments: options.ignoreUnknownComments ?? false });

  // data values (see computeDataValues for the order)
  const valuesFiles = exec.dataValuesFiles();
  const flags = options.dataValues ?? [];
  let values: Value;
  if (valuesFiles.length === 0 && (options.dataValuesFiles ?? []).length === 0 && flags.every((dv) => 'value' in dv && !dv.key.includes('.'))) {
    // common case (parsed flags only): build the struct straight from the plain values
    const fields = new Map<string, Value>();
    for (const dv of flags) fields.set(dv.key, plainToStarlark((dv as { value: unknown }).value, true));
    values = new Struct(fields);
  } else {
    values = dataValuesStruct(
      computeDataValues({
        files: valuesFiles,
        evaluate: (f, current) => exec.evaluateValuesFile(f, current),
        valuesFiles: options.dataValuesFiles ?? [],
        flags,
      }),
    );
  }

  const result = exec.eval(values);

  const documents: unknown[] = [];
  const parts: string[] = [];
  const sources: YttSourceMap[] | undefined = options.positions ? [] : undefined;
  let outputLine = 1;
  for (const d of result.docs) {
    if (isEmptyDoc(d)) continue;
    documents.push(toPlain(d.value));
    const part = emitYamlDoc(toPlain(d.value, true));
    parts.push(part);
    if (sources) {
      sources.push(documentSourceMap(d, outputLine));
      outputLine += lineBreaks(part) + 1; // and the `---` line after it
    }
  }
  return { documents, text: parts.join('---\n'), textOutputs: result.textOutputs, ...(sources ? { sources } : {}) };
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Drops all cached compiled templates. */
export function clearYttCache(): void {
  clearCompiled();
}
