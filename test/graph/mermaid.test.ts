// Mermaid's own parser accepts the Mermaid goldens, when a directory holding the `mermaid` and
// `jsdom` packages is given in CARTO_MERMAID_DIR (they are not dependencies of carto):
//   mkdir /tmp/mm && (cd /tmp/mm && npm install mermaid jsdom)
//   CARTO_MERMAID_DIR=/tmp/mm npx vitest run test/graph/mermaid.test.ts
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dir = process.env['CARTO_MERMAID_DIR'];

describe.skipIf(!dir)('Mermaid parses the Mermaid goldens', () => {
  const files = readdirSync(join(ROOT, 'test/golden/graph')).filter((f) => f.endsWith('.mmd'));
  for (const file of files) {
    it(file, async () => {
      const require = createRequire(join(dir as string, 'package.json'));
      const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: { document: unknown } } };
      const dom = new JSDOM('<!doctype html><html><body></body></html>');
      Object.assign(globalThis, { window: dom.window, document: dom.window.document });
      const mermaid = (await import(pathToFileURL(require.resolve('mermaid')).href)).default;
      mermaid.initialize({ startOnLoad: false });
      const parsed = await mermaid.parse(readFileSync(join(ROOT, 'test/golden/graph', file), 'utf8'));
      expect(parsed.diagramType).toBe('flowchart-v2');
    });
  }
});
