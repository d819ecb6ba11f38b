# Helpers for the UI benchmarks (ui-keystroke.sh, ui-idle.sh); source it after bench-lib.sh.
#   ui_start NAME BIN DIR [WIDTH HEIGHT [TYPESCRIPT]]
#                     starts BIN (the UI, no arguments) on DIR/config.toml and DIR/state in a
#                     detached tmux session NAME on a private tmux server; with TYPESCRIPT the UI
#                     runs under `script`, which copies every byte it writes to the terminal
#                     into that file. Waits for the first frame, sets UI_PID.
#   ui_pid_of NAME    the tokenman process of session NAME
#   ui_cpu_ns PID     CPU time of all threads of PID so far, in ns (/proc/PID/task/*/schedstat)
#   ui_idle_rate PID  CPU PID uses per second while left alone (ns/s, over 2 s)
#   ui_settle PID RATE
#                     waits until PID uses no more than its idle RATE again (within 50% + 3 ms
#                     per 500 ms window): the keys sent before are all handled
#   ui_keys NAME KEY COUNT
#                     sends KEY COUNT times, one tmux command each (so each key is read alone)
#   ui_stop NAME      kills session NAME
# Sessions live on the tmux socket `tokenman-bench-$$`; ui_cleanup ends every UI started (by
# pid: under `script` a UI outlives its tmux pane) and that server.

UI_SOCKET="tokenman-bench-$$"

ui_tmux() { tmux -L "$UI_SOCKET" "$@"; }

UI_PIDS=()

ui_cleanup() {
  local pid
  for pid in "${UI_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  ui_tmux kill-server 2>/dev/null || true
}

# Children of PID, depth first, printing "pid comm".
ui_descendants() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do
    echo "$child $(cat /proc/"$child"/comm 2>/dev/null)"
    ui_descendants "$child"
  done
}

ui_pid_of() {
  local pane
  pane="$(ui_tmux display-message -p -t "$1" '#{pane_pid}')"
  { echo "$pane $(cat /proc/"$pane"/comm 2>/dev/null)"; ui_descendants "$pane"; } | awk '$2 ~ /^tokenman/ {print $1; exit}'
}

ui_start() {
  local name="$1" bin="$2" dir="$3" width="${4:-80}" height="${5:-24}" typescript="${6:-}"
  local command="exec env TOKENMAN_CONFIG=$dir/config.toml TOKENMAN_STATE_DIR=$dir/state TERM=xterm-256color $bin"
  if [ -n "$typescript" ]; then
    # script gives the UI a pty of its own and appends what it writes to $typescript (-f:
    # flushed at once, -q: no start/end lines).
    command="exec script -q -f -c '$command' $typescript"
  fi
  ui_tmux new-session -d -s "$name" -x "$width" -y "$height" "$command"
  local tries=0
  UI_PID=""
  while [ $tries -lt 1200 ]; do  # up to 120 s: 100,000 accounts take a while to load
    if ui_tmux capture-pane -p -t "$name" 2>/dev/null | grep -q "accounts\? · by"; then
      UI_PID="$(ui_pid_of "$name")"
      [ -n "$UI_PID" ] && UI_PIDS+=("$UI_PID") && break
    fi
    sleep 0.1; tries=$((tries + 1))
  done
  if [ -z "$UI_PID" ]; then
    echo "the UI of session $name did not draw its list:" >&2
    ui_tmux capture-pane -p -t "$name" >&2 || true
    return 1
  fi
}

ui_cpu_ns() {
  cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{s += $1} END {printf "%.0f\n", s}'
}

ui_idle_rate() {
  local pid="$1" c0 c1 start end
  c0="$(ui_cpu_ns "$pid")"; start=$EPOCHREALTIME
  sleep 2
  c1="$(ui_cpu_ns "$pid")"; end=$EPOCHREALTIME
  echo $(( (c1 - c0) * 1000000 / (${end/./} - ${start/./}) ))
}

ui_settle() {
  local pid="$1" rate="${2:-0}" before after
  before="$(ui_cpu_ns "$pid")"
  while true; do
    sleep 0.5
    after="$(ui_cpu_ns "$pid")"
    [ $((after - before)) -le $((rate * 3 / 4 + 3000000)) ] && return 0
    before="$after"
  done
}

ui_keys() {
  local name="$1" key="$2" count="$3" i
  for ((i = 0; i < count; i++)); do ui_tmux send-keys -t "$name" "$key"; done
}

ui_stop() { ui_tmux kill-session -t "$1" 2>/dev/null || true; }
