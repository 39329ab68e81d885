// The shape the README's "How carto is built" describes, checked on the source: each pipeline
// step has one caller outside its own folder (the realization core, src/realize), lower stages
// never import the stages above them, and the core's folders keep functions short. A refactoring
// that adds a second caller, or an arrow running back up, fails here first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
const folderOf = (path: string) => path.split('/')[0] as string;

/** Files outside `folder` that import `symbol` by name (re-exports in the folder's index aside). */
function callersOutside(symbol: string, folder: string): string[] {
  const imports = new RegExp(`import\\s*\\{[^}]*\\b${symbol}\\b[^}]*\\}\\s*from`);
  return files.filter((f) => folderOf(f.path) !== folder && imports.test(f.text)).map((f) => f.path).sort();
}

describe('each pipeline step is called from one place: the realization core', () => {
  const steps: Array<[string, string, string[]]> = [
    ['selectBlueprint', 'select', ['realize/plan.ts']],
    ['chooseOption', 'select', ['realize/plan.ts']],
    ['gatherInputs', 'chain', ['realize/resource.ts']],
    ['mergeParams', 'stamp', ['realize/resource.ts']],
    ['buildContext', 'stamp', ['realize/resource.ts']],
    ['cartoLabels', 'stamp', ['realize/resource.ts']],
    // Resources of a blueprint, and a Runnable's ClusterRunTemplate.
    ['stampTemplate', 'stamp', ['realize/resource.ts', 'realize/runnable.ts']],
    ['stampYtt', 'stamp', []],
    ['finishObject', 'stamp', []],
    ['interpolateTemplate', 'stamp', []],
    ['resolveOutputs', 'outputs', ['realize/resource.ts']],
    ['deploymentReadiness', 'outputs', ['realize/settle.ts']],
    ['forwardReferences', 'chain', ['realize/blueprint-checks.ts']],
  ];
  it.each(steps)('%s (src/%s) is called from %j', (symbol, folder, expected) => {
    expect(callersOutside(symbol, folder)).toEqual(expected);
  });

  it('the lower stages never import the core or the commands above them', () => {
    const lower = ['load', 'inputs', 'model', 'select', 'chain', 'stamp', 'outputs', 'jsonpath', 'yaml', 'ytt', 'gotypes'];
    const above = ['realize', 'render', 'lint', 'explain', 'graph', 'testing', 'cli', 'emit'];
    const offending = files.filter((f) => lower.includes(folderOf(f.path))).flatMap((f) =>
      [...f.text.matchAll(/from '\.\.\/([a-z-]+)\//g)].filter((m) => above.includes(m[1] as string)).map((m) => `${f.path} imports ${m[1]}`));
    expect(offending).toEqual([]);
  });
});

describe('the core keeps its functions short', () => {
  const folders = ['realize', 'render', 'stamp', 'chain', 'outputs', 'select'];
  it.each(folders)('no function in src/%s is over 80 lines', (folder) => {
    const long: string[] = [];
    for (const f of files.filter((file) => folderOf(file.path) === folder)) {
      const source = ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
          if (end - start + 1 > 80) long.push(`${f.path}:${start + 1} (${end - start + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });
});
