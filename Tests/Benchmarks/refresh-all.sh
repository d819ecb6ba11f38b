#!/usr/bin/env bash
# Refreshing every one of N accounts (default 1,000) against `tokenman simulate`, as a ratio to
# `curl --parallel` sending the same N refresh requests to the same simulator.
#   curl -Z 50     curl --parallel --parallel-max 50, one config entry per request (the requests
#                  tokenman sends: POST JSON {username, refresh_token}); its own N sessions
#   curl -Z 16     the same, 16 at once (tokenman sends TokenRenewer.concurrentRequests, 48)
#   tokenman       `tokenman refresh --all`: renew, check, store the N token sets
# Wikimedia accounts: the simulator keeps their refresh tokens (up to 100 refreshes each), so
# every run refreshes the same sessions. Interleaved runs, medians of wall time.
# Usage: Tests/Benchmarks/refresh-all.sh [RUNS] [N]    (default 5 runs, 1000 accounts)
# TOKENMAN_BENCH_OLD_BIN=/path/to/another/tokenman adds its `refresh --all` to the same
# interleaved runs, on the same store (before/after comparisons on a noisy machine).
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/Benchmarks/bench-lib.sh
runs="${1:-5}"; n="${2:-1000}"

echo "building release (the README's install build)..." >&2
bin="$(bench_release_bin)"
work="$(mktemp -d)"
cleanup() { bench_stop_simulator; rm -rf "$work"; }
trap cleanup EXIT
bench_start_simulator "$bin" "$work"
base="http://127.0.0.1:$BENCH_SIM_PORT/wikimedia"

mkdir -p "$work/state" "$work/curl"
chmod 700 "$work/state"
for ((i = 0; i < n; i++)); do
  printf '[[accounts]]\nname = "acct-%06d"\nprovider = "wikimedia"\nbase_url = "%s"\nusername = "demo"\npassword_env = "TOKENMAN_BENCH_PASSWORD"\n\n' "$i" "$base"
done >"$work/config.toml"
chmod 600 "$work/config.toml"
export TOKENMAN_CONFIG="$work/config.toml" TOKENMAN_STATE_DIR="$work/state"

echo "logging in $n accounts for tokenman and $n sessions for curl..." >&2
seq -f 'acct-%06g' 0 $((n - 1)) | TOKENMAN_BENCH_PASSWORD=demo-pass-4 xargs -P 4 -I{} "$bin" token {} >/dev/null
# One option set per request, separated by `next` (options do not carry over it).
for ((i = 0; i < n; i++)); do
  [ "$i" -gt 0 ] && echo next
  printf 'url = "%s/v1/login"\ndata = "{\\"username\\":\\"demo\\",\\"password\\":\\"demo-pass-4\\"}"\nheader = "Content-Type: application/json"\nsilent\noutput = "%s/curl/login-%d.json"\n' \
    "$base" "$work" "$i"
done >"$work/login.curl"
curl -s --no-progress-meter --parallel --parallel-max 16 -K "$work/login.curl"
python3 - "$work" "$n" "$base" <<'PY'
import json, sys
work, n, base = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(f"{work}/refresh.curl", "w") as out:
    for i in range(n):
        token = json.load(open(f"{work}/curl/login-{i}.json"))["refresh_token"]
        body = json.dumps({"username": "demo", "refresh_token": token}).replace('"', '\\"')
        out.write(("next\n" if i else "") + f'url = "{base}/v1/token-refresh"\ndata = "{body}"\n'
                  f'header = "Content-Type: application/json"\nsilent\nfail\noutput = "/dev/null"\n')
PY
"$bin" refresh --all  # proof that it works before it is timed

extra=()
[ -n "${TOKENMAN_BENCH_OLD_BIN:-}" ] && extra=("old tokenman refresh --all=$TOKENMAN_BENCH_OLD_BIN refresh --all")
bench_interleaved "$runs" \
  "curl -Z 50=curl -s --no-progress-meter --fail --parallel --parallel-max 50 -K $work/refresh.curl" \
  "curl -Z 16=curl -s --no-progress-meter --fail --parallel --parallel-max 16 -K $work/refresh.curl" \
  "tokenman refresh --all=$bin refresh --all" "${extra[@]}"
printf '%s accounts, %s runs each, interleaved; medians of wall time\n\n' "$n" "$runs"
bench_table
