// --output-dir written owner by owner: each batch of files goes under temporary names beside its
// place, and only commit() puts them in place; abort() (a failed render, an interruption) and a
// batch that cannot be written leave the directory as it was, whatever was written before.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectoryWriter } from '../../src/emit/index.js';

const base = mkdtempSync(join(tmpdir(), 'carto-outdir-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const dir = join(base, `d${n++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'keep.txt'), 'mine\n');
  return dir;
};
/**
 * Every file under `dir`, relative to it. A walk of our own: Node 22 and 24's recursive readdirSync
 * follows symlinked directories (it looped through the symlink this file plants), Node 20's does not.
 */
function files(dir: string, under = dir): string[] {
  return readdirSync(under, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, join(under, e.name)) : e.isFile() ? [relative(dir, join(under, e.name))] : []))
    .sort();
}

describe('DirectoryWriter', () => {
  it('writes batches under temporary names, and commit() renames them all into place', () => {
    const dir = fresh();
    const writer = new DirectoryWriter(dir);
    writer.write([{ path: 'dev/workload-a/config.yaml', text: 'a\n' }]);
    writer.write([{ path: 'dev/workload-b/config.yaml', text: 'b\n' }, { path: 'dev/workload-b/deploy.yaml', text: 'c\n' }]);
    expect(files(dir).filter((f) => f.endsWith('.yaml'))).toEqual([]);
    expect(writer.count).toBe(3);
    writer.commit();
    expect(files(dir)).toEqual(['dev/workload-a/config.yaml', 'dev/workload-b/config.yaml', 'dev/workload-b/deploy.yaml', 'keep.txt']);
    expect(readFileSync(join(dir, 'dev/workload-b/deploy.yaml'), 'utf8')).toBe('c\n');
  });

  it('abort() removes every temporary file and the directories it made', () => {
    const dir = fresh();
    const writer = new DirectoryWriter(dir);
    writer.write([{ path: 'dev/workload-a/config.yaml', text: 'a\n' }]);
    writer.write([{ path: 'prod/workload-b/config.yaml', text: 'b\n' }]);
    writer.abort();
    writer.abort();
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });

  it('a later batch that meets a symlink undoes the earlier ones: nothing was written', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'prod'));
    symlinkSync(base, join(dir, 'prod', 'workload-b'));
    const writer = new DirectoryWriter(dir);
    writer.write([{ path: 'dev/workload-a/config.yaml', text: 'a\n' }]);
    expect(() => writer.write([{ path: 'prod/workload-b/config.yaml', text: 'b\n' }])).toThrowError(/refusing to write into .*prod\/workload-b: it is a symlink.*\(nothing was written\)/);
    expect(files(dir)).toEqual(['keep.txt']);
    expect(readdirSync(dir).sort()).toEqual(['keep.txt', 'prod']);
  });

  it('a later batch that cannot be written undoes the earlier ones, naming the file', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'dev', 'workload-b', 'config.yaml'), { recursive: true });
    const writer = new DirectoryWriter(dir);
    writer.write([{ path: 'dev/workload-a/config.yaml', text: 'a\n' }]);
    expect(() => writer.write([{ path: 'dev/workload-b/config.yaml', text: 'b\n' }])).toThrowError(`cannot write ${join(dir, 'dev/workload-b/config.yaml')}: a directory is in the way (nothing was written)`);
    expect(files(dir)).toEqual(['keep.txt']);
  });
});
