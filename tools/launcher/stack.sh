# shellcheck shell=bash
# The local stack (sourced by up, demo, images, token): GreenMail as the SMTP sink, the dev JWT keys and tokens,
# and the four services started from their packaged jars (or, for `images`, from their images under runc).

# ---------------------------------------------------------------------------------------------
# GreenMail: SMTP sink with POP3/IMAP to read what was sent
# ---------------------------------------------------------------------------------------------
GREENMAIL_LOG="$LOGS/greenmail.log"

ensure_greenmail() {
  if port_open 127.0.0.1 "$SMTP_PORT"; then
    is_running greenmail || info "SMTP: reusing the server already answering on 127.0.0.1:$SMTP_PORT"
    return 0
  fi
  fetch_jars greenmail
  if ! is_running greenmail; then
    local jars=("$LIB"/greenmail/greenmail-standalone-*.jar)
    info "starting GreenMail (SMTP :$SMTP_PORT, POP3 :$POP3_PORT, IMAP :$IMAP_PORT)"
    # setup.test.* = standard ports + 3000 on 127.0.0.1; auth.disabled = any password works and
    # mailboxes are created on first receipt (login = full e-mail address). The REST API / web
    # UI would default to :8080 (a popular port); pin it to :$GREENMAIL_API_PORT instead.
    start_bg greenmail "$GREENMAIL_LOG" java -Xmx256m \
      -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.pop3 -Dgreenmail.setup.test.imap \
      -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
      -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$GREENMAIL_API_PORT" \
      -jar "${jars[0]}"
  fi
  wait_until 30 "GreenMail SMTP" greenmail "$GREENMAIL_LOG" port_open 127.0.0.1 "$SMTP_PORT"
  wait_until 30 "GreenMail POP3" greenmail "$GREENMAIL_LOG" port_open 127.0.0.1 "$POP3_PORT"
}

# ---------------------------------------------------------------------------------------------
# Dev JWT keys and tokens (RS256, signed with openssl)
# ---------------------------------------------------------------------------------------------
ensure_jwt_keys() {
  [[ -f "$JWT_DIR/private.pem" && -f "$JWT_DIR/public.pem" ]] && return 0
  command -v openssl >/dev/null || die "openssl not found"
  info "generating the dev JWT key pair in ${JWT_DIR#"$ROOT/"}"
  mkdir -p "$JWT_DIR"
  chmod 700 "$JWT_DIR"
  # genpkey writes PKCS#8 ("BEGIN PRIVATE KEY"), which SmallRye JWT's signer expects.
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$JWT_DIR/private.pem" 2>/dev/null
  openssl pkey -in "$JWT_DIR/private.pem" -pubout -out "$JWT_DIR/public.pem"
  chmod 600 "$JWT_DIR/private.pem"
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# dev_secret NAME: a random secret generated once for the local stack (never used outside it).
dev_secret() {
  local file="$STATE/secrets/$1"
  if [[ ! -f "$file" ]]; then
    mkdir -p "$STATE/secrets"
    chmod 700 "$STATE/secrets"
    openssl rand -hex 32 > "$file"
    chmod 600 "$file"
  fi
  cat "$file"
}

# make_token ROLE [SUBJECT] -> compact JWS on stdout.
make_token() {
  local role=$1 sub=${2:-}
  case "$role" in
    editor) sub=${sub:-editor@newsroom.local} ;;
    chief-editor) sub=${sub:-chief@newsroom.local} ;;
    admin) sub=${sub:-admin@newsroom.local} ;;
    ingest-admin) sub=${sub:-ops@newsroom.local} ;;
    *) die "unknown role '$role' (use editor, chief-editor, admin or ingest-admin)" ;;
  esac
  ensure_jwt_keys
  local header payload signature
  header="$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | b64url)"
  payload="$(python3 "$LAUNCHER/claims.py" "$JWT_ISSUER" "$sub" "$role" | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$JWT_DIR/private.pem" -binary | b64url)"
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}

# ---------------------------------------------------------------------------------------------
# The services
# ---------------------------------------------------------------------------------------------
# 1 when the services run from their images under runc (`images`), 0 from their packaged jars.
FROM_IMAGES=0

# health_ok SVC: readiness, on the service's management port (the public port serves no /q endpoints)
health_ok() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${MANAGEMENT_PORT[$1]}/q/health/ready" 2>/dev/null; }

all_services_ready() {
  local svc
  for svc in "${SERVICES[@]}"; do health_ok "$svc" || return 1; done
}

