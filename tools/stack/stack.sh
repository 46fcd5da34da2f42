#!/usr/bin/env bash
# The local stack: Apache Kafka (single-node KRaft, run from Maven Central's jars), PostgreSQL and
# Redis, the project's databases, topics and migrations.
#
#   tools/stack/stack.sh up [dev|test]   start what is not running, create databases/topics, migrate
#   tools/stack/stack.sh down [kafka|postgres|redis...]
#                                        stop what this script started (never anything else),
#                                        all of it or only the servers named
#   tools/stack/stack.sh status
#
# Running `up` twice is harmless. It only ever creates or migrates databases named sieve_*.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.cache"
STATE="$CACHE/stack"
KAFKA_DIR="$CACHE/kafka"
POM="$ROOT/deploy/local/kafka/pom.xml"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM")"
KAFKA_LIBS="$KAFKA_DIR/$KAFKA_VERSION/libs"
KAFKA_PORT=9092
PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER="${SIEVE_PG_SUPERUSER:-postgres}"
REDIS_PORT=6379

say() { printf '\033[1;34m[stack]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[stack]\033[0m %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # port seconds what
  local deadline=$((SECONDS + $2))
  until port_open "$1"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
}

resolve_kafka() {
  if ls "$KAFKA_LIBS"/kafka_2.13-*.jar >/dev/null 2>&1; then return; fi
  command -v mvn >/dev/null || fail "Maven is needed once to fetch the Kafka broker jars: apt-get install maven"
  command -v java >/dev/null || fail "Java 17+ is needed to run Kafka: apt-get install openjdk-17-jre-headless"
  say "resolving Apache Kafka $KAFKA_VERSION from Maven Central into .cache/ (once, ~45 MB)"
  mkdir -p "$KAFKA_LIBS"
  mvn -q -B -f "$POM" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS" \
    || { rm -rf "$KAFKA_LIBS"; fail "could not resolve org.apache.kafka:kafka_2.13:$KAFKA_VERSION from Maven Central"; }
}

kafka_pid() { [ -f "$KAFKA_DIR/kafka.pid" ] && kill -0 "$(cat "$KAFKA_DIR/kafka.pid")" 2>/dev/null && cat "$KAFKA_DIR/kafka.pid"; }

start_kafka() {
  if port_open $KAFKA_PORT; then
    kafka_pid >/dev/null || say "a Kafka broker is already listening on $KAFKA_PORT; using it"
    return
  fi
  resolve_kafka
  local data="$KAFKA_DIR/data" logs="$KAFKA_DIR/logs" props="$KAFKA_DIR/server.properties"
  mkdir -p "$data" "$logs"
  sed "s:@LOG_DIR@:$data:" "$ROOT/deploy/local/kafka/server.properties.template" > "$props"
  local java=(java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
    -Dkafka.logs.dir="$logs" -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.properties"
    -cp "$KAFKA_LIBS/*")
  if [ ! -f "$data/meta.properties" ]; then
    "${java[@]}" kafka.tools.StorageTool format -t "$("${java[@]}" kafka.tools.StorageTool random-uuid)" \
      -c "$props" --ignore-formatted >"$logs/format.log" 2>&1 || fail "formatting Kafka storage failed: see $logs/format.log"
  fi
  say "starting Kafka $KAFKA_VERSION (KRaft) on 127.0.0.1:$KAFKA_PORT"
  nohup "${java[@]}" kafka.Kafka "$props" >"$logs/stdout.log" 2>&1 &
  echo $! > "$KAFKA_DIR/kafka.pid"
  wait_port $KAFKA_PORT 90 || fail "Kafka did not open port $KAFKA_PORT within 90 s: see $logs/broker.log"
}

