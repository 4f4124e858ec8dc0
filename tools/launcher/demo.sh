# shellcheck shell=bash
# ./newsroom demo: up (if needed), then one walk through the pipeline on sample data, as its people do it. The walk is
# the end-to-end tests' own (e2e: org.newsroom.e2e.Newsroom), run by org.newsroom.e2e.Demo against the local stack.
# shellcheck source=tools/launcher/up.sh
source "$LAUNCHER/up.sh"

DEMO_CLASSES="$ROOT/e2e/target/classes"
DEMO_CLASSPATH="$ROOT/e2e/target/classpath.txt"

# The walk is built with the services (`up`'s package); only a stack started otherwise (`images`, or
# NEWSROOM_SKIP_BUILD=1) needs it built here.
ensure_demo_built() {
  [[ -f "$DEMO_CLASSES/org/newsroom/e2e/Demo.class" && -f "$DEMO_CLASSPATH" ]] && return 0
  info "building the demo's walk (./mvnw -B -q -DskipTests package -pl e2e -am)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl e2e -am) || die "build failed (see the Maven output above)"
}

cmd_demo() {
  all_services_ready || cmd_up
  ensure_demo_built
  NEWSROOM_DEMO_INGEST_URL="http://127.0.0.1:${SERVICE_PORT[ingest-service]}" \
    NEWSROOM_DEMO_EDITORIAL_URL="http://127.0.0.1:${SERVICE_PORT[editorial-service]}" \
    NEWSROOM_DEMO_PUBLISH_URL="http://127.0.0.1:${SERVICE_PORT[publish-service]}" \
    NEWSROOM_DEMO_NOTIFY_URL="http://127.0.0.1:${SERVICE_PORT[notify-service]}" \
    NEWSROOM_DEMO_POP3_PORT="$POP3_PORT" \
    NEWSROOM_DEMO_EDITOR_TOKEN="$(make_token editor)" \
    NEWSROOM_DEMO_CHIEF_EDITOR_TOKEN="$(make_token chief-editor)" \
    NEWSROOM_DEMO_ITEMS="$ROOT/samples/items.json" \
    java -Xmx256m -cp "$DEMO_CLASSES:$(cat "$DEMO_CLASSPATH")" org.newsroom.e2e.Demo
}
