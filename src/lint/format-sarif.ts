// The SARIF 2.1.0 report, as GitHub code scanning reads it: one run of the `carto` driver with
// a rule per code (from rules.ts), and a result per diagnostic located by a path relative to
// the working directory (the repository root in CI) and a 1-based line and column. A problem met
// by several owners (a template's mistake) is one result at the template's line, with each owner's
// file as a related location, linked from the message: code scanning shows one alert per result
// and keeps at most 100 locations of one, so one result per owner would bury the alert list.
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatObjectRef, type Diagnostic, type OwnerSite } from '../diagnostics/diagnostic.js';
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
    const related = relatedOwners(d.owners ?? [], options.cwd);
    const message = [d.message, related?.line, controller && `controller: ${controller}`, d.detail, d.hint].filter((part) => part !== undefined && part !== '').join('\n');
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
      ...(related ? { relatedLocations: related.locations } : {}),
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

/** Code scanning keeps this many locations of a result. */
const MAX_RELATED = 100;

/** The owners a problem met, as related locations and the message line linking them (`[Workload dev/a](1)`). */
function relatedOwners(owners: readonly OwnerSite[], cwd: string): { line: string; locations: object[] } | undefined {
  const located = owners.filter((o) => o.file !== undefined).slice(0, MAX_RELATED);
  if (located.length === 0) return undefined;
  const locations = located.map((o, i) => ({
    id: i + 1,
    physicalLocation: { artifactLocation: artifact(o.file as string, cwd), region: { startLine: o.line ?? 1 } },
    message: { text: formatObjectRef(o) },
  }));
  const links = located.map((o, i) => `[${formatObjectRef(o)}](${i + 1})`).join(', ');
  const more = owners.length - located.length;
  return { line: `owners: ${links}${more > 0 ? `, and ${more} more` : ''}`, locations };
}

function artifact(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: 'stdin' };
  const rel = normalize(isAbsolute(file) ? relative(cwd, file) : file);
  if (isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return { uri: pathToFileURL(resolve(cwd, file)).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
