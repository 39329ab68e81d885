// `npm pack` / `npm publish` helper: the package.json that ships has no `prepare` script. In a clone,
// `prepare` builds dist/ after `npm ci`; in an installed package there is nothing to build (dist/ ships
// built) and npm would warn about an install-time script it has not been allowed to run.
// `strip` (prepack) keeps the file's exact bytes aside and writes it without `prepare`; `restore`
// (postpack) puts the bytes back, so the work tree is as it was.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const FILE = 'package.json';
const KEPT = 'package.json.orig';

const command = process.argv[2];
if (command === 'strip') {
  // A pack that failed before its postpack left the original aside: that one is the truth.
  if (existsSync(KEPT)) renameSync(KEPT, FILE);
  const text = readFileSync(FILE, 'utf8');
  const manifest = JSON.parse(text);
  writeFileSync(KEPT, text);
  delete manifest.scripts.prepare;
  writeFileSync(FILE, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (command === 'restore') {
  if (existsSync(KEPT)) renameSync(KEPT, FILE);
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
