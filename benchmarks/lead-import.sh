#!/usr/bin/env bash
# Lead import benchmark (issue 5, item 8): N leads imported through POST /leads/import of a fresh copy of the built
# distribution, in files of at most 20,000 rows (the import's limit per file), beside a raw JDBC batch insert of the
# same rows (the lead, its lead.created event in the outbox and its audit entry) into the same tables in the same run:
# raw baseline, import, raw baseline again, so both see tables of about the same size.
# Usage: bash benchmarks/lead-import.sh [derby|postgresql] [leads=100000]   (build first: mvn install -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
db="${1:-derby}"; leads="${2:-100000}"
per_file=20000
port=18183
work="$root/benchmarks/target/lead-import-$db"
pg_database=openpartner_bench
cp="$root/benchmarks/target/openpartner-benchmarks.jar:$root/benchmarks/target/lib/*"
# shellcheck source=benchmarks/distribution.sh
source "$root/benchmarks/distribution.sh"
trap 'echo "lead-import.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
files=$(( (leads + per_file - 1) / per_file ))

# files for one side: prefix; prints their paths.
generate() {
  local i rows
  for i in $(seq 1 "$files"); do
    rows=$(( i < files ? per_file : leads - (files - 1) * per_file ))
    java -cp "$cp" org.openpartner.benchmarks.LeadFileGenerator "$work/$1-$i.csv" "$rows" "$1" $(( i * per_file ))
    echo "$work/$1-$i.csv"
  done
}
# raw tenant actor files... : the baseline, with the distribution's Derby settings.
raw() {
  local derby_opts; derby_opts=$(sed -n 's/^\(derby\.[a-zA-Z.]*\) *= *\(.*\)$/-D\1=\2/p' "$home/etc/system.properties")
  # shellcheck disable=SC2086
  java -Xmx1g $derby_opts -Dderby.stream.error.file="$work/derby-raw.log" -cp "$cp" \
    org.openpartner.benchmarks.RawLeadImportBaseline "${jdbc[@]}" "$1" "$2" "$1" 1000 "${@:3}"
}

echo "== Lead import benchmark on $db: $leads leads in $files files of up to $per_file rows, beside raw JDBC batches"
mapfile -t import_files < <(generate Imported)
mapfile -t raw1_files < <(generate RawOne)
mapfile -t raw2_files < <(generate RawTwo)

start
admin=$(post /auth/login "" '{"login":"admin","password":"openpartner-admin"}' | json token)
read -r import_tenant _ <<<"$(vendor "Lead Import Vendor" lead-import-admin)"
read -r raw1_tenant raw1_actor <<<"$(vendor "Raw Lead Vendor One" raw-lead1-admin)"
read -r raw2_tenant raw2_actor <<<"$(vendor "Raw Lead Vendor Two" raw-lead2-admin)"
# Derby is embedded: the baseline opens the same database files, so the distribution is stopped meanwhile.
stop

raw1=$(raw "$raw1_tenant" "$raw1_actor" "${raw1_files[@]}"); echo "$raw1"

start
bench=$(token lead-import-admin)
wait_idle
read -r karaf0 pg0 <<<"$(cpu_seconds)"
t0=$(date +%s%N)
imported=0
for file in "${import_files[@]}"; do
  answer=$(curl -s -w ' %{http_code}' -H "Authorization: Bearer $bench" -H 'Content-Type: text/csv' \
    --data-binary "@$file" "$api/leads/import")
  [ "${answer##* }" = 201 ] || { echo "import of $file answered: $answer" >&2; exit 1; }
  imported=$(( imported + $(echo "$answer" | json imported) ))
done
t1=$(date +%s%N)
read -r karaf1 pg1 <<<"$(cpu_seconds)"
seconds=$(awk "BEGIN {printf \"%.2f\", ($t1 - $t0) / 1e9}")
import_rate=$(awk "BEGIN {printf \"%.0f\", $imported / $seconds}")
tck=$(getconf CLK_TCK)
echo "import files=$files rows=$imported seconds=$seconds rowsPerSecond=$import_rate (first upload to last answer)"
echo "  cpu during the import: distribution $(( (karaf1 - karaf0) / tck )) s$([ "$db" = postgresql ] && echo ", PostgreSQL $(( (pg1 - pg0) / tck )) s")"
# The event relay delivers the import's events before the distribution stops.
wait_idle
stop

raw2=$(raw "$raw2_tenant" "$raw2_actor" "${raw2_files[@]}"); echo "$raw2"
echo
java -Drows=leads -Dderby.stream.error.file="$work/derby-raw.log" -cp "$cp" org.openpartner.benchmarks.RowCounts \
  "${jdbc[@]}" "import=$import_tenant" "raw-1=$raw1_tenant" "raw-2=$raw2_tenant"
echo
r1=$(echo "$raw1" | sed -n 's/.*rowsPerSecond=\([0-9]*\).*/\1/p')
r2=$(echo "$raw2" | sed -n 's/.*rowsPerSecond=\([0-9]*\).*/\1/p')
raw_rate=$(( (r1 + r2) / 2 ))
echo "== Result ($db): import $import_rate rows/s, raw JDBC batch $raw_rate rows/s (mean of $r1 and $r2): $(awk "BEGIN {printf \"%.0f\", 100 * $import_rate / $raw_rate}") % of raw (target >= 50 %)"
