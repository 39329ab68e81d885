// Checks the JSONPaths a template reads back from what it stamped: output paths (urlPath,
// revisionPath, imagePath, configPath, a ClusterRunTemplate's outputs) and the readiness paths
// of a ClusterDeploymentTemplate and a multiMatch health rule. Every path must parse. An output path is also walked over the
// template's own object: stepping into a plain value (a string, a number) can never resolve;
// naming a field the template does not stamp is suspicious unless it is under status (written
// by other controllers) or metadata (filled in by the API server and the stamper).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Template, RunTemplate } from '../model/index.js';
import { outputFieldsOf } from '../outputs/index.js';
import { isSingleTag } from '../stamp/interpolate.js';
import { isObject, own } from '../util/objects.js';
import { parseSteps, SYNTAX_HINT } from './jsonpath-steps.js';
import { lintDiagnostic, refOf, type Place } from './report.js';

export function checkOutputPaths(template: Template): Diagnostic[] {
  const out: Diagnostic[] = [];
  const object = refOf(template.kind, template.name);
  for (const { field, path, pathKey } of outputFieldsOf(template)) {
    if (path === undefined || path === '') continue;
    out.push(...checkPath(path, `spec.${pathKey}`, `its ${field} output`, { doc: template.doc, object, path: ['spec', pathKey] }, template.template, template.ytt === undefined));
  }
  out.push(...checkHealthRulePaths(template, object));
  if (template.kind === 'ClusterDeploymentTemplate') {
    template.observedMatches?.forEach((m, i) => {
      for (const side of ['input', 'output'] as const) {
        if (m[side] !== '') out.push(...checkPath(m[side], `spec.observedMatches[${i}].${side}`, '', { doc: template.doc, object, path: ['spec', 'observedMatches', i, side] }, undefined, false));
      }
    });
    for (const side of ['succeeded', 'failed'] as const) {
      const condition = template.observedCompletion?.[side];
      if (condition && condition.key !== '') {
        out.push(...checkPath(condition.key, `spec.observedCompletion.${side}.key`, '', { doc: template.doc, object, path: ['spec', 'observedCompletion', side, 'key'] }, undefined, false));
      }
    }
  }
  return out;
}

/** A multiMatch health rule's matchFields keys and messagePaths, read from the stamped object the
 *  way the controller reads them (as an output path): each must parse, whoever stamps the template. */
function checkHealthRulePaths(template: Template, object: ReturnType<typeof refOf>): Diagnostic[] {
  const multi = template.healthRule?.multiMatch;
  if (!multi) return [];
  return (['healthy', 'unhealthy'] as const).flatMap((side) =>
    multi[side].matchFields.flatMap((field, i) =>
      (['key', 'messagePath'] as const).flatMap((key) => {
        const path = field[key];
        if (path === '') return [];
        const at = ['spec', 'healthRule', 'multiMatch', side, 'matchFields', i, key];
        return checkPath(path, `spec.healthRule.multiMatch.${side}.matchFields[${i}].${key}`, '', { doc: template.doc, object, path: at }, undefined, false);
      }),
    ),
  );
}

export function checkRunTemplateOutputs(runTemplate: RunTemplate): Diagnostic[] {
  const object = refOf('ClusterRunTemplate', runTemplate.name);
  return Object.entries(runTemplate.outputs).flatMap(([name, path]) =>
    path === '' ? [] : checkPath(path, `spec.outputs.${name}`, `its output ${name}`, { doc: runTemplate.doc, object, path: ['spec', 'outputs', name] }, runTemplate.template, true),
  );
}

function checkPath(path: string, where: string, what: string, place: Place, stamped: Record<string, unknown> | undefined, walk: boolean): Diagnostic[] {
  const parsed = parseSteps(path);
  if (!parsed.ok) return [lintDiagnostic('jsonpath-syntax', `${where} ${path}: ${parsed.reason}`, place, { hint: SYNTAX_HINT })];
  if (!walk || !stamped) return [];
  const kind = typeof own(stamped, 'kind') === 'string' ? String(own(stamped, 'kind')) : 'object';
  let current: unknown = stamped;
  const walked: (string | number)[] = [];
  for (const step of parsed.steps) {
    if (step.type !== 'field') return []; // indexes, filters, wildcards: not followed
    if (typeof current === 'string') {
      if (current.includes('$(') && isSingleTag(current)) return []; // a placeholder: any shape
      return [lintDiagnostic('output-path-unresolvable', `${where} ${path} can never resolve: ${showPath(walked)} is a string in the ${kind} the template stamps, so ${what || 'the path'} is never found`, place, {
        hint: `point ${where} at a field that holds the value, e.g. .${showPath(walked)}`,
      })];
    }
    if (typeof current === 'number' || typeof current === 'boolean') {
      return [lintDiagnostic('output-path-unresolvable', `${where} ${path} can never resolve: ${showPath(walked)} is a ${typeof current} in the ${kind} the template stamps`, place, {
        hint: `point ${where} at a field that holds the value, e.g. .${showPath(walked)}`,
      })];
    }
    if (!isObject(current)) return [];
    const next = own(current, step.name);
    if (next === undefined) {
      const top = walked.length === 0 ? step.name : walked[0];
      if (top === 'status' || top === 'metadata') return [];
      return [lintDiagnostic('output-path-not-stamped', `${where} ${path}: the ${kind} the template stamps has no ${showPath([...walked, step.name])}, so ${what || 'the path'} can only come from another controller`, place, {
        hint: 'outputs are read from the live object: fields outside status are usually what the template itself sets; check the path against spec.template',
      })];
    }
    walked.push(step.name);
    current = next;
  }
  return [];
}

/** `data['application.properties']`: a path as a JSONPath user would write it. */
function showPath(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : /[.[\]']/.test(part) ? `['${part.replace(/\./g, '\\.')}']` : `${i > 0 ? '.' : ''}${part}`)).join('');
}
