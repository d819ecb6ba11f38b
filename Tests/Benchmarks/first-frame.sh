#!/usr/bin/env bash
# Time to the UI's first frame with 20 accounts, as a ratio to a C program (compiled here) that
# draws the same 20 rows with ncurses. Each program runs on a new pseudo-terminal (120x35) as
# its controlling terminal; pty-first-frame.py measures from just before exec until the last
# account row (`acct-000019`) has been written, then kills it. Tokens are valid for an hour,
# so the UI has no renewal to make. Interleaved runs, medians.
# Usage: Tests/Benchmarks/first-frame.sh [RUNS]    (default 40)
# TOKENMAN_BENCH_OLD_BIN=/path/to/another/tokenman adds it to the same interleaved runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/Benchmarks/bench-lib.sh
runs="${1:-40}"
driver="$PWD/Tests/Benchmarks/pty-first-frame.py"

echo "building release (the README's install build)..." >&2
bin="$(bench_release_bin)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bench_generate_accounts 20 "$work"
chmod 600 "$work/config.toml"
cc -O2 -o "$work/c-frame" Tests/Benchmarks/first-frame.c -lncursesw

frame="$driver 120 35 acct-000019"
export TOKENMAN_CONFIG="$work/config.toml" TOKENMAN_STATE_DIR="$work/state"
extra=()
[ -n "${TOKENMAN_BENCH_OLD_BIN:-}" ] && extra=("old tokenman=$frame $TOKENMAN_BENCH_OLD_BIN")
bench_interleaved_reported "$runs" "C ncurses=$frame $work/c-frame" "tokenman=$frame $bin" "${extra[@]}"
printf '%s runs each, interleaved; medians from exec to the 20th row on the terminal\n\n' "$runs"
bench_table
