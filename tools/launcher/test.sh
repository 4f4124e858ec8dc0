# shellcheck shell=bash
# ./newsroom test: PostgreSQL and a throwaway Kafka broker of the run's own, then ./mvnw -B verify.
#
# Tests get their own databases (cleaned by Flyway at each run), never the stack's; the outbox module tests its
# relay and inbox in an application of its own. The broker is always one this run starts (on 9092 if free, else on
# ports of its own): reusing one that answers already would fill the stack's topics with test events, or have the
# run break when its owner stops it.

TEST_MAVEN_PGID=""

# The clean-up is in place before anything starts: an abort (Ctrl-C, SIGTERM) or a failure stops the Maven build
# (with the surefire forks and service processes it started) and the broker, and leaves nothing running.
test_cleanup() {
  local job
  if [[ -n "$TEST_MAVEN_PGID" ]] && kill -0 -- "-$TEST_MAVEN_PGID" 2>/dev/null; then
    info "stopping the Maven build (process group $TEST_MAVEN_PGID)"
    stop_group "$TEST_MAVEN_PGID" 30
  fi
  for job in $(jobs -p); do kill "$job" 2>/dev/null || true; done
  stop_kafka_started_here
}

cmd_test() {
  trap test_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  mkdir -p "$LOGS" "$PIDS" "$DATA"
  ensure_postgres "${DATABASES[@]/%/_test}" newsroom_outbox_test
  use_test_kafka
  start_kafka
  ensure_topics
  export KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP"
  export NEWSROOM_DB_HOST="$DB_HOST" NEWSROOM_DB_PORT="$DB_PORT" NEWSROOM_DB_USER="$DB_USER" \
    NEWSROOM_DB_PASSWORD="$DB_PASSWORD"
  local args
  read -ra args <<<"${NEWSROOM_TEST_ARGS:-verify}"
  info "running ./mvnw -B ${args[*]} (Kafka at $KAFKA_BOOTSTRAP)"
  # In a session of its own, so that one signal reaches the whole build; waiting in the background keeps this shell
  # free to run its traps at once (a foreground child would delay them until it ended).
  (cd "$ROOT" && exec setsid ./mvnw -B "${args[@]}") &
  TEST_MAVEN_PGID=$!
  local rc=0
  wait "$TEST_MAVEN_PGID" || rc=$?
  return "$rc"
}
