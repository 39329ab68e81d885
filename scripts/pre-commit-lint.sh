#!/usr/bin/env bash
# The pre-commit hook's entry (.pre-commit-hooks.yaml, language: script): pre-commit runs it from its
# own clone of this repository, which has no dist/ until built. The first run installs and builds
# there once (npm ci: Node.js and npm on the PATH, the npm registry reachable); later runs go
# straight to `carto lint` with the hook's args.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$here/dist/cli.cjs" ]; then
  echo "carto: first run of the pre-commit hook: installing and building carto in $here" >&2
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >&2
fi
exec node "$here/bin/carto.js" lint "$@"
