#!/usr/bin/env bash
# Installs what `npm start` and `npm test` need and is missing: node_modules (from the lockfile),
# and, on a Debian machine where we are root, a JDK and Maven for the Kafka broker.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing node modules (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

missing=()
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || [ -n "$(ls .cache/kafka/*/libs/kafka_2.13-*.jar 2>/dev/null)" ] || missing+=(maven)
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
command -v psql >/dev/null || missing+=(postgresql-client)
command -v redis-cli >/dev/null || missing+=(redis-tools)
# Servers only where none is running to be used.
port_open 5432 || command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
port_open 6379 || command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[setup] installing ${missing[*]} with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "[setup] missing: ${missing[*]}. Install them (see README.md, 'What a machine needs') and run again." >&2
    exit 1
  fi
fi
