# shellcheck shell=bash
# ./newsroom up: the backing services, then the four services built and started from their jars.
# shellcheck source=tools/launcher/stack.sh
source "$LAUNCHER/stack.sh"

cmd_up() {
  up_infra
  build_services
  ensure_samples_server
  start_services
  print_summary
}
