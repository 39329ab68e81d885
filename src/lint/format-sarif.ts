// The SARIF 2.1.0 report, as GitHub code scanning reads it: one run of the `carto` driver with
// a rule per code (from rules.ts), and a result per diagnostic located by a path relative to
// the working directory (the repository root in CI) and a 1-based line and column.
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { RULES, type RuleCode } from './rules.js';

export interface SarifOptions {
  version: string;
  /** Where relative URIs start: the working directory, in CI the repository root. */
  cwd: string;
  /** Where the codes are documented (an absolute URL), if anywhere public. */
  helpUri?: string;
}

export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const codes = Object.keys(RULES) as RuleCode[];
  const index = new Map(codes.map((code, i) => [code as string, i]));
  const rules = codes.map((code) => ({
    id: code,
    name: code,
    shortDescription: { text: RULES[code].summary },
    fullDescription: { text: `${RULES[code].summary} (carto lint ${RULES[code].category} check; see "Linting" in carto's README)` },
    ...(options.helpUri ? { helpUri: options.helpUri } : {}),
    defaultConfiguration: { level: RULES[code].severity },
    properties: { category: RULES[code].category },
  }));
  const results = diagnostics.map((d) => {
    const controller = d.controllerMessage && d.controllerMessage !== d.message ? d.controllerMessage : undefined;
    const message = [d.message, controller && `controller: ${controller}`, d.detail, d.hint].filter((part) => part !== undefined && part !== '').join('\n');
    return {
      ruleId: d.code,
      ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
      level: d.severity === 'note' ? 'note' : d.severity,
      message: { text: message },
      ...(controller ? { properties: { controllerMessage: controller } } : {}),
      // a problem of no file (a data value given on the command line) has no location, rather than a made-up one
      ...(d.file === undefined
        ? {}
        : {
            locations: [{
              physicalLocation: {
                artifactLocation: artifact(d.file, options.cwd),
                region: { startLine: d.line ?? 1, startColumn: d.column ?? 1 },
              },
            }],
          }),
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'carto', semanticVersion: options.version, version: options.version, rules } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function artifact(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: 'stdin' };
  const rel = normalize(isAbsolute(file) ? relative(cwd, file) : file);
  if (isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return { uri: pathToFileURL(resolve(cwd, file)).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
