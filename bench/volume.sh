#!/usr/bin/env bash
# The platform at real data volume (issues #16, #20 item 4, #21): on a fresh data directory, starts the
# platform once (so that every store has its schema, topics and positions), stops it, seeds N realistic
# case histories into case-service's event store (benchmarks' seed-cases: the service's own events,
# sealed with each person's key in the key store), starts the platform again as ./kim start runs it
# (local-infra's launcher, its JVM options and heaps), and measures:
#   - how long the case files and steering's facts take to catch up with the seeded history (catch-up),
#   - through the gateway, one request at a time: case list pages, name and date-of-birth search, the
#     case file of a case with hundreds of events, steering's figures (volume-queries),
#   - a command on a case with hundreds of events: 20 clients, each recording contacts on a long case of
#     its own, one a second each (load-generator, scenario contact),
#   - the rebuild of the case files and of steering's facts on this history (POST .../rebuild),
#   - the disk bytes per event of each store (case-service's event store, Mongo-wire store, Kafka logs),
#   - on the platform started again, a burst of commands (VOLUME_BURST [10000], 0: none) and the seconds
#     after it until the read models follow within a second again (burst).
# Results: key=value files volume-*.properties in VOLUME_RESULTS; bench/run.sh (step "volume") writes the
# "Volume" section of docs/BENCHMARKS.md from them.
#
# Usage: bench/volume.sh [--no-build] [--quick]
#   --quick  a few thousand cases (a smoke test of this script, and the small store beside a large one)
# Environment: VOLUME_CASES [100000, --quick 3000]  VOLUME_REQUESTS [200] per query (fewer make the p99 the slowest single request)
#              VOLUME_BUDGET [60, --quick 15] seconds per query at most, warm-up included (a slow query gets
#              fewer requests)
#              VOLUME_REBUILD_RUNS [1]  VOLUME_SEED [42]
#              VOLUME_LONG_CASES [20] cases with hundreds of events, one per commanding client
#              VOLUME_COMMAND_SECONDS [60, --quick 30] measured (after 10 s of warm-up)
#              VOLUME_WAIT_FACTS [1]: 0 measures once the case files have caught up, without waiting for
#              steering's facts (which follow the history through Kafka)
#              VOLUME_CLOSED_BRIEFLY [0]: 1 seeds closed cases with their opening and closure only (open
#              cases keep their whole history): a large store for lists and searches in a fraction of the time
#              VOLUME_WORK (data, logs) [a new /tmp/kim-volume.XXXXXX]  VOLUME_RESULTS [VOLUME_WORK/results]
# Nothing may be running on the platform's ports. Needs java, mvn, curl, jq, du.
set -euo pipefail
cd "$(dirname "$0")/.."
HOME_DIR="$(pwd)"
VERSION=0.1.0-SNAPSHOT

BUILD=1; QUICK=0
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --quick) QUICK=1 ;;
    *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2 ;;
  esac
done
if [ "$QUICK" = 1 ]; then CASES=${VOLUME_CASES:-3000}; else CASES=${VOLUME_CASES:-100000}; fi
REQUESTS=${VOLUME_REQUESTS:-200}
BUDGET=${VOLUME_BUDGET:-$( [ "$QUICK" = 1 ] && echo 15 || echo 60 )}; RUNS=${VOLUME_REBUILD_RUNS:-1}; SEED=${VOLUME_SEED:-42}
WORK=${VOLUME_WORK:-$(mktemp -d /tmp/kim-volume.XXXXXX)}
RES=${VOLUME_RESULTS:-$WORK/results}; LOGS="$WORK/logs"; DATA="$WORK/data"
mkdir -p "$RES" "$LOGS"
JAR="benchmarks/target/benchmarks-$VERSION-exec.jar"
LAUNCHER="local-infra/target/local-infra-$VERSION-exec.jar"
BENCH_JAVA=(java -Xmx512m -XX:+UseSerialGC)
GATEWAY=http://localhost:8080
AUTH=http://localhost:9000
# The read models are measured, not the gateway's rate limits.
export KIM_RATE_LIMIT_PER_SECOND=1000000 KIM_RATE_LIMIT_BURST=1000000
STARTED=0

