// lint's text report: one line per problem, then the controller's words and the hint, indented;
// a value too long to read (a 1 MB literal in a placeholder) is cut with its length, while the
// JSON report keeps it whole.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatJson, formatText } from '../../src/lint/index.js';

const huge = 'x'.repeat(1_000_000);
const d: Diagnostic = {
  severity: 'error',
  code: 'jsonpath-syntax',
  message: `ClusterTemplate t: $(${huge})$ is not a placeholder`,
  file: 't.yaml',
  line: 9,
  column: 5,
  controllerMessage: `evaluate tag $(${huge})$: unexpected end`,
  hint: 'check the placeholder syntax',
};

describe('lint text report', () => {
  it('prints the problem line, the controller line and the hint line, long values cut with their length', () => {
    const lines = formatText([d]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^t\.yaml:9:5 {2}error {2}jsonpath-syntax {2}ClusterTemplate t: \$\(x+… \(1,000,004 characters\) is not a placeholder$/);
    expect(lines[1]).toMatch(/^ {4}controller: evaluate tag \$\(x+… \(1,000,005 characters\) unexpected end$/);
    expect(lines[2]).toBe('    hint: check the placeholder syntax');
    expect(formatText([d]).length).toBeLessThan(1_000);
  });

  it('JSON keeps every diagnostic whole', () => {
    expect(JSON.parse(formatJson([d])).diagnostics[0].message).toBe(d.message);
  });
});
