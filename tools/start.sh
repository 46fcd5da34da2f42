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
kafka_was_up=no
(exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null && kafka_was_up=yes
stop_stack() {
  if [ "$kafka_was_up" = no ]; then tools/stack/stack.sh down; fi
}
trap stop_stack EXIT
tools/stack/stack.sh up dev

# The runner forwards Ctrl-C to the services and exits once they have stopped.
node dist/tools/start/run-platform.js
