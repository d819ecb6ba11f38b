#!/usr/bin/env bash
# How `tokenman list` scales with the number of accounts, against baselines measured in the same
# run (machines are shared and noisy; absolute numbers mean little):
#   cat          `cat` of the config and the token store (a process start plus reading both files)
#   py-loop      python3 reading the config line by line and printing one row per account
#                (a TOML-less loop: the least any program that formats N rows must do)
#   list         `tokenman list` (release build) with a config of N accounts and a token store
#                holding tokens for every one of them
#   list-json    `tokenman list --json`
#   old-list, old-list-json   the same with $TOKENMAN_BENCH_OLD_BIN, when set (another build to
#                compare with, in the same interleaved runs)
# For each N (default 100 and 10000) runs are interleaved round-robin; medians are printed with
# the ratios to both baselines and µs per account (the whole median / N, process start included,
# so it is an upper bound that only means something at large N).
# Usage: Tests/Benchmarks/list-scale.sh [RUNS] [N...]    (default 15 runs; N = 100 10000)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-15}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 10000)

. Tests/Benchmarks/bench-lib.sh
echo "building release..." >&2
bin="$(bench_release_bin)"

py="$(python3 -c "import sys; print(sys.executable)")"  # not the pyenv shim (a shell script)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for n in "${sizes[@]}"; do
  dir="$work/n$n"
  bench_generate_accounts "$n" "$dir"
  cat >"$dir/loop.py" <<'PY2'
import sys
for line in open(sys.argv[1]):
    if line.startswith("name = "):
        print(line[8:-2], "-", "-", "valid", "1h00m", "1d00h", sep="  ")
PY2
  export TOKENMAN_CONFIG="$dir/config.toml" TOKENMAN_STATE_DIR="$dir/state"
  # Sanity: every account listed, no warnings.
  rows="$("$bin" list 2>"$dir/err" | wc -l)"
  if [ "$rows" -ne $((n + 1)) ] || [ -s "$dir/err" ]; then
    echo "tokenman list printed $rows lines for $n accounts:" >&2; head "$dir/err" >&2; exit 1
  fi
  old=()
  [ -n "${TOKENMAN_BENCH_OLD_BIN:-}" ] && old=("old-list=$TOKENMAN_BENCH_OLD_BIN list" "old-list-json=$TOKENMAN_BENCH_OLD_BIN list --json")
  bench_interleaved "$runs" "cat=cat $dir/config.toml $dir/state/tokens.json" "py-loop=$py -S $dir/loop.py $dir/config.toml" \
    "list=$bin list" "list-json=$bin list --json" "${old[@]}"
  names=("${BENCH_NAMES[@]}"); medians=("${BENCH_MEDIAN_US[@]}")
  printf '\nN = %s accounts, %s runs each, interleaved; medians of wall time per process\n' "$n" "$runs"
  printf '%-13s %10s %8s %12s %14s\n' command median_ms "x cat" "x py-loop" "us/account"
  for j in "${!names[@]}"; do
    awk -v c="${names[$j]}" -v m="${medians[$j]}" -v b="${medians[0]}" -v p="${medians[1]}" -v n="$n" \
      'BEGIN {printf "%-13s %10.2f %8.2f %12.2f %14.2f\n", c, m/1000, m/b, m/p, m/n}'
  done
done