start_postgres() {
  if pg_isready -q -h $PG_HOST -p $PG_PORT 2>/dev/null; then return; fi
  command -v pg_ctlcluster >/dev/null || fail "PostgreSQL is not running on $PG_HOST:$PG_PORT and is not installed: apt-get install postgresql"
  local version; version="$(ls /etc/postgresql | sort -V | tail -1)"
  say "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  touch "$STATE/started-postgres"
  for _ in $(seq 1 60); do pg_isready -q -h $PG_HOST -p $PG_PORT && return; sleep 0.5; done
  fail "PostgreSQL did not accept connections on $PG_HOST:$PG_PORT within 30 s"
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p $REDIS_PORT ping >/dev/null 2>&1; then return; fi
  command -v redis-server >/dev/null || fail "Redis is not running on 127.0.0.1:$REDIS_PORT and is not installed: apt-get install redis-server"
  say "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port $REDIS_PORT --save "" --appendonly no \
    --dir "$STATE" --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log"
  touch "$STATE/started-redis"
  wait_port $REDIS_PORT 15 || fail "Redis did not start: see $STATE/redis.log"
}

create_databases() { # names...
  for db in "$@"; do
    [[ "$db" == sieve_* ]] || fail "refusing to touch database $db: the stack only manages sieve_* databases"
    local exists
    exists="$(psql -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d postgres -Atc "select 1 from pg_database where datname = '$db'")" ||
      fail "cannot connect to PostgreSQL as $PG_USER on $PG_HOST:$PG_PORT without a password; the stack expects trust auth for local TCP (see README.md, 'What a machine needs')"
    if [ -z "$exists" ]; then
      say "creating database $db"
      psql -h $PG_HOST -p $PG_PORT -U "$PG_USER" -d postgres -qc "create database \"$db\"" >/dev/null
    fi
  done
}

up() {
  local profile="${1:-dev}" suffix=""
  [ "$profile" = test ] && suffix="_test"
  mkdir -p "$STATE"
  start_postgres
  start_redis
  start_kafka
  create_databases "sieve_ingest$suffix" "sieve_tickets$suffix" "sieve_analytics$suffix" "sieve_keys$suffix"
  [ -f "$ROOT/dist/tools/stack/prepare.js" ] || node "$ROOT/tools/build/build.cjs" >/dev/null
  SIEVE_PROFILE="$profile" node "$ROOT/dist/tools/stack/prepare.js"
  say "stack is up ($profile): Kafka 127.0.0.1:$KAFKA_PORT, PostgreSQL $PG_HOST:$PG_PORT, Redis 127.0.0.1:$REDIS_PORT"
}

down() {
  local only=" $* " pid
  wanted() { [ "$only" = "  " ] || [[ "$only" == *" $1 "* ]]; }
  if wanted kafka && pid="$(kafka_pid)"; then
    say "stopping Kafka (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    rm -f "$KAFKA_DIR/kafka.pid"
  fi
  if wanted redis && [ -f "$STATE/started-redis" ]; then
    say "stopping Redis"; redis-cli -p $REDIS_PORT shutdown nosave >/dev/null 2>&1 || true; rm -f "$STATE/started-redis"
  fi
  if wanted postgres && [ -f "$STATE/started-postgres" ]; then
    say "stopping PostgreSQL"; pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main stop || true
    rm -f "$STATE/started-postgres"
  fi
}

status() {
  port_open $KAFKA_PORT && echo "kafka:      up (127.0.0.1:$KAFKA_PORT)" || echo "kafka:      down"
  pg_isready -q -h $PG_HOST -p $PG_PORT && echo "postgresql: up ($PG_HOST:$PG_PORT)" || echo "postgresql: down"
  redis-cli -p $REDIS_PORT ping >/dev/null 2>&1 && echo "redis:      up (127.0.0.1:$REDIS_PORT)" || echo "redis:      down"
}

case "${1:-}" in
  up) up "${2:-dev}" ;;
  down) shift; down "$@" ;;
  status) status ;;
  *) echo "usage: $0 up [dev|test] | down [kafka|postgres|redis...] | status" >&2; exit 2 ;;
esac
