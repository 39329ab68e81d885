// The spool render's output waits in: memory up to its limit, then a temporary file that is 0600
// and has no name while carto runs (removed at once), copied out whole on success, dropped on
// failure. Nothing is left in the temporary directory either way.
import { fstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Spool } from '../../src/emit/index.js';

const dir = mkdtempSync(join(tmpdir(), 'carto-spool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const collect = (spool: Spool): string => {
  const chunks: Buffer[] = [];
  spool.drain((c) => chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c)));
  return Buffer.concat(chunks).toString('utf8');
};

describe('Spool', () => {
  it('keeps a small output in memory', () => {
    const spool = new Spool(100, dir);
    spool.write('a: 1\n');
    spool.write('b: é\n');
    expect(spool.onDisk).toBe(false);
    expect(collect(spool)).toBe('a: 1\nb: é\n');
  });

  it('past its memory, moves everything to a temporary file: 0600, already removed from the directory', () => {
    const spool = new Spool(100, dir);
    const parts = Array.from({ length: 50 }, (_, i) => `- item ${i}: ${'é'.repeat(i)}\n`);
    for (const p of parts) spool.write(p);
    expect(spool.onDisk).toBe(true);
    expect(fstatSync(spool.descriptor as number).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([]);
    expect(collect(spool)).toBe(parts.join(''));
    expect(spool.descriptor).toBeUndefined();
  });

  it('discard() drops it all, twice is harmless, and nothing is left behind', () => {
    const spool = new Spool(10, dir);
    spool.write('x'.repeat(50));
    expect(spool.onDisk).toBe(true);
    spool.discard();
    spool.discard();
    expect(spool.descriptor).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });
});
