# shellcheck shell=bash
# ./newsroom chaos [SCENARIO…] [--items N]: the fault harness (chaos/) starts its own broker (127.0.0.1:19092) and
# PostgreSQL cluster (chaos, port 5433) and stops them for its faults, so it never disturbs the stack, the tests or
# anyone else's broker and database.

cmd_chaos() {
  fetch_jars kafka
  info "packaging the services and the chaos module"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests install) || die "build failed"
  info "running the fault harness ${*:-(every scenario)}"
  (cd "$ROOT" && ./mvnw -B -q -pl chaos exec:java -Dexec.args="$*")
}
