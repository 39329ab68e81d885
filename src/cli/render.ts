// `carto render`: reads the inputs, renders, and prints either the objects (stdout) or the
// reasons it cannot (stderr) — never both, never half.
import { parseValue, readInputs } from '../load/index.js';
import { formatJsonList, formatYamlStream, planDirectory, writeDirectory } from '../emit/index.js';
import { parseSetOutput, readOutputsFile, SuppliedOutputs } from '../outputs/index.js';
import { render } from '../render/index.js';
import { UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { JSONValue } from '../jsonpath/index.js';
import { formatDiagnostics } from './diagnostics.js';
import { makeStyle } from './style.js';
import { writeErr, writeOut } from './io.js';
import type { SourceDocument } from '../load/index.js';

export async function runRender(paths: string[], options: Record<string, unknown>): Promise<number> {
  const inputs = [...paths, ...(options['filename'] as string[])];
  if (inputs.length === 0) throw new UsageError('no inputs: give files or directories (or -f PATH, or - for stdin)');
  const recursive = options['recursive'] === true;
  const yttPath = (options['ytt'] as string | undefined) ?? (process.env['CARTO_YTT'] || undefined);
  const style = await makeStyle(options['color'] !== false);
  const diagnostics: Diagnostic[] = [];

  const loaded = await readInputs(inputs, { recursive, dataValuesFiles: options['dataValuesFile'] as string[] });
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

  if (diagnostics.some((d) => d.severity === 'error')) {
    writeErr(formatDiagnostics(diagnostics, style));
    return 1;
  }
  // The ytt engine (or the code that spawns a binary) is loaded only when a template needs it.
  const ytt = yttPath
    ? (await import('./ytt-binary.js')).binaryYtt(yttPath)
    : loaded.documents.some(hasYttTemplate)
      ? (await import('../stamp/ytt-builtin.js')).builtinYtt
      : undefined;
  const result = render(loaded.documents, {
    semantics: (options['cartographer'] as 'current' | '0.0.6' | undefined) ?? 'auto',
    defaultNamespace: options['namespace'] as string,
    owners: options['workload'] as string[],
    ...(supplied ? { outputs: supplied } : {}),
    ...(observed ? { observed: observed.documents } : {}),
    strict: options['strict'] === true,
    ownerReferences: options['ownerReferences'] !== false,
    expandRunnables: options['expandRunnables'] === true,
    ...(ytt ? { ytt } : {}),
  });
  diagnostics.push(...result.diagnostics);
  writeErr(formatDiagnostics(diagnostics, style));
  if (!result.ok) return 1;

  const outputDir = options['outputDir'];
  if (typeof outputDir === 'string') {
    const files = planDirectory(result.objects);
    writeDirectory(outputDir, files);
    writeErr(`wrote ${files.length} file${files.length === 1 ? '' : 's'} under ${outputDir}\n`);
    return 0;
  }
  const text = options['output'] === 'json' ? formatJsonList(result.objects) : formatYamlStream(result.objects);
  writeOut(text);
  return 0;
}

function hasYttTemplate(doc: SourceDocument): boolean {
  const spec = doc.value['spec'];
  return typeof spec === 'object' && spec !== null && typeof (spec as Record<string, unknown>)['ytt'] === 'string';
}
