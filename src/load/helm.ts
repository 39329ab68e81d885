// A Helm chart's templates are not YAML until `helm template` has run: `{{ .Values.x }}` breaks
// the YAML parser in ways whose messages (flow collections, missing commas) say nothing useful.
// A file that fails to parse and holds `{{ … }}`, or sits in a chart (a Chart.yaml in its
// directory or the one above), gets one error saying what it is and what to do instead.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

const ACTION = /\{\{-?\s*[^}]*\}\}/;

/** The 1-based line of the first Helm action (`{{ … }}`) in a text, if any. */
function helmActionLine(text: string): number | undefined {
  const match = ACTION.exec(text);
  return match ? text.slice(0, match.index).split('\n').length : undefined;
}

/** The Chart.yaml of the chart a file belongs to (its directory, or the one above: templates/). */
function chartBeside(path: string): string | undefined {
  for (const dir of [dirname(path), dirname(dirname(path))]) {
    const chart = join(dir, 'Chart.yaml');
    if (existsSync(chart)) return chart;
  }
  return undefined;
}

const HELM_HINT = 'helm template RELEASE CHART [-f values.yaml] > rendered.yaml, then give carto rendered.yaml (or pipe it: helm template … | carto lint -)';

/** A directory named as an input that is a Helm chart (it holds Chart.yaml): one error, and it is not read. */
export function helmChartDiagnostic(dir: string): Diagnostic | undefined {
  const chart = join(dir, 'Chart.yaml');
  if (!existsSync(chart)) return undefined;
  return {
    severity: 'error',
    code: 'yaml-syntax',
    message: `${dir} is a Helm chart (${chart}), not manifests: render it with helm template first`,
    file: chart,
    line: 1,
    hint: HELM_HINT,
  };
}

/**
 * A file's diagnostics, with its YAML syntax errors replaced by one that names it a Helm template
 * when it looks like one; unchanged otherwise.
 */
export function helmTemplateDiagnostics(diagnostics: Diagnostic[], path: string, text: string): Diagnostic[] {
  const syntax = diagnostics.filter((d) => d.code === 'yaml-syntax');
  if (syntax.length === 0) return diagnostics;
  const line = helmActionLine(text);
  // stdin (`<stdin>`) has no directory to look in.
  const chart = path.startsWith('<') ? undefined : chartBeside(path);
  if (line === undefined && chart === undefined) return diagnostics;
  const first = syntax[0] as Diagnostic;
  const helm: Diagnostic = {
    severity: 'error',
    code: 'yaml-syntax',
    message: `this looks like a Helm chart template (${line !== undefined ? `{{ … }} at line ${line}` : `${chart} beside it`}), not YAML: render it with helm template first`,
    file: first.file ?? path,
    line: line ?? first.line ?? 1,
    detail: syntax.map((d) => d.message).join('\n'),
    hint: HELM_HINT,
  };
  return [helm, ...diagnostics.filter((d) => d.code !== 'yaml-syntax')];
}