build_services() {
  if [[ "${NEWSROOM_SKIP_BUILD:-0}" == 1 ]]; then
    info "NEWSROOM_SKIP_BUILD=1: not building"
    return 0
  fi
  # With a class data sharing archive of each service's start-up classes: it only serves the JDK that built it,
  # which here is the one that runs them (not so for the images, built elsewhere for another JDK).
  info "building the services (./mvnw -B -q -DskipTests package -Dquarkus.package.jar.appcds.enabled=true)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -Dquarkus.package.jar.appcds.enabled=true) \
    || die "build failed (see the Maven output above)"
}

# The sample RSS feed is served over HTTP so that ingest fetches it like any other feed.
ensure_samples_server() {
  port_open 127.0.0.1 "$SAMPLES_PORT" && return 0
  is_running samples-http || start_bg samples-http "$LOGS/samples-http.log" \
    python3 -m http.server "$SAMPLES_PORT" --bind 127.0.0.1 --directory "$ROOT/samples"
  wait_until 15 "sample feed server" samples-http "$LOGS/samples-http.log" port_open 127.0.0.1 "$SAMPLES_PORT"
}

# Service-specific environment (on top of the common DB/Kafka/port variables).
service_env() {
  case "$1" in
    ingest-service)
      echo "NEWSROOM_FEED_URL=http://127.0.0.1:$SAMPLES_PORT/feed.xml"
      echo "NEWSROOM_JWT_PUBLIC_KEY=file:$JWT_DIR/public.pem"
      ;;
    editorial-service)
      echo "NEWSROOM_JWT_PUBLIC_KEY=file:$JWT_DIR/public.pem"
      # The desk's dev login (editor or chief editor without an identity provider) exists only on the local stack.
      echo "NEWSROOM_DESK_DEV_LOGIN_KEY=file:$JWT_DIR/private.pem"
      # the desk's previews are rendered by publish and notify on their management ports
      echo "NEWSROOM_PUBLISH_INTERNAL_URL=http://127.0.0.1:${MANAGEMENT_PORT[publish-service]}"
      echo "NEWSROOM_NOTIFY_INTERNAL_URL=http://127.0.0.1:${MANAGEMENT_PORT[notify-service]}"
      ;;
    publish-service)
      echo "NEWSROOM_PUBLIC_BASE_URL=http://localhost:${SERVICE_PORT[publish-service]}"
      echo "NEWSROOM_FEEDBACK_URL=http://localhost:${SERVICE_PORT[editorial-service]}"
      echo "NEWSROOM_NOTIFY_BASE_URL=http://localhost:${SERVICE_PORT[notify-service]}"
      ;;
    notify-service)
      echo "NEWSROOM_JWT_PUBLIC_KEY=file:$JWT_DIR/public.pem"
      echo "NEWSROOM_PUBLIC_BASE_URL=http://localhost:${SERVICE_PORT[publish-service]}"
      echo "NEWSROOM_NOTIFY_TOKEN_SECRET=$(dev_secret notify-token)"
      echo "NEWSROOM_NOTIFY_SUPPRESSION_SECRET=$(dev_secret notify-suppression)"
      echo "NEWSROOM_SMTP_HOST=127.0.0.1"
      echo "NEWSROOM_SMTP_PORT=$SMTP_PORT"
      echo "NEWSROOM_NOTIFY_BASE_URL=http://localhost:${SERVICE_PORT[notify-service]}"
      # Locally every story is a breaking alert, so the demo can follow one to the inbox (the service's own
      # default emails editions only).
      echo "NEWSROOM_NOTIFY_BREAKING_SECTIONS=${NEWSROOM_NOTIFY_BREAKING_SECTIONS:-*}"
      ;;
  esac
}

service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# class_data_sharing SVC: the flag that maps the service's AppCDS archive, if its build made one. The archive names
# quarkus-run.jar relative to its directory, where the service is therefore started; naming a missing archive would
# turn off the JDK's own one too.
class_data_sharing() {
  [[ -f "$(dirname "$(service_jar "$1")")/app-cds.jsa" ]] && echo "-XX:SharedArchiveFile=app-cds.jsa"
  return 0
}

