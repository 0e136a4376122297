#!/usr/bin/env bash
# Pool claim benchmark (issue 5, item 8): 32 claimers empty one hot pool through the pool engine (PoolServiceImpl.claim
# on pooled connections: conditional claim, holding counters, grant, log, in one transaction) and, in alternating
# rounds of the same run, through a raw JDBC loop of the bare conditional UPDATE on the same table; prints claims/s
# of both and their ratio, and fails if any record was won twice. Engine-level (no HTTP): the figure is the cost of
# the engine's statements beside the one statement a claim cannot do without.
# Usage: bash benchmarks/pools.sh [derby|postgresql] [records-per-round=2000] [shared|all] [rounds=2] [companies=8]
#        (build first: mvn install -DskipTests)
set -Eeuo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
db="${1:-derby}"; records="${2:-2000}"; contention="${3:-shared}"; rounds="${4:-2}"; companies="${5:-8}"
args=(-Dtest=PoolClaimBenchmark "-Dpools.records=$records" "-Dpools.contention=$contention" "-Dpools.rounds=$rounds"
  "-Dpools.companies=$companies")
if [ "$db" = postgresql ]; then
  bash "$root/.ci/postgresql" openpartner_pools
  args+=("-Dpools.url=jdbc:postgresql://127.0.0.1:5432/openpartner_pools?sslmode=disable")
fi
cd "$root"
mvn -B -ntp -q surefire:test -pl bundles/pools/impl "${args[@]}" -Dsurefire.printSummary=false \
  | grep -E '^(pools claim benchmark|round )'
