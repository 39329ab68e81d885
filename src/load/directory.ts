// Reads a directory argument. `-f DIR` holding ytt files is a ytt package, read as `ytt -f DIR`
// reads it (every file, recursively, named relative to DIR). `-R DIR` looks for packages inside
// DIR instead: a package root is a directory that directly holds a data values (schema) file or
// a `.star` file, each root is a ytt run of its own, and a ytt file under no root runs alone —
// real repositories hold several packages and other tools' files side by side, and nobody runs
// ytt on a repository's root. Anything else is read as kubectl reads it (its manifests).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MAX_FILE_BYTES, MAX_TOTAL_BYTES, formatBytes } from '../util/limits.js';
import { limitDiagnostic } from './documents.js';
import { readText } from './input-text.js';
import { reasonOf, type SetAside } from './set-aside.js';
import { readBounded } from './text.js';
import { isYttPackage, isYttTemplateText, listTree, type TreeFile } from './ytt-package.js';

export interface FileText {
  /** As ytt names it (relative to the package root). */
  name: string;
  /** As the user can open it. */
  path: string;
  text: string;
}

export interface DirectoryRead {
  /** The directory is a package named by the user: its files join the run of the named inputs. */
  named: FileText[];
  /** Packages found inside the directory (-R), and ytt files under no package, each a run of its own. */
  runs: Array<{ root: string; files: FileText[] }>;
  /** Files read as they are. */
  plain: FileText[];
}

const MANIFEST = /\.(ya?ml|json)$/i;
const YAML_FILE = /\.ya?ml$/i;
const JSON_FILE = /\.json$/i;
const DATA_VALUES = /^#@data\/values/m;

export function readDirectory(dir: string, how: { recursive: boolean; exclude: readonly string[] }, budget: { bytes: number }, diagnostics: Diagnostic[], setAside: SetAside[]): DirectoryRead {
  const { recursive, exclude } = how;
  const tree = listTree(dir).filter((f) => !exclude.some((x) => f.path === x || f.path.startsWith(`${x}/`)));
  const texts = new Map<string, string | Diagnostic>();
  const raw = (f: TreeFile): string | Diagnostic => {
    let t = texts.get(f.path);
    if (t === undefined) texts.set(f.path, (t = readText(f.path, f.path, { bytes: MAX_TOTAL_BYTES })));
    return t;
  };
  const textOf = (f: TreeFile): string | undefined => {
    const t = raw(f);
    return typeof t === 'string' ? t : undefined;
  };
  /** The text of a file carto reads, or undefined (with the problem reported or the file set aside). */
  const use = (f: TreeFile, inPackage: boolean): FileText | undefined => {
    const t = raw(f);
    if (typeof t === 'string') {
      // the command's byte budget counts what is read, not what was only looked at for `#@`
      budget.bytes -= Buffer.byteLength(t);
      if (budget.bytes >= 0) return { name: f.name, path: f.path, text: t };
      diagnostics.push(limitDiagnostic(`the inputs are larger than carto's limit of ${formatBytes(MAX_TOTAL_BYTES)} together`, f.path));
      return undefined;
    }
    // a data file ytt never parses (an image, an archive) is no business of carto's
    if (inPackage && !MANIFEST.test(f.name)) return undefined;
    if (t.code === 'input-limit' || readBounded(f.path, MAX_FILE_BYTES).includes('carto.run')) diagnostics.push(t);
    else setAside.push({ file: f.path, reason: reasonOf(t) });
    return undefined;
  };
  const read = (files: readonly TreeFile[], inPackage: boolean): FileText[] => files.flatMap((f) => (budget.bytes < 0 ? [] : use(f, inPackage) ?? []));

  const result: DirectoryRead = { named: [], runs: [], plain: [] };
  if (!recursive || isRoot(tree.filter((f) => !f.name.includes('/')), textOf)) {
    if (recursive || isYttPackage(tree, textOf)) {
      // ytt takes a package's .json files for data and never prints them; carto reads them as
      // manifests, as in any directory (JSON holds no ytt annotations, so nothing is lost)
      result.named = read(tree.filter((f) => !JSON_FILE.test(f.name)), true);
      result.plain = read(tree.filter((f) => JSON_FILE.test(f.name)), false);
    } else {
      result.plain = read(tree.filter((f) => MANIFEST.test(f.name) && !f.name.includes('/')), false);
    }
    return result;
  }
  const roots = packageRoots(tree, textOf);
  const rootOf = (f: TreeFile): string | undefined => roots.find((r) => f.name.startsWith(`${r}/`));
  for (const root of roots) {
    const files = tree.filter((f) => f.name.startsWith(`${root}/`) && !JSON_FILE.test(f.name));
    result.runs.push({ root: `${dir.replace(/\/+$/, '')}/${root}/`, files: read(files.map((f) => ({ name: f.name.slice(root.length + 1), path: f.path })), true) });
  }
  for (const f of tree) {
    if (!MANIFEST.test(f.name) || (rootOf(f) !== undefined && !JSON_FILE.test(f.name))) continue;
    const file = use(f, false);
    if (!file) continue;
    if (YAML_FILE.test(f.name) && isYttTemplateText(file.text)) result.runs.push({ root: f.path, files: [{ ...file, name: f.name.slice(f.name.lastIndexOf('/') + 1) }] });
    else result.plain.push(file);
  }
  return result;
}

/** True when a directory's own files make it a package root: a data values (schema) file or a `.star` file. */
function isRoot(files: readonly TreeFile[], textOf: (f: TreeFile) => string | undefined): boolean {
  return files.some((f) => f.name.endsWith('.star') || (YAML_FILE.test(f.name) && DATA_VALUES.test(textOf(f) ?? '')));
}

/** The topmost directories (relative to the tree) that are package roots; a `_ytt_lib` belongs to its package. */
function packageRoots(tree: readonly TreeFile[], textOf: (f: TreeFile) => string | undefined): string[] {
  const byDir = new Map<string, TreeFile[]>();
  for (const f of tree) {
    const slash = f.name.lastIndexOf('/');
    if (slash < 0 || f.name.includes('_ytt_lib/')) continue;
    const d = f.name.slice(0, slash);
    byDir.set(d, [...(byDir.get(d) ?? []), f]);
  }
  const roots = [...byDir.keys()].filter((d) => isRoot(byDir.get(d)!, textOf)).sort();
  return roots.filter((d) => !roots.some((r) => r !== d && d.startsWith(`${r}/`)));
}
