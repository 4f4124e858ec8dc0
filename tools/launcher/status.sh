# shellcheck shell=bash
# ./newsroom status: what is running, and whether the services are ready.
# shellcheck source=tools/launcher/stack.sh
source "$LAUNCHER/stack.sh"

cmd_status() {
  local name port ports ready
  for name in "${ALL_PROCS[@]}"; do
    ready=""
    case "$name" in
      kafka) port=$KAFKA_PORT ;; greenmail) port=$SMTP_PORT ;; samples-http) port=$SAMPLES_PORT ;;
      registry) port=$REGISTRY_PORT ;;
      *) port=${SERVICE_PORT[$name]} ;;
    esac
    ports="port $port"
    if [[ -n "${MANAGEMENT_PORT[$name]:-}" ]]; then
      ports+=", management ${MANAGEMENT_PORT[$name]}"
      if health_ok "$name"; then ready=", ready"; else ready=", not ready"; fi
    fi
    if is_running "$name"; then
      printf '%-18s running  (pid %s, %s%s)\n' "$name" "$(cat "$(pid_file "$name")")" "$ports" "$ready"
    elif port_open 127.0.0.1 "$port"; then
      printf '%-18s answering on port %s (not started by ./newsroom)\n' "$name" "$port"
    else
      printf '%-18s stopped\n' "$name"
    fi
  done
  if pg_answers; then
    echo "postgresql         answering at $DB_HOST:$DB_PORT"
  else
    echo "postgresql         not answering at $DB_HOST:$DB_PORT"
  fi
}
