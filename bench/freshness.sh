#!/usr/bin/env bash
# Freshness benchmark: the time from "201 Created" of POST /api/cases until the case is counted
# in GET /api/steering/figures, both through the gateway of a platform started with ./kim start.
# Usage: bench/freshness.sh [cases]   (default 30; prints "POST-ms visible-after-ms" per case and a summary)
# Needs curl and python3. Opens real (invented) cases in the running platform's default tenant.
set -euo pipefail
body='{"client":{"givenName":"Test","familyName":"Erfunden","dateOfBirth":"1990-01-01","nationality":"SYR","town":"Haan"},"targetGroup":"OTHER","accessRoute":"SELF","assignee":"cm-bench"}'
count() { curl -s 'localhost:8080/api/steering/figures' | python3 -c 'import sys,json; c=json.load(sys.stdin)["casesOpened"]["total"]["count"]; print(c if c is not None else -1)'; }
# get above the small-cell threshold first
for i in 1 2 3 4 5; do curl -s -o /dev/null -X POST localhost:8080/api/cases -H 'Content-Type: application/json' -d "$body"; done
sleep 2
for i in $(seq 1 ${1:-30}); do
  before=$(count)
  t0=$(date +%s%N)
  curl -s -o /dev/null -X POST localhost:8080/api/cases -H 'Content-Type: application/json' -d "$body"
  t1=$(date +%s%N)
  while [ "$(count)" -le "$before" ]; do :; done
  t2=$(date +%s%N)
  echo "$(( (t1-t0)/1000000 )) $(( (t2-t1)/1000000 ))"
done | tee /dev/stderr | python3 -c '
import sys, statistics
rows = [list(map(int, line.split())) for line in sys.stdin if line.strip()]
def pct(xs, q):
    xs = sorted(xs); k = (len(xs) - 1) * q; f = int(k); c = min(f + 1, len(xs) - 1)
    return xs[f] + (xs[c] - xs[f]) * (k - f)
post = [r[0] for r in rows]; seen = [r[1] for r in rows]
print(f"cases {len(rows)}; POST median {statistics.median(post):.0f} ms, p90 {pct(post, .9):.0f} ms;"
      f" visible after 201: median {statistics.median(seen):.0f} ms, p90 {pct(seen, .9):.0f} ms,"
      f" p99 {pct(seen, .99):.0f} ms, max {max(seen)} ms")'