# Check every jar before starting anything, so a missing build does not leave half a stack.
check_service_jars() {
  local svc missing=()
  for svc in "${SERVICES[@]}"; do
    is_running "$svc" || health_ok "$svc" || [[ -f "$(service_jar "$svc")" ]] || missing+=("$svc")
  done
  ((${#missing[@]} == 0)) || die "not built: ${missing[*]} (no target/quarkus-app/quarkus-run.jar): build first with ./mvnw -B -DskipTests package, or run ./newsroom up without NEWSROOM_SKIP_BUILD=1"
}

# service_vars SVC: the environment a service gets locally, one NAME=VALUE a line.
service_vars() {
  printf '%s\n' NEWSROOM_DB_HOST="$DB_HOST" NEWSROOM_DB_PORT="$DB_PORT" \
    NEWSROOM_DB_USER="$DB_USER" NEWSROOM_DB_PASSWORD="$DB_PASSWORD" \
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" QUARKUS_HTTP_PORT="${SERVICE_PORT[$1]}" \
    QUARKUS_MANAGEMENT_PORT="${MANAGEMENT_PORT[$1]}" \
    NEWSROOM_JWT_ISSUER="$JWT_ISSUER"
  service_env "$1"
}

start_service() {
  local svc=$1 port=${SERVICE_PORT[$1]} management=${MANAGEMENT_PORT[$1]}
  if is_running "$svc"; then return 0; fi
  if health_ok "$svc"; then info "$svc: already answering on :$port (management :$management), reusing it"; return 0; fi
  port_open 127.0.0.1 "$port" && die "port $port is taken by a process that is not $svc: free it first"
  port_open 127.0.0.1 "$management" && die "port $management (management) is taken by a process that is not $svc: free it first"
  local -a vars command
  mapfile -t vars < <(service_vars "$svc")
  if ((FROM_IMAGES)); then
    prepare_bundle "$svc" "${vars[@]}"
    command=(runc run --bundle "$(bundle_dir "$svc")" "newsroom-$svc")
    info "starting $svc on :$port from its image under runc (log: .newsroom/logs/$svc.log)"
  else
    # shellcheck disable=SC2206,SC2207 # SERVICE_JAVA_OPTS is a list of JVM flags; class_data_sharing one or none
    command=(env -C "$(dirname "$(service_jar "$svc")")" "${vars[@]}" java $SERVICE_JAVA_OPTS $(class_data_sharing "$svc")
      -jar quarkus-run.jar)
    info "starting $svc on :$port (log: .newsroom/logs/$svc.log)"
  fi
  start_bg "$svc" "$LOGS/$svc.log" "${command[@]}"
}

start_services() {
  local svc
  ((FROM_IMAGES)) || check_service_jars
  # Start all first (they boot in parallel), then wait for each one's readiness.
  for svc in "${SERVICES[@]}"; do start_service "$svc"; done
  for svc in "${SERVICES[@]}"; do
    wait_until "$HEALTH_TIMEOUT" "$svc readiness (http://127.0.0.1:${MANAGEMENT_PORT[$svc]}/q/health/ready)" \
      "$svc" "$LOGS/$svc.log" health_ok "$svc"
    info "$svc ready"
  done
}

print_summary() {
  cat <<EOF

newsroom is up.
  ingest     http://localhost:8081    (push: POST /api/items)
  desk       http://localhost:8082/desk/    (the editors' desk: sign in as editor or chief editor)
  editorial  http://localhost:8082    (queue: GET /api/stories?status=NEW, needs a bearer token)
  publish    http://localhost:8083    (public pages: /stories/<slug>, JSON: /api/publications)
  notify     http://localhost:8084    (POST /api/subscriptions)
  management http://localhost:9081 … 9084 (same order): /q/health/ready, /q/metrics, /q/openapi, /q/swagger-ui
  Kafka      $KAFKA_BOOTSTRAP
  SMTP sink  GreenMail: SMTP 127.0.0.1:$SMTP_PORT, POP3 127.0.0.1:$POP3_PORT, IMAP 127.0.0.1:$IMAP_PORT
             (no auth; login = recipient address, any password), e.g.
             curl -s -u 'reader@example.org:x' pop3://127.0.0.1:$POP3_PORT/1
             web UI / REST API: http://127.0.0.1:$GREENMAIL_API_PORT/
  logs       .newsroom/logs/    stop: ./newsroom down    demo: ./newsroom demo

editor token:
$(make_token editor)

chief-editor token:
$(make_token chief-editor)
EOF
}

up_infra() {
  mkdir -p "$LOGS" "$PIDS" "$DATA"
  ensure_postgres
  ensure_kafka
  ensure_greenmail
  ensure_jwt_keys
}
