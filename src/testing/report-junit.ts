// JUnit XML (`--junit FILE`), the format CI systems (GitLab, Jenkins, GitHub test reporters)
// read: one <testsuite> per kind of test (cartotest, whole-chain), one <testcase> per case with
// its time, a <failure> holding the whole error, and <skipped/> for cases a focus left out.
import type { CaseResult, SuiteResult } from './types.js';

export function formatJunitReport(result: SuiteResult, timestamp = new Date()): string {
  const groups = new Map<string, CaseResult[]>();
  for (const r of result.results) groups.set(r.case.type, [...(groups.get(r.case.type) ?? []), r]);
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = (rs: readonly CaseResult[]) => rs.reduce((sum, r) => sum + r.durationMs, 0);
  const count = (rs: readonly CaseResult[], s: CaseResult['status']) => rs.filter((r) => r.status === s).length;
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
  xml += `<testsuites name="carto test" tests="${result.results.length}" failures="${result.failed}" errors="0" skipped="${result.skipped}" time="${seconds(total(result.results))}">\n`;
  for (const [type, rs] of groups) {
    xml += `  <testsuite name="${type}" tests="${rs.length}" failures="${count(rs, 'fail')}" errors="0" skipped="${count(rs, 'skipped')}" time="${seconds(total(rs))}" timestamp="${timestamp.toISOString().replace(/\.\d+Z$/, '')}">\n`;
    for (const r of rs) {
      const name = r.case.metadata.name !== undefined ? ` (${r.case.metadata.name})` : '';
      xml += `    <testcase classname="${attr(type)}" name="${attr(r.case.path + name)}" time="${seconds(r.durationMs)}"`;
      if (r.status === 'pass') {
        xml += '/>\n';
      } else if (r.status === 'skipped') {
        xml += '>\n      <skipped message="not focused: another case is focused"/>\n    </testcase>\n';
      } else {
        const error = r.error ?? 'failed';
        xml += `>\n      <failure message="${attr(error.split('\n')[0] ?? '')}" type="${type === 'cartotest' ? 'CartotestFailure' : 'GoldenMismatch'}">${text(error)}</failure>\n    </testcase>\n`;
      }
    }
    xml += '  </testsuite>\n';
  }
  if (result.focused) xml += `  <!-- test suite failed due to focused test -->\n`;
  xml += '</testsuites>\n';
  return xml;
}

/** Text XML 1.0 can hold: no control characters but tab, newline and carriage return. */
function clean(s: string): string {
  return s.replace(/\u001b\[[0-9;]*m/g, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
