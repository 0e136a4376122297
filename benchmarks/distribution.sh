# Sourced by the benchmark scripts: unpacks a fresh copy of the built distribution under $work, on $port, on
# embedded Derby or on the PostgreSQL database $pg_database (created through .ci/postgresql), and defines
# start (until /health answers 200), stop and the helpers below (login, vendor set-up, idle wait, CPU seconds).
archive="$root/karaf-distribution/target/openpartner-distribution-0.1.0-SNAPSHOT.tar.gz"
api="http://localhost:$port/api/v1"
[ -f "$archive" ] || { echo "build first: mvn -B -ntp install -DskipTests"; exit 1; }
[ -f "$root/benchmarks/target/openpartner-benchmarks.jar" ] || (cd "$root" && mvn -B -ntp -q package -pl benchmarks)
rm -rf "$work" && mkdir -p "$work" && tar xzf "$archive" -C "$work"
home="$work/openpartner-distribution-0.1.0-SNAPSHOT"
sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
if [ "$db" = postgresql ]; then
  bash "$root/.ci/postgresql" "$pg_database" >/dev/null
  cat > "$home/etc/org.ops4j.datasource-openpartner.cfg" <<CFG
osgi.jdbc.driver.name = PostgreSQL JDBC Driver
url = jdbc:postgresql://127.0.0.1:5432/$pg_database
user = openpartner
password = openpartner
dataSourceName = openpartner
pool = dbcp2
xa = false
pool.maxTotal = 16
CFG
  jdbc=("jdbc:postgresql://127.0.0.1:5432/$pg_database?sslmode=disable" openpartner openpartner)
else
  jdbc=("jdbc:derby:$home/data/openpartner/db" "" "")
fi
# BENCH_JAVA_OPTS: more options for the distribution's JVM (a profiler: -XX:StartFlightRecording=...).
export EXTRA_JAVA_OPTS="-Xms256m -Xmx1g ${BENCH_JAVA_OPTS:-}"

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

# Helpers the scripts share (vendor() needs $admin, a platform admin's token).
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -1; }
post() { curl -sf -H 'Content-Type: application/json' ${2:+-H "Authorization: Bearer $2"} -d "$3" "$api$1"; }
token() { post /auth/login "" "{\"login\":\"$1\",\"password\":\"bench-password\"}" | json token; }
# Waits until the machine is idle (under 15 % of a core for 3 s in a row): start-up, the JIT and the event relay
# delivering the events behind a previous import or baseline, whose work is partly the database's (PostgreSQL runs
# in processes of its own), as on a server that has been running for a while.
wait_idle() {
  local prev now quiet=0
  busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
  prev=$(busy)
  for _ in $(seq 1 300); do
    sleep 1
    now=$(busy)
    if [ $((now - prev)) -lt $(( $(getconf CLK_TCK) * 15 / 100 )) ]; then quiet=$((quiet + 1)); else quiet=0; fi
    prev=$now
    [ $quiet -ge 3 ] && return
  done
}
# A vendor enterprise with Partner enabled; prints "tenantId userId" of its admin.
vendor() {
  post /enterprises "$admin" "{\"name\":\"$1\",\"admin\":{\"loginName\":\"$2\",\"name\":\"Bench\",\"password\":\"bench-password\"}}" >/dev/null
  local t; t=$(token "$2")
  curl -sf -X POST -H "Authorization: Bearer $t" "$api/partner/enable" >/dev/null
  local me; me=$(curl -sf -H "Authorization: Bearer $t" "$api/me")
  echo "$(echo "$me" | json homeEnterpriseId) $(echo "$me" | json userId)"
}

# CPU seconds used so far by the distribution's JVM and, on PostgreSQL, by the database server's processes.
cpu_seconds() {
  local karaf pg=0
  karaf=$(awk '{print $14 + $15}' "/proc/$(pgrep -f "karaf.home=$home" | head -1)/stat")
  if [ "$db" = postgresql ]; then
    pg=$( { for p in $(pgrep -u postgres); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done
            awk '{print $16 + $17}' "/proc/$(pgrep -u postgres -o postgres)/stat"; } | awk '{s += $1} END {print s}')
  fi
  echo "$karaf $pg"
}
