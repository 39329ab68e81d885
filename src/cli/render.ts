// `carto render`: reads the inputs, renders, and prints either the objects (stdout) or the
// reasons it cannot (stderr) — never both, never half.
import { formatJsonList, formatYamlStream, planDirectory, writeDirectory } from '../emit/index.js';
import { render } from '../render/index.js';
import { hasErrors, UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
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
  const needsValidate = [(options['crds'] as string[] | undefined)?.length ? '--crds' : '', options['kubeVersion'] !== undefined ? '--kube-version' : '', options['strictSchemas'] === true ? '--strict-schemas' : ''].filter((f) => f !== '');
  if (options['validate'] !== true && needsValidate.length > 0) throw new UsageError(`${needsValidate.join(', ')} ${needsValidate.length === 1 ? 'says' : 'say'} how to validate: add --validate`);
  // --validate: its bundle is loaded only then, and the ytt runs record where they wrote each value
  const validating = options['validate'] === true ? await import('./validate.js') : undefined;
  const yttSources = validating ? new validating.YttSources() : undefined;
  const prepared = await prepareRender(paths, options, yttSources ? (documents, sources) => yttSources.record(documents, sources) : undefined);
  diagnostics.push(...prepared.diagnostics);
  if (!prepared.ok) {
    writeErr(formatDiagnostics(diagnostics, style));
    return 1;
  }
  const validation = validating ? await validating.prepareValidation(prepared.documents, options) : undefined;
  const result = render(prepared.documents, {
    ...prepared.options,
    owners: options['workload'] as string[],
    strict: options['strict'] === true,
    ownerReferences: options['ownerReferences'] !== false,
    expandRunnables: options['expandRunnables'] === true,
  });
  if (validating && validation && yttSources) {
    // All or nothing: what the API server would refuse is an error, names and labels included.
    diagnostics.push(...validation.diagnostics, ...result.diagnostics.map(asApiServerError));
    if (result.ok) diagnostics.push(...validating.validateRender(result, validation, yttSources));
  } else {
    diagnostics.push(...result.diagnostics);
  }
  writeErr(formatDiagnostics(diagnostics, style));
  if (!result.ok || hasErrors(diagnostics)) return 1;

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

/** With --validate, a stamped name or label the API server refuses is an error, not a warning. */
function asApiServerError(d: Diagnostic): Diagnostic {
  return d.severity === 'warning' && (d.code === 'stamped-name-invalid' || d.code === 'stamped-label-invalid') ? { ...d, severity: 'error' } : d;
}
