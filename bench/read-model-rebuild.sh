#!/usr/bin/env bash
# The rebuild of read models on the platform as ./kim start runs it (issue #20): starts the platform
# on a fresh data directory (the launcher's JVM options and heaps, local-infra's Platform), opens
# cases through the gateway with the load generator, waits until steering has caught up, then
# rebuilds case-service's case files and steering's facts three times each through
# POST /api/read-models/<service>/<read model>/rebuild and prints each report.
#
# Usage: bench/read-model-rebuild.sh [--no-build]
# Environment: REBUILD_CLIENTS [8]  REBUILD_DURATION [60] (seconds of load; 0: none, the history already
#              in REBUILD_WORK/data is rebuilt as it is, e.g. one history rebuilt by two builds)  REBUILD_RUNS [3]
#              REBUILD_WORK (results, logs, data) [a new /tmp/kim-rebuild.XXXXXX]
#              REBUILD_PROFILE [0]: 1 records the rebuilds with JFR (settings=profile) in case-service,
#              steering-service and the Mongo-wire server, into REBUILD_WORK/<process>.jfr; read them
#              with `jfr print --events jdk.ExecutionSample` or `jfr summary`
# Each report line carries the load average of the machine when it was made: the machines are shared.
# Nothing may be running on the platform's ports. Needs java, mvn, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
HOME_DIR="$(pwd)"
VERSION=0.1.0-SNAPSHOT
[ "${1:-}" = "--no-build" ] || mvn -B -o -q -DskipTests package
CLIENTS=${REBUILD_CLIENTS:-8}; DURATION=${REBUILD_DURATION:-60}; RUNS=${REBUILD_RUNS:-3}
WORK=${REBUILD_WORK:-$(mktemp -d /tmp/kim-rebuild.XXXXXX)}
mkdir -p "$WORK"
LAUNCHER="local-infra/target/local-infra-$VERSION-exec.jar"
JAR="benchmarks/target/benchmarks-$VERSION-exec.jar"
GATEWAY=http://localhost:8080
AUTH=http://localhost:9000
export KIM_RATE_LIMIT_PER_SECOND=1000000 KIM_RATE_LIMIT_BURST=1000000

log() { echo "[rebuild $(date +%H:%M:%S)] $*" >&2; }
platform() {
  java -Dkim.home="$HOME_DIR" -Dkim.data="$WORK/data" -Dlogback.configurationFile=kim-infra-logback.xml \
    -jar "$LAUNCHER" "$@"
}
trap 'log "stopping the platform"; platform stop >>"$WORK/platform.log" 2>&1 || true' EXIT

log "starting the platform (data in $WORK/data) ..."
platform start >"$WORK/platform.log" 2>&1
if [ "$DURATION" -gt 0 ]; then
  log "opening cases: $CLIENTS clients for $DURATION s ..."
  java -Xmx512m -XX:+UseSerialGC -jar "$JAR" load-generator --scenario open-case --clients "$CLIENTS" \
    --duration "$DURATION" --warmup 5 --gateway "$GATEWAY" --auth "$AUTH" --out "$WORK/load.properties" \
    >"$WORK/load.log" 2>&1
fi
TOKEN=$(curl -s -u admin.mettmann:demo -d grant_type=client_credentials "$AUTH/oauth2/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
status() { curl -s -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/read-models/$1"; }
lag() { status "$1" | tr ',' '\n' | grep '"lag"' | head -1 | sed -E 's/.*:([0-9]+).*/\1/'; }
for service in case-service steering-service; do
  for _ in $(seq 1 120); do [ "$(lag "$service")" = "0" ] && break; sleep 2; done
  log "$service caught up: $(status "$service")"
done
PROFILED="case-service steering-service mongo"
if [ "${REBUILD_PROFILE:-0}" = 1 ]; then
  for process in $PROFILED; do
    jcmd "$(cat "$WORK/data/run/$process.pid")" JFR.start name=rebuild settings=profile \
      "filename=$WORK/$process.jfr" >>"$WORK/jfr.log" 2>&1 || true
  done
fi
# CPU milliseconds (user + system) each process of the platform has used so far: "name ms" per line.
TICK=$(getconf CLK_TCK)
cpu_ms() {
  for f in "$WORK"/data/run/*.pid; do
    [ -r "/proc/$(cat "$f")/stat" ] && echo "$(basename "$f" .pid) $(awk -v t="$TICK" '{print ($14 + $15) * 1000 / t}' "/proc/$(cat "$f")/stat")"
  done
  return 0
}
for run in $(seq 1 "$RUNS"); do
  for target in case-service/case-files steering-service/facts; do
    before=$(cpu_ms)
    report=$(curl -s -X POST -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/read-models/$target/rebuild")
    # What the rebuild cost each process that worked for it (over 50 ms), whatever else the machine ran meanwhile.
    cpu=$(join <(echo "$before" | sort) <(cpu_ms | sort) | awk '$3 - $2 >= 50 { printf "%s%s %d ms", sep, $1, $3 - $2; sep = ", " }')
    echo "run $run $target (load $(cut -d' ' -f1-3 /proc/loadavg); CPU: $cpu): $report" | tee -a "$WORK/rebuild.txt"
  done
done
if [ "${REBUILD_PROFILE:-0}" = 1 ]; then
  for process in $PROFILED; do
    jcmd "$(cat "$WORK/data/run/$process.pid")" JFR.stop name=rebuild >>"$WORK/jfr.log" 2>&1 || true
  done
fi
log "reports in $WORK/rebuild.txt"
