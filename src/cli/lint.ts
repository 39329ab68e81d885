// `carto lint`: reads the inputs as render does (files under a directory that are not Cartographer
// inputs and cannot be read are set aside, with a note), checks them (src/lint) and prints the
// report on stdout in the format asked for, whatever the outcome; exit 1 when it holds an error
// (or, with --strict, a warning). With --shard I/N, only the owners of that shard are checked
// (templates and blueprints in every shard).
import { UsageError } from '../diagnostics/diagnostic.js';
import { inputOptions } from './input-options.js';
import { hasYttTemplate } from './render-options.js';
import { expandPaths, readInputs } from '../inputs/read.js';
import { formatJson, formatSarif, formatText, lint } from '../lint/index.js';
import { shardDocuments } from '../lint/shard.js';
import { formatShard } from '../util/shard.js';
import { formatCount } from '../util/limits.js';
import { shardOption } from './shard.js';
import { renderOwners } from '../render/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/index.js';
import { VERSION } from '../version.js';
import { makeStyle } from './style.js';
import { writeErr, writeOut } from './io.js';

export async function runLint(paths: string[], options: Record<string, unknown>): Promise<number> {
  const inputs = [...paths, ...(options['filename'] as string[])];
  if (inputs.length === 0) throw new UsageError('no inputs: give files or directories (or -f PATH, or - for stdin)');
  const recursive = options['recursive'] === true;
  const format = (options['output'] ?? options['format']) as 'text' | 'json' | 'sarif';
  const shard = shardOption(options);
  const files = expandPaths(inputs, { recursive });
  const loaded = await readInputs(inputs, inputOptions(options));
  const part = shard ? shardDocuments(loaded.documents, shard, options['namespace'] as string) : undefined;
  if (shard && part) writeErr(`carto lint: shard ${formatShard(shard)}: checking ${formatCount(part.owners)} of the ${formatCount(part.total)} owners, and every template and blueprint\n`);
  const documents = part?.documents ?? loaded.documents;
  // The ytt engine is loaded only when a template needs it.
  const yttCheck = documents.some(hasYttTemplate) ? (await import('../stamp/ytt-builtin.js')).builtinYttCheck : undefined;
  const stamped = options['render'] === false ? [] : await validateStamped(documents, options);
  const result = lint(documents, {
    stamped,
    ...(yttCheck ? { yttCheck } : {}),
    defaultNamespace: options['namespace'] as string,
    inputDiagnostics: loaded.diagnostics,
    files: files.map((f) => (f === '-' ? '<stdin>' : f)),
    missingTemplates: options['missingTemplates'] === 'mock' ? 'mock' : 'error',
  });
  if (format === 'json') {
    writeOut(formatJson(result.diagnostics));
  } else if (format === 'sarif') {
    writeOut(formatSarif(result.diagnostics, { version: VERSION, cwd: process.cwd() }));
  } else {
    const style = await makeStyle(options['color'] !== false, 1);
    writeOut(formatText(result.diagnostics, style));
    const counts = [`${result.errors} error${result.errors === 1 ? '' : 's'}`, `${result.warnings} warning${result.warnings === 1 ? '' : 's'}`];
    if (result.diagnostics.length > 0) writeErr(`carto lint: ${counts.join(', ')}\n`);
  }
  return result.errors > 0 || (options['strict'] === true && result.warnings > 0) ? 1 : 0;
}

/**
 * Renders the owners of the inputs (mocking what only a cluster has, as render does) and validates
 * what they stamp, owner by owner (a large estate's objects are never all held at once). Only the
 * validation's problems are reported: render's own errors are lint's cross-reference checks,
 * already reported in lint's words.
 */
async function validateStamped(documents: readonly SourceDocument[], options: Record<string, unknown>): Promise<Diagnostic[]> {
  const { prepareValidation, ownerValidator, YttSources } = await import('./validate.js');
  const sources = new YttSources();
  const ytt = documents.some(hasYttTemplate) ? (await import('../stamp/ytt-builtin.js')).budgetedBuiltinYtt(undefined, (d, s) => sources.record(d, s)) : undefined;
  const validation = await prepareValidation(documents, options);
  const validator = ownerValidator(validation, sources);
  const run = renderOwners(documents, {
    defaultNamespace: options['namespace'] as string,
    ...(options['missingTemplates'] === 'mock' ? { missingTemplates: 'mock' as const } : {}),
    ...(ytt ? { ytt } : {}),
  });
  for (let step = run.next(); !step.done; step = run.next()) {
    validator.add(step.value.objects, step.value.kind === 'owner' ? [step.value.report] : []);
  }
  // Each problem once (a template's mistake naming the owners it met); kinds without a schema are
  // render's note: lint says only what is wrong (an error with --strict-schemas).
  return [...validation.diagnostics, ...validator.finish()].filter((d) => d.code !== 'stamped-no-schema' || d.severity === 'error');
}
