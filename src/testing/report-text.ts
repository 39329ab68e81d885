// The text report, as cartotest prints it: one `PASS: <path>` or `FAIL: <path>` line per case
// (passes first), with -v a PASS line gaining the case's name and a FAIL entry its `Name:`,
// `Description:` and `Error:` (the readable diff included); the focused-test notice; then a
// count and the final `PASS` or `FAIL`. carto prints it on stdout (cartotest used stderr).
import type { SuiteResult } from './types.js';

/** The colours the report uses (the CLI's Style fits). */
export interface ReportStyle {
  error(text: string): string;
  bold(text: string): string;
}

export const FOCUS_NOTICE = 'test suite failed due to focused test, check individual test case status';

export function formatTextReport(result: SuiteResult, options: { verbose: boolean; style: ReportStyle }): string {
  const { verbose, style } = options;
  const lines: string[] = [];
  for (const r of result.results) {
    if (r.status === 'skipped') continue;
    const name = r.case.metadata.name;
    const updated = r.updated ? ' (expectation updated)' : '';
    if (r.status === 'pass') {
      lines.push(`${style.bold('PASS')}: ${r.case.path}${verbose && name !== undefined ? ` ${name}` : ''}${updated}`);
      continue;
    }
    lines.push(`${style.error('FAIL')}: ${r.case.path}${updated}`);
    if (!verbose) continue;
    if (name !== undefined) lines.push(`Name: ${name}`);
    if (r.case.metadata.description !== undefined) lines.push(`Description: ${r.case.metadata.description}`);
    if (r.error !== undefined) lines.push(`Error: ${r.error.replace(/\n$/, '')}`);
    lines.push('');
  }
  if (result.focused) {
    if (lines[lines.length - 1] !== '') lines.push('');
    lines.push(FOCUS_NOTICE);
  }
  const counts = [`${result.passed} passed`, `${result.failed} failed`];
  if (result.skipped > 0) counts.push(`${result.skipped} not run (not focused)`);
  const updated = result.results.filter((r) => r.updated).length;
  if (updated > 0) counts.push(`${updated} expectation${updated === 1 ? '' : 's'} updated`);
  if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  lines.push(counts.join(', '));
  lines.push(result.failed > 0 || result.focused ? style.error('FAIL') : style.bold('PASS'));
  return `${lines.join('\n').replace(/^\n+/, '')}\n`;
}
