# shellcheck shell=bash
# ./newsroom down: stops every process ./newsroom started (by the PID files under .newsroom/pids).

cmd_down() {
  local name file
  for name in "${ALL_PROCS[@]}"; do
    # The broker gets longer: a controlled shutdown flushes and closes the log cleanly.
    if [[ "$name" == kafka ]]; then stop_bg "$name" 40; else stop_bg "$name" 20; fi
  done
  # A test run's broker, left behind only if that run was killed with SIGKILL.
  for file in "$PIDS"/kafka-test-*.pid; do
    [[ -f "$file" ]] || continue
    name="$(basename "$file" .pid)"
    stop_bg "$name" 40
    rm -rf "${DATA:?}/$name"
  done
  info "stopped"
}
