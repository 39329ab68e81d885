// The flags every command that renders shares — the inputs, `--outputs`, `--set-output`,
// `--observed`, `--cartographer`, `-n`, `--ytt`, `--missing-templates` — read and turned into
// render()'s options, so that `carto render`, `carto graph --workload` and `carto explain` render
// the same way from the same flags. Each command adds its own options (owners, --strict…) to the
// RenderOptions returned.
import { parseValue, readInputs, type SourceDocument } from '../load/index.js';
import { parseSetOutput, readOutputsFile, SuppliedOutputs } from '../outputs/index.js';
import type { RenderOptions } from '../render/index.js';
import { UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { JSONValue } from '../jsonpath/index.js';
import { inputOptions } from './input-options.js';

export type PreparedRender =
  /** The inputs or a flag's file hold errors: print the diagnostics and exit 1. */
  | { ok: false; diagnostics: Diagnostic[] }
  | { ok: true; documents: SourceDocument[]; options: RenderOptions; diagnostics: Diagnostic[] };

/** Reads the inputs and the files the flags name; throws a UsageError for a malformed flag. */
export async function prepareRender(paths: readonly string[], options: Record<string, unknown>): Promise<PreparedRender> {
  const inputs = [...paths, ...(options['filename'] as string[])];
  if (inputs.length === 0) throw new UsageError('no inputs: give files or directories (or -f PATH, or - for stdin)');
  const recursive = options['recursive'] === true;
  const yttPath = (options['ytt'] as string | undefined) ?? (process.env['CARTO_YTT'] || undefined);
  const diagnostics: Diagnostic[] = [];

  const loaded = await readInputs(inputs, inputOptions(options));
  diagnostics.push(...loaded.diagnostics);

  let supplied: SuppliedOutputs | undefined;
  if (typeof options['outputs'] === 'string') {
    const file = await readInputs([options['outputs']]);
    diagnostics.push(...file.diagnostics);
    const read = readOutputsFile(file.documents);
    diagnostics.push(...read.diagnostics);
    supplied = read.outputs;
  }
  for (const text of options['setOutput'] as string[]) {
    const parsed = parseSetOutput(text, (value) => parseValue(value) as JSONValue);
    if (typeof parsed === 'string') throw new UsageError(parsed);
    supplied ??= new SuppliedOutputs();
    supplied.set(parsed.key, parsed.field, { value: parsed.value, origin: '--set-output' });
  }
  const observedPaths = options['observed'] as string[];
  const observed = observedPaths.length > 0 ? await readInputs(observedPaths, { recursive }) : undefined;
  if (observed) diagnostics.push(...observed.diagnostics);

  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  // The ytt engine (or the code that spawns a binary) is loaded only when a template needs it.
  const ytt = yttPath
    ? (await import('./ytt-binary.js')).binaryYtt(yttPath)
    : loaded.documents.some(hasYttTemplate)
      ? (await import('../stamp/ytt-builtin.js')).budgetedBuiltinYtt()
      : undefined;
  return {
    ok: true,
    documents: loaded.documents,
    diagnostics,
    options: {
      semantics: (options['cartographer'] as 'current' | '0.0.6' | undefined) ?? 'auto',
      defaultNamespace: options['namespace'] as string,
      ...(options['missingTemplates'] === 'mock' ? { missingTemplates: 'mock' as const } : {}),
      ...(supplied ? { outputs: supplied } : {}),
      ...(observed ? { observed: observed.documents } : {}),
      ...(ytt ? { ytt } : {}),
    },
  };
}

function hasYttTemplate(doc: SourceDocument): boolean {
  const spec = doc.value['spec'];
  return typeof spec === 'object' && spec !== null && typeof (spec as Record<string, unknown>)['ytt'] === 'string';
}
