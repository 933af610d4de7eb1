#!/usr/bin/env bash
# Where the CPU goes: samples the CPU of the started platform's JVMs with async-profiler (the
# Maven Central artifact tools.profiler:async-profiler, attached through jcmd) for a while, for
# instance while a LoadGenerator run is going on, and prints each process's CPU by thread group
# and by part of the stack. The collapsed stacks stay in the output directory for a flame graph.
#
# Usage: bench/profile.sh [--data DIR] [--out DIR] SECONDS COMPONENT...
#   --data  the platform's data directory, whose run/<component>.pid names the processes [./data]
#   --out   where the collapsed stacks go [a new /tmp/kim-profile.XXXXXX]
# Example, with ./kim start running and a load on it:
#   bench/profile.sh 30 case-service gateway
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=./data
OUT=""
while [[ "${1:-}" == --* ]]; do
  case "$1" in
    --data) DATA=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
[ $# -ge 2 ] || { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
SECONDS_TO_SAMPLE=$1; shift
OUT=${OUT:-$(mktemp -d /tmp/kim-profile.XXXXXX)}
mkdir -p "$OUT"

VERSION=4.1
LIB="$OUT/libasyncProfiler.so"
if [ ! -f "$LIB" ]; then
  mvn -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$VERSION" -DoutputDirectory="$OUT" >/dev/null
  unzip -q -o -j "$OUT/async-profiler-$VERSION.jar" "linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')/libasyncProfiler.so" -d "$OUT"
fi

# jcmd reads key=value arguments itself: the profiler's options go in quotes of their own.
profiler() { jcmd "$1" JVMTI.agent_load "$LIB" "'$2'" >/dev/null; }
pid_of() { cat "$DATA/run/$1.pid"; }

for c in "$@"; do profiler "$(pid_of "$c")" "start,event=itimer,interval=2ms,threads"; done
sleep "$SECONDS_TO_SAMPLE"
for c in "$@"; do profiler "$(pid_of "$c")" "stop,file=$OUT/$c.collapsed,collapsed,threads"; done

# The parts of a stack, checked in this order: a sample counts for the first part its stack contains.
PARTS="JIT compiler=C2Compiler|C1Compiler|CompileBroker
garbage collector and VM=GCTaskThread|VMThread|VM_Operation|GenCollect|DefNew
audit trail=de/kim/platform/audit/AuditTrail
key store (crypto-shredding)=de/kim/platform/privacy/PersonalDataVault
Kafka publication=KafkaEventPublisher|org/apache/kafka/clients/producer
Kafka consumers=org/springframework/kafka/listener
event store=JdbcEventStorageEngine|EmbeddedEventStore
read-model projections=org/axonframework/eventhandling/TrackingEventProcessor
command handling=org/axonframework/commandhandling
token check=com/nimbusds|JwtDecoder|JwtAuthenticationProvider
gateway routing=org/springframework/cloud/gateway
Spring MVC=org/springframework/web/servlet
Spring Security filters=org/springframework/security
MongoDB driver=com/mongodb
Mongo-wire server=de/bwaldvogel/mongo
H2=org/h2/
Kafka broker=kafka/server|kafka/log|org/apache/kafka/storage|kafka/network
Tomcat=org/apache/coyote|org/apache/tomcat|org/apache/catalina
Netty and Reactor=reactor/netty|io/netty|reactor/core"

for c in "$@"; do
  f="$OUT/$c.collapsed"
  echo "== $c ($(awk '{ s += $NF } END { printf "%.1f", s * 0.002 }' "$f") CPU-seconds sampled in $SECONDS_TO_SAMPLE s)"
  echo "by thread:"
  awk '{ c = $NF; split($0, a, ";"); t = a[1]; sub(/ tid=.*/, "", t); sub(/^\[/, "", t); gsub(/[-_#]?[0-9]+$/, "", t); s[t] += c; n += c }
       END { for (k in s) if (s[k] / n >= 0.01) printf "  %5.1f %%  %s\n", 100 * s[k] / n, k }' "$f" | sort -rn | head -8
  echo "by part of the stack:"
  PARTS="$PARTS" awk 'BEGIN { k = split(ENVIRON["PARTS"], p, "\n"); for (i = 1; i <= k; i++) { split(p[i], kv, "="); name[i] = kv[1]; re[i] = kv[2] } }
       { c = $NF; n += c; hit = "other"; for (i = 1; i <= k; i++) if ($0 ~ re[i]) { hit = name[i]; break } s[hit] += c }
       END { for (h in s) if (s[h] / n >= 0.01) printf "  %5.1f %%  %s\n", 100 * s[h] / n, h }' "$f" | sort -rn
done
echo "collapsed stacks: $OUT"
