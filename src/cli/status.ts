// `carto status`: the status Cartographer would write on each Workload and Deliverable, from the
// same inputs and flags as render. Text for a person (default), or the owners as given with
// `status` filled (-o yaml|json). Exit 0 when the statuses could be computed, whatever they say
// (1 with --exit-code when an owner is not Ready, or there is none); 1 when the inputs cannot be
// read; 2 for usage errors, a path that does not exist among them (as for render). No owner in
// the inputs is a warning on stderr and nothing on stdout (an empty List with -o json). Stamped
// objects are checked as the API server would check them (the built-in kinds of --kube-version,
// CRDs among the inputs or given with --crds).
import { hasErrors, UsageError } from '../diagnostics/diagnostic.js';
import { allReady, formatStatusJson, formatStatusText, formatStatusYaml, status, untoldDiagnostics } from '../status/index.js';
import { formatDiagnostics } from './diagnostics.js';
import { writeErr, writeOut } from './io.js';
import { prepareRender } from './render-options.js';
import { makeStyle } from './style.js';

export async function runStatus(paths: string[], options: Record<string, unknown>): Promise<number> {
  if (options['cartographer'] === '0.0.6') throw new UsageError('carto status writes what Cartographer v0.8.11 writes (--cartographer current); the 0.0.6 controller wrote another status');
  if (options['missingTemplates'] === 'mock') throw new UsageError('--missing-templates mock does not apply to carto status: a status built on mocked templates would not be the controller\'s (a template missing from the inputs is its TemplatesNotFound)');
  const style = await makeStyle(options['color'] !== false);
  const prepared = await prepareRender(paths, options);
  if (!prepared.ok) {
    writeErr(formatDiagnostics(prepared.diagnostics, style));
    return 1;
  }
  const { defaultNamespace, outputs, observed, ytt } = prepared.options;
  // the schemas the API server checks stamped objects against (--kube-version, --crds and CRDs among the inputs)
  const { prepareValidation } = await import('./validate.js');
  const validation = await prepareValidation(prepared.documents, options);
  // A --crds file that cannot be read is an input error, as for render --validate: no statuses.
  if (hasErrors(validation.diagnostics)) {
    writeErr(formatDiagnostics([...prepared.diagnostics, ...validation.diagnostics], style));
    return 1;
  }
  const result = status(prepared.documents, {
    ...(defaultNamespace !== undefined ? { defaultNamespace } : {}),
    owners: options['workload'] as string[],
    ...(outputs ? { outputs } : {}),
    ...(observed ? { observed } : {}),
    ...(ytt ? { ytt } : {}),
    schemas: validation.schemas,
  });
  writeErr(formatDiagnostics([...prepared.diagnostics, ...validation.diagnostics, ...untoldDiagnostics(result)], style));
  if (!result.ok) return 1;
  const format = options['output'] as string;
  if (format === 'yaml') writeOut(formatStatusYaml(result));
  else if (format === 'json') writeOut(formatStatusJson(result));
  else writeOut(formatStatusText(result, await makeStyle(options['color'] !== false, 1)));
  // without --exit-code, finding nothing (or nothing Ready) is `kubectl get`'s exit 0
  return options['exitCode'] === true && !allReady(result) ? 1 : 0;
}
