# shellcheck shell=bash
# Process trees for the launcher's script tests (sourced).

# descendants PID: "pid command line" of every process below PID, one a line.
descendants() {
  local -a queue=("$1")
  local pid
  local table
  table="$(ps -eo pid=,ppid=,args=)"
  while ((${#queue[@]})); do
    pid=${queue[0]}
    queue=("${queue[@]:1}")
    while read -r child parent args; do
      [[ "$parent" == "$pid" ]] || continue
      printf '%s %s\n' "$child" "$args"
      queue+=("$child")
    done <<<"$table"
  done
}

# identities: each "pid command" line of stdin as "pid starttime command", so that a PID the kernel reuses later
# is not taken for the same process.
identities() {
  local pid rest start
  while read -r pid rest; do
    start="$(start_time "$pid")" || continue
    printf '%s %s %s\n' "$pid" "$start" "$rest"
  done
}

# still_running: the lines of identities' output whose process still runs (same PID, same start time).
still_running() {
  local pid start rest
  while read -r pid start rest; do
    [[ -n "$pid" && "$(start_time "$pid" 2>/dev/null)" == "$start" ]] && printf '%s %s\n' "$pid" "$rest"
  done
  return 0
}

# start_time PID: the process's start time in clock ticks since boot (field 22 of /proc/PID/stat).
start_time() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  awk '{print $20}' <<<"$stat"
}
