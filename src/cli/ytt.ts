// `carto ytt`: the built-in ytt engine as a command that prints exactly what the ytt binary
// prints for the same arguments (-f FILE|-, -v/--data-value KEY=VALUE, --data-value-yaml KEY=YAML,
// --data-values-file).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';
import { readTextFile } from '../load/text.js';
import { runYtt, YttError, type DataValue, type YttFile } from '../ytt/index.js';
import { writeErr, writeOut } from './io.js';

export function runYttCommand(options: Record<string, unknown>): number {
  const files: YttFile[] = [];
  for (const path of options['file'] as string[]) {
    if (path === '-') files.push({ name: 'stdin.yml', text: readTextFile(0) });
    else files.push(...readTree(path));
  }
  if (files.length === 0) throw new UsageError('ytt: give at least one file with -f FILE (or -f - for stdin)');
  // As ytt orders them: string values (-v), then YAML values.
  const dataValues: DataValue[] = [
    ...(options['dataValue'] as string[]).map((flag) => {
      const [key, value] = keyValue(flag, '--data-value', 'VALUE');
      return { key, value };
    }),
    ...(options['dataValueYaml'] as string[]).map((flag) => {
      const [key, yaml] = keyValue(flag, '--data-value-yaml', 'YAML');
      return { key, yaml };
    }),
  ];
  const dataValuesFiles = (options['dataValuesFile'] as string[]).flatMap(readTree);
  try {
    // One run per command, with the engine's default budget: carto's budget for one template.
    const { text } = runYtt(files, {
      dataValues,
      dataValuesFiles,
      ignoreUnknownComments: options['ignoreUnknownComments'] === true,
      print: (message) => writeErr(`${message}\n`),
    });
    writeOut(text);
    return 0;
  } catch (err) {
    if (err instanceof YttError) {
      writeErr(err.text.endsWith('\n') ? err.text : `${err.text}\n`);
      return 1;
    }
    throw err;
  }
}

function keyValue(flag: string, name: string, what: string): [string, string] {
  const eq = flag.indexOf('=');
  if (eq <= 0) throw new UsageError(`${name} ${flag}: expected KEY=${what}`);
  return [flag.slice(0, eq), flag.slice(eq + 1)];
}

/** A file, or every file under a directory (as ytt reads `-f DIR`), in name order. */
function readTree(path: string): YttFile[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`cannot read ${path}: no such file or directory`);
  }
  if (!stat.isDirectory()) return [{ name: path, text: readTextFile(path) }];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => readTree(join(path, entry)));
}
