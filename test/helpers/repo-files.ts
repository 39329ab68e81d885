// The repository's own files of a kind (by name), for tests that read every one of them: the
// examples, goldens and fixtures. Skips dot folders, node_modules and dist, and symlinks (the
// hostile corpus has one to /dev/zero).
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function repoFiles(root: string, name: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      if (entry.startsWith('.') || entry === 'node_modules' || entry === 'dist') continue;
      const p = join(dir, entry);
      if (lstatSync(p).isSymbolicLink()) continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (name.test(entry)) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}
