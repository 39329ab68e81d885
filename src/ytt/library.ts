// The files of a ytt run as ytt organises them: each file's kind by its name, and the tree of
// libraries its directories form (a directory is a library; `_ytt_lib` holds private libraries,
// reachable only through `load("@name:…")` and `@ytt:library`). Lookups fail with ytt's messages.
import type { YttFile } from './types.js';

export type FileType = 'yaml' | 'star' | 'text' | 'data';

/** One input file, with its place in the run's order. */
export class LibFile {
  readonly type: FileType;
  /** Evaluated only when loaded (or exported from): `.star`, and `*.lib.yml`/`*.lib.txt`. */
  readonly isLibrary: boolean;
  /** A YAML or text file evaluated for the output (unless it turns out to hold data values). */
  readonly isTemplate: boolean;
  constructor(
    readonly file: YttFile,
    /** Position in the run's order (ytt sorts output documents by it). */
    readonly order: number,
  ) {
    const base = baseName(file.name);
    this.type = /\.ya?ml$/.test(base) ? 'yaml' : base.endsWith('.star') ? 'star' : base.endsWith('.txt') ? 'text' : 'data';
    const parts = base.split('.');
    this.isLibrary = this.type === 'star' || (parts.length > 2 && parts[parts.length - 2] === 'lib');
    this.isTemplate = !this.isLibrary && (this.type === 'yaml' || this.type === 'text');
  }
  get name(): string {
    return this.file.name;
  }
}

const PRIVATE = '_ytt_lib';

export class Library {
  readonly children: Library[] = [];
  readonly files: LibFile[] = [];
  constructor(
    readonly name: string,
    readonly isPrivate: boolean,
  ) {}

  /** The root library of a run's files (their names are paths relative to the run). */
  static root(files: readonly YttFile[]): Library {
    const root = new Library('', false);
    files.forEach((f, i) => {
      const pieces = f.name.split('/');
      pieces.pop();
      let lib: Library = root;
      for (const piece of pieces) lib = lib.child(piece) ?? lib.add(piece);
      lib.files.push(new LibFile(f, i + 1));
    });
    return root;
  }

  private child(name: string): Library | undefined {
    return this.children.find((l) => l.name === name);
  }

  private add(name: string): Library {
    const lib = new Library(name, name === PRIVATE);
    this.children.push(lib);
    return lib;
  }

  /** A private library, `name` being a path below this library's `_ytt_lib` (`@name:` of load, library.get). */
  findPrivate(path: string): Library {
    const priv = this.children.find((l) => l.isPrivate);
    if (!priv) throw new LookupError(`Could not find private library (directory '${PRIVATE}' missing?)`);
    const pieces = path.split('/');
    let lib = priv;
    for (let i = 0; i < pieces.length; i++) {
      const next = lib.child(pieces[i]!);
      if (!next) throw new LookupError(`Expected to find library '${path}', but did not find '${pieces.slice(0, i).join('/')}'`);
      if (next.isPrivate) throw new LookupError(`Could not load private library '${pieces.slice(0, i).join('/')}'`);
      lib = next;
    }
    return lib;
  }

  /** A library below this one, by path (data.list("dir")). */
  find(path: string): Library {
    const pieces = path.split('/');
    let lib: Library = this;
    for (let i = 0; i < pieces.length; i++) {
      const next = lib.child(pieces[i]!);
      if (!next) throw new LookupError(`Did not find '${pieces.slice(0, i).join('/')}'`);
      if (next.isPrivate) throw new LookupError(`Encountered private library '${PRIVATE}'`);
      lib = next;
    }
    return lib;
  }

  /** A file by path relative to this library (load(), data.read()). */
  findFile(path: string): FileInLibrary {
    const pieces = path.split('/');
    const base = pieces.pop()!;
    let lib: Library = this;
    if (pieces.length > 0) {
      try {
        lib = this.find(pieces.join('/'));
      } catch (e) {
        if (e instanceof LookupError) throw new LookupError(`Expected to find file '${path}', but did not: ${e.message}`);
        throw e;
      }
    }
    const file = lib.files.find((f) => baseName(f.name) === base);
    if (!file) throw new LookupError(`Expected to find file '${path}' (hint: only files included via -f flag are available)`);
    return { file, library: lib, path: base };
  }

  /** This library's files, then those of its public sub-libraries, depth first (ytt's ListAccessibleFiles). */
  accessibleFiles(prefix = ''): FileInLibrary[] {
    const out: FileInLibrary[] = this.files.map((file) => ({ file, library: this, path: prefix + baseName(file.name) }));
    for (const lib of this.children) if (!lib.isPrivate) out.push(...lib.accessibleFiles(`${prefix}${lib.name}/`));
    return out;
  }
}

/** A file as seen from a library: `path` relative to it. */
export interface FileInLibrary {
  file: LibFile;
  library: Library;
  path: string;
}

/** A failed lookup, with ytt's message. */
export class LookupError extends Error {}

function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** In ytt's file order (the order of the arguments, then of the paths inside a directory). */
export function byOrder(a: { file: LibFile }, b: { file: LibFile }): number {
  return a.file.order - b.file.order;
}
