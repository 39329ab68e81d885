// Reads a directory argument. `-f DIR` holding ytt files is a ytt package, read as `ytt -f DIR`
// reads it (every file, recursively, named relative to DIR). `-R DIR` looks for packages inside
// DIR instead: a package root is a directory that directly holds a data values (schema) file or
// a `.star` file, each root is a ytt run of its own, and a ytt file under no root runs alone —
// real repositories hold several packages and other tools' files side by side, and nobody runs
// ytt on a repository's root. Anything else is read as kubectl reads it (its manifests).
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MAX_FILE_BYTES } from '../util/limits.js';
import { readText } from './input-text.js';
import { reasonOf, type SetAside, type SetAsidePolicy } from './set-aside.js';
import { readBounded } from './text.js';
import { JSON_FILE, MANIFEST, YAML_FILE, manifestsOf, isDataValuesText, isYttPackage, isYttSource, isYttTemplateText, listTree, type TreeFile } from './ytt-package.js';

export interface FileText {
  /** As ytt names it (relative to the package root). */
  name: string;
  /** As the user can open it. */
  path: string;
  text: string;
}

export interface ReadHow {
  /** Paths to leave out (a test's own files among its inputs, files named on their own). */
  exclude: readonly string[];
  /** Directories holding a file of one of these names are left out (ReadOptions.skipDirectoriesHolding). */
  skipHolding: readonly string[];
  /** Which unreadable files may be set aside (none without a policy). */
  setAside: SetAsidePolicy | undefined;
}

/**
 * A directory argument, listed and looked at (its YAML files' text read once, under the budget),
 * before the command decides how to read it: as a ytt package, as packages to find (-R), or as
 * plain manifests.
 */
export class DirectoryScan {
  private readonly tree: TreeFile[];
  private readonly reader: TreeReader;
  private rootsCache: string[] | undefined;

  constructor(
    readonly dir: string,
    how: ReadHow,
    budget: { bytes: number },
    diagnostics: Diagnostic[],
    setAside: SetAside[],
  ) {
    // (excluded directories are not walked into: an ignored node_modules costs nothing)
    const exclude = new Set(how.exclude.map((x) => resolve(x)));
    this.tree = exclude.has(resolve(dir)) ? [] : listTree(dir, how.skipHolding, exclude.size === 0 ? undefined : (path) => exclude.has(resolve(path)));
    this.reader = new TreeReader(budget, diagnostics, setAside, how.setAside);
  }

  /** A ytt file anywhere below: `ytt -f DIR` would have to evaluate something. */
  get holdsYtt(): boolean {
    return isYttPackage(this.tree, this.reader.peek);
  }

  /** The directory itself is a package root (a data values or .star file, a _ytt_lib, at its top). */
  get isRoot(): boolean {
    return isRoot(this.tree.filter((f) => !f.name.includes('/')), this.reader.peek);
  }

  /** Package roots in its subdirectories (the topmost ones): a repository of packages. */
  get roots(): string[] {
    return (this.rootsCache ??= packageRoots(this.tree, this.reader.peek));
  }

  /** Every file, as `ytt -f DIR` reads them, named relative to the directory. */
  asPackage(): FileText[] {
    return this.reader.package(this.tree);
  }

  /** Its manifests, as kubectl reads them (its subdirectories' too when recursive). */
  asManifests(recursive: boolean): FileText[] {
    return this.reader.manifests(manifestsOf(this.tree, recursive));
  }

  /** With -R: each package root a run of its own, each ytt file under none a run alone, the rest plain. */
  discover(): { runs: Array<{ root: string; files: FileText[] }>; plain: FileText[] } {
    const roots = this.roots;
    const runs: Array<{ root: string; files: FileText[] }> = [];
    const plain: FileText[] = [];
    const rootOf = (f: TreeFile): string | undefined => roots.find((r) => f.name.startsWith(`${r}/`));
    for (const root of roots) {
      const files = this.tree.filter((f) => f.name.startsWith(`${root}/`)).map((f) => ({ ...f, name: f.name.slice(root.length + 1) }));
      runs.push({ root: `${this.dir.replace(/\/+$/, '')}/${root}/`, files: this.reader.package(files) });
    }
    for (const file of this.reader.manifests(this.tree.filter((f) => MANIFEST.test(f.name) && rootOf(f) === undefined))) {
      if (YAML_FILE.test(file.name) && isYttTemplateText(file.text)) runs.push({ root: file.path, files: [{ ...file, name: file.name.slice(file.name.lastIndexOf('/') + 1) }] });
      else plain.push(file);
    }
    return { runs, plain };
  }
}

/**
 * Reads the files of one directory argument under the command's byte budget: what is read to look
 * for `#@` counts too (and is kept, to be read once), and once the budget is spent nothing more is.
 */
class TreeReader {
  private readonly texts = new Map<string, string | Diagnostic>();
  /** The limit message of the read that spent the budget, reported once. */
  private spentBy: Diagnostic | undefined;

  constructor(
    private readonly budget: { bytes: number },
    private readonly diagnostics: Diagnostic[],
    private readonly setAside: SetAside[],
    private readonly policy: SetAsidePolicy | undefined,
  ) {}

  /** A file's text when it can be read, for looking at it (`#@`, data values). */
  readonly peek = (f: TreeFile): string | undefined => {
    const t = this.raw(f);
    return typeof t === 'string' ? t : undefined;
  };

