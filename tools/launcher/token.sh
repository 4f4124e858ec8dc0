# shellcheck shell=bash
# ./newsroom token ROLE [SUBJECT]: a dev JWT signed with the local stack's key.
# shellcheck source=tools/launcher/stack.sh
source "$LAUNCHER/stack.sh"

cmd_token() {
  [[ $# -ge 1 ]] || die "usage: ./newsroom token editor|chief-editor|admin|ingest-admin [subject]"
  make_token "$@"
}
