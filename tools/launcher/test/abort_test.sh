#!/usr/bin/env bash
# ./newsroom test, aborted, leaves no process behind. Twice: SIGTERM to the launcher while a Maven build runs (a
# real one, tools/launcher/test/abort-build, whose test has a child process of its own), and Ctrl-C (SIGINT to the
# launcher's whole process group) while its broker is still starting. Each time every process that was running below
# the launcher must be gone afterwards, with the test broker's PID file and data; a broker that answered on 9092
# before (someone else's) must not have been used, and must still answer.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
# shellcheck source=tools/launcher/test/processes.sh
source tools/launcher/test/processes.sh

export NEWSROOM_TEST_ARGS="-q -f tools/launcher/test/abort-build/pom.xml test"
work="$(mktemp -d)"
failures=0
fail() { echo "abort_test: $*" >&2; failures=$((failures + 1)); }

broker_before=0
if timeout 1 bash -c 'exec 3<>/dev/tcp/127.0.0.1/9092' 2>/dev/null; then broker_before=1; fi

# abort CASE SIGNAL TARGET PATTERN: starts ./newsroom test in a session of its own, waits until a process whose
# command line matches PATTERN runs below it, then sends SIGNAL to TARGET (launcher or group) and checks the rest.
abort() {
  local name=$1 signal=$2 target=$3 pattern=$4 log="$work/$1.log" launcher rc=0 i snapshot
  # A process group of its own, as a job a terminal runs in the foreground (and with SIGINT not ignored, as it
  # would be in a background job of a shell without job control).
  set -m
  ./newsroom test >"$log" 2>&1 &
  launcher=$!
  set +m
  for ((i = 0; i < 300; i++)); do
    descendants "$launcher" >"$work/tree"
    grep -q -- "$pattern" "$work/tree" && break
    kill -0 "$launcher" 2>/dev/null || break
    sleep 1
  done
  if ! grep -q -- "$pattern" "$work/tree"; then
    fail "$name: no process matching '$pattern' came up below ./newsroom test (log: $log)"
    tail -n 20 "$log" >&2
    kill -KILL -- "-$launcher" 2>/dev/null || true
    return
  fi
  snapshot="$(descendants "$launcher" | identities)"
  echo "abort_test: $name: $(wc -l <<<"$snapshot") processes below the launcher; sending SIG$signal to the $target" >&2
  if [[ "$target" == group ]]; then kill "-$signal" -- "-$launcher"; else kill "-$signal" "$launcher"; fi
  wait "$launcher" || rc=$?
  [[ "$rc" != 0 ]] || fail "$name: ./newsroom test exited 0 after SIG$signal"
  local left
  left="$(still_running <<<"$snapshot")"
  if [[ -n "$left" ]]; then
    fail "$name: processes left behind after SIG$signal:"
    echo "$left" >&2
    # shellcheck disable=SC2046 # one PID a word
    kill -KILL $(awk '{print $1}' <<<"$left") 2>/dev/null || true
  fi
  local files
  files="$(find .newsroom/pids .newsroom/data -maxdepth 1 -name 'kafka-test-*' 2>/dev/null)"
  [[ -z "$files" ]] || fail "$name: the test broker's files are left: $files"
  if ((broker_before)); then
    grep -q "starting Kafka on 127.0.0.1:9092" "$log" && fail "$name: started its broker on the taken port 9092"
    grep -q "starting Kafka on 127.0.0.1:29" "$log" || fail "$name: did not start a broker on ports of its own"
    grep -q "reusing the broker" "$log" && fail "$name: reused a broker it did not start"
  fi
  echo "abort_test: $name: exit $rc, nothing left behind; the launcher said:" >&2
  sed 's/^/    /' "$log" >&2
}

abort "SIGTERM during the build" TERM launcher "sleep 600"
abort "Ctrl-C while the broker starts" INT group "kafka.Kafka"

if ((broker_before)) && ! timeout 1 bash -c 'exec 3<>/dev/tcp/127.0.0.1/9092' 2>/dev/null; then
  fail "the broker that answered on 9092 before no longer does"
fi
rm -rf "$work"
((failures == 0)) || exit 1
echo "abort_test: ok"
