#!/usr/bin/env bash
# Platform benchmarks (issue 2), against a fresh copy of the built distribution on this machine:
#   1. time from start to healthy (cold first start, then a warm restart), with -Xmx512m;
#   2. authenticated GET /partners?limit=50 beside GET /health, same run, alternating rounds;
#   3. the heap the running demo-sized system uses (-Xmx512m cap, heap after load and after a full GC).
# Usage: bash benchmarks/run.sh [workers] [seconds-per-round] [rounds]   (build first: mvn install -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
workers="${1:-8}"; seconds="${2:-10}"; rounds="${3:-3}"
port=18181
work="$root/benchmarks/target/run"
archive="$root/karaf-distribution/target/openpartner-distribution-0.1.0-SNAPSHOT.tar.gz"
api="http://localhost:$port/api/v1"
[ -f "$archive" ] || { echo "build first: mvn -B -ntp install -DskipTests"; exit 1; }
[ -f "$root/benchmarks/target/openpartner-benchmarks.jar" ] || (cd "$root" && mvn -B -ntp -q package -pl benchmarks)

rm -rf "$work" && mkdir -p "$work" && tar xzf "$archive" -C "$work"
home="$work/openpartner-distribution-0.1.0-SNAPSHOT"
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
export EXTRA_JAVA_OPTS="-Xms128m -Xmx512m"

wait_healthy() {
  local start=$1
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$api/health")" = 200 ]; then
      echo $(( ($(date +%s%N) - start) / 1000000 ))
      return
    fi
    sleep 0.1
  done
  echo "never healthy" >&2; exit 1
}
stop() { "$home/bin/stop" >/dev/null 2>&1 || true; for _ in $(seq 1 100); do pgrep -f "$home" >/dev/null || return 0; sleep 0.2; done; }

t0=$(date +%s%N); "$home/bin/start"; cold=$(wait_healthy "$t0")
stop
t0=$(date +%s%N); "$home/bin/start"; warm=$(wait_healthy "$t0")
trap stop EXIT

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -1; }
post() { curl -sf -H 'Content-Type: application/json' ${2:+-H "Authorization: Bearer $2"} -d "$3" "$api$1"; }
admin=$(post /auth/login "" '{"login":"admin","password":"openpartner-admin"}' | json token)
post /enterprises "$admin" '{"name":"Bench Vendor","admin":{"loginName":"bench-admin","name":"Bench","password":"bench-password"}}' >/dev/null
bench=$(post /auth/login "" '{"login":"bench-admin","password":"bench-password"}' | json token)
curl -sf -X POST -H "Authorization: Bearer $bench" "$api/partner/enable" >/dev/null
for i in $(seq 1 200); do
  post /partners "$bench" "{\"name\":\"Bench Partner $i\",\"type\":\"dealer\",\"level\":\"level-1\",\"region\":\"R$((i % 5))\",\"tags\":[\"t$((i % 3))\"]}" >/dev/null
done

echo
echo "== Start to healthy (-Xmx512m): cold first start ${cold} ms, warm restart ${warm} ms (target <= 15000 ms)"
echo
echo "== Load: $workers workers, $rounds alternating rounds of ${seconds}s per endpoint, 200 partners in the tenant"
java -cp "$root/benchmarks/target/openpartner-benchmarks.jar" org.openpartner.benchmarks.LoadDriver \
  --base "$api" --login bench-admin --password bench-password \
  --workers "$workers" --seconds "$seconds" --rounds "$rounds" /health '/partners?limit=50'

pid=$(pgrep -f "karaf.home=$home" | head -1)
echo
echo "== Heap (cap -Xmx512m) after the load"
jcmd "$pid" GC.heap_info | grep -E 'garbage-first heap|Metaspace'
jcmd "$pid" GC.run >/dev/null
echo "after a full GC:"
jcmd "$pid" GC.heap_info | grep -E 'garbage-first heap'
echo "RSS: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
