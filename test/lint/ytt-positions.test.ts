// carto lint on a ytt package: each finding names the file, line and column where the value was
// written (a value a data value inserted, a field an overlay file added, a placeholder), in the
// text, JSON and SARIF reports.
import { describe, expect, it } from 'vitest';
import { carto } from '../helpers/cli.js';

const F = 'test/fixtures/ytt-positions';
const TEMPLATES = `${F}/config/templates.yaml`;
const OVERLAY = `${F}/config/overlay.yaml`;
const ARGS = ['lint', '-f', `${F}/config`, '-f', `${F}/workload.yaml`];

const EXPECTED = [
  // `healthy: true`, added to a template of templates.yaml by the overlay file.
  ['unknown-field', OVERLAY, 8, 3],
  // `configPath: #@ data.values.port`: an int where a string belongs, at the key.
  ['schema-type', TEMPLATES, 35, 3],
  // `image: $(images.image.image)$`, an input app-config's resource does not declare.
  ['input-not-declared', TEMPLATES, 42, 14],
] as const;

describe('carto lint on ytt files', () => {
  it('text', () => {
    const r = carto(ARGS);
    expect(r.status).toBe(1);
    // One line per problem; the indented controller: lines under some are not problems.
    const lines = r.stdout.trim().split('\n').filter((l) => !l.startsWith(' '));
    expect(lines.map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual(
      EXPECTED.map(([code, file, line, column]) => `${file}:${line}:${column} ${code === 'unknown-field' ? 'warning' : 'error'} ${code}`),
    );
  });

  it('JSON', () => {
    const r = carto([...ARGS, '--format', 'json']);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Array<{ code: string; file: string; line: number; column: number }> };
    expect(diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual(EXPECTED.map((e) => [...e]));
  });

  it('SARIF: each region points into the template file', () => {
    const r = carto([...ARGS, '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }>;
    };
    const results = sarif.runs[0]!.results.map((x) => {
      const loc = x.locations[0]!.physicalLocation;
      return [x.ruleId, loc.artifactLocation.uri, loc.region.startLine, loc.region.startColumn];
    });
    expect(results).toEqual(EXPECTED.map((e) => [...e]));
  });
});
