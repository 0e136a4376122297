#!/usr/bin/env bash
# Access benchmark (issue 4, item 10) on a fresh copy of the built distribution:
#   - a tenant with N companies bulk-imported (POST /imports), C contacts (external users) each, arranged into
#     3-level partner trees (1 + 10 + 100 partners by default) through PUT /partners/{id}/parent;
#   - R records per company of one object (the test-widget add-on's, deployed as an ISV's bundle), inserted with
#     JDBC while the distribution is stopped, owned by the company's users, 1 % of them shared with a user of another
#     company through a related-team grant;
#   - data scopes set per company (one company per scope), typical sharing rules: one distributor's records shared
#     with all downstream companies, a key-account role's records shared with the dealer role, one company's
#     records shared read-write with another company;
#   - authenticated GET /test-widgets?limit=50 as a user under each scope (and a distributor at the top of a tree,
#     whose reach is its tree's records through the hierarchy), and as channel staff (the whole tenant, no reach to
#     compute), beside GET /health, alternating rounds, same run;
#   - the time to re-parent a partner with R x 111 records below it, until the new parent's user reads them.
# Usage: bash benchmarks/access.sh [derby|postgresql] [companies=10000] [records-per-company=100]
#        [contacts-per-company=10] [workers=4] [seconds-per-round=10] [rounds=3] [fanout=10]
#        (build first: mvn install -DskipTests; the trees have 1 + fanout + fanout^2 partners, 11 trees at least)
set -Eeuo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
db="${1:-derby}"; companies="${2:-10000}"; per_company="${3:-100}"; contacts="${4:-10}"
workers="${5:-4}"; seconds="${6:-10}"; rounds="${7:-3}"; fanout="${8:-10}"
port=18183
tree=$((1 + fanout + fanout * fanout))
if [ $((companies / tree)) -lt 11 ]; then
  echo "access.sh: $companies companies make $((companies / tree)) trees of $tree partners; the sharing rules and the" \
    "re-parenting use trees 0 to 10: give at least $((11 * tree)) companies (or a smaller fanout)" >&2
  exit 2
fi
work="$root/benchmarks/target/access-$db"
pg_database=openpartner_access
cp="$root/benchmarks/target/openpartner-benchmarks.jar:$root/benchmarks/target/lib/*"
# shellcheck source=benchmarks/distribution.sh
source "$root/benchmarks/distribution.sh"
cp "$(ls "$root"/benchmarks/target/lib/openpartner-itest-widgets-*.jar)" "$home/deploy/"
trap 'echo "access.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -1; }
# login name-or-mobile password [context]: a token.
login() { curl -sf -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"$2\"${3:+,\"context\":\"$3\"}}" "$api/auth/login" | json token; }
call() {
  local method=$1 path=$2 token=$3 body=${4:-} out code
  out=$(curl -s -w '\n%{http_code}' -X "$method" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" ${body:+-d "$body"} "$api$path")
  code=${out##*$'\n'}
  [ "${code:0:1}" = 2 ] || { echo "$method $path: $code ${out%$'\n'*}" >&2; return 1; }
  echo "${out%$'\n'*}"
}
java_() { java -Xmx1g -Dderby.stream.error.file="$work/derby-client.log" -cp "$cp" "$@"; }

echo "== Access benchmark on $db: $companies companies x $contacts users, $per_company records each, 3-level trees"
java_ org.openpartner.benchmarks.ImportFileGenerator "$work/companies.csv" "$companies" "$contacts" 0 Access 0

start
# The add-on is deployed like an ISV's bundle: wait until its endpoint answers.
# The platform admin is created at the first start; health can answer a moment earlier.
for _ in $(seq 1 300); do
  admin=$(login admin openpartner-admin || true)
  [ -n "$admin" ] && break; sleep 0.2
done
for _ in $(seq 1 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" "$api/objects/test-widget")" = 200 ] && break; sleep 0.1; done
call POST /enterprises "$admin" '{"name":"Access Vendor","admin":{"loginName":"access-admin","name":"Bench","password":"bench-password"}}' >/dev/null
bench=$(login access-admin bench-password)
call POST /partner/enable "$bench" >/dev/null
me=$(call GET /me "$bench"); tenant=$(echo "$me" | json homeEnterpriseId); admin_user=$(echo "$me" | json userId)
# Creates the widget table before the records are inserted.
call GET /test-widgets "$bench" >/dev/null

t0=$(date +%s%N)
job=$(curl -sf -H "Authorization: Bearer $bench" -H 'Content-Type: text/csv' --data-binary "@$work/companies.csv" "$api/imports?fileName=companies.csv" | json id)
while :; do
  sleep 2
  status=$(call GET "/imports/$job" "$bench")
  case "$(echo "$status" | json status)" in completed) break ;; failed|cancelled) echo "import: $status" >&2; exit 1 ;; esac