  /** Manifests read as they are; one that cannot be read is reported or set aside. */
  manifests(files: readonly TreeFile[]): FileText[] {
    return files.flatMap((f) => this.use(f) ?? []);
  }

  /**
   * A package's files, as ytt reads them: symlinks refused (ytt would not read outside the
   * package, and a pull request can add one), files that are only data (images, archives) read
   * only when they are text. ytt takes `.json` files for data and never prints them: one that
   * holds an object the command reads (by its set-aside policy) is named in a note rather than
   * read behind ytt's back.
   */
  package(files: readonly TreeFile[]): FileText[] {
    const out: FileText[] = [];
    for (const f of files) {
      if (this.spent()) break;
      if (f.symlink) {
        this.diagnostics.push(symlinkDiagnostic(f));
        continue;
      }
      if (JSON_FILE.test(f.name)) {
        const t = this.peek(f);
        if (t !== undefined && this.policy?.holdsInput(t)) this.diagnostics.push(jsonInPackage(f, this.policy.object));
        if (t !== undefined) out.push({ name: f.name, path: f.path, text: t });
        continue;
      }
      if (isYttSource(f.name)) {
        const file = this.use(f);
        if (file) out.push(file);
      } else {
        const t = this.peek(f);
        if (t !== undefined) out.push({ name: f.name, path: f.path, text: t });
      }
    }
    return out;
  }

  private raw(f: TreeFile): string | Diagnostic {
    let t = this.texts.get(f.path);
    if (t === undefined) {
      t = this.budget.bytes < 0 ? NOT_READ : readText(f.path, f.path, this.budget);
      if (typeof t !== 'string' && this.budget.bytes < 0) this.spentBy ??= t;
      this.texts.set(f.path, t);
    }
    return t;
  }

  /** True once the command's byte budget is spent: then one message, whatever the number of files left. */
  private spent(): boolean {
    if (this.budget.bytes >= 0) return false;
    if (this.spentBy && !this.diagnostics.includes(this.spentBy)) this.diagnostics.push(this.spentBy);
    return true;
  }

  /** The text of a file carto reads, or undefined: the problem reported, or the file set aside. */
  private use(f: TreeFile): FileText | undefined {
    if (this.spent()) return undefined;
    const t = this.raw(f);
    if (typeof t === 'string') return { name: f.name, path: f.path, text: t };
    if (this.spent()) return undefined;
    // the raw bytes: a file that is not UTF-8 may still name what the command reads
    if (this.policy === undefined || this.policy.holdsInput(readBounded(f.path, MAX_FILE_BYTES).toString('latin1'))) this.diagnostics.push(t);
    else this.setAside.push({ file: f.path, reason: reasonOf(t) });
    return undefined;
  }
}

/** What a file is once the budget is spent: never read, never reported on its own. */
const NOT_READ: Diagnostic = { severity: 'error', code: 'input-limit', message: 'not read: the byte budget is spent' };

function symlinkDiagnostic(f: TreeFile): Diagnostic {
  return {
    severity: 'error',
    code: 'ytt-template-file',
    message: `${f.path} is a symlink in a ytt package: ytt refuses to read one (it could point outside the package), and so does carto`,
    file: f.path,
    hint: 'replace it with the file itself, or render the package with ytt first (ytt --allow-symlink-destination DIR -f … | carto render -f -)',
  };
}

function jsonInPackage(f: TreeFile, object: string): Diagnostic {
  return {
    severity: 'note',
    code: 'json-in-package',
    message: `${f.path} holds ${object}s, but ytt takes a package's .json files for data, not templates, so they are not rendered (as ytt -f would not print them)`,
    file: f.path,
    hint: 'name the file itself with -f to read it, or write it as .yaml',
  };
}

/** True when a directory's own files make it a package root: a data values (schema) file, a `.star` file, a `_ytt_lib`. */
function isRoot(files: readonly TreeFile[], textOf: (f: TreeFile) => string | undefined): boolean {
  return files.some((f) => f.name.endsWith('.star') || f.name.startsWith('_ytt_lib/') || (YAML_FILE.test(f.name) && isDataValuesText(textOf(f) ?? '')));
}

/**
 * The topmost directories (relative to the tree) that are package roots. A `_ytt_lib` belongs to
 * its package, and makes the directory holding it a root (its libraries are that package's).
 */
function packageRoots(tree: readonly TreeFile[], textOf: (f: TreeFile) => string | undefined): string[] {
  const byDir = new Map<string, TreeFile[]>();
  const withLibraries = new Set<string>();
  for (const f of tree) {
    const lib = f.name.indexOf('_ytt_lib/');
    if (lib >= 0) {
      if (lib > 0) withLibraries.add(f.name.slice(0, lib - 1));
      continue;
    }
    const slash = f.name.lastIndexOf('/');
    if (slash < 0) continue;
    const d = f.name.slice(0, slash);
    const files = byDir.get(d);
    if (files) files.push(f);
    else byDir.set(d, [f]);
  }
  const roots = [...new Set([...withLibraries, ...[...byDir.keys()].filter((d) => isRoot(byDir.get(d)!, textOf))])].sort();
  return roots.filter((d) => !roots.some((r) => r !== d && d.startsWith(`${r}/`)));
}
