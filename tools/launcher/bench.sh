# shellcheck shell=bash
# ./newsroom bench SCENARIO [ARGS]: benchmarks start their own instances of the packaged services (databases
# newsroom_<service>_bench…) on a broker of their own with throwaway data, so they never disturb a running stack or
# test run, and what they measure (the broker's own rates among it) is not someone else's load.

cmd_bench() {
  [[ $# -ge 1 ]] || die "usage: ./newsroom bench <scenario> [args] (scenarios: docs/benchmarks.md)"
  trap stop_kafka_started_here EXIT
  mkdir -p "$LOGS" "$PIDS" "$DATA"
  ensure_postgres
  # Never 9092: what defaults to it (the stack, tests and demos run by hand) would join the benchmark's broker.
  use_test_kafka 29092
  ensure_kafka
  export KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP"
  # The broker's pid, whose CPU the pipeline scenarios account per stage; NEWSROOM_BENCH_PROFILE=1 (JFR on the
  # services) reaches the bench JVM as it is, through the environment.
  NEWSROOM_KAFKA_PID="$(cat "$(pid_file "$KAFKA_NAME")" 2>/dev/null || true)"
  export NEWSROOM_KAFKA_PID
  export NEWSROOM_DB_HOST="$DB_HOST" NEWSROOM_DB_PORT="$DB_PORT" NEWSROOM_DB_USER="$DB_USER" \
    NEWSROOM_DB_PASSWORD="$DB_PASSWORD"
  if [[ "${NEWSROOM_SKIP_BUILD:-0}" == 1 ]]; then
    info "NEWSROOM_SKIP_BUILD=1: running what is installed and packaged already"
  else
    info "packaging the services and the bench module"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests install) || die "build failed"
  fi
  info "running scenario $1"
  (cd "$ROOT" && ./mvnw -B -q -pl bench exec:java -Dexec.args="$*")
}
