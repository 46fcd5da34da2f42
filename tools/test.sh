#!/usr/bin/env bash
# `npm test`: install what is missing, bring up the test stack, then every check CI runs:
# lint → typecheck → unit → integration → end-to-end. Stops at the first failing step.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
RESULTS="$ROOT/.cache/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
started=$SECONDS

step() { # name command...
  local name="$1" t0=$SECONDS
  shift
  printf '\n\033[1;35m== %s ==\033[0m\n' "$name"
  "$@"
  printf '\033[1;35m== %s: ok in %ss ==\033[0m\n' "$name" $((SECONDS - t0))
}

jest_suite() { # project
  npx jest --config jest.config.cjs --selectProjects "$1" --runInBand --json --outputFile="$RESULTS/$1.json"
}

step setup tools/ensure-deps.sh
step build node tools/build/build.cjs
step stack tools/stack/stack.sh up test
# The module-boundary rule reads Nx's project graph and skips itself without one: compute it first.
step lint bash -c 'npx nx show projects >/dev/null && npx eslint --max-warnings=0 .'
step typecheck npx tsc -p tsconfig.json
step unit jest_suite unit
step integration jest_suite integration
step e2e jest_suite e2e

node tools/testing/summarize-results.cjs "$RESULTS" "$((SECONDS - started))"
