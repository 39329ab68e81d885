// readYttArgument: one -f argument read as ytt 0.45.9 reads it (names, order, which files, symlinks,
// stdin, NAME=PATH), within carto's byte limits, with ytt's message for paths it cannot read.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YttPathError, listYttDirectory, readYttArgument } from '../../src/load/ytt-tree.js';
import { InputError, UsageError } from '../../src/diagnostics/diagnostic.js';

let dir: string;

function write(path: string, text: string | Buffer): void {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'carto-ytt-tree-'));
  write('pkg/b.yaml', 'b: 1\n');
  write('pkg/a.yml', 'a: 1\n');
  write('pkg/.hidden.yaml', 'h: 1\n');
  write('pkg/Z.yaml', 'z: 1\n');
  write('pkg/_ytt_lib/lib/x.star', 'x = 1\n');
  write('pkg/sub/deeper/d.txt', 'text\n');
  write('pkg/sub/c.json', '{"c": 1}\n');
  write('pkg/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]));
  write('bad.yaml', Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
  write('real/target.yaml', 't: 1\n');
  mkdirSync(join(dir, 'links'));
  symlinkSync('../real/target.yaml', join(dir, 'links/link.yaml'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readYttArgument', () => {
  it('walks a directory recursively: every file, hidden ones and any extension, named relative to it, in byte order', () => {
    const files = readYttArgument(join(dir, 'pkg'));
    expect(files.map((f) => f.name)).toEqual(['.hidden.yaml', 'Z.yaml', '_ytt_lib/lib/x.star', 'a.yml', 'b.yaml', 'logo.png', 'sub/c.json', 'sub/deeper/d.txt']);
    expect(files[4]).toEqual({ name: 'b.yaml', path: join(dir, 'pkg', 'b.yaml'), text: 'b: 1\n' });
  });

  it('lists a directory without reading it, leaving out the directories a caller skips', () => {
    const listed = listYttDirectory(join(dir, 'pkg'), { skipDirectory: (path) => path.endsWith('_ytt_lib') });
    expect(listed.map((f) => f.name)).toEqual(['.hidden.yaml', 'Z.yaml', 'a.yml', 'b.yaml', 'logo.png', 'sub/c.json', 'sub/deeper/d.txt']);
    expect(listed[0]).toEqual({ name: '.hidden.yaml', path: join(dir, 'pkg', '.hidden.yaml') });
  });

  it('names a file by its base name, or NAME for NAME=PATH', () => {
    expect(readYttArgument(join(dir, 'pkg/sub/c.json')).map((f) => [f.name, f.path])).toEqual([['c.json', join(dir, 'pkg/sub/c.json')]]);
    expect(readYttArgument(`lib/x.json=${join(dir, 'pkg/sub/c.json')}`).map((f) => f.name)).toEqual(['lib/x.json']);
  });

  it('reads - from stdin as stdin.yml (or NAME=-)', () => {
    expect(readYttArgument('-', { readStdin: () => 'x: 1\n' })).toEqual([{ name: 'stdin.yml', path: '<stdin>', text: 'x: 1\n' }]);
    expect(readYttArgument('in.yaml=-', { readStdin: () => '' })[0]!.name).toBe('in.yaml');
  });

  it('keeps data files that are not UTF-8 (templates may read them); a template must be UTF-8', () => {
    expect(readYttArgument(join(dir, 'pkg')).find((f) => f.name === 'logo.png')!.text).toContain('PNG');
    expect(() => readYttArgument(join(dir, 'bad.yaml'))).toThrow(InputError);
    expect(() => readYttArgument(join(dir, 'bad.yaml'))).toThrow(/bad\.yaml is not UTF-8 text: invalid byte 0xFF at line 1, column 4/);
  });

  it('refuses symlinks as ytt does, unless their destination is allowed', () => {
    let err: unknown;
    try {
      readYttArgument(join(dir, 'links'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(YttPathError);
    expect(err).toBeInstanceOf(UsageError);
    const path = join(dir, 'links/link.yaml');
    expect((err as YttPathError).ytt).toBe(
      `Listing files '${join(dir, 'links')}': Checking symlink file '${path}': Expected symlink file '${path}' -> '${realpathSync(join(dir, 'real/target.yaml'))}' to be allowed, but was not (hint: symlinks are disallowed as a security feature, use '--allow-symlink-destination' flags to override)`,
    );
    expect(readYttArgument(join(dir, 'links'), { allowSymlinks: [realpathSync(join(dir, 'real'))] }).map((f) => [f.name, f.text])).toEqual([['link.yaml', 't: 1\n']]);
    expect(readYttArgument(path, { allowSymlinks: true })[0]!.text).toBe('t: 1\n');
    expect(() => readYttArgument(path, { allowSymlinks: [join(dir, 'pkg')] })).toThrow(YttPathError);
  });

  it('says what ytt says about a path that does not exist, and about NAME=PATH with two =', () => {
    const missing = join(dir, 'nope.yaml');
    expect(() => readYttArgument(missing)).toThrow(`cannot read ${missing}: no such file or directory`);
    try {
      readYttArgument(missing);
    } catch (e) {
      expect((e as YttPathError).ytt).toBe(`Checking file '${missing}': lstat ${missing}: no such file or directory`);
    }
    expect(() => readYttArgument('a=b=c')).toThrow(YttPathError);
  });

  it('refuses devices, and URLs (carto reads no network)', () => {
    expect(() => readYttArgument('/dev/null')).toThrow(/not a regular file/);
    expect(() => readYttArgument('https://example.com/x.yaml')).toThrow(/does not fetch files over the network/);
  });

  it('charges every file to the shared byte budget', () => {
    const budget = { bytes: 12 };
    readYttArgument(join(dir, 'pkg/b.yaml'), { budget });
    expect(budget.bytes).toBe(7);
    expect(() => readYttArgument(join(dir, 'pkg'), { budget })).toThrow(/larger than carto's limit/);
  });
});
