// Vitest: the global setup rebuilds a stale dist/ (the CLI tests run it), refuses
// CARTO_UPDATE_GOLDEN in CI and counts the goldens it writes.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/global.ts'],
  },
});
