#!/usr/bin/env bash
# Pool distribution benchmark (issue 5, item 8): N incoming records enter one pool through its 20 distribution rules
# (PoolServiceImpl.put from 8 request threads on pooled connections) and, in alternating rounds of the same run, the
# same number enter a pool without rules; prints records/s of both and checks where each record went and that the
# round-robin rules dealt evenly. Engine-level (no HTTP), like pools.sh.
# Usage: bash benchmarks/pool-distribution.sh [derby|postgresql] [records-per-round=100000] [rounds=1] [threads=8]
#        (build first: mvn install -DskipTests)
set -Eeuo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
db="${1:-derby}"; records="${2:-100000}"; rounds="${3:-1}"; threads="${4:-8}"
args=(-Dtest=PoolDistributionBenchmark "-Dpools.records=$records" "-Dpools.rounds=$rounds" "-Dpools.threads=$threads"
  -Dtest.heap=-Xmx2g)
if [ "$db" = postgresql ]; then
  bash "$root/.ci/postgresql" openpartner_pools
  args+=("-Dpools.url=jdbc:postgresql://127.0.0.1:5432/openpartner_pools?sslmode=disable")
else
  # On disk, as the distribution keeps it (an in-memory database would hold every row in the test's heap).
  rm -rf "$root/bundles/pools/impl/target/distribution-benchmark-db"
  args+=("-Dpools.url=jdbc:derby:$root/bundles/pools/impl/target/distribution-benchmark-db;create=true")
fi
cd "$root"
mvn -B -ntp -q surefire:test -pl bundles/pools/impl "${args[@]}" -Dsurefire.printSummary=false \
  | grep -E '^(pools distribution benchmark|round )'
