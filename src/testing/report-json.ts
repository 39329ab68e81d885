// The JSON report (`--format json`), for tools: every case with its status, its name and
// description, the error and the diff of a failure, and a summary.
import type { SuiteResult } from './types.js';

export function formatJsonReport(result: SuiteResult): string {
  const cases = result.results.map((r) => ({
    path: r.case.path,
    type: r.case.type,
    status: r.status,
    ...(r.case.metadata.name !== undefined ? { name: r.case.metadata.name } : {}),
    ...(r.case.metadata.description !== undefined ? { description: r.case.metadata.description } : {}),
    ...(r.case.focus ? { focus: true } : {}),
    ...(r.error !== undefined ? { error: r.error } : {}),
    ...(r.diff !== undefined ? { diff: r.diff } : {}),
    ...(r.updated ? { updated: true } : {}),
    durationMs: Math.round(r.durationMs * 10) / 10,
  }));
  const summary = {
    ok: result.failed === 0 && !result.focused,
    total: result.results.length,
    passed: result.passed,
    failed: result.failed,
    skipped: result.skipped,
    updated: result.results.filter((r) => r.updated).length,
    focused: result.focused,
  };
  return `${JSON.stringify({ cases, summary }, null, 2)}\n`;
}
