// The text report: one line per problem, `file:line:col  severity  code  message`, as editors,
// CI log parsers and problem matchers expect, then, indented (so no matcher takes them for a
// problem), what the controller itself would say, when it says something else, and how to fix it
// (a "did you mean", the labels a supply chain selects on), as render prints them. A diagnostic
// that belongs to no file (no inputs at all, a data values flag) has no position to give: its
// line starts with the severity, as eslint prints its file-less errors. Colour
// (severity only) when asked for. Long values are cut (util/clip.ts); JSON and SARIF keep them whole.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { clip } from '../util/clip.js';

export interface TextStyle {
  error(text: string): string;
  warning(text: string): string;
}

const plain: TextStyle = { error: (t) => t, warning: (t) => t };

export function formatText(diagnostics: readonly Diagnostic[], style: TextStyle = plain): string {
  return diagnostics
    .map((d) => {
      const where = d.file === undefined ? '' : `${d.file}:${d.line ?? 1}:${d.column ?? 1}  `;
      const severity = d.severity === 'error' ? style.error('error') : style.warning(d.severity);
      const controller = d.controllerMessage && d.controllerMessage !== d.message ? `    controller: ${clip(d.controllerMessage.replace(/\n/g, ' '))}\n` : '';
      const hint = d.hint ? `    hint: ${clip(d.hint.replace(/\n/g, ' '))}\n` : '';
      return `${where}${severity}  ${d.code}  ${clip(d.message.replace(/\n/g, ' '))}\n${controller}${hint}`;
    })
    .join('');
}
