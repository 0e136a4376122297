#!/usr/bin/env bash
# Import benchmark (issue 3): a bulk import of N companies x 3 contact rows (1 % bad rows) through the REST API of a
# fresh copy of the built distribution, beside a raw JDBC batch insert of the same rows into the same tables in
# the same run. Order: raw baseline, import, raw baseline again, so both see tables of about the same size.
# Usage: bash benchmarks/import.sh [derby|postgresql] [companies=10000]   (build first: mvn install -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
db="${1:-derby}"; companies="${2:-10000}"
port=18182
work="$root/benchmarks/target/import-$db"
archive="$root/karaf-distribution/target/openpartner-distribution-0.1.0-SNAPSHOT.tar.gz"
api="http://localhost:$port/api/v1"
[ -f "$archive" ] || { echo "build first: mvn -B -ntp install -DskipTests"; exit 1; }
[ -f "$root/benchmarks/target/openpartner-benchmarks.jar" ] || (cd "$root" && mvn -B -ntp -q package -pl benchmarks)
cp="$root/benchmarks/target/openpartner-benchmarks.jar:$root/benchmarks/target/lib/*"

rm -rf "$work" && mkdir -p "$work" && tar xzf "$archive" -C "$work"
home="$work/openpartner-distribution-0.1.0-SNAPSHOT"
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
if [ "$db" = postgresql ]; then
  bash "$root/.ci/postgresql" openpartner_bench >/dev/null
  cat > "$home/etc/org.ops4j.datasource-openpartner.cfg" <<EOF
osgi.jdbc.driver.name = PostgreSQL JDBC Driver
url = jdbc:postgresql://127.0.0.1:5432/openpartner_bench
user = openpartner
password = openpartner
dataSourceName = openpartner
pool = dbcp2
xa = false
pool.maxTotal = 16
EOF
  jdbc=(jdbc:postgresql://127.0.0.1:5432/openpartner_bench openpartner openpartner)
else
  jdbc=("jdbc:derby:$home/data/openpartner/db" "" "")
fi
export EXTRA_JAVA_OPTS="-Xms256m -Xmx1g"

start() {
  "$home/bin/start"
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$api/health")" = 200 ] && return
    sleep 0.1
  done
  echo "never healthy" >&2; exit 1
}
stop() { "$home/bin/stop" >/dev/null 2>&1 || true; for _ in $(seq 1 300); do pgrep -f "karaf.home=$home" >/dev/null || return 0; sleep 0.2; done; }
trap stop EXIT
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -1; }
post() { curl -sf -H 'Content-Type: application/json' ${2:+-H "Authorization: Bearer $2"} -d "$3" "$api$1"; }
token() { post /auth/login "" "{\"login\":\"$1\",\"password\":\"bench-password\"}" | json token; }
raw() {
  java -Xmx1g -Dderby.stream.error.file="$work/derby-raw.log" -cp "$cp" org.openpartner.benchmarks.RawImportBaseline "${jdbc[@]}" "$1" "$2" "$3" \
    dealer-personnel share-partner 50 "$4"
}
# Uploads a file and waits for its job to finish; prints the job.
import_file() {
  local job status
  job=$(curl -sf -H "Authorization: Bearer $bench" -H 'Content-Type: text/csv' --data-binary "@$1" \
    "$api/imports?fileName=$(basename "$1")" | json id)
  while :; do
    status=$(curl -sf -H "Authorization: Bearer $bench" "$api/imports/$job")
    case "$(echo "$status" | json status)" in completed|failed|cancelled) break ;; esac
    sleep 0.25
  done
  echo "$status"
}
# A vendor enterprise with Partner enabled; prints "tenantId userId" of its admin.
vendor() {
  post /enterprises "$admin" "{\"name\":\"$1\",\"admin\":{\"loginName\":\"$2\",\"name\":\"Bench\",\"password\":\"bench-password\"}}" >/dev/null
  local t; t=$(token "$2")
  curl -sf -X POST -H "Authorization: Bearer $t" "$api/partner/enable" >/dev/null
  local me; me=$(curl -sf -H "Authorization: Bearer $t" "$api/me")
  echo "$(echo "$me" | json homeEnterpriseId) $(echo "$me" | json userId)"
}

echo "== Import benchmark on $db: $companies companies x 3 contact rows, 1 % bad rows"
java -cp "$cp" org.openpartner.benchmarks.ImportFileGenerator "$work/import.csv" "$companies" 3 1 Imported 0
java -cp "$cp" org.openpartner.benchmarks.ImportFileGenerator "$work/raw-1.csv" "$companies" 3 1 RawFirst 3000000
java -cp "$cp" org.openpartner.benchmarks.ImportFileGenerator "$work/raw-2.csv" "$companies" 3 1 RawSecond 6000000
# Warm-up files, imported or inserted first and untimed, so that both sides run JIT-compiled code.
java -cp "$cp" org.openpartner.benchmarks.ImportFileGenerator "$work/import-warm.csv" 300 3 1 ImportedWarm 8000000
java -cp "$cp" org.openpartner.benchmarks.ImportFileGenerator "$work/raw-1-warm.csv" 300 3 1 RawFirstWarm 8100000
java -cp "$cp" org.openpartner.benchmarks.ImportFileGenerator "$work/raw-2-warm.csv" 300 3 1 RawSecondWarm 8200000

start
admin=$(post /auth/login "" '{"login":"admin","password":"openpartner-admin"}' | json token)
read -r import_tenant _ <<<"$(vendor "Import Vendor" import-admin)"
read -r raw1_tenant raw1_actor <<<"$(vendor "Raw Vendor One" raw1-admin)"
read -r raw2_tenant raw2_actor <<<"$(vendor "Raw Vendor Two" raw2-admin)"
# Derby is embedded: the baseline opens the same database files, so the distribution is stopped meanwhile.
stop

raw1=$(raw "$work/raw-1.csv" "$raw1_tenant" "$raw1_actor" "$work/raw-1-warm.csv"); echo "$raw1"

start
bench=$(token import-admin)
import_file "$work/import-warm.csv" >/dev/null
t0=$(date +%s%N)
status=$(import_file "$work/import.csv")
t1=$(date +%s%N)
echo "$status" | tr ',' '\n' | grep -E '"(status|totalRows|processedRows|rejectedRows|importedCompanies|rejectedCompanies)"' | tr '\n' ' '; echo
rows=$(echo "$status" | json processedRows)
import_seconds=$(awk "BEGIN {printf \"%.2f\", ($t1 - $t0) / 1e9}")
stop

raw2=$(raw "$work/raw-2.csv" "$raw2_tenant" "$raw2_actor" "$work/raw-2-warm.csv"); echo "$raw2"
echo
java -Dderby.stream.error.file="$work/derby-raw.log" -cp "$cp" org.openpartner.benchmarks.RowCounts "${jdbc[@]}" "import=$import_tenant" "raw-1=$raw1_tenant" "raw-2=$raw2_tenant"

rate() { echo "$1" | sed -n 's/.*rowsPerSecond=\([0-9]*\).*/\1/p'; }
import_rate=$(awk "BEGIN {printf \"%.0f\", $rows / $import_seconds}")
raw_rate=$(( ($(rate "$raw1") + $(rate "$raw2")) / 2 ))
echo
echo "== Result ($db): import ${import_rate} rows/s (${rows} rows in ${import_seconds} s, upload to completed), raw JDBC batch ${raw_rate} rows/s (mean of two runs): $(awk "BEGIN {printf \"%.0f\", 100 * $import_rate / $raw_rate}") % of raw (target >= 50 %)"
