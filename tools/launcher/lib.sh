# shellcheck shell=bash
# Shared by every job of ./newsroom (sourced, never run): where things live, logging, processes, PostgreSQL,
# the jars from Maven Central and the local Kafka broker.
# shellcheck disable=SC2034 # the settings below are read by the job scripts that source this file

LIB="$STATE/lib"
DATA="$STATE/data"
LOGS="$STATE/logs"
PIDS="$STATE/pids"
JWT_DIR="$STATE/jwt"

DB_HOST="${NEWSROOM_DB_HOST:-127.0.0.1}"
DB_PORT="${NEWSROOM_DB_PORT:-5432}"
DB_USER="${NEWSROOM_DB_USER:-postgres}"
DB_PASSWORD="${NEWSROOM_DB_PASSWORD:-}"
DATABASES=(newsroom_ingest newsroom_editorial newsroom_publish newsroom_notify)

KAFKA_HOST=127.0.0.1
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KAFKA_BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"
KAFKA_TOPICS=(news.items news.editorial news.publications news.deliveries)
KAFKA_PARTITIONS=6

SMTP_PORT=3025
POP3_PORT=3110
IMAP_PORT=3143
GREENMAIL_API_PORT=8025
SAMPLES_PORT=8089
# the image registry `images` starts
REGISTRY_PORT=5000

# service name -> HTTP port (order = start order), and the management port (health, metrics, OpenAPI) of each
SERVICES=(ingest-service editorial-service publish-service notify-service)
declare -A SERVICE_PORT=([ingest-service]=8081 [editorial-service]=8082 [publish-service]=8083 [notify-service]=8084)
declare -A MANAGEMENT_PORT=([ingest-service]=9081 [editorial-service]=9082 [publish-service]=9083 [notify-service]=9084)
# The images' collector and compiler (k8s/base/*/*-service.env): four services start at once on a small machine.
SERVICE_JAVA_OPTS="${NEWSROOM_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
HEALTH_TIMEOUT=120

JWT_ISSUER="https://newsroom.local"

# What `down` stops and `status` shows, in that order.
ALL_PROCS=("${SERVICES[@]}" samples-http greenmail registry kafka)

# ---------------------------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------------------------
info() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33mwarn:\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# TCP connect test; bash's /dev/tcp avoids depending on nc.
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

pid_file() { echo "$PIDS/$1.pid"; }

# A process is "ours and running" if its PID file points at a live process.
is_running() {
  local f; f="$(pid_file "$1")"
  [[ -f "$f" ]] && kill -0 "$(cat "$f")" 2>/dev/null
}

