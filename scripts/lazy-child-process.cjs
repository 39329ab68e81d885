// Stands in for `child_process` inside the CLI bundles: loads the real module only when one of
// its functions is called (commander requires it at start-up, but carto rarely spawns anything).
// Explicit functions, not a Proxy: the bundler copies a module's own properties when importing.
'use strict';
let real;
const load = () => (real ??= require('node:child_process'));
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  exports[name] = (...args) => load()[name](...args);
}
