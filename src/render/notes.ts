// The notes render() gives about the render as a whole: the mocked values that reached each
// owner's templates (errors with --strict), the templates taken as installed by the platform,
// blueprints rendered with 0.0.6 semantics, ownerReferences left out, expanded Runnables.
import { listSome } from '../util/list.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Blueprint, Resource } from '../model/index.js';
import { diagnostic, mockedOutputsUsed, ownerRef, type MockedOutput, type OwnerReport, type RunnableReport } from '../realize/index.js';

/**
 * What one render remembers of the mock notes it made: equal texts as one string (every owner of
 * a large estate gets a mock note, and the render keeps them all until it ends: 100,000 copies of
 * one 500-character hint would be 50 MB), and the last owner's note, which the next owner of the
 * same blueprint most often says again word for word. One per render: a library caller's renders
 * share nothing.
 */
export class MockNotes {
  private readonly seen = new Map<string, string>();
  /** What the last note was made of (see signature), and what it said. */
  private last: { signature: readonly unknown[]; said: string; hint: string } | undefined;

  /** The note's text after the owner, and its hint: the last owner's when made of the same things. */
  texts(used: readonly MockedOutput[], report: OwnerReport): { said: string; hint: string } {
    const signature = signatureOf(used, report);
    const last = this.last;
    if (last && sameItems(last.signature, signature)) return last;
    const made = mockTexts(used, report);
    this.last = { signature, said: this.shared(made.said), hint: this.shared(made.hint) };
    return this.last;
  }

  private shared(text: string): string {
    const seen = this.seen.get(text);
    if (seen !== undefined) return seen;
    if (this.seen.size < 1_000) this.seen.set(text, text);
    return text;
  }
}

