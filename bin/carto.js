#!/usr/bin/env node
// The installed `carto` command: everything lives in the bundle built by `npm run build`.
import '../dist/cli.js';
