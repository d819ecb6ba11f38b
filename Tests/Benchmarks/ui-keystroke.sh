#!/usr/bin/env bash
# CPU cost of a key on the account list, by number of accounts, against baselines measured in
# the same run (the machine is shared and noisy: read the ratios, not the absolute numbers).
#
#   cursor     KEYS presses, `j` and `k` alternating (so the cursor moves between the first two
#              rows and every size draws the same change: what grows with N is then the list's
#              own work), sent one tmux command each to the release UI at 80x24; the cost is the CPU time of the whole tokenman process (all threads,
#              /proc/PID/task/*/schedstat, ns) from the first key until it is idle again, divided
#              by KEYS (the frame a second it draws meanwhile is included: well under 1% of the
#              figure). Printed per key and as a ratio to the 10-account figure.
#   filter     at the largest N: `/`, then FILTER_PAIRS times "9" and Backspace (each "9" filters
#              all accounts afresh, each Backspace clears the filter), per pair, against
#   c-loop     a C program (compiled here, -O2) that reads the same config and runs the same
#              case-insensitive substring search (strcasestr of "9") over every account's name,
#              provider, provider again (standing in for the short name the UI also searches)
#              and user; CPU time per full pass, median of 51.
# Rounds interleave the sizes (every size once per round, so load changes hit them alike);
# medians over ROUNDS. Ticks (one frame a second) that fall inside a measurement are included.
#
# Usage: Tests/Benchmarks/ui-keystroke.sh [ROUNDS] [N...]     (default 5 rounds; N = 10 1000 100000)
# Environment: TOKENMAN_BENCH_BIN=path  measure that binary instead of building the release one
#              KEYS=200  FILTER_PAIRS=50
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-5}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 1000 100000)
keys="${KEYS:-200}"
pairs="${FILTER_PAIRS:-50}"

. Tests/Benchmarks/bench-lib.sh
. Tests/Benchmarks/ui-bench-lib.sh
if [ -n "${TOKENMAN_BENCH_BIN:-}" ]; then bin="$TOKENMAN_BENCH_BIN"; else echo "building release..." >&2; bin="$(bench_release_bin)"; fi

work="$(mktemp -d)"
trap 'ui_cleanup; rm -rf "$work"' EXIT

cat >"$work/loop.c" <<'C'
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
static char *value(const char *line, const char *key) {
  size_t n = strlen(key);
  if (strncmp(line, key, n) != 0) return NULL;
  const char *start = line + n, *end = strrchr(start, '"');
  return end && end > start ? strndup(start, (size_t)(end - start)) : NULL;
}
static int compare(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b; return (x > y) - (x < y);
}
int main(int argc, char **argv) {
  FILE *f = fopen(argv[1], "r");
  const char *needle = argv[2];
  if (!f) return 1;
  size_t cap = 1024, count = 0;
  char **fields = malloc(cap * 4 * sizeof *fields);
  char line[4096], *v;
  while (fgets(line, sizeof line, f)) {
    if ((v = value(line, "name = \""))) {
      if (count == cap) { cap *= 2; fields = realloc(fields, cap * 4 * sizeof *fields); }
      fields[count * 4] = v; fields[count * 4 + 1] = fields[count * 4 + 2] = fields[count * 4 + 3] = "";
      count++;
    } else if (count && (v = value(line, "provider = \""))) {
      fields[(count - 1) * 4 + 1] = v; fields[(count - 1) * 4 + 2] = v;
    } else if (count && (v = value(line, "username = \""))) {
      fields[(count - 1) * 4 + 3] = v;
    }
  }
  enum { RUNS = 51 };
  long ns[RUNS];
  size_t matched = 0;
  for (int r = 0; r < RUNS; r++) {
    struct timespec a, b;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    matched = 0;
    for (size_t i = 0; i < count; i++)
      for (int k = 0; k < 4; k++)
        if (strcasestr(fields[i * 4 + k], needle)) { matched++; break; }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    ns[r] = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
  }
  qsort(ns, RUNS, sizeof ns[0], compare);
  printf("%ld %zu\n", ns[RUNS / 2], matched);
  return 0;
}
C
cc -O2 -o "$work/loop" "$work/loop.c"

declare -A cursor_ns filter_ns
for n in "${sizes[@]}"; do
  bench_generate_accounts "$n" "$work/n$n"
  echo "starting the UI with $n accounts..." >&2
  ui_start "n$n" "$bin" "$work/n$n" 80 24
  eval "pid_$n=$UI_PID"
done
largest="${sizes[$((${#sizes[@]} - 1))]}"

for ((round = 1; round <= rounds; round++)); do
  for n in "${sizes[@]}"; do
    pid="$(eval echo "\$pid_$n")"
    rate="$(ui_idle_rate "$pid")"
    before="$(ui_cpu_ns "$pid")"
    for ((i = 0; i < keys / 2; i++)); do ui_tmux send-keys -t "n$n" j; ui_tmux send-keys -t "n$n" k; done
    ui_settle "$pid" "$rate"
    after="$(ui_cpu_ns "$pid")"
    cursor_ns[$n]+="$(( (after - before) / (keys / 2 * 2) )) "
  done
  pid="$(eval echo "\$pid_$largest")"
  ui_tmux send-keys -t "n$largest" /
  rate="$(ui_idle_rate "$pid")"
  before="$(ui_cpu_ns "$pid")"
  for ((i = 0; i < pairs; i++)); do ui_tmux send-keys -t "n$largest" 9 BSpace; done
  ui_settle "$pid" "$rate"
  after="$(ui_cpu_ns "$pid")"
  ui_tmux send-keys -t "n$largest" Escape
  filter_ns[$largest]+="$(( (after - before) / pairs )) "
  echo "round $round done" >&2
done

read -r loop_ns loop_matched < <("$work/loop" "$work/n$largest/config.toml" 9)

base="$(printf '%s' "${cursor_ns[${sizes[0]}]}" | bench_median)"
printf '\ncursor keys (j/k), %s per round, %s rounds interleaved; medians of CPU per key\n' "$keys" "$rounds"
printf '%-10s %14s %12s\n' accounts "cpu/key (us)" "x ${sizes[0]}"
for n in "${sizes[@]}"; do
  m="$(printf '%s' "${cursor_ns[$n]}" | bench_median)"
  awk -v n="$n" -v m="$m" -v b="$base" 'BEGIN {printf "%-10s %14.1f %12.2f\n", n, m/1000, (b > 0 ? m/b : 0)}'
done
f="$(printf '%s' "${filter_ns[$largest]}" | bench_median)"
printf '\nfilter at %s accounts: "9" + Backspace, %s pairs per round; median CPU per pair\n' "$largest" "$pairs"
printf '%-34s %14s %10s\n' what "cpu (us)" "x c-loop"
awk -v f="$f" -v l="$loop_ns" 'BEGIN {
  printf "%-34s %14.1f %10.2f\n", "tokenman: \"9\" then Backspace", f/1000, f/l
  printf "%-34s %14.1f %10.2f\n", "c-loop: one strcasestr pass", l/1000, 1 }'
printf '(the C loop matched %s of %s accounts)\n' "$loop_matched" "$largest"