log() { echo "[volume $(date +%H:%M:%S)] $*" >&2; }
platform() {
  java -Dkim.home="$HOME_DIR" -Dkim.data="$DATA" -Dlogback.configurationFile=kim-infra-logback.xml -jar "$LAUNCHER" "$@"
}
cleanup() { if [ "$STARTED" = 1 ]; then log "stopping the platform"; platform stop >>"$LOGS/platform.log" 2>&1 || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Bytes allocated on disk (not the apparent size: Kafka preallocates its index files sparsely).
bytes() { du -s -B1 "$@" 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; }
prop() { grep -m1 "^$2=" "$1" 2>/dev/null | cut -d= -f2- || true; }

for p in 8080 8081 8082 8083 8084 8085 9000 9092 9093 27017; do
  if port_in_use "$p"; then echo "Port $p is in use: stop whatever runs there first (./kim stop for the platform)." >&2; exit 1; fi
done
if [ -e "$DATA" ]; then echo "$DATA exists: the volume benchmark needs a fresh data directory" >&2; exit 1; fi
if [ "$BUILD" = 1 ]; then
  log "building (mvn -o package -DskipTests) ..."
  mvn -B -o -q package -DskipTests >"$LOGS/build.log" 2>&1 || { tail -30 "$LOGS/build.log"; exit 1; }
fi

log "first start on a fresh data directory ($DATA): schemas, topics, positions"
STARTED=1
platform start >"$LOGS/platform.log" 2>&1 || { tail -40 "$LOGS/platform.log"; exit 1; }
platform stop >>"$LOGS/platform.log" 2>&1
STARTED=0

log "seeding $CASES cases ..."
java -Xmx1g -XX:+UseParallelGC -jar "$JAR" seed-cases --data "$DATA" --cases "$CASES" --seed "$SEED" \
    --long-cases "${VOLUME_LONG_CASES:-20}" \
    $( [ "${VOLUME_CLOSED_BRIEFLY:-0}" = 1 ] && echo --closed-briefly ) \
    --out "$RES/volume-seed.properties" 2>"$LOGS/seed.log" || { tail -20 "$LOGS/seed.log"; exit 1; }
EVENTS=$(prop "$RES/volume-seed.properties" events)
log "seeded $EVENTS events at $(prop "$RES/volume-seed.properties" events_per_s) events/s"
{
  echo "cases=$CASES"; echo "quick=$QUICK"; echo "when=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"; echo "work=$WORK"
  echo "eventstore_after_seed_bytes=$(bytes "$DATA"/case-service/eventstore.*)"
  echo "keystore_after_seed_bytes=$(bytes "$DATA"/keystore)"
} >"$RES/volume-run.properties"

log "starting the platform on the seeded store, timing the catch-up ..."
T0=$(date +%s%3N)
STARTED=1
platform start >>"$LOGS/platform.log" 2>&1 &
START_PID=$!
"${BENCH_JAVA[@]}" -jar "$JAR" catch-up --since "$T0" --events "$EVENTS" --out "$RES/volume-catchup.properties" \
    $( [ "${VOLUME_WAIT_FACTS:-1}" = 0 ] && echo --no-facts ) \
    >"$LOGS/catch-up.log" 2>&1 &
CATCH_PID=$!
wait "$START_PID" || { tail -40 "$LOGS/platform.log"; kill "$CATCH_PID" 2>/dev/null || true; exit 1; }
echo "healthy_s=$(awk -v a="$T0" -v b="$(date +%s%3N)" 'BEGIN { printf "%.1f", (b - a) / 1000 }')" >>"$RES/volume-run.properties"
log "platform ready; waiting for the read models ..."
wait "$CATCH_PID" || log "the read models did not catch up, see $LOGS/catch-up.log"
echo "load_after_catchup=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RES/volume-run.properties"
cat "$LOGS/catch-up.log" >&2

log "queries through the gateway ($REQUESTS per query, at most $BUDGET s each) ..."
"${BENCH_JAVA[@]}" -jar "$JAR" volume-queries --long-case "$(prop "$RES/volume-seed.properties" long_case.id)" \
    --name "Schrö" --requests "$REQUESTS" --budget "$BUDGET" --out "$RES/volume-queries.properties" \
    >"$LOGS/queries.log" 2>&1 || log "queries failed, see $LOGS/queries.log"
cat "$LOGS/queries.log" >&2

LONG_CASES=$(prop "$RES/volume-seed.properties" long_cases.ids)
COMMANDING=$(echo "$LONG_CASES" | tr ',' '\n' | grep -c . || true)
log "commands on the $COMMANDING long cases: $COMMANDING clients, one contact a second each ..."
"${BENCH_JAVA[@]}" -jar "$JAR" load-generator --scenario contact --cases "$LONG_CASES" --clients "$COMMANDING" \
    --rate "$COMMANDING" --warmup 10 --duration "${VOLUME_COMMAND_SECONDS:-$( [ "$QUICK" = 1 ] && echo 30 || echo 60 )}" \
    --user "fallmanagement.mettmann" --out "$RES/volume-commands.properties" >"$LOGS/commands.log" 2>&1 \
    || log "commands failed, see $LOGS/commands.log"

log "rebuilds ($RUNS each) ..."
TOKEN=$(curl -s -u admin.mettmann:demo -d grant_type=client_credentials "$AUTH/oauth2/token" | jq -r .access_token)
: >"$RES/volume-rebuild.properties"
for run in $(seq 1 "$RUNS"); do
  # Without waiting for steering's facts, steering is still reading the history from Kafka: its rebuild would measure that.
  for target in case-service/case-files $( [ "${VOLUME_WAIT_FACTS:-1}" = 0 ] || echo steering-service/facts ); do
    key=$( [ "$target" = case-service/case-files ] && echo case_files || echo steering_facts )
    # On the service's own port: a rebuild of millions of events outlasts the gateway's 15 minutes.
    port=$( [ "$target" = case-service/case-files ] && echo 8081 || echo 8084 )
    report=$(curl -s -m 7200 -X POST -H "Authorization: Bearer $TOKEN" "http://localhost:$port/api/read-models/$target/rebuild" || true)
    echo "run $run $target (load $(cut -d' ' -f1-3 /proc/loadavg)): $report" >>"$LOGS/rebuild.log"
    echo "$report" | jq -r --arg p "run.$run.$key" 'to_entries[] | select(.value | type == "number")
        | "\($p).\(.key)=\(.value)"' >>"$RES/volume-rebuild.properties" 2>/dev/null \
        || log "rebuild of $target did not report: $report"
  done
done
cat "$LOGS/rebuild.log" >&2
log "stopping the platform"
platform stop >>"$LOGS/platform.log" 2>&1 || true
STARTED=0
# After a clean stop: H2 compacts its files as it closes them, and Kafka trims its preallocated index files.
log "disk per store ..."
{
  echo "events=$EVENTS"
  echo "measured=after the rebuilds and a clean stop of the platform"
  echo "eventstore_bytes=$(bytes "$DATA"/case-service/eventstore.*)"
  echo "mongo_bytes=$(bytes "$DATA"/mongo)"
  echo "kafka_bytes=$(bytes "$DATA"/kafka)"
  echo "keystore_bytes=$(bytes "$DATA"/keystore)"
  echo "data_bytes=$(bytes "$DATA")"
} >"$RES/volume-disk.properties"

# Last, on the platform started again (so that the figures above are of the seeded store): a burst of
# commands, and how soon the read models follow within a second again.
if [ "${VOLUME_BURST:-10000}" -gt 0 ]; then
  log "a burst of ${VOLUME_BURST:-10000} commands, then probes until the read models follow ..."
  STARTED=1
  platform start >>"$LOGS/platform.log" 2>&1 || { tail -40 "$LOGS/platform.log"; exit 1; }
  "${BENCH_JAVA[@]}" -jar "$JAR" burst --commands "${VOLUME_BURST:-10000}" --out "$RES/volume-burst.properties" \
      >"$LOGS/burst.log" 2>&1 || log "burst failed, see $LOGS/burst.log"
  tail -5 "$LOGS/burst.log" >&2
  platform stop >>"$LOGS/platform.log" 2>&1 || true
  STARTED=0
fi
log "done: results in $RES"
