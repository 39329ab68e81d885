// The ytt engine's entry point: one run over a set of files, as `ytt -f …` runs them. The files
// form a library tree (library.ts); the root library's data values are computed
// (datavalues/), its templates evaluated and its overlays applied (execution.ts); the output
// documents are printed as ytt prints them.
import { Thread } from './starlark/index.js';
import type { Value } from './starlark/index.js';
import { StarError, chargeTo } from './starlark/eval/values.js';
import { YDoc, toPlain } from './template/nodes.js';
import type { NodeValue } from './template/nodes.js';
import { SharedDataValue, Struct, plainToStarlark } from './template/values.js';
import { emitYamlDoc } from './emit.js';
import { YTT_MAX_STEPS } from '../util/limits.js';
import { isEmptyDoc } from './datavalues/index.js';
import { clearCompiled, compileYamlFile, parseYamlFile } from './compiled.js';
import { mayChangeLists } from './starlark/syntax/mutates.js';
import { formatError } from './errors.js';
import { Library } from './library.js';
import { LibraryExecution, dataValuesStruct } from './execution.js';
import type { Run } from './loader.js';
import { libraryModule } from './modules/library.js';

export type { YttFile, YttOptions, DataValue, YttResult, YttErrorPosition, YttSource, YttSourceHit, YttSourceMap } from './types.js';
export { YttError } from './types.js';
import { YttError } from './types.js';
import type { DataValue, YttFile, YttOptions, YttResult, YttSourceMap } from './types.js';
import { documentSourceMap } from './sourcemap.js';

// ---------------------------------------------------------------------------
// public entry point

export function runYtt(files: YttFile[], options: YttOptions = {}): YttResult {
  const { budget } = options;
  if (budget !== undefined && budget.left <= 0) throw formatError([{ msg: budget.spentMessage, positions: [] }]);
  const maxSteps = Math.min(options.maxSteps ?? YTT_MAX_STEPS, budget?.left ?? Infinity);
  const thread = new Thread(maxSteps, options.maxDepth ?? 200);
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
    const used = Math.min(thread.steps, thread.maxSteps);
    if (budget !== undefined) budget.left -= used;
    options.stepsUsed?.(used);
  }
}

function runWith(thread: Thread, files: YttFile[], options: YttOptions): YttResult {
  const run: Run = {
    thread,
    files,
    compiled: new Map(),
    loading: [],
    runtimes: [],
    nested: [],
    libraryModule: (ctx, opts, refs) => libraryModule(run, ctx, opts, refs),
    ...(options.positions ? { fileIndex: new Map(files.map((f, i) => [f, i])) } : {}),
  };
  const root = Library.root(files);
  const exec = new LibraryExecution(run, { current: root, root }, {
    ignoreUnknownComments: options.ignoreUnknownComments ?? false,
    skipDataValuesValidation: options.skipDataValuesValidation ?? false,
  });

  // data values (see src/ytt/datavalues for the order)
  const flags = options.dataValues ?? [];
  let values: Value;
  if (exec.dataValuesFiles().length === 0 && !options.dataValuesFiles?.length && !options.dataValuesFileArgs?.length && !options.dataValuesInspect && flags.every(isPlainFlag)) {
    // common case (parsed flags only): build the struct straight from the plain values
    const fields = new Map<string, Value>();
    let shareable: boolean | undefined;
    for (const dv of flags) {
      const v = (dv as { value: unknown }).value;
      if (v instanceof SharedDataValue) fields.set(dv.key, v.forRun((shareable ??= cannotChangeLists(files, options))));
      else fields.set(dv.key, plainToStarlark(v, true));
    }
    values = new Struct(fields);
  } else {
    const computed = exec.dataValues({ valuesFiles: options.dataValuesFiles ?? [], valuesFileArgs: options.dataValuesFileArgs ?? [], flags: flags.map(unshared) });
    if (options.dataValuesInspect) return valuesResult(computed);
    values = dataValuesStruct(computed);
  }

  const result = exec.eval(values);

  const documents: unknown[] = [];
  const parts: string[] = [];
  const sources: YttSourceMap[] | undefined = options.positions ? [] : undefined;
  let outputLine = 1;
  for (const d of result.docs) {
    if (isEmptyDoc(d)) continue;
    documents.push(toPlain(d.value));
    if (options.documentsOnly) continue;
    const part = emitYamlDoc(toPlain(d.value, true));
    parts.push(part);
    if (sources) {
      sources.push(documentSourceMap(d, outputLine));
      outputLine += lineBreaks(part) + 1; // and the `---` line after it
    }
  }
  return { documents, text: parts.join('---\n'), textOutputs: result.textOutputs, ...(sources ? { sources } : {}) };
}

/** A flag the fast path can take: an already-parsed value for a plain key (no nesting, no library). */
function isPlainFlag(dv: DataValue): boolean {
  return 'value' in dv && !/[.:]/.test(dv.key) && !dv.key.startsWith('@');
}

/**
 * Whether no code of the run can change a list it is given, so that the run may share data values
 * with others: one YAML file whose program has no list-changing code (mayChangeLists), or no code.
 */
function cannotChangeLists(files: YttFile[], options: YttOptions): boolean {
  const f = files[0];
  if (files.length !== 1 || !f || !/\.ya?ml$/.test(f.name)) return false;
  try {
    if (!parseYamlFile(f).templated) return true;
    return !mayChangeLists(compileYamlFile(f, options.ignoreUnknownComments ?? false).program);
  } catch (e) {
    if (e instanceof YttError) return false; // the run fails the same way when it reads the file
    throw e;
  }
}

/** A flag as the data values computation reads it: a shared value's plain value. */
function unshared(dv: DataValue): DataValue {
  return 'value' in dv && dv.value instanceof SharedDataValue ? { key: dv.key, value: dv.value.plain } : dv;
}

/**
 * A data value's plain value converted once, to be passed as a flag's `value` to many runs (as
 * for one owner's templates): runs share what templates cannot change and get their own lists.
 */
export function sharedDataValue(plain: unknown): SharedDataValue {
  return new SharedDataValue(plain);
}

/** ytt --data-values-inspect: the data values as the only document. */
function valuesResult(values: NodeValue): YttResult {
  if (isEmptyDoc(new YDoc(values))) return { documents: [], text: '' };
  return { documents: [toPlain(values)], text: emitYamlDoc(toPlain(values, true)) };
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
