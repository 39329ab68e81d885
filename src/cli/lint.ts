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
import { VERSION } from '../version.js';
import { makeStyle } from './style.js';
import { writeErr, writeOut } from './io.js';

export async function runLint(paths: string[], options: Record<string, unknown>): Promise<number> {
  const inputs = [...paths, ...(options['filename'] as string[])];
  if (inputs.length === 0) throw new UsageError('no inputs: give files or directories (or -f PATH, or - for stdin)');
  const recursive = options['recursive'] === true;
  const format = options['format'] as 'text' | 'json' | 'sarif';
  const shard = shardOption(options);
  const files = expandPaths(inputs, { recursive });
  const loaded = await readInputs(inputs, inputOptions(options));
  const part = shard ? shardDocuments(loaded.documents, shard, options['namespace'] as string) : undefined;
  if (shard && part) writeErr(`carto lint: shard ${formatShard(shard)}: checking ${formatCount(part.owners)} of the ${formatCount(part.total)} owners, and every template and blueprint\n`);
  const documents = part?.documents ?? loaded.documents;
  // The ytt engine is loaded only when a template needs it.
  const yttCheck = documents.some(hasYttTemplate) ? (await import('../stamp/ytt-builtin.js')).builtinYttCheck : undefined;
  const result = lint(documents, {
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
