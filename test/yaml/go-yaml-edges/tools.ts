// Asks the real tools what they read: ytt 0.45.9 (`ytt -f FILE -o json`: what its go-yaml fork
// read) and kubectl (`kubectl annotate --local -f FILE x- -o json`: the objects as `kubectl apply`
// would send them, read offline). Used to record test/yaml/go-yaml-edges/recorded.json and to check
// the recordings again where the tools are installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a tool read: its documents (empty ones dropped, as both tools drop them), or its error. */
export type Answer = { documents: unknown[] } | { error: string };

export const YTT = process.env['CARTO_YTT'] ?? fileURLToPath(new URL('../../../../shared/tools/ytt-0.45.9/ytt', import.meta.url));

/** The kubectl binary on PATH (or CARTO_KUBECTL), or null. */
export function findKubectl(): string | null {
  const bin = process.env['CARTO_KUBECTL'] ?? 'kubectl';
  const r = spawnSync(bin, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  return r.status === 0 ? bin : null;
}

export function kubectlVersion(bin: string): string {
  const r = spawnSync(bin, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  return (JSON.parse(r.stdout) as { clientVersion: { gitVersion: string } }).clientVersion.gitVersion;
}

function withFile<T>(name: string, text: string, run: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'carto-yaml-edges-'));
  try {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, text);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function askYtt(name: string, text: string): Answer {
  return withFile(name, text, (file) => {
    const r = spawnSync(YTT, ['-f', file, '-o', 'json'], { encoding: 'utf8' });
    if (r.status !== 0) return { error: yamlMessage(r.stderr) };
    return { documents: splitJsonStream(r.stdout) };
  });
}

export function askKubectl(bin: string, name: string, text: string): Answer {
  return withFile(name, text, (file) => {
    const r = spawnSync(bin, ['annotate', '--local', '-f', file, 'x-', '-o', 'json'], { encoding: 'utf8' });
    if (r.status !== 0) return { error: yamlMessage(r.stderr.split(file).join(`${name}.yaml`)) };
    return { documents: splitJsonStream(r.stdout).map(dropEmptyAnnotations) };
  });
}

/** The go-yaml part of an error (`yaml: line 7: …`), else the first line without `error: `. */
function yamlMessage(stderr: string): string {
  const first = stderr.trim().split('\n')[0] ?? '';
  const goYaml = / (yaml: .*)$/.exec(first);
  if (goYaml) return goYaml[1]!;
  return first.replace(/^(?:ytt: )?error: (?:error parsing \S+: )?/i, '');
}

/** `annotate x-` leaves `annotations: {}` behind: not part of what the file said. */
function dropEmptyAnnotations(o: unknown): unknown {
  const meta = (o as { metadata?: { annotations?: object } }).metadata;
  if (meta?.annotations && Object.keys(meta.annotations).length === 0) delete meta.annotations;
  return o;
}

/** Concatenated JSON values (`{…}{…}"text"`), as both tools print a document set. */
export function splitJsonStream(s: string): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    const start = i;
    let depth = 0;
    do {
      const c = s[i]!;
      if (c === '"') {
        for (i++; s[i] !== '"'; i++) if (s[i] === '\\') i++;
      } else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      else if (depth === 0) while (i + 1 < s.length && /[^\s{}[\]"]/.test(s[i + 1]!)) i++;
      i++;
    } while (depth > 0);
    out.push(JSON.parse(s.slice(start, i)));
  }
  return out;
}

/** JSON with object keys sorted: both tools sort keys, so values are compared this way. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x instanceof Map) x = Object.fromEntries(x);
    if (typeof x === 'bigint') return Number(x);
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      const o = x as Record<string, unknown>;
      return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    }
    return x;
  });
}
