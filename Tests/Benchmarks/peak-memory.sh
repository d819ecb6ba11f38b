#!/usr/bin/env bash
# Peak resident memory (max RSS) of `tokenman list`, a cached `tokenman token` and the UI's first
# frame, at 10 and 100,000 accounts, next to the size of the config and the token store, and to
# `cat` of both files (a process's own floor). Medians of RUNS runs each.
# Usage: Tests/Benchmarks/peak-memory.sh [RUNS] [N...]    (default 3 runs, N = 10 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/Benchmarks/bench-lib.sh
runs="${1:-3}"; shift || true
sizes=("$@"); [ "${#sizes[@]}" -gt 0 ] || sizes=(10 100000)
driver="$PWD/Tests/Benchmarks/pty-first-frame.py"

echo "building release (the README's install build)..." >&2
bin="$(bench_release_bin)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

max_rss_kib() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
median_of() { local out="" _; for _ in $(seq 1 "$runs"); do out+="$("$@") "; done; printf '%s' "$out" | bench_median; }
frame_rss() { "$driver" 120 35 "$1" "$bin" | awk '{print $2}'; }

printf '| accounts | config | store | cat both | list | token | UI first frame | (worst − worst at the first N) / config |\n|---|---|---|---|---|---|---|---|\n'
first_worst=""
for n in "${sizes[@]}"; do
  dir="$work/n$n"
  bench_generate_accounts "$n" "$dir"
  chmod 600 "$dir/config.toml"
  export TOKENMAN_CONFIG="$dir/config.toml" TOKENMAN_STATE_DIR="$dir/state"
  config_kib=$(( $(stat -c %s "$dir/config.toml") / 1024 ))
  store_kib=$(( $(stat -c %s "$dir/state/tokens.json") / 1024 ))
  cat_kib="$(median_of max_rss_kib cat "$dir/config.toml" "$dir/state/tokens.json")"
  list_kib="$(median_of max_rss_kib "$bin" list)"
  token_kib="$(median_of max_rss_kib "$bin" token acct-000000)"
  frame_kib="$(median_of frame_rss acct-000000)"
  worst="$(printf '%s\n' "$list_kib" "$token_kib" "$frame_kib" | sort -n | tail -1)"
  [ -n "$first_worst" ] || first_worst="$worst"
  awk -v n="$n" -v c="$config_kib" -v s="$store_kib" -v k="$cat_kib" -v l="$list_kib" -v t="$token_kib" -v f="$frame_kib" \
      -v w="$worst" -v w0="$first_worst" 'BEGIN {
    printf "| %d | %.1f MiB | %.1f MiB | %.1f MiB | %.1f MiB | %.1f MiB | %.1f MiB | %s |\n", n, c/1024, s/1024, k/1024, l/1024, t/1024, f/1024, (w > w0 && c > 0 ? sprintf("%.1f", (w - w0)/c) : "—")
  }'
done
