// One mock note per owner, its words made once for owners that say the same (src/render/notes.ts
// MockNotes): owners of different blueprints in turn each get their own words, the same words as
// when rendered alone.
import { describe, expect, it } from 'vitest';
import type { RenderResult } from '../../src/index.js';
import { blueprintDoc, configMapTemplate, ownerDoc, renderStream, statusSourceTemplate, stream } from '../helpers/chains.js';

const sourceAndReader = blueprintDoc(`  - name: source-provider
    templateRef: {kind: ClusterSourceTemplate, name: src}
  - name: reader
    templateRef: {kind: ClusterTemplate, name: reader}
    sources: [{name: source, resource: source-provider}]`);
const uidReader = blueprintDoc('  - name: r\n    templateRef: {kind: ClusterTemplate, name: t}', { name: 'uid-chain' }).replace('app: web', 'app: uid');
const owner = (name: string, app: string) => ownerDoc('Workload', `{name: ${name}, namespace: dev, labels: {app: ${app}}}`);
const inputs = stream(
  statusSourceTemplate('src'),
  configMapTemplate('reader', '{url: $(source.url)$}'),
  configMapTemplate('t', '{uid: $(workload.metadata.uid)$}'),
  sourceAndReader,
  uidReader,
  owner('a', 'web'),
  owner('b', 'uid'),
  owner('c', 'web'),
  owner('d', 'uid'),
  owner('e', 'uid'),
);

const mockNotes = (result: RenderResult) => result.diagnostics.filter((d) => d.code === 'mocked-output');

describe('mock notes of owners rendered in turn', () => {
  it('say for each owner what rendering it alone says', () => {
    const all = mockNotes(renderStream(inputs));
    expect(all.map((d) => d.owner?.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const note of all) {
      const alone = mockNotes(renderStream(inputs, { owners: [note.owner?.name as string] }));
      expect(alone.map((d) => [d.message, d.hint])).toEqual([[note.message, note.hint]]);
    }
    expect(all[0]?.message).toContain('mocked outputs: source-provider url and revision');
    expect(all[1]?.message).toBe('Workload dev/b: mocked metadata.uid, used by r');
  });

});
