#!/usr/bin/env bash
# `npm start`: install what is missing, bring up the stack (Kafka, PostgreSQL, Redis, topics,
# migrations), create the demo brand, run the five services. Ctrl-C stops what this started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NX_DAEMON=false

tools/ensure-deps.sh
node tools/build/build.cjs

# Remember what was already running, so Ctrl-C stops only what this run started.
started_here=()
for server in kafka:9092 postgres:5432 redis:6379; do
  (exec 3<>"/dev/tcp/127.0.0.1/${server#*:}") 2>/dev/null || started_here+=("${server%%:*}")
done
stop_stack() {
  if [ ${#started_here[@]} -gt 0 ]; then tools/stack/stack.sh down "${started_here[@]}"; fi
}
trap stop_stack EXIT
tools/stack/stack.sh up dev

# The runner forwards Ctrl-C to the services and exits once they have stopped.
node dist/tools/start/run-platform.js
