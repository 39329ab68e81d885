// `carto render`: reads the inputs, renders, and prints either the objects (stdout) or the
// reasons it cannot (stderr) — never both, never half.
import { formatJsonList, formatYamlStream, planDirectory, writeDirectory } from '../emit/index.js';
import { render } from '../render/index.js';
import { UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from './diagnostics.js';
import { prepareRender } from './render-options.js';
import { makeStyle } from './style.js';
import { writeErr, writeOut } from './io.js';

export async function runRender(paths: string[], options: Record<string, unknown>): Promise<number> {
  const style = await makeStyle(options['color'] !== false);
  const diagnostics: Diagnostic[] = [];

  if (typeof options['outputDir'] === 'string' && options['output'] === 'json') {
    throw new UsageError('--output-dir writes one YAML file per object; -o json prints one List: choose one');
  }
  const prepared = await prepareRender(paths, options);
  diagnostics.push(...prepared.diagnostics);
  if (!prepared.ok) {
    writeErr(formatDiagnostics(diagnostics, style));
    return 1;
  }
  const result = render(prepared.documents, {
    ...prepared.options,
    owners: options['workload'] as string[],
    strict: options['strict'] === true,
    ownerReferences: options['ownerReferences'] !== false,
    expandRunnables: options['expandRunnables'] === true,
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
