#!/usr/bin/env bash
# How long a cached `tokenman token ACCOUNT` takes, as a ratio to baselines measured in the same
# run on the same machine (machines are shared and noisy; absolute numbers mean little):
#   cat            reading the token store file with cat (a process start plus a file read)
#   c-hello        a C program that prints a line (if cc is installed)
#   swift-hello    a Swift program that prints a line (same toolchain, release build)
#   tokenman-token the real thing: release build, valid cached token, simulator already stopped,
#                  so any network use on this path would fail rather than be measured.
#   token-static   the same with the Swift runtime and Foundation linked statically
#                  (`swift build -c release --static-swift-stdlib`), as an installed binary would be.
# Runs are interleaved round-robin so load changes hit every command alike; medians reported.
# Usage: Tests/Benchmarks/token-latency.sh [RUNS]    (default 200)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-200}"

echo "building release (dynamic and static stdlib)..." >&2
swift build -c release --product tokenman >&2
bin="$(swift build -c release --show-bin-path)/tokenman"
swift build -c release --static-swift-stdlib --product tokenman --scratch-path .build-static >&2
static_bin="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/tokenman"

work="$(mktemp -d)"
sim_pid=""
cleanup() {
  if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A valid cached token: log in once against the simulator on a free port.
"$bin" simulate --port 0 >"$work/sim.log" 2>&1 &
sim_pid=$!
port=""
for _ in $(seq 1 100); do
  port="$(grep -o '127\.0\.0\.1:[0-9]*' "$work/sim.log" 2>/dev/null | head -1 | cut -d: -f2 || true)"
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "$port" ] || { echo "simulator did not start" >&2; cat "$work/sim.log" >&2; exit 1; }

cat >"$work/config.toml" <<TOML
[[accounts]]
name = "bench"
provider = "starship"
base_url = "http://127.0.0.1:$port/starship"
username = "demo"
password_env = "TOKENMAN_BENCH_PASSWORD"
TOML
export TOKENMAN_CONFIG="$work/config.toml" TOKENMAN_STATE_DIR="$work/state"
TOKENMAN_BENCH_PASSWORD=demo-pass-3 "$bin" token bench >/dev/null
kill "$sim_pid"; wait "$sim_pid" 2>/dev/null || true; sim_pid=""
# Proof that the measured path makes no request: the simulator is gone and it still works.
"$bin" token bench >/dev/null

names=(cat)
commands=("cat $work/state/tokens.json")
if command -v cc >/dev/null 2>&1; then
  printf '#include <stdio.h>\nint main(void){puts("hello");return 0;}\n' >"$work/hello.c"
  cc -O2 -o "$work/c-hello" "$work/hello.c"
  names+=(c-hello); commands+=("$work/c-hello")
fi
printf 'print("hello")\n' >"$work/hello.swift"
if swiftc -O -o "$work/swift-hello" "$work/hello.swift" 2>/dev/null; then
  names+=(swift-hello); commands+=("$work/swift-hello")
fi
names+=(tokenman-token); commands+=("$bin token bench")
names+=(token-static); commands+=("$static_bin token bench")

# Warm the page cache.
for c in "${commands[@]}"; do for _ in 1 2 3 4 5; do $c >/dev/null; done; done

declare -A samples
for ((i = 0; i < runs; i++)); do
  for j in "${!commands[@]}"; do
    start=$EPOCHREALTIME
    ${commands[$j]} >/dev/null
    end=$EPOCHREALTIME
    samples[$j]+="$(( (${end/./} - ${start/./}) )) "
  done
done

median_us() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
declare -A medians
for j in "${!commands[@]}"; do medians[$j]="$(printf '%s' "${samples[$j]}" | median_us)"; done
base="${medians[0]}"
printf '%s runs each, interleaved; medians of wall time per process\n' "$runs"
printf '%-16s %10s %12s\n' command median_ms "x cat"
for j in "${!commands[@]}"; do
  awk -v n="${names[$j]}" -v m="${medians[$j]}" -v b="$base" 'BEGIN {printf "%-16s %10.2f %12.2f\n", n, m/1000, m/b}'
done
for j in "${!names[@]}"; do [ "${names[$j]}" = swift-hello ] && hello=$j; done
if [ -n "${hello:-}" ]; then
  last=$((${#commands[@]} - 1))
  awk -v d="${medians[$((last - 1))]}" -v s="${medians[$last]}" -v b="${medians[$hello]}" \
    'BEGIN {printf "tokenman token / swift-hello = %.2f (dynamic), %.2f (static stdlib)\n", d/b, s/b}'
fi
if command -v hyperfine >/dev/null 2>&1; then
  echo; echo "hyperfine (for reference):"
  hyperfine -N --warmup 10 --runs "$runs" "cat $work/state/tokens.json" "$bin token bench" 2>&1 | grep -E 'Time|±|faster|Benchmark' || true
fi
