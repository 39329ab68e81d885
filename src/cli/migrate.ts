// `carto migrate`: rewrites 0.0.6 blueprints in the current format — to stdout (every input file, in
// order, as one stream) or, with --in-place, into the files themselves — and says on stderr, per
// change, what behaves differently under current Cartographer.
import { renameSync, writeFileSync } from 'node:fs';
import { UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readInputs } from '../inputs/index.js';
import { applyEdits, migrate, type Edit } from '../migrate/index.js';
import { formatDiagnostics } from './diagnostics.js';
import { writeErr, writeOut } from './io.js';
import { makeStyle } from './style.js';

export async function runMigrate(paths: string[], options: Record<string, unknown>): Promise<number> {
  const style = await makeStyle(options['color'] !== false);
  const inPlace = options['inPlace'] === true;
  const inputs = [...paths, ...((options['filename'] as string[] | undefined) ?? [])];
  if (inputs.length === 0) throw new UsageError('no inputs: give the files or directories to migrate (or - for stdin)');
  if (inPlace && inputs.includes('-')) throw new UsageError('--in-place rewrites files: stdin (-) has none to rewrite');
  const read = await readInputs(inputs, { recursive: options['recursive'] === true });
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    writeErr(formatDiagnostics(errors, style));
    return 1;
  }
  const { edits, notes } = migrate(read.documents);
  // Each file once, in reading order, with its own text (a ytt file's output is not its text: left alone).
  const files = new Map<string, string>();
  for (const doc of read.documents) if (!doc.origin.template && !files.has(doc.file)) files.set(doc.file, doc.origin.text);
  const byFile = new Map<string, Edit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const changes: Diagnostic[] = edits.map((e) => ({ severity: 'note', code: 'migrated', message: `rewrote ${e.what}`, file: e.file, line: e.line }));
  if (inPlace) {
    for (const [file, fileEdits] of byFile) {
      const temp = `${file}.carto-migrate-${process.pid}`;
      writeFileSync(temp, applyEdits(files.get(file) ?? '', fileEdits));
      renameSync(temp, file);
    }
  } else {
    let out = '';
    for (const [file, text] of files) {
      const migrated = applyEdits(text, byFile.get(file) ?? []);
      if (out !== '' && !/^---/.test(migrated)) out += '---\n';
      out += migrated.endsWith('\n') || migrated === '' ? migrated : `${migrated}\n`;
    }
    writeOut(out);
  }
  writeErr(formatDiagnostics([...changes, ...notes], style));
  const count = byFile.size;
  writeErr(count === 0 ? 'carto migrate: nothing written in the 0.0.6 format (spec.components) found\n' : `carto migrate: ${edits.length} change${edits.length === 1 ? '' : 's'} in ${count} file${count === 1 ? '' : 's'}${inPlace ? ', rewritten in place' : ''}; ${notes.length} behaviour difference${notes.length === 1 ? '' : 's'} to check (above)\n`);
  return 0;
}
