// The shape the README's "How carto is built" describes, checked on the source with the
// TypeScript compiler (so a renamed, namespace, re-exported or dynamic import counts like any
// other): each pipeline step has its callers in the realization core only, no folder imports a
// folder of a higher stage, and the core's functions stay short. A refactoring that adds a second
// caller, or an arrow running back up, fails here first; a fixture of such evasions must fail too.
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/** Stages, lowest first: a folder may import only folders of a lower stage (and its own). */
const STAGES: readonly (readonly string[])[] = [
  ['util', 'version.ts'],
  ['jsonpath', 'diff', 'schema'],
  ['gotypes'],
  ['diagnostics', 'yaml'],
  ['ytt'],
  ['load'],
  ['model'],
  ['eval'],
  ['select', 'chain'],
  ['stamp', 'outputs', 'health'],
  ['realize', 'inputs'],
  ['validate'],
  // render reports lint's admission-webhook rules (one implementation of them).
  ['lint'],
  ['render', 'status', 'migrate'],
  ['review'],
  ['emit', 'graph'],
  ['explain', 'testing'],
  ['cli', 'index.ts'],
];

/** Each step, where it is declared, and the only modules outside its folder that may use it. */
const STEPS: ReadonlyArray<[symbol: string, file: string, callers: string[]]> = [
  ['selectBlueprint', 'select/blueprint.ts', ['realize/plan.ts']],
  ['chooseOption', 'select/options.ts', ['realize/plan.ts']],
  ['gatherInputs', 'chain/inputs.ts', ['realize/resource.ts']],
  ['forwardReferences', 'chain/inputs.ts', ['realize/blueprint-checks.ts']],
  ['mergeParams', 'stamp/params.ts', ['realize/resource.ts']],
  ['buildContext', 'stamp/context.ts', ['realize/resource.ts']],
  ['cartoLabels', 'stamp/labels.ts', ['realize/resource.ts']],
  // Resources of a blueprint, and a Runnable's ClusterRunTemplate.
  ['stampTemplate', 'stamp/stamp.ts', ['realize/resource.ts', 'realize/runnable.ts']],
  ['stampYtt', 'stamp/ytt.ts', []],
  ['finishObject', 'stamp/finish.ts', []],
  ['interpolateTemplate', 'stamp/interpolate.ts', []],
  ['resolveOutputs', 'outputs/resolve.ts', ['realize/resource.ts']],
  ['resolveAbsentOutputs', 'outputs/resolve.ts', ['realize/settle.ts']],
  ['deploymentReadiness', 'outputs/deployment.ts', ['realize/settle.ts']],
  // Health rules: the gate of immutable/tekton outputs, and the Healthy condition on each report.
  ['judgeRule', 'health/rule.ts', ['realize/lifecycle.ts']],
  ['resourceHealth', 'health/resource.ts', ['realize/lifecycle.ts']],
  ['chooseTemplate', 'realize/plan.ts', ['lint/owners.ts', 'testing/supply-chain.ts']],
  ['stampResource', 'realize/resource.ts', ['testing/run-case.ts']],
];

