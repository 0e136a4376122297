#!/usr/bin/env bash
# Import benchmark (issue 3): bulk imports of N companies x 3 contact rows (1 % bad rows) through the REST API of a
# fresh copy of the built distribution, beside a raw JDBC batch insert of the same rows into the same tables in
# the same run. Each side runs two files of N companies in one JVM: the first with a cold JIT (the first import
# after a start), the second warm (a server that has been running). Order: raw baseline, import, raw baseline
# again, so both see tables of about the same size.
# Usage: bash benchmarks/import.sh [derby|postgresql] [companies=10000]   (build first: mvn install -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
db="${1:-derby}"; companies="${2:-10000}"
port=18182
work="$root/benchmarks/target/import-$db"
pg_database=openpartner_bench
cp="$root/benchmarks/target/openpartner-benchmarks.jar:$root/benchmarks/target/lib/*"
# shellcheck source=benchmarks/distribution.sh
source "$root/benchmarks/distribution.sh"
trap 'echo "import.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
# raw tenant actor file... : inserts the files in one JVM, one line per file, with the distribution's Derby settings.
raw() {
  local derby_opts; derby_opts=$(sed -n 's/^\(derby\.[a-zA-Z.]*\) *= *\(.*\)$/-D\1=\2/p' "$home/etc/system.properties")
  # shellcheck disable=SC2086
  java -Xmx1g $derby_opts -Dderby.stream.error.file="$work/derby-raw.log" -cp "$cp" org.openpartner.benchmarks.RawImportBaseline \
    "${jdbc[@]}" "$1" "$2" dealer-personnel share-partner 50 "${@:3}"
}
# Uploads a file and waits for its job to finish; prints the job. Polls once a second: the time is taken from the
# job's finishedAt (same machine, same clock), so the poller's own CPU does not slow the import it measures.
import_file() {
  local job status
  job=$(curl -sf -H "Authorization: Bearer $bench" -H 'Content-Type: text/csv' --data-binary "@$1" \
    "$api/imports?fileName=$(basename "$1")" | json id)
  while :; do
    sleep 1
    status=$(curl -sf -H "Authorization: Bearer $bench" "$api/imports/$job")
    case "$(echo "$status" | json status)" in completed|failed|cancelled) break ;; esac
  done
  echo "$status"
}
echo "== Import benchmark on $db: $companies companies x 3 contact rows (1 % bad rows) per file; cold = first file in a JVM, warm = second"
gen() { java -cp "$cp" org.openpartner.benchmarks.ImportFileGenerator "$work/$1.csv" "$companies" 3 1 "$2" "$3"; }
gen import-cold ImportCold 0; gen import-warm ImportWarm 1000000
gen raw-1-cold RawOneCold 2000000; gen raw-1-warm RawOneWarm 3000000
gen raw-2-cold RawTwoCold 4000000; gen raw-2-warm RawTwoWarm 5000000

start
admin=$(post /auth/login "" '{"login":"admin","password":"openpartner-admin"}' | json token)
read -r import_tenant _ <<<"$(vendor "Import Vendor" import-admin)"
read -r raw1_tenant raw1_actor <<<"$(vendor "Raw Vendor One" raw1-admin)"
read -r raw2_tenant raw2_actor <<<"$(vendor "Raw Vendor Two" raw2-admin)"
# Derby is embedded: the baseline opens the same database files, so the distribution is stopped meanwhile.
stop

raw1=$(raw "$raw1_tenant" "$raw1_actor" "$work/raw-1-cold.csv" "$work/raw-1-warm.csv"); echo "$raw1"

start
bench=$(token import-admin)
wait_idle
declare -A import_rate
for round in cold warm; do
  read -r karaf0 pg0 <<<"$(cpu_seconds)"
  t0=$(date +%s%N)
  status=$(import_file "$work/import-$round.csv")
  t1=$(date -d "$(echo "$status" | json finishedAt)" +%s%N)
  rows=$(echo "$status" | json processedRows)
  seconds=$(awk "BEGIN {printf \"%.2f\", ($t1 - $t0) / 1e9}")
  import_rate[$round]=$(awk "BEGIN {printf \"%.0f\", $rows / $seconds}")
  read -r karaf1 pg1 <<<"$(cpu_seconds)"
  tck=$(getconf CLK_TCK)
  echo "import file=import-$round.csv $(echo "$status" | tr ',' '\n' | grep -E '"(status|processedRows|rejectedRows|importedCompanies|rejectedCompanies)"' | tr '\n' ' ')seconds=$seconds rowsPerSecond=${import_rate[$round]} (upload to finishedAt)"
  echo "  cpu during the import: distribution $(( (karaf1 - karaf0) / tck )) s$([ "$db" = postgresql ] && echo ", PostgreSQL $(( (pg1 - pg0) / tck )) s")"
  # The event relay catches up with the import's events before the next round, as it would between imports.
  wait_idle
done
stop

raw2=$(raw "$raw2_tenant" "$raw2_actor" "$work/raw-2-cold.csv" "$work/raw-2-warm.csv"); echo "$raw2"
echo
java -Dderby.stream.error.file="$work/derby-raw.log" -cp "$cp" org.openpartner.benchmarks.RowCounts "${jdbc[@]}" "import=$import_tenant" "raw-1=$raw1_tenant" "raw-2=$raw2_tenant"

echo
for round in cold warm; do
  r1=$(echo "$raw1" | grep "$round.csv" | sed -n 's/.*rowsPerSecond=\([0-9]*\).*/\1/p')
  r2=$(echo "$raw2" | grep "$round.csv" | sed -n 's/.*rowsPerSecond=\([0-9]*\).*/\1/p')
  raw_rate=$(( (r1 + r2) / 2 ))
  echo "== Result ($db, $round): import ${import_rate[$round]} rows/s, raw JDBC batch ${raw_rate} rows/s (mean of $r1 and $r2): $(awk "BEGIN {printf \"%.0f\", 100 * ${import_rate[$round]} / $raw_rate}") % of raw (target >= 50 %)"
done
