// Test helper: a suite held in memory (path → text), behind the SuiteFs interface, so suite
// discovery and case runs can be tested without touching the disk.
import { dirname } from 'node:path';
import { FsError, type DirEntry, type SuiteFs } from '../../src/testing/index.js';

export function memoryFs(files: Record<string, string>): SuiteFs {
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) {
    for (let d = dirname(path); d !== '.' && d !== '/' && !dirs.has(d); d = dirname(d)) dirs.add(d);
  }
  return {
    list(dir) {
      if (!dirs.has(dir)) throw new FsError(`open ${dir}: no such file or directory`);
      const names = new Map<string, DirEntry>();
      for (const p of [...Object.keys(files), ...dirs]) {
        if (!p.startsWith(`${dir}/`)) continue;
        const rest = p.slice(dir.length + 1);
        const name = rest.split('/')[0] as string;
        names.set(name, { name, dir: rest.includes('/') || dirs.has(p) });
      }
      return [...names.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    kind(path) {
      return Object.prototype.hasOwnProperty.call(files, path) ? 'file' : dirs.has(path) ? 'dir' : undefined;
    },
    read(path) {
      if (!Object.prototype.hasOwnProperty.call(files, path)) throw new FsError(`open ${path}: no such file or directory`);
      return files[path] as string;
    },
  };
}
