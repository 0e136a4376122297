# Sourced by the benchmark scripts: unpacks a fresh copy of the built distribution under $work, on $port, on
# embedded Derby or on the PostgreSQL database $pg_database (created through .ci/postgresql), and defines
# start (until /health answers 200) and stop. Expects root, work, port, db, pg_database; sets home, api, jdbc.
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