const CORE_FOLDERS = ['realize', 'render', 'stamp', 'chain', 'outputs', 'select'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const folderOf = (file: string): string => relative(SRC, file).split('/')[0] as string;
const stageOf = (folder: string): number => STAGES.findIndex((s) => s.includes(folder));

const config = ts.parseJsonConfigFileContent(ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT);

/** A program over src/ (plus virtual files, for the fixture the checks must reject). */
function program(extra: Record<string, string> = {}, old?: ts.Program): ts.Program {
  const host = ts.createCompilerHost(config.options);
  const virtual = new Map(Object.entries(extra).map(([rel, text]) => [join(SRC, rel), text]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError) => {
    const text = virtual.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, version) : getSourceFile(name, version, onError);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  return ts.createProgram({ rootNames: [...sourceFiles(SRC), ...virtual.keys()], options: config.options, host, ...(old ? { oldProgram: old } : {}) });
}

/** Modules a file imports or re-exports, statically or with import(), as absolute .ts paths under src. */
function importsOf(file: ts.SourceFile): string[] {
  const found: string[] = [];
  const add = (spec: ts.Expression | undefined) => {
    if (!spec || !ts.isStringLiteralLike(spec) || !spec.text.startsWith('.')) return;
    found.push(resolve(dirname(file.fileName), spec.text).replace(/\.js$/, '.ts'));
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `lint/owners.ts imports realize` for every import of a folder of the same or a higher stage. */
function layeringViolations(p: ts.Program): string[] {
  const out: string[] = [];
  for (const file of p.getSourceFiles()) {
    if (!file.fileName.startsWith(SRC)) continue;
    const from = folderOf(file.fileName);
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (to === from || !target.startsWith(SRC)) continue;
      if (stageOf(to) < 0 || stageOf(from) < 0 || stageOf(to) >= stageOf(from)) out.push(`${relative(SRC, file.fileName)} imports ${to}`);
    }
  }
  return out.sort();
}

/** Modules outside `file`'s folder that use the symbol it declares, however they name or reach it. */
function usersOf(p: ts.Program, symbol: string, file: string): string[] {
  const checker = p.getTypeChecker();
  const declared = join(SRC, file);
  const users = new Set<string>();
  for (const source of p.getSourceFiles()) {
    if (!source.fileName.startsWith(SRC) || folderOf(source.fileName) === folderOf(declared)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node.text === symbol || ts.isIdentifier(node) && ts.isExportSpecifier(node.parent)) {
        let s = checker.getSymbolAtLocation(node);
        if (s && s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
        if (s?.name === symbol && s.declarations?.some((d) => d.getSourceFile().fileName === declared)) users.add(relative(SRC, source.fileName));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...users].sort();
}

/** `realize/owner.ts:61 (84 lines)` for each function longer than `limit` lines in the folders. */
function longFunctions(p: ts.Program, folders: readonly string[], limit: number): string[] {
  const long: string[] = [];
  for (const source of p.getSourceFiles()) {
    if (!source.fileName.startsWith(SRC) || !folders.includes(folderOf(source.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - start + 1;
        if (lines > limit) long.push(`${relative(SRC, source.fileName)}:${start + 1} (${lines} lines)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return long;
}

const real = program();

describe('how carto is built', () => {
  it.each(STEPS)('%s (src/%s) is used outside its folder only by %j', (symbol, file, callers) => {
    expect(usersOf(real, symbol, file)).toEqual(callers);
  });

  it('every folder of src has a stage, and no folder imports one of its own or a higher stage', () => {
    const folders = readdirSync(SRC).filter((name) => !name.endsWith('.md'));
    expect(folders.filter((f) => stageOf(f) < 0)).toEqual([]);
    expect(layeringViolations(real)).toEqual([]);
  });

  it.each(CORE_FOLDERS)('no function in src/%s is over 80 lines', (folder) => {
    expect(longFunctions(real, [folder], 80)).toEqual([]);
  });

  it('the checks see through the ways around them (a fixture they must reject)', () => {
    const evasions = program({
      // a namespace import, and a renamed re-export
      'lint/__evasion-a.ts': "import * as sel from '../select/index.js';\nexport const x = sel.chooseOption;\nexport { mergeParams as mp } from '../stamp/params.js';\n",
      // a lower stage reaching up, from a nested folder, with double quotes, and with import()
      'ytt/datavalues/__evasion-b.ts': 'export { realizeOwner } from "../../realize/index.js";\nexport const later = () => import(\'../../cli/main.js\');\n',
      // two folders of one stage importing each other
      'select/__evasion-c.ts': "export { gatherInputs } from '../chain/index.js';\n",
      // a long function in the core
      'realize/__evasion-d.ts': `export function long(): number {\n${'  let a = 1;\n'.repeat(85)}  return 1;\n}\n`,
    }, real);
    expect(usersOf(evasions, 'chooseOption', 'select/options.ts')).toContain('lint/__evasion-a.ts');
    expect(usersOf(evasions, 'mergeParams', 'stamp/params.ts')).toContain('lint/__evasion-a.ts');
    expect(usersOf(evasions, 'gatherInputs', 'chain/inputs.ts')).toContain('select/__evasion-c.ts');
    expect(layeringViolations(evasions)).toEqual(expect.arrayContaining([
      'select/__evasion-c.ts imports chain',
      'ytt/datavalues/__evasion-b.ts imports cli',
      'ytt/datavalues/__evasion-b.ts imports realize',
    ]));
    expect(longFunctions(evasions, ['realize'], 80)).toEqual(['realize/__evasion-d.ts:1 (88 lines)']);
  }, 60_000);
});
