// The per-owner mock notes share what they say after the owner (src/render/notes.ts saidOf), and
// the CLI groups them by that shared string without reading each message (diagnostic-groups.ts):
// the grouping must be the one the messages themselves give, for copies that lack it too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText, render } from '../../src/index.js';
import { saidOf } from '../../src/render/notes.js';
import { groupOwnerNotes } from '../../src/cli/diagnostic-groups.js';
import { formatObjectRef, type ObjectRef } from '../../src/diagnostics/diagnostic.js';
import { ROOT } from '../helpers/cli.js';

const example = (f: string) => readFileSync(join(ROOT, 'examples', 'source-to-url', f), 'utf8');
const workload = (i: number, ns?: string) => `apiVersion: carto.run/v1alpha1\nkind: Workload\nmetadata:\n  name: app-${i}\n${ns === undefined ? '' : `  namespace: "${ns}"\n`}  labels: {app.tanzu.vmware.com/workload-type: web}\nspec:\n  source: {git: {url: "https://example.com/${i}.git", ref: {branch: main}}}\n`;

function notes(workloads: string[]) {
  const docs = [...parseText(example('supply-chain.yaml'), 'sc.yaml').documents, ...parseText(example('templates.yaml'), 't.yaml').documents, ...parseText(workloads.join('---\n'), 'w.yaml').documents];
  return render(docs).diagnostics.filter((d) => d.code === 'mocked-output');
}

describe('grouping the mock notes of many owners', () => {
  it('groups by the shared string as by the messages, and copies without it alike', () => {
    const said = notes(Array.from({ length: 6 }, (_, i) => workload(i)));
    expect(said).toHaveLength(6);
    for (const d of said) expect(`${formatObjectRef(d.owner as ObjectRef)}: ${saidOf(d)}`).toBe(d.message);
    const grouped = groupOwnerNotes(said);
    expect(grouped).toHaveLength(1);
    expect(grouped[0]?.message).toMatch(/^6 owners \(Workload default\/app-0, Workload default\/app-1, Workload default\/app-2, and 3 more\): mocked outputs: /);
    // copies (a spread) carry no shared string: the same groups, read from their messages
    const copies = said.map((d) => ({ ...d }));
    expect(copies.every((d) => saidOf(d) === undefined)).toBe(true);
    expect(groupOwnerNotes(copies)).toEqual(grouped);
    // and a mixture of the two is one group still
    expect(groupOwnerNotes([...said.slice(0, 3), ...copies.slice(3)])).toEqual(grouped);
  });

  it('keeps three or fewer apart', () => {
    const said = notes([0, 1, 2].map((i) => workload(i)));
    expect(groupOwnerNotes(said)).toEqual(said);
  });
});