/** Everything mockTexts reads, in order: two owners with equal signatures get equal texts. */
function signatureOf(used: readonly MockedOutput[], report: OwnerReport): unknown[] {
  const out: unknown[] = [used.length];
  for (const { resource, values, users } of used) {
    out.push(resource, values.length, users.length, ...users);
    for (const v of values) out.push(v.field, v.path, v.origin);
  }
  out.push(report.mockedUid?.users.length, ...(report.mockedUid?.users ?? []), report.runnables.length);
  for (const r of report.runnables) out.push(r.mockedUid !== undefined, r.runnable.namespace, r.runnable.name, r.runTemplate?.name);
  return out;
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The note's text after the owner (empty: no note) and its hint. */
function mockTexts(used: readonly MockedOutput[], report: OwnerReport): { said: string; hint: string } {
  const parts: string[] = [];
  const hints: string[] = [];
  if (used.length > 0) {
    parts.push(`mocked outputs: ${used.map(({ resource: name, values, users }) => {
      const paths = values.flatMap((v) => (v.path ? [v.origin ? `${v.path}: ${v.origin}` : v.path] : [])).join(', ');
      return `${name} ${values.map((v) => v.field).join(' and ')}${paths ? ` (${paths})` : ''}, used by ${users.join(', ')}`;
    }).join('; ')}`);
    const first = used[0] as (typeof used)[number];
    hints.push(`supply real values with --outputs FILE or --set-output ${first.resource}.${first.values[0]?.field ?? 'url'}=VALUE, or give the live objects with --observed`);
  }
  if (report.mockedUid) parts.push(`mocked metadata.uid, used by ${report.mockedUid.users.join(', ')}`);
  for (const r of report.runnables) {
    if (r.mockedUid) parts.push(`mocked metadata.uid of Runnable ${r.runnable.namespace}/${r.runnable.name}, used by ClusterRunTemplate ${r.runTemplate?.name ?? ''}`);
  }
  if (parts.length > 0 && (report.mockedUid || report.runnables.some((r) => r.mockedUid))) hints.push(UID_HINT);
  return { said: parts.join('; '), hint: hints.join('; ') };
}

/** Mocked values that reached a template: one note per owner, or an error with --strict. */
export function mockDiagnostics(report: OwnerReport, strict: boolean, notes: MockNotes = new MockNotes()): Diagnostic[] {
  const { said, hint } = notes.texts(mockedOutputsUsed(report), report);
  if (said === '') return [];
  const note: Diagnostic = {
    severity: strict ? 'error' : 'note',
    code: 'mocked-output',
    // A note per owner is kept until the render ends, and what follows the owner's name is the
    // same for most owners: the message is the owner's flat prefix joined to one shared string
    // (V8 keeps `a + b` as a pair of the two), 40 bytes instead of 400 at 100,000 owners.
    message: [report.owner.kind, ' ', report.owner.namespace, '/', report.owner.name, ': '].join('') + said,
    owner: ownerRef(report.owner),
    hint,
  };
  // (Where the message starts with the owner as formatObjectRef writes it.)
  if (report.owner.namespace) Object.defineProperty(note, SAID, { value: said });
  return [note];
}

const SAID = Symbol('carto.saidOfOwner');

/**
 * What a note made here says after its owner's `KIND NAMESPACE/NAME: `, as the one string the
 * notes share (undefined for other diagnostics, and for copies). Grouping notes by it reads no
 * message: reading one makes V8 flatten it into a copy of its own, 40 MB at 100,000 owners.
 */
export function saidOf(d: Diagnostic): string | undefined {
  return (d as Diagnostic & { [SAID]?: string })[SAID];
}

/** A Runnable in the inputs whose ClusterRunTemplate read its stand-in uid. */
export function runnableUidDiagnostic(report: RunnableReport, strict: boolean): Diagnostic | undefined {
  if (!report.mockedUid) return undefined;
  const { runnable } = report;
  return {
    severity: strict ? 'error' : 'note',
    code: 'mocked-output',
    message: `Runnable ${runnable.namespace}/${runnable.name}: mocked metadata.uid, used by ClusterRunTemplate ${report.runTemplate?.name ?? ''}`,
    owner: { kind: 'Runnable', name: runnable.name, namespace: runnable.namespace },
    hint: UID_HINT,
  };
}

const UID_HINT = 'an object written by hand has no metadata.uid (the API server gives it one), so templates read a stand-in (00000000-0000-0000-…, the same for the same object on every run); render a cluster export of it (kubectl get KIND NAME -o yaml) to use the real one';

export interface MissingTemplate {
  kind: string;
  name: string;
  resource: Resource;
}

/** One note for the whole render naming each template taken as installed by the platform, once. */
export function missingTemplatesNote(missing: ReadonlyMap<Blueprint, readonly MissingTemplate[]>): Diagnostic {
  const templates = new Map<string, { kind: string; name: string; uses: string[] }>();
  for (const [blueprint, list] of missing) {
    for (const m of list) {
      const key = `${m.kind}/${m.name}`;
      const slot = templates.get(key) ?? { kind: m.kind, name: m.name, uses: [] };
      slot.uses.push(`${m.resource.name} of ${blueprint.kind} ${blueprint.name}`);
      templates.set(key, slot);
    }
  }
  const named = [...templates.values()].map((t) => `${t.kind} ${t.name} (${t.uses.length === 1 ? 'resource' : 'resources'} ${listSome(t.uses, 3)})`);
  return {
    severity: 'note',
    code: 'template-mocked',
    message: `${templates.size === 1 ? 'a template is' : `${templates.size} templates are`} not in the inputs and taken as installed by the platform (--missing-templates mock): ${listSome(named, 20)}; a resource whose template is missing stamps nothing, and its outputs are mocks`,
    hint: `to render them too, add them to the inputs, e.g. exported from the cluster: ${templateExportCommand([...templates.values()].some((t) => t.kind === 'ClusterDeploymentTemplate'))}, then -f platform-templates.yaml`,
  };
}

/** The kubectl command that exports the platform's templates to a file carto can read. */
export function templateExportCommand(withDeployments: boolean): string {
  const kinds = ['clustersourcetemplates', 'clusterimagetemplates', 'clusterconfigtemplates', 'clustertemplates'];
  if (withDeployments) kinds.push('clusterdeploymenttemplates');
  return `kubectl get ${kinds.join(',')} -o yaml > platform-templates.yaml`;
}

/** A blueprint in the 0.0.6 format, rendered with 0.0.6 semantics: said once per blueprint. */
export function legacyFormatNote(blueprint: Blueprint): Diagnostic {
  return diagnostic('note', 'cartographer-0.0.6', `${blueprint.kind} ${blueprint.name} is written in the Cartographer 0.0.6 format (spec.components), so it is rendered as Cartographer 0.0.6 would`, { doc: blueprint.doc, object: { kind: blueprint.kind, name: blueprint.name }, path: ['spec', 'components'] }, {
    hint: '--cartographer current renders it with current semantics instead',
  });
}

export function ownerReferencesNote(withoutUid: ReadonlyArray<{ kind: string; namespace: string; name: string }>): Diagnostic {
  const one = withoutUid.length === 1;
  return {
    severity: 'note',
    code: 'owner-references-omitted',
    message: `ownerReferences left out: ${one ? 'the owner' : `${withoutUid.length} owners`} (${listSome(withoutUid.map((o) => `${o.kind} ${o.namespace}/${o.name}`), 5)}) ${one ? 'has' : 'have'} no metadata.uid`,
    hint: 'an ownerReference needs the owner\'s real uid (an empty one is rejected, a wrong one gets the object garbage-collected); render a cluster export of the owner (kubectl get KIND NAME -o yaml) to include them, or pass --no-owner-references',
  };
}

export function runnablesExpandedNote(): Diagnostic {
  return {
  severity: 'note',
  code: 'runnables-expanded',
  message: 'the output holds the Runnables the supply chains stamp and, after each, what that Runnable would stamp',
  hint: 'apply only one of the two: on a cluster the Runnable controller stamps those objects itself, so applying both creates duplicates',
  };
}
