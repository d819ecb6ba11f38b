#!/usr/bin/env bash
# What the account list costs while nobody types: CPU of the UI process and bytes it writes to
# the terminal per second, at 50 and 10,000 accounts (and at any N given), all sessions running
# side by side over the same minute so load changes hit them alike.
#
# How it is measured: each UI runs in a detached tmux session at 80x24 under `script -q -f`,
# which gives it a pty and copies every byte the UI writes to the terminal into a typescript
# file (flushed per write); bytes/s is that file's growth. CPU is the time of all of the UI
# process's threads (/proc/PID/task/*/schedstat, ns). After the first frame each UI gets a few
# seconds to settle, then WINDOWS windows of DURATION/WINDOWS seconds are measured; medians of
# the windows, printed as % of a core and as ratios to the smallest N of the same binary.
# The generated tokens stay valid for over an hour, so no renewal falls in the minute.
#
# Usage: Tests/Benchmarks/ui-idle.sh [N...]          (default N = 50 10000)
# Environment: TOKENMAN_BENCH_BIN=path   measure that binary instead of building the release one
#              COMPARE_BIN=path          also run this binary (e.g. a build of the previous
#                                        commit) in the same minute, printed as "compare"
#              DURATION=60  WINDOWS=3
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50 10000)
duration="${DURATION:-60}"
windows="${WINDOWS:-3}"
window=$((duration / windows))

. Tests/Benchmarks/bench-lib.sh
. Tests/Benchmarks/ui-bench-lib.sh
if [ -n "${TOKENMAN_BENCH_BIN:-}" ]; then bin="$TOKENMAN_BENCH_BIN"; else echo "building release..." >&2; bin="$(bench_release_bin)"; fi

work="$(mktemp -d)"
trap 'ui_cleanup; rm -rf "$work"' EXIT

labels=(current)
bins=("$bin")
if [ -n "${COMPARE_BIN:-}" ]; then labels+=(compare); bins+=("$COMPARE_BIN"); fi

sessions=()
for n in "${sizes[@]}"; do
  bench_generate_accounts "$n" "$work/n$n"
  for j in "${!bins[@]}"; do
    s="${labels[$j]}-$n"
    # Each binary its own copy of the store: a UI never writes it here, but keep them apart.
    mkdir -p "$work/$s"; cp -r "$work/n$n/config.toml" "$work/n$n/state" "$work/$s/"
    echo "starting $s..." >&2
    ui_start "$s" "${bins[$j]}" "$work/$s" 80 24 "$work/$s.typescript"
    eval "pid_${s//-/_}=$UI_PID"
    sessions+=("$s")
  done
done
sleep 5

declare -A cpu bytes
for ((w = 1; w <= windows; w++)); do
  declare -A c0 b0
  for s in "${sessions[@]}"; do
    pid="$(eval echo "\$pid_${s//-/_}")"
    c0[$s]="$(ui_cpu_ns "$pid")"; b0[$s]="$(stat -c %s "$work/$s.typescript")"
  done
  start=$EPOCHREALTIME
  sleep "$window"
  end=$EPOCHREALTIME
  elapsed_us=$(( ${end/./} - ${start/./} ))
  for s in "${sessions[@]}"; do
    pid="$(eval echo "\$pid_${s//-/_}")"
    c1="$(ui_cpu_ns "$pid")"; b1="$(stat -c %s "$work/$s.typescript")"
    # CPU in millionths of a core; bytes per second.
    cpu[$s]+="$(( (c1 - c0[$s]) * 1000 / elapsed_us )) "
    bytes[$s]+="$(( (b1 - b0[$s]) * 1000000 / elapsed_us )) "
  done
  echo "window $w of $windows done" >&2
done

printf '\nidle UI at 80x24, %s windows of %s s side by side; medians\n' "$windows" "$window"
printf '%-8s %9s %14s %10s %12s %10s\n' binary accounts "cpu % core" "x ${sizes[0]}" "bytes/s" "x ${sizes[0]}"
for j in "${!bins[@]}"; do
  first="${labels[$j]}-${sizes[0]}"
  bc="$(printf '%s' "${cpu[$first]}" | bench_median)"; bb="$(printf '%s' "${bytes[$first]}" | bench_median)"
  for n in "${sizes[@]}"; do
    s="${labels[$j]}-$n"
    mc="$(printf '%s' "${cpu[$s]}" | bench_median)"; mb="$(printf '%s' "${bytes[$s]}" | bench_median)"
    awk -v l="${labels[$j]}" -v n="$n" -v mc="$mc" -v bc="$bc" -v mb="$mb" -v bb="$bb" 'BEGIN {
      printf "%-8s %9s %14.3f %10.2f %12d %10.2f\n", l, n, mc/10000, (bc > 0 ? mc/bc : 0), mb, (bb > 0 ? mb/bb : 0) }'
  done
done
