#!/usr/bin/env bash
# The help of ./newsroom against what the launcher really does: every command it lists has its script (defining
# cmd_<command>), every job script is listed, every NEWSROOM_* variable a script reads is described, and an unknown
# command fails with the help on stderr.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."

failures=0
fail() { echo "help_test: $*" >&2; failures=$((failures + 1)); }

help="$(./newsroom help)"
mapfile -t listed < <(sed -n '/^Usage:/,/^Environment:/p' <<<"$help" | sed -n 's/^  \([a-z][a-z]*\).*/\1/p')
((${#listed[@]} >= 10)) || fail "expected the ten commands in the help, found: ${listed[*]}"

for cmd in "${listed[@]}"; do
  [[ "$cmd" == help ]] && continue
  # Sourced as the dispatcher sources it, the script must define the function the dispatcher calls.
  ROOT="$PWD" LAUNCHER="$PWD/tools/launcher" STATE="$PWD/.newsroom" bash -c \
    'set -euo pipefail; source "$LAUNCHER/lib.sh"; source "$LAUNCHER/$1.sh"; declare -F "cmd_$1" >/dev/null' _ "$cmd" \
    2>/dev/null || fail "the help lists '$cmd', but tools/launcher/$cmd.sh does not define cmd_$cmd"
done

for script in tools/launcher/*.sh; do
  grep -q '^cmd_[a-z]*()' "$script" || continue
  cmd="$(basename "$script" .sh)"
  printf '%s\n' "${listed[@]}" | grep -qxF "$cmd" || fail "$script is a command, but the help does not list '$cmd'"
done

environment="$(sed -n '/^Environment:/,$p' <<<"$help")"
mapfile -t variables < <(grep -ho '[$]{NEWSROOM_[A-Z_]*' newsroom tools/launcher/*.sh | cut -c3- | sort -u)
((${#variables[@]} > 0)) || fail "found no NEWSROOM_* variable in the scripts"
for variable in "${variables[@]}"; do
  if [[ "$variable" == NEWSROOM_DB_* ]]; then
    grep -qE "NEWSROOM_DB_([A-Z]+/)*${variable#NEWSROOM_DB_}\b" <<<"$environment" \
      || fail "the scripts read $variable, the help does not describe it"
  else
    grep -qw "$variable" <<<"$environment" || fail "the scripts read $variable, the help does not describe it"
  fi
done

rc=0
err="$(./newsroom no-such-command 2>&1 >/dev/null)" || rc=$?
((rc == 1)) || fail "an unknown command exits with $rc, not 1"
grep -q "unknown command: no-such-command" <<<"$err" || fail "an unknown command does not say so on stderr"
grep -q "^Usage: ./newsroom" <<<"$err" || fail "an unknown command does not print the help on stderr"

((failures == 0)) || exit 1
echo "help_test: ok (${#listed[@]} commands, ${#variables[@]} variables)"
