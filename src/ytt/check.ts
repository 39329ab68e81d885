// Checking a ytt template without running it: the file is read and compiled to its Starlark
// program (YAML and Starlark syntax, an `#@ if`/`#@ def`/`#@ for` without its `#@ end`), and each
// `load()` is resolved against the run's files and ytt's built-in modules. Nothing is evaluated,
// so no data value is needed: a linter can check a template whose data values only exist at
// render time. Failures are YttErrors worded as a run would word them.
import { compileYamlFile } from './compiled.js';
import { yttError } from './errors.js';
import { Library, LookupError } from './library.js';
import { STATIC_MODULES, unknownBuiltinModule } from './loader.js';
import { YttError, type YttFile } from './types.js';

/** Modules `load("@ytt:NAME", …)` finds: the static ones and those made per run. */
const BUILTIN = new Set([...Object.keys(STATIC_MODULES), 'data', 'template', 'library']);

/** The first problem compiling `file` (one of `files`, the whole run) would hit, or undefined. */
export function checkYttTemplate(file: YttFile, files: readonly YttFile[] = [file]): YttError | undefined {
  try {
    const compiled = compileYamlFile(file, false);
    const root = Library.root(files);
    for (const stmt of compiled.program.stmts) {
      if (stmt.type !== 'LoadStmt') continue;
      const problem = loadProblem(root, stmt.module);
      if (problem === undefined) continue;
      const line = compiled.template?.lines[stmt.pos.line - 1]?.srcLine ?? null;
      const source = line !== null ? compiled.srcLines[line - 1] ?? null : null;
      return yttError(`\n- cannot load ${stmt.module}: ${problem}`, [{ context: '<toplevel>', file: file.name, line, source }]);
    }
    return undefined;
  } catch (e) {
    if (e instanceof YttError) return e;
    throw e;
  }
}

/** Why `load(module)` would fail in the root library of a run, or undefined when it resolves. */
function loadProblem(root: Library, module: string): string | undefined {
  let path = module;
  let lib = root;
  try {
    if (module.startsWith('@')) {
      const colon = module.indexOf(':');
      if (colon < 0) return "Expected library path to be in format '@name:path' e.g. '@github.com/vmware-tanzu/test:test.star' or '@ytt:base64'";
      const name = module.slice(1, colon);
      path = module.slice(colon + 1);
      if (name === 'ytt') return BUILTIN.has(path) ? undefined : unknownBuiltinModule(path);
      lib = root.findPrivate(name);
    }
    lib.findFile(path.startsWith('/') ? path.slice(1) : path);
    return undefined;
  } catch (e) {
    if (e instanceof LookupError) return e.message;
    throw e;
  }
}
