// evaluateYttRun places the documents of a ytt run, and each of their fields, in the input file
// and line where they were written (not in ytt's output), and reads exactly the values that
// parsing ytt's output gives.
import { describe, expect, it } from 'vitest';
import { locate, locateBodyLine, parseText } from '../../src/load/index.js';
import { evaluateYttRun, yttInputBudget, type YttInputFile } from '../../src/load/ytt-files.js';
import { runYtt } from '../../src/ytt/index.js';

const TEMPLATES = `#@ load("@ytt:data", "data")
#@ load("helpers.lib.yml", "container")
---
apiVersion: carto.run/v1alpha1
kind: ClusterTemplate
metadata:
  name: #@ data.values.name
spec:
  template:
    kind: Deployment
    spec:
      containers:
      - #@ container()
      labels: #@ {"team": "a"}
`;
const HELPERS = `#@ def container():
name: app
image: $(workload.spec.image)$
#@ end
`;
const OVERLAY = `#@ load("@ytt:overlay", "overlay")
#@overlay/match by=overlay.subset({"kind": "ClusterTemplate"})
---
spec:
  template:
    spec:
      #@overlay/match missing_ok=True
      serviceAccountName: $(workload.spec.serviceAccountName)$
`;
const PLAIN = `# A plain file of the run.
apiVersion: carto.run/v1alpha1
kind: Workload
metadata:
  name: app
`;
const files: YttInputFile[] = [
  { name: 'templates.yaml', path: 'pkg/config/templates.yaml', text: TEMPLATES },
  { name: 'helpers.lib.yml', path: 'pkg/config/helpers.lib.yml', text: HELPERS },
  { name: 'overlay.yaml', path: 'pkg/config/overlay.yaml', text: OVERLAY },
  { name: 'workload.yaml', path: 'pkg/workload.yaml', text: PLAIN },
];
const options = () => ({ valuesFileArgs: [], flags: [{ key: 'name', value: 'deploy' }], budget: yttInputBudget() });

function evaluate(input: readonly YttInputFile[]) {
  const result = evaluateYttRun(input, options());
  if (!result.ok) throw new Error(result.detail);
  return result;
}

describe('evaluateYttRun positions', () => {
  const { documents, diagnostics } = evaluate(files);
  const [template, workload] = documents;

  it('names the file (its path) and the line where each document was written', () => {
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => `${d.file}:${d.line}`)).toEqual(['pkg/config/templates.yaml:4', 'pkg/workload.yaml:2']);
  });

  it('locates fields in the file that wrote them: the template, a def in another file, an overlay', () => {
    const at = (path: (string | number)[], key = false) => {
      const p = locate(template!, path, { key });
      return `${p.file}:${p.line}:${p.column}`;
    };
    expect(at(['metadata', 'name'])).toBe('pkg/config/templates.yaml:7:3'); // inserted by an expression: its key
    expect(at(['spec', 'template', 'kind'])).toBe('pkg/config/templates.yaml:10:11'); // written: its value
    expect(at(['spec', 'template', 'kind'], true)).toBe('pkg/config/templates.yaml:10:5');
    expect(at(['spec', 'template', 'spec', 'containers', 0, 'image'])).toBe('pkg/config/helpers.lib.yml:3:8');
    expect(at(['spec', 'template', 'spec', 'serviceAccountName'])).toBe('pkg/config/overlay.yaml:8:27');
    expect(at(['spec', 'template', 'spec', 'labels', 'team'])).toBe('pkg/config/templates.yaml:14:7');
    expect(at(['spec', 'template', 'spec', 'missing'])).toBe('pkg/config/templates.yaml:11:5');
    const w = locate(workload!, ['metadata', 'name']);
    expect(w).toEqual({ file: 'pkg/workload.yaml', line: 5, column: 9 });
  });

  it('reads the values parsing ytt\'s output gives', () => {
    const { text } = runYtt(files.map((f) => ({ name: f.name, text: f.text })), { dataValues: [{ key: 'name', value: 'deploy' }], ignoreUnknownComments: true });
    expect(documents.map((d) => d.value)).toEqual(parseText(text, 'out').documents.map((d) => d.value));
  });

  it('tells files of the same name in two directories apart', () => {
    const twins = evaluate([
      { name: 'a.yaml', path: 'one/a.yaml', text: 'kind: A\n' },
      { name: 'a.yaml', path: 'two/a.yaml', text: '# two\n\nkind: B\n' },
    ]);
    expect(twins.documents.map((d) => `${d.file}:${d.line}`)).toEqual(['one/a.yaml:1', 'two/a.yaml:3']);
  });

  it('places the items of a kind: List, and documents that are not objects', () => {
    const list = evaluate([{ name: 'l.yaml', path: 'l.yaml', text: '#@ x = 1\n---\napiVersion: v1\nkind: List\nitems:\n- kind: A\n  metadata: {name: a}\n- kind: B\n--- #@ x\n' }]);
    expect(list.documents.map((d) => `${d.file}:${d.line}`)).toEqual(['l.yaml:6', 'l.yaml:8']);
    expect(locate(list.documents[0]!, ['metadata', 'name'])).toEqual({ file: 'l.yaml', line: 7, column: 20 }) // in a flow map: its value;
    expect(list.diagnostics).toMatchObject([{ code: 'not-an-object', file: 'l.yaml', line: 9 }]);
  });

  it('finds a line of a spec.ytt body the file wrote, and not one it computed', () => {
    const text = `#@ load("@ytt:data", "data")
#@ def body():
#@   return "a: 1\\nb: 2\\n"
#@ end
---
kind: Written
spec:
  ytt: |
    a: 1
    b: 2
---
kind: Computed
spec:
  ytt: #@ body()
`;
    const [written, computed] = evaluate([{ name: 't.yaml', path: 'dir/t.yaml', text }]).documents;
    const body = 'a: 1\nb: 2\n';
    expect(locateBodyLine(written!, ['spec', 'ytt'], 2, body)).toEqual({ file: 'dir/t.yaml', line: 10, column: 1 });
    // Its lines are not the file's: the field itself.
    expect(locateBodyLine(computed!, ['spec', 'ytt'], 2, body)).toEqual({ file: 'dir/t.yaml', line: 14, column: 3 });
    // A plain file, as before.
    const plain = parseText('kind: Plain\nspec:\n  ytt: |\n    a: 1\n    b: 2\n', 'p.yaml').documents[0]!;
    expect(locateBodyLine(plain, ['spec', 'ytt'], 2, body)).toEqual({ file: 'p.yaml', line: 5, column: 1 });
  });
});