done
echo "import: $(echo "$status" | json importedCompanies) companies in $(( ($(date +%s%N) - t0) / 1000000000 )) s"
java_ org.openpartner.benchmarks.AccessBenchmark hierarchy "$api" "$bench" "$fanout" "$work/partners.tsv"
stop

java_ org.openpartner.benchmarks.AccessBenchmark records "${jdbc[@]}" "$tenant" "$admin_user" "$work/partners.tsv" \
  "$per_company" 1 42 "$work/users.tsv" "$work/records.tsv"

start
bench=$(login access-admin bench-password)
# Health answers once each feature is up; the add-on from deploy/ and the REST resources may take a moment more.
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $bench" "$api/test-widgets?limit=1")" = 200 ] \
    && [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $bench" "$api/access/scopes/test-widget")" = 200 ] && break
  sleep 0.1
done
field() { awk -F'\t' -v l="$1" -v c="$2" '$1 == l {print $c}' "$work/users.tsv"; }
# Data scopes: Private by default; one company per other scope.
call PUT /access/scopes/test-widget "$bench" '{"scope":"PRIVATE"}' >/dev/null
for pair in company-read:COMPANY_READ_ONLY company-read-write:COMPANY_READ_WRITE public-read:PUBLIC_READ_ONLY public-read-write:PUBLIC_READ_WRITE; do
  call PUT /access/scopes/test-widget "$bench" "{\"scope\":\"${pair#*:}\",\"companyIds\":[\"$(field "${pair%%:*}" 4)\"]}" >/dev/null
done
# Typical sharing rules: a distributor's records for every downstream company; the records of a key-account role
# (20 users of tree 7) for the dealer role; one company's records read-write for the private leaf's company.
call POST /access/roles "$bench" '{"key":"key-account","name":"Key account"}' >/dev/null
call POST /access/sharing-rules "$bench" "{\"object\":\"test-widget\",\"sourceKind\":\"COMPANY\",\"source\":\"$(field rule-source 4)\",\"targetKind\":\"ALL_COMPANIES\"}" >/dev/null
call POST /access/sharing-rules "$bench" '{"object":"test-widget","sourceKind":"ROLE","source":"key-account","targetKind":"ROLE","target":"dealer-personnel"}' >/dev/null
call POST /access/sharing-rules "$bench" "{\"object\":\"test-widget\",\"sourceKind\":\"COMPANY\",\"source\":\"$(awk -F'\t' '$3 == 10 && $4 == 3 {print $2; exit}' "$work/partners.tsv")\",\"targetKind\":\"COMPANY\",\"target\":\"$(field private-leaf 4)\",\"access\":\"WRITE\"}" >/dev/null
while read -r user; do call PUT "/access/users/$user/roles/key-account" "$bench" >/dev/null; done < "$work/users.tsv.key-account"

# Channel staff reach the whole tenant: their list is one walk of the list's index, no reach to compute. Beside
# /health it shows what the REST path itself (token, permissions, the page's rows, JSON) costs for 50 records.
args=(--as "channel-staff=access-admin:bench-password:$tenant" '/test-widgets?limit=50')
while IFS=$'\t' read -r label mobile _ _ _; do
  [ "$label" = reparent-observer ] && continue
  args+=(--as "$label=$mobile:bench-password:$tenant" '/test-widgets?limit=50')
done < "$work/users.tsv"
echo
echo "== Load: $workers workers, $rounds alternating rounds of ${seconds}s per endpoint; $(wc -l < "$work/records.tsv") companies, $((companies * per_company)) records"
java_ org.openpartner.benchmarks.LoadDriver --base "$api" --workers "$workers" --seconds "$seconds" --rounds "$rounds" \
  /health "${args[@]}"

echo
echo "== Re-parenting the root of tree 8 (its tree's records) under the root of tree 9, read by a user of tree 9's root"
observer=$(login "$(field reparent-observer 2)" bench-password "$tenant")
moved_root=$(awk -F'\t' '$3 == 8 && $4 == 1 {print $1; exit}' "$work/partners.tsv")
new_parent=$(awk -F'\t' '$3 == 9 && $4 == 1 {print $1; exit}' "$work/partners.tsv")
leaf_company=$(awk -F'\t' '$3 == 8 && $4 == 3 {print $2; exit}' "$work/partners.tsv")
record=$(awk -F'\t' -v c="$leaf_company" '$1 == c {print $2}' "$work/records.tsv")
echo "records below the moved partner: $(( $(awk -F'\t' '$3 == 8' "$work/partners.tsv" | wc -l) * per_company ))"
java_ org.openpartner.benchmarks.AccessBenchmark reparent "$api" "$bench" "$observer" "$moved_root" "$new_parent" "$record"
