// Owners kept as text until read (src/load/deferred.ts): in a file of 8 MB or more, the
// Workloads and Deliverables a render reads are parsed again whenever their value is read. What
// they read as, where their fields are, and what a render makes of them must be exactly what the
// eagerly parsed documents give.
import { describe, expect, it } from 'vitest';
import { headOf, isDeferredDocument, locate, parseText, type SourceDocument } from '../../src/load/index.js';
import { DEFER_FROM_BYTES } from '../../src/load/deferred.js';
import { isDeferrableOwner } from '../../src/model/index.js';
import { render } from '../../src/index.js';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

/** Workloads in the shapes the fast reader reads: block scalars, quotes, flow, comments, `...`. */
function workload(i: number): string {
  const shapes = [
    `apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: w-${i}\n  labels: {app.tanzu.vmware.com/workload-type: web}\nspec:\n  source: {git: {url: "https://example.com/${i}.git", ref: {branch: main}}}\n`,
    `# a comment\napiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: w-${i}\n  namespace: ns-${i % 7}\n  labels:\n    app.tanzu.vmware.com/workload-type: web\nspec:\n  env:\n  - name: A\n    value: 'it''s ${i}'\n  params:\n  - name: script\n    value: |\n      echo ${i}\n      exit 0\n`,
    `apiVersion: carto.run/v1alpha1\nkind: Deliverable\nmetadata:\n  name: d-${i}\nspec:\n  params:\n  - name: n\n    value: ${i}\n  - name: f\n    value: >-\n      folded\n      text ${i}\n...\n`,
  ];
  return shapes[i % shapes.length] as string;
}

const TEMPLATE = 'apiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata:\n  name: t\nspec:\n  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\n';

/** Long comments, so that a few thousand documents make a file long enough to defer them. */
const PAD = `# ${'padding '.repeat(250)}\n`;

function bigText(): string {
  const parts = [TEMPLATE];
  for (let i = 0, length = 0; length < DEFER_FROM_BYTES; i++) {
    const part = PAD + workload(i);
    parts.push(part);
    length += part.length + 4;
  }
  return parts.join('---\n');
}

