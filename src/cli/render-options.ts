// The flags every command that renders shares — the inputs, `--outputs`, `--set-output`,
// `--observed`, `--cartographer`, `-n`, `--ytt`, `--missing-templates` — read and turned into
// render()'s options, so that `carto render`, `carto graph --workload` and `carto explain` render
// the same way from the same flags. Each command adds its own options (owners, --strict…) to the
// RenderOptions returned.
import { isDeferredDocument, parseValue, type SourceDocument } from '../load/index.js';
import { readRenderInputs } from '../inputs/index.js';
import { parseSetOutput, SuppliedOutputs } from '../outputs/index.js';
import type { RenderOptions } from '../render/index.js';
import { UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { JSONValue } from '../jsonpath/index.js';
import { inputOptions } from './input-options.js';
import type { YttRecorder } from '../stamp/ytt-builtin.js';

export type PreparedRender =
  /** The inputs or a flag's file hold errors: print the diagnostics and exit 1. */
  | { ok: false; diagnostics: Diagnostic[] }
  | { ok: true; documents: SourceDocument[]; options: RenderOptions; diagnostics: Diagnostic[] };

/**
 * Reads the inputs and the files the flags name; throws a UsageError for a malformed flag.
 * `yttRecorder` is told where the built-in ytt engine's runs wrote each value (for validation).
 */
export async function prepareRender(paths: readonly string[], options: Record<string, unknown>, yttRecorder?: YttRecorder): Promise<PreparedRender> {
  const inputs = [...paths, ...(options['filename'] as string[])];
  if (inputs.length === 0) throw new UsageError('no inputs: give files or directories (or -f PATH, or - for stdin)');
  const yttPath = (options['ytt'] as string | undefined) ?? (process.env['CARTO_YTT'] || undefined);

  // a malformed --set-output is a usage error before any file is read
  const setOutputs = (options['setOutput'] as string[]).map((text) => {
    const parsed = parseSetOutput(text, (value) => {
      try {
        return parseValue(value) as JSONValue;
      } catch (e) {
        // A config that is not YAML would otherwise become a string the template never expected.
        throw new UsageError(`--set-output ${text}: the config value is ${(e as Error).message}; quote a value meant as a string ('x.config="…"'), or fix the YAML`);
      }
    });
    if (typeof parsed === 'string') throw new UsageError(parsed);
    return parsed;
  });
  const read = await readRenderInputs({
    inputs,
    read: inputOptions(options),
    ...(typeof options['outputs'] === 'string' ? { outputs: options['outputs'] } : {}),
    observed: options['observed'] as string[],
  });
  const { diagnostics, observed } = read;
  let supplied = read.outputs;
  for (const parsed of setOutputs) {
    supplied ??= new SuppliedOutputs();
    supplied.set(parsed.key, parsed.field, { value: parsed.value, origin: '--set-output' });
  }

  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  // The ytt engine (or the code that spawns a binary) is loaded only when a template needs it.
  const ytt = yttPath
    ? (await import('./ytt-binary.js')).binaryYtt(yttPath)
    : read.documents.some(hasYttTemplate)
      ? (await import('../stamp/ytt-builtin.js')).budgetedBuiltinYtt(undefined, yttRecorder)
      : undefined;
  return {
    ok: true,
    documents: read.documents,
    diagnostics,
    options: {
      semantics: (options['cartographer'] as 'current' | '0.0.6' | undefined) ?? 'auto',
      defaultNamespace: options['namespace'] as string,
      ...(options['missingTemplates'] === 'mock' ? { missingTemplates: 'mock' as const } : {}),
      ...(supplied ? { outputs: supplied } : {}),
      ...(observed ? { observed } : {}),
      ...(ytt ? { ytt } : {}),
    },
  };
}

/** A document with a spec.ytt body: the ytt engine is needed. */
export function hasYttTemplate(doc: SourceDocument): boolean {
  // A Workload or Deliverable kept as text (a large file) runs no ytt: not parsed again to see.
  if (isDeferredDocument(doc)) return false;
  const spec = doc.value['spec'];
  return typeof spec === 'object' && spec !== null && typeof (spec as Record<string, unknown>)['ytt'] === 'string';
}
