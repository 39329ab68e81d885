// Stands in for `child_process` inside the CLI bundle: loads the real module only when a
// function of it is called (commander requires it at start-up but carto rarely spawns).
'use strict';
let real;
const load = () => (real ??= require('node:child_process'));
module.exports = new Proxy({}, { get: (_, name) => load()[name] });
