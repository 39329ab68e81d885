// Directories of files written for one test file, under a temporary folder removed when the file's
// tests are done: `tree({ 'a/b.yaml': text })` is a fresh directory holding them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

/** A function that writes a fresh directory holding these files (relative path → text) and returns its path. */
export function tempTrees(prefix: string): (files: Record<string, string>) => string {
  const base = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  let n = 0;
  return (files) => {
    const dir = join(base, `t${n++}`);
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    return dir;
  };
}
