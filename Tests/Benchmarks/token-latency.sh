#!/usr/bin/env bash
# How long a cached `tokenman token ACCOUNT` (and `header`) takes, as a ratio to baselines
# measured in the same run (machines are shared and noisy; absolute numbers mean little):
#   cat            reading the token store with cat (a process start plus a file read)
#   c-hello        a C program that prints a line
#   swift-hello    a Swift program that prints a line (same toolchain, -O, no Foundation)
#   token, header  the README's install build, a valid cached token, the simulator already
#                  stopped, so any network use on this path would fail rather than be measured.
# Runs are interleaved round-robin so load changes hit every command alike; medians reported.
# Usage: Tests/Benchmarks/token-latency.sh [RUNS]    (default 200)
# TOKENMAN_BENCH_OLD_BIN=/path/to/another/tokenman adds its `token` to the same interleaved runs
# (before/after comparisons on a noisy machine).
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/Benchmarks/bench-lib.sh
runs="${1:-200}"

echo "building release (the README's install build)..." >&2
bin="$(bench_release_bin)"

work="$(mktemp -d)"
cleanup() { bench_stop_simulator; rm -rf "$work"; }
trap cleanup EXIT

# A valid cached token: log in once against the simulator, then stop it.
bench_start_simulator "$bin" "$work"
cat >"$work/config.toml" <<TOML
[[accounts]]
name = "bench"
provider = "starship"
base_url = "http://127.0.0.1:$BENCH_SIM_PORT/starship"
username = "demo"
password_env = "TOKENMAN_BENCH_PASSWORD"
TOML
chmod 600 "$work/config.toml"
export TOKENMAN_CONFIG="$work/config.toml" TOKENMAN_STATE_DIR="$work/state"
TOKENMAN_BENCH_PASSWORD=demo-pass-3 "$bin" token bench >/dev/null
bench_stop_simulator
# Proof that the measured path makes no request: the simulator is gone and it still works.
"$bin" token bench >/dev/null

printf '#include <stdio.h>\nint main(void){puts("hello");return 0;}\n' >"$work/hello.c"
cc -O2 -o "$work/c-hello" "$work/hello.c"
printf 'print("hello")\n' >"$work/hello.swift"
swiftc -O -o "$work/swift-hello" "$work/hello.swift" 2>/dev/null

extra=()
[ -n "${TOKENMAN_BENCH_OLD_BIN:-}" ] && extra=("old tokenman token=$TOKENMAN_BENCH_OLD_BIN token bench")
bench_interleaved "$runs" "cat=cat $work/state/tokens.json" "c-hello=$work/c-hello" \
  "swift-hello=$work/swift-hello" "tokenman token=$bin token bench" "tokenman header=$bin header bench" "${extra[@]}"
printf '%s runs each, interleaved; medians of wall time per process\n\n' "$runs"
bench_table
awk -v t="${BENCH_MEDIAN_US[3]}" -v s="${BENCH_MEDIAN_US[2]}" 'BEGIN {printf "\ntokenman token / swift-hello = %.2f\n", t/s}'
