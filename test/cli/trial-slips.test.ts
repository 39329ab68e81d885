// Slips a new user's first trial found, through the real binary: hints that name what to give
// (the package's own directory, the broken file), lint's -o, the part of a stamped name that is
// invalid, the note for files set aside.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, carto } from '../helpers/cli.js';
import { blueprintDoc, ownerDoc, stream } from '../helpers/chains.js';

describe('a package named from the directory above it', () => {
  it('cannot load /helpers.star: the hint names the directory that holds it (config/), not -f DIR again', () => {
    const r = carto(['render', '-f', 'examples/ytt-package/']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cannot load /helpers.star');
    expect(r.stderr).toContain("hint: name the package's own directory, -f examples/ytt-package/config/, which holds helpers.star: a load of /helpers.star reads from the top of the directory ytt is given (here examples/ytt-package/)");
    expect(r.stderr).not.toContain('name the whole package directory');
    // named from below the package: the directory above that holds it
    const below = carto(['render', '-f', 'examples/ytt-package/config/templates/']);
    expect(below.stderr).toContain("hint: name the package's own directory, -f examples/ytt-package/config/, which holds helpers.star");
    expect(carto(['render', '.'], { cwd: join(ROOT, 'examples/ytt-package/config/templates') }).stderr).toContain("hint: name the package's own directory, -f ../, which holds helpers.star");
  });
});

describe('lint -o', () => {
  it('-o/--output is lint\'s --format, as render, status and diff say it; both at once is a usage error', () => {
    const json = carto(['lint', '-o', 'json', 'examples/web-app/']);
    expect(json.status).toBe(0);
    expect(json.stdout).toBe(carto(['lint', '--format', 'json', 'examples/web-app/']).stdout);
    expect(JSON.parse(json.stdout)).toHaveProperty('summary');
    expect(carto(['lint', '--output', 'sarif', 'examples/web-app/']).stdout).toContain('"version": "2.1.0"');
    const both = carto(['lint', '-o', 'json', '--format', 'sarif', 'examples/web-app/']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("cannot be used with option '--format <format>'");
    expect(carto(['lint', '-o', 'yaml', 'examples/web-app/']).status).toBe(2);
  });
});

describe('a stamped name the API server refuses: which part is invalid', () => {
  // (the template's name field is on line 18 of the stream)
  const chain = (name: string, owner: string) => stream(
    blueprintDoc('  - name: config\n    templateRef: {kind: ClusterTemplate, name: cfg}'),
    `apiVersion: carto.run/v1alpha1\nkind: ClusterTemplate\nmetadata: {name: cfg}\nspec:\n  template:\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: ${name}`,
    ownerDoc('Workload', `{name: ${owner}, namespace: dev, labels: {app: web}}`),
  );

  it("the template's own text (`_config`), not the placeholder", () => {
    const r = carto(['status', '-f', '-'], { input: chain('$(workload.metadata.name)$_config', 'hello') });
    expect(r.stdout).toContain(`the API server refuses the ConfigMap hello_config: its name is invalid: the template's own text "_config" has "_", which no name may have, not the value of $(workload.metadata.name)$ — in ClusterTemplate cfg, <stdin>:18`);
    expect(r.stdout).toContain('take "_" out of the template\'s metadata.name');
  });

  it('the value the placeholder brought (an owner named Hello)', () => {
    const r = carto(['status', '-f', '-'], { input: chain('$(workload.metadata.name)$-config', 'Hello') });
    expect(r.stdout).toContain(`the API server refuses the ConfigMap Hello-config: its name is invalid: the value of $(workload.metadata.name)$, "Hello", has "H", which no name may have (the template's own text is fine) — in ClusterTemplate cfg, <stdin>:18`);
  });
});