describe('deferred owners', () => {
  const text = bigText();
  const eager = parseText(text, 'big.yaml');
  const lazy = parseText(text, 'big.yaml', { deferred: isDeferrableOwner });

  it('defers the Workloads and Deliverables of a large file only, and reads each as the eager parse does, again and again', () => {
    expect(lazy.diagnostics).toEqual([]);
    expect(lazy.documents).toHaveLength(eager.documents.length);
    expect(isDeferredDocument(lazy.documents[0] as SourceDocument)).toBe(false); // the template
    expect(lazy.documents.slice(1).every((d) => isDeferredDocument(d))).toBe(true);
    // twice over, so that the second pass reads each from its text again
    for (let pass = 0; pass < 2; pass++) {
      lazy.documents.forEach((d, i) => {
        const e = eager.documents[i] as SourceDocument;
        expect(d.value).toEqual(e.value);
        expect([d.file, d.line, d.origin.docIndex]).toEqual([e.file, e.line, e.origin.docIndex]);
      });
    }
    // apiVersion and kind known without reading the text again (what every pass over all documents reads)
    expect(headOf(lazy.documents[3] as SourceDocument)).toEqual({ apiVersion: 'carto.run/v1alpha1', kind: 'Deliverable' });
    expect(headOf(lazy.documents[0] as SourceDocument)).toBe((lazy.documents[0] as SourceDocument).value);
    // the same object while it is being read field by field
    const one = lazy.documents[5] as SourceDocument;
    expect(one.value).toBe(one.value);
    // a spread copies the value, as of any document
    expect({ ...one }.value).toEqual(one.value);
  });

  it('keeps a small file, and a file without the option, as it always was', () => {
    const small = parseText(workload(1), 'small.yaml', { deferred: isDeferrableOwner });
    expect(isDeferredDocument(small.documents[0] as SourceDocument)).toBe(false);
    expect(eager.documents.some((d) => isDeferredDocument(d))).toBe(false);
  });

  it('locates fields of a deferred owner where the eager one is', () => {
    for (const i of [1, 2, 3, 500]) {
      const path = i % 3 === 2 ? ['spec', 'params', 1, 'value'] : ['metadata', 'name'];
      expect(locate(lazy.documents[i] as SourceDocument, path)).toEqual(locate(eager.documents[i] as SourceDocument, path));
    }
  });

  it('renders an estate to the same objects and diagnostics', () => {
    const chain = readFileSync(join(ROOT, 'examples', 'source-to-url', 'supply-chain.yaml'), 'utf8') + '---\n' + readFileSync(join(ROOT, 'examples', 'source-to-url', 'templates.yaml'), 'utf8');
    // (a long comment each, so that a few hundred owners make a file long enough to defer them)
    const wl = (i: number) => `# ${'padding '.repeat(5000)}\napiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: hello-${i}\n  labels: {app.tanzu.vmware.com/workload-type: web}\nspec:\n  source: {git: {url: "https://github.com/example/hello-${i}.git", ref: {branch: main}}}\n  env: [{name: TARGET, value: "W ${i}"}]\n`;
    const parts: string[] = [];
    for (let i = 0, length = 0; length < DEFER_FROM_BYTES; i++) {
      parts.push(wl(i));
      length += (parts.at(-1) as string).length + 4;
    }
    // one owner with a field of the wrong type: its diagnostic must point at the same line
    parts.push('apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: broken\n  labels: {app.tanzu.vmware.com/workload-type: web}\nspec:\n  source:\n    git:\n      url: 42\n');
    const owners = parts.join('---\n');
    const docs = (deferred: boolean) => [...parseText(chain, 'chain.yaml').documents, ...parseText(owners, 'owners.yaml', deferred ? { deferred: isDeferrableOwner } : {}).documents];
    const lazyDocs = docs(true);
    expect(lazyDocs.filter((d) => isDeferredDocument(d)).length).toBe(parts.length);
    const a = render(docs(false));
    const b = render(lazyDocs);
    expect(b.objects.length).toBeGreaterThan(500);
    expect(b.objects.map((o) => o.object)).toEqual(a.objects.map((o) => o.object));
    expect(b.diagnostics).toEqual(a.diagnostics);
    expect(b.diagnostics.some((d) => d.file === 'owners.yaml' && d.line !== undefined && d.severity === 'error')).toBe(true);
  });

  it('what is remembered of a file\'s deferred documents goes with them: nothing outlives a render in the module (library use)', () => {
    // A child process with --expose-gc reads an 8 MB file through the built library, reads one
    // owner (remembered as recent), drops the documents: the owner, and so the file's text, must
    // be collectable. (The module-level cache of the last 8 values kept both alive.)
    const script = `
      const { parseText } = await import(${JSON.stringify(join(ROOT, 'dist', 'index.js'))});
      const one = (i) => 'apiVersion: carto.run/v1alpha1\\nkind: Workload\\nmetadata:\\n  name: w-' + i + '\\nspec: {params: [{name: a, value: "' + 'x'.repeat(300) + '"}]}\\n';
      let parts = [];
      for (let i = 0, n = 0; n < ${DEFER_FROM_BYTES + 100_000}; i++) { parts.push(one(i)); n += parts[i].length + 4; }
      let docs = parseText(parts.join('---\\n'), 'big.yaml', { deferred: () => true }).documents;
      parts = null;
      const name = docs[5].value.metadata.name;
      const ref = new WeakRef(docs[5]);
      docs = null;
      for (let i = 0; i < 2; i++) { await new Promise((r) => setTimeout(r, 10)); globalThis.gc(); }
      console.log(name, ref.deref() === undefined ? 'collected' : 'kept');`;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('w-5 collected\n');
  });

  it('two readings of one text share no remembered value', () => {
    const a = parseText(text, 'a.yaml', { deferred: isDeferrableOwner });
    const b = parseText(text, 'b.yaml', { deferred: isDeferrableOwner });
    const [da, db] = [a.documents[1] as SourceDocument, b.documents[1] as SourceDocument];
    expect(isDeferredDocument(da) && isDeferredDocument(db)).toBe(true);
    expect(da.value).toStrictEqual(db.value);
    expect(da.value).not.toBe(db.value);
    expect(da.value).toBe(da.value);
  });
});
