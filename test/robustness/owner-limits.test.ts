// The limits that bound one owner's memory (src/util/limits.ts): render holds one owner's objects
// at a time, so what one owner may stamp and substitute is limited, and the render's budget is
// shared by all owners. Small values, so that going one past a limit takes a few bytes.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/util/limits.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/util/limits.js')>()),
  MAX_OWNER_OBJECTS: 3,
  MAX_OBJECT_SUBSTITUTION: 200,
  MAX_OWNER_SUBSTITUTION: 300,
  MAX_RENDER_SUBSTITUTION: 1_000,
}));

const { parseText } = await import('../../src/load/index.js');
const { render } = await import('../../src/render/index.js');
const { blueprintDoc, configMapTemplate, ownerDoc, stream } = await import('../helpers/chains.js');

const errorsOf = (r: { diagnostics: Array<{ severity: string; code: string; message: string }> }) =>
  r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
// 90 characters: each placeholder of it substitutes 90 units
const NOTE = 'n'.repeat(90);
const workload = (name: string) => ownerDoc('Workload', `{name: ${name}, namespace: dev, labels: {app: web}, annotations: {note: ${NOTE}}}`);
const template = (placeholders: number) => configMapTemplate('t', `{${Array.from({ length: placeholders }, (_, i) => `k${i}: $(workload.metadata.annotations.note)$`).join(', ')}}`);
const resources = (n: number) => Array.from({ length: n }, (_, i) => `  - name: r${i}\n    templateRef: {kind: ClusterTemplate, name: t}`).join('\n');
const renderOf = (placeholders: number, n: number, owners: string[]) =>
  render(parseText(stream(template(placeholders), blueprintDoc(resources(n)), ...owners.map(workload)), 'inputs.yaml').documents, { ownerReferences: false });

describe('one owner', () => {
  it('stamps up to MAX_OWNER_OBJECTS objects; one more is an error naming the owner', () => {
    expect(errorsOf(renderOf(0, 3, ['a']))).toEqual([]);
    expect(errorsOf(renderOf(0, 4, ['a']))).toEqual(["render-limit: Workload dev/a stamps more than carto's limit of 3 objects for one owner"]);
  });
  it('substitutes up to MAX_OWNER_SUBSTITUTION units into its objects; more is an error', () => {
    // Each object: one note (90 units).
    expect(errorsOf(renderOf(1, 3, ['a']))).toEqual([]);
    const over = renderOf(2, 2, ['a']); // 2 objects of two notes: over 300 units
    expect(errorsOf(over)).toEqual([expect.stringContaining("the placeholders substitute more into the objects of this owner than carto's limit of 300 units")]);
  });
});

describe('the owners of a render', () => {
  it('each have their own budget, and share the render\'s', () => {
    // Three objects of one note per owner (270 units): three owners are within the render's 1,000, not within one owner's 300.
    expect(errorsOf(renderOf(1, 3, ['a', 'b', 'c']))).toEqual([]);
    // The fourth owner's third object is the one past the render's budget.
    const over = renderOf(1, 3, ['a', 'b', 'c', 'd']);
    expect(errorsOf(over)).toEqual([expect.stringContaining("the placeholders of this render substitute more than carto's limit of 1,000 units in all")]);
    expect(over.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.owner?.name, d.resource])).toEqual([['d', 'r2']]);
  });
});
