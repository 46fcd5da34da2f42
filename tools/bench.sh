#!/usr/bin/env bash
# `npm run bench [-- <name>...]`: install what is missing, bring up the test stack, run benchmarks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
tools/ensure-deps.sh
node tools/build/build.cjs
tools/stack/stack.sh up test >/dev/null
node dist/bench/src/run.js "$@"