# start_bg NAME LOGFILE CMD...: start detached (own session, so Ctrl-C on the launcher or
# closing the terminal does not take the stack down), remember its PID.
start_bg() {
  local name=$1 log=$2; shift 2
  mkdir -p "$LOGS" "$PIDS"
  printf '\n===== %s: starting %s =====\n' "$(date -Is)" "$name" >>"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

# stop_bg NAME [GRACE_SECONDS]: TERM, wait, then KILL; always removes the PID file.
stop_bg() {
  local name=$1 grace=${2:-20} f pid i
  f="$(pid_file "$name")"
  [[ -f "$f" ]] || return 0
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    info "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 2; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name did not stop within ${grace}s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

# stop_group PGID [GRACE_SECONDS]: TERM to a whole process group (a command started under setsid, with every
# process it forked), wait, then KILL what is left.
stop_group() {
  local pgid=$1 grace=${2:-30} i
  kill -TERM -- "-$pgid" 2>/dev/null || return 0
  for ((i = 0; i < grace * 2; i++)); do
    kill -0 -- "-$pgid" 2>/dev/null || return 0
    sleep 0.5
  done
  warn "process group $pgid did not stop within ${grace}s, killing it"
  kill -KILL -- "-$pgid" 2>/dev/null || true
}

# wait_until TIMEOUT WHAT NAME LOG CMD...: poll CMD every second. NAME is the PID-file name
# of the process we are waiting for: if it dies we stop waiting at once and show its log.
wait_until() {
  local timeout=$1 what=$2 name=$3 log=$4; shift 4
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if [[ -n "$name" && -f "$(pid_file "$name")" ]] && ! is_running "$name"; then
      tail -n 25 "$log" >&2 2>/dev/null || true
      die "$what: process exited during startup (full log: $log; ./newsroom down stops the rest)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 25 "$log" >&2 2>/dev/null || true
      die "$what: not ready after ${timeout}s (full log: $log; ./newsroom down stops the rest)"
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------------------------------------
# 1. PostgreSQL
# ---------------------------------------------------------------------------------------------
psql_admin() {
  PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=3 \
    psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
}

pg_answers() { psql_admin -c 'select 1' >/dev/null 2>&1; }

# ensure_postgres [DB...]: the databases to create if missing (default: the stack's four).
ensure_postgres() {
  local databases=("$@")
  ((${#databases[@]})) || databases=("${DATABASES[@]}")
  command -v psql >/dev/null || die "psql not found: install the PostgreSQL client (apt-get install postgresql-client)"
  if ! pg_answers; then
    # Only a local cluster can be started from here; a remote one is someone else's job.
    if [[ "$DB_HOST" == 127.0.0.1 || "$DB_HOST" == localhost ]] && command -v pg_ctlcluster >/dev/null \
        && [[ -d /etc/postgresql ]]; then
      local ver
      ver="$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)"
      info "PostgreSQL not answering; starting local cluster $ver/main"
      pg_ctlcluster --skip-systemctl-redirect "$ver" main start >&2 || true
      local i
      for ((i = 0; i < 15; i++)); do pg_answers && break; sleep 1; done
    fi
    pg_answers || die "PostgreSQL does not answer at $DB_HOST:$DB_PORT as user $DB_USER: start it (e.g. sudo pg_ctlcluster --skip-systemctl-redirect 15 main start) or set NEWSROOM_DB_HOST/PORT/USER/PASSWORD"
  fi
  local db
  for db in "${databases[@]}"; do
    if [[ "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" != 1 ]]; then
      info "creating database $db"
      psql_admin -c "create database $db" >/dev/null
    fi
  done
  info "PostgreSQL ok at $DB_HOST:$DB_PORT (databases: ${databases[*]})"
}

# ---------------------------------------------------------------------------------------------
# 2. jars (Kafka, GreenMail) from Maven Central, once
# ---------------------------------------------------------------------------------------------
# fetch_jars PROFILE: copies the profile's dependencies of tools/local-stack/pom.xml into
# .newsroom/lib/PROFILE. Downloads into a temp dir and marks completion, so an interrupted
# download is retried instead of leaving a half-filled class path.
fetch_jars() {
  local profile=$1 dir="$LIB/$1"
  [[ -f "$dir/.complete" ]] && return 0
  info "fetching $profile jars from Maven Central into ${dir#"$ROOT/"} (once)"
  rm -rf "$dir.tmp"
  mkdir -p "$LIB"
  "$ROOT/mvnw" -B -q -f "$ROOT/tools/local-stack/pom.xml" -P "$profile" \
      dependency:copy-dependencies -DoutputDirectory="$dir.tmp" >&2 \
    || die "could not fetch the $profile jars (is Maven Central reachable?)"
  rm -rf "$dir"
  mv "$dir.tmp" "$dir"
  touch "$dir/.complete"
}

# fetch_keycloak: Keycloak's server distribution (the zip of tools/local-stack/pom.xml's keycloak profile), unpacked
# into .newsroom/lib/keycloak: the OpenID Connect provider the desk's sign-in is tested against (the tests' Keycloak
# fixture, module testing, starts it; it runs on Java 21 or later, see keycloak_java). Marked complete like the jars.
fetch_keycloak() {
  local dir="$LIB/keycloak"
  [[ -f "$dir/.complete" ]] && return 0
  fetch_jars keycloak-zip
  info "unpacking Keycloak into ${dir#"$ROOT/"} (once)"
  rm -rf "$dir.tmp"
  mkdir -p "$dir.tmp"
  local zips=("$LIB"/keycloak-zip/keycloak-quarkus-dist-*.zip)
  local zip=${zips[0]}
  [[ -f "$zip" ]] || die "no Keycloak zip in ${LIB#"$ROOT/"}/keycloak-zip"
  # unzip where there is one, else the JDK's jar (which drops the scripts' execute bits: the tests run kc.sh with bash)
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$dir.tmp"
  else
    (cd "$dir.tmp" && jar xf "$zip")
  fi || die "could not unpack $zip"
  rm -rf "$dir"
  # the zip holds one directory, keycloak-<version>
  mv "$dir.tmp"/keycloak-* "$dir"
  rm -rf "$dir.tmp"
  touch "$dir/.complete"
}

# ---------------------------------------------------------------------------------------------
# 3. Kafka (KRaft, single node: broker + controller)
# ---------------------------------------------------------------------------------------------
# The stack's broker; use_test_kafka points these at a throwaway one instead.
KAFKA_NAME=kafka
KAFKA_CONF="$STATE/kafka/server.properties"
KAFKA_DATA="$DATA/kafka"
KAFKA_LOG="$LOGS/kafka.log"
# 1 once this run started the broker, so that `test` and `bench` stop only a broker of their own.
KAFKA_STARTED_HERE=0

# Run a Kafka CLI class quietly (only warnings) with the broker's class path.
kafka_cli() {
  java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$LIB/kafka/*" "$@"
}

write_kafka_conf() {
  mkdir -p "$(dirname "$KAFKA_CONF")" "$KAFKA_DATA"
  cat >"$KAFKA_CONF" <<CONF
# generated by ./newsroom — edits are overwritten on the next start
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=$KAFKA_PARTITIONS
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
CONF
}

# Format the data dir once; meta.properties in it then holds the cluster id for good.
format_kafka_storage() {
  [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(kafka_cli kafka.tools.StorageTool random-uuid | tail -n 1)"
  info "formatting Kafka storage (cluster id $cluster_id)"
  kafka_cli kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONF" >>"$KAFKA_LOG" 2>&1 \
    || die "Kafka storage format failed (see $KAFKA_LOG)"
}

kafka_answers() { port_open "$KAFKA_HOST" "$KAFKA_PORT"; }

# use_test_kafka [FIRST_PORT]: a broker of this run's own (`test`, `bench`), with throwaway data, never one that
# answers already (the stack's, or someone else's, whose topics the run would fill, whose load a benchmark would
# measure and whose shutdown would break the run). It takes FIRST_PORT (default 9092) and the next port when both are
# free, else the first free pair from 29092 up (19092 is the fault harness's).
use_test_kafka() {
  local port=${1:-9092}
  while port_open "$KAFKA_HOST" "$port" || port_open "$KAFKA_HOST" $((port + 1)); do
    if ((port == 9092)); then port=29092; else port=$((port + 2)); fi
    ((port < 29192)) || die "no free pair of ports for a test broker in 29092-29191"
  done
  KAFKA_PORT=$port
  KAFKA_CONTROLLER_PORT=$((port + 1))
  KAFKA_BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"
  KAFKA_NAME="kafka-test-$port"
  KAFKA_CONF="$STATE/$KAFKA_NAME/server.properties"
  KAFKA_DATA="$DATA/$KAFKA_NAME"
  KAFKA_LOG="$LOGS/$KAFKA_NAME.log"
  rm -rf "$KAFKA_DATA"
}

# start_kafka: starts the broker (KAFKA_*) and waits until it answers.
start_kafka() {
  fetch_jars kafka
  write_kafka_conf
  mkdir -p "$LOGS"
  format_kafka_storage
  info "starting Kafka on $KAFKA_BOOTSTRAP (log: ${KAFKA_LOG#"$ROOT/"})"
  start_bg "$KAFKA_NAME" "$KAFKA_LOG" java -Xms256m -Xmx512m \
    -Dorg.slf4j.simpleLogger.showDateTime=true \
    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS" \
    -Dkafka.logs.dir="$LOGS" \
    -cp "$LIB/kafka/*" kafka.Kafka "$KAFKA_CONF"
  KAFKA_STARTED_HERE=1
  wait_until 60 "Kafka" "$KAFKA_NAME" "$KAFKA_LOG" kafka_answers
}

# stop_kafka_started_here: stops the broker (and removes its throwaway data) only if this run started it.
stop_kafka_started_here() {
  ((KAFKA_STARTED_HERE == 1)) || return 0
  stop_bg "$KAFKA_NAME" 40
  rm -rf "$KAFKA_DATA"
  KAFKA_STARTED_HERE=0
}

ensure_kafka() {
  if kafka_answers; then
    is_running "$KAFKA_NAME" || info "Kafka: reusing the broker already answering on $KAFKA_BOOTSTRAP"
  elif is_running "$KAFKA_NAME"; then
    wait_until 60 "Kafka" "$KAFKA_NAME" "$KAFKA_LOG" kafka_answers
  else
    start_kafka
  fi
  ensure_topics
}

# Create only the missing topics, in parallel (each CLI call is a JVM start, ~2 s).
ensure_topics() {
  fetch_jars kafka
  local existing t pids=() failed=0 p
  existing="$(kafka_cli org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --list)" \
    || die "cannot list topics on $KAFKA_BOOTSTRAP"
  for t in "${KAFKA_TOPICS[@]}" "${KAFKA_TOPICS[@]/%/.dlq}"; do
    grep -qxF "$t" <<<"$existing" && continue
    info "creating topic $t ($KAFKA_PARTITIONS partitions)"
    kafka_cli org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --create \
      --if-not-exists --topic "$t" --partitions "$KAFKA_PARTITIONS" --replication-factor 1 >/dev/null &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  ((failed == 0)) || die "creating Kafka topics failed"
  info "Kafka ok at $KAFKA_BOOTSTRAP (topics: ${KAFKA_TOPICS[*]} + .dlq)"
}
