// The controller's side of the differential test: runs ../shared/tools/refharness/refharness
// (Cartographer v0.8.11's own realizer, offline) on a case and reads what it prints — per owner,
// the objects submitted (in resource order), the errors and the outputs it could not read, the
// status it would write; and the admission webhooks' refusals when it validates.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

export const REFHARNESS = process.env['CARTO_REFHARNESS'] ?? join(ROOT, '..', 'shared', 'tools', 'refharness', 'refharness');

/** Why the differential tests cannot run here, or undefined when they can. */
export function refharnessMissing(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `refharness is a linux-amd64 binary (this is ${process.platform}-${process.arch})`;
  if (!existsSync(REFHARNESS)) return `refharness not found at ${REFHARNESS} (set CARTO_REFHARNESS)`;
  return undefined;
}

export interface RefRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `refharness render` on a case: outputs supplied win (as in carto), statuses printed. */
export function runRefharness(inputs: string, outputs: string | undefined, validate: boolean): RefRun {
  const args = ['render', '--prefer-supplied', '--owner-status', ...(validate ? [] : ['--no-validate']), ...(outputs ? ['--outputs', outputs] : []), inputs];
  const run = spawnSync(REFHARNESS, args, { encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  // Go exits 2 on a panic too: that is the controller's own code crashing, an answer to compare.
  if (run.status === 2 && !run.stderr.includes('\npanic: ') && !run.stderr.startsWith('panic: ')) throw new Error(`refharness usage error: ${run.stderr}`);
  return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}

export type JsonObject = Record<string, unknown>;

export interface ReferenceOwner {
  /** `Workload ns/name`, as both tools name owners. */
  key: string;
  objects: Array<{ resource: string; object: JsonObject }>;
  /** The resource-level errors, by resource. */
  errors: Map<string, string>;
  /** The owner-level error (no labels, no blueprint, blueprint not ready…). */
  ownerError?: string;
  /** Resources whose outputs Cartographer could not read (a status nobody supplied). */
  unavailable: Map<string, string>;
  /** Resources whose outputs refharness took from the outputs file. */
  supplied: Set<string>;
  /** The status Cartographer would write on the owner. */
  status?: JsonObject;
}

export interface Reference {
  owners: Map<string, ReferenceOwner>;
  /** Objects the admission webhooks refused: `Kind/name` → the webhook's message. */
  admission: Map<string, string>;
  /** Other errors (loading). */
  other: string[];
  /** The controller's code panicked (its first line): nothing it printed is an answer. */
  panic?: string;
}

const DOC_HEAD = /^---\n# refharness owner: ((?:Workload|Deliverable) \S+)(?:, resource: (.*)| \(status as Cartographer would write it\))\n/gm;

function ownerOf(ref: Reference, key: string): ReferenceOwner {
  let owner = ref.owners.get(key);
  if (!owner) {
    owner = { key, objects: [], errors: new Map(), unavailable: new Map(), supplied: new Set() };
    ref.owners.set(key, owner);
  }
  return owner;
}

/** stderr's entries: a line starting `error:`/`warning:`/`note:` and the lines continuing it (ytt's). */
function entries(stderr: string): string[] {
  const out: string[] = [];
  for (const line of stderr.split('\n')) {
    if (/^(error|warning|note): /.test(line) || out.length === 0) out.push(line);
    else out[out.length - 1] += `\n${line}`;
  }
  return out.map((e) => e.replace(/\n+$/, '')).filter((e) => e !== '');
}

function readStderr(ref: Reference, stderr: string): void {
  for (const entry of entries(stderr)) {
    let m: RegExpExecArray | null;
    if ((m = /^error: admission webhook denied ([A-Za-z]+\/[^:]*): ([\s\S]*)$/.exec(entry))) ref.admission.set(m[1]!, m[2]!);
    else if ((m = /^error: ((?:Workload|Deliverable) \S+): resource \[([^\]]*)\]: ([\s\S]*)$/.exec(entry))) ownerOf(ref, m[1]!).errors.set(m[2]!, m[3]!);
    else if ((m = /^warning: ((?:Workload|Deliverable) \S+): resource \[([^\]]*)\]: outputs not available offline: ([\s\S]*)$/.exec(entry))) ownerOf(ref, m[1]!).unavailable.set(m[2]!, m[3]!);
    else if ((m = /^error: ((?:Workload|Deliverable) \S+): ([\s\S]*)$/.exec(entry))) ownerOf(ref, m[1]!).ownerError = m[2]!;
    else if ((m = /^note: ((?:Workload|Deliverable) \S+): resource \[([^\]]*)\]: outputs taken from the outputs file$/.exec(entry))) ownerOf(ref, m[1]!).supplied.add(m[2]!);
    else if (!entry.startsWith('note: ')) ref.other.push(entry);
  }
}

/** What refharness printed, per owner. */
export function readReference(run: RefRun): Reference {
  const ref: Reference = { owners: new Map(), admission: new Map(), other: [] };
  const panic = /^panic: .*$/m.exec(run.stderr);
  if (panic) {
    ref.panic = panic[0];
    readStderr(ref, run.stderr.slice(0, panic.index));
    return ref;
  }
  const heads = [...run.stdout.matchAll(DOC_HEAD)];
  heads.forEach((head, i) => {
    const end = heads[i + 1]?.index ?? run.stdout.length;
    const value = parse(run.stdout.slice(head.index! + head[0].length, end)) as JsonObject;
    const owner = ownerOf(ref, head[1]!);
    if (head[2] !== undefined) owner.objects.push({ resource: head[2], object: value });
    else owner.status = (value['status'] ?? {}) as JsonObject;
  });
  readStderr(ref, run.stderr);
  return ref;
}
