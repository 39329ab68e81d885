// Finds the ytt binary that `carto render --ytt` spawns in the P3 benchmark (and P5's ytt pipeline):
// $BENCH_YTT, ../shared/tools/ytt-0.45.9/ytt, or a `ytt` on PATH when there is one (the real cost), else a stand-in that only starts a process, reads its
// stdin and prints a fixed ConfigMap (the lower bound of what spawning ytt costs). The stand-in is
// compiled from C when a C compiler exists (a node script would add Node's own ~40-110 ms start-up
// and overstate the cost), else it is a /bin/sh script.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const OUTPUT = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ytt-stand-in\ndata:\n  made-by: stand-in\n';

const C_SOURCE = `/* ytt stand-in for carto's benchmark: drain stdin, print one fixed ConfigMap, exit 0. */
#include <stdio.h>
#include <unistd.h>
int main(void) {
  char buf[65536];
  while (read(0, buf, sizeof buf) > 0) {}
  fputs(${JSON.stringify(OUTPUT)}, stdout);
  return 0;
}
`;

function realYtt(path) {
  const run = spawnSync(path, ['version'], { encoding: 'utf8', timeout: 30_000 });
  if (run.error || run.status !== 0) return undefined;
  return run.stdout.trim().split('\n')[0];
}

/** → { path, kind: 'ytt' | 'stand-in (C)' | 'stand-in (sh)', version?, note } */
export function findYtt(cacheDir) {
  // the real ytt 0.45.9 the project keeps beside the checkout (../shared/tools), when it is there
  const shared = fileURLToPath(new URL('../../shared/tools/ytt-0.45.9/ytt', import.meta.url));
  for (const path of [process.env.BENCH_YTT, existsSync(shared) ? shared : undefined, 'ytt'].filter(Boolean)) {
    const version = realYtt(path);
    if (version) return { path, kind: 'ytt', version, note: `real ytt (${version})` };
  }
  const dir = join(cacheDir, 'ytt-stand-in');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'stand-in.c'), C_SOURCE);
  for (const cc of [process.env.CC, 'cc', 'gcc', 'clang'].filter(Boolean)) {
    const out = join(dir, 'ytt-c');
    const run = spawnSync(cc, ['-O2', '-o', out, join(dir, 'stand-in.c')], { encoding: 'utf8' });
    if (!run.error && run.status === 0) {
      return { path: out, kind: 'stand-in (C)', note: `no ytt binary here: a C stand-in (compiled with ${cc}) that only starts, reads stdin and prints a ConfigMap; the ratio is a lower bound` };
    }
  }
  const sh = join(dir, 'ytt-sh');
  writeFileSync(sh, `#!/bin/sh\n# ytt stand-in for carto's benchmark: drain stdin, print one fixed ConfigMap.\ncat >/dev/null\nprintf '%s' '${OUTPUT}'\n`);
  chmodSync(sh, 0o755);
  return { path: sh, kind: 'stand-in (sh)', note: 'no ytt binary and no C compiler here: a /bin/sh stand-in that only starts and prints a ConfigMap; the ratio is a lower bound' };
}
